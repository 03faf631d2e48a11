package th.phatthana.lrs.xapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import th.phatthana.lrs.statements.validation.StatementValidationException;

/** Turns failures of the xAPI controllers into the specification's status codes with a JSON message. */
@RestControllerAdvice(basePackages = "th.phatthana.lrs")
class XapiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(XapiExceptionHandler.class);

    @ExceptionHandler(XapiException.class)
    ResponseEntity<String> xapi(XapiException e) {
        ResponseEntity<String> response = respond(e.status(), e.getMessage());
        if (e.retryAfterSeconds() == null) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds())).body(response.getBody());
    }

    @ExceptionHandler(StatementValidationException.class)
    ResponseEntity<String> invalid(StatementValidationException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "missing required parameter '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.BAD_REQUEST, "unsupported Content-Type: " + e.getContentType());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, "the request body could not be read");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed on this resource");
    }

    /**
     * The servlet container refuses to read a query string or form whose parameters it cannot
     * split (e.g. one with an empty name: {@code ?=x}) when the first parameter is read.
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<String> unreadableParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "the query string or form cannot be read as parameters "
                + "(every parameter needs a name: name=value, joined by &)");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("xAPI request failed", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the request was not completed");
    }

    static ResponseEntity<String> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(XapiErrorResponses.body(status, message));
    }
}
