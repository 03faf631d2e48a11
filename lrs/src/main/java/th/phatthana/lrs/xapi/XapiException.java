package th.phatthana.lrs.xapi;

import org.springframework.http.HttpStatus;

/** An xAPI request failure with the status the specification requires and a message naming the cause. */
public class XapiException extends RuntimeException {

    private final HttpStatus status;
    private final Integer retryAfterSeconds;

    public XapiException(HttpStatus status, String message) {
        this(status, message, null);
    }

    private XapiException(HttpStatus status, String message, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    /** Seconds after which the request may be repeated ({@code Retry-After}), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429: this client already has as many requests of this kind running as it may. */
    public static XapiException tooManyRequests(String message, int retryAfterSeconds) {
        return new XapiException(HttpStatus.TOO_MANY_REQUESTS, message, retryAfterSeconds);
    }

    /** 503: the request was stopped to keep the store available to others; it may be repeated later. */
    public static XapiException unavailable(String message, int retryAfterSeconds) {
        return new XapiException(HttpStatus.SERVICE_UNAVAILABLE, message, retryAfterSeconds);
    }

    public static XapiException badRequest(String message) {
        return new XapiException(HttpStatus.BAD_REQUEST, message);
    }

    public static XapiException notFound(String message) {
        return new XapiException(HttpStatus.NOT_FOUND, message);
    }

    public static XapiException conflict(String message) {
        return new XapiException(HttpStatus.CONFLICT, message);
    }

    public static XapiException forbidden(String message) {
        return new XapiException(HttpStatus.FORBIDDEN, message);
    }

    public static XapiException preconditionFailed(String message) {
        return new XapiException(HttpStatus.PRECONDITION_FAILED, message);
    }
}
