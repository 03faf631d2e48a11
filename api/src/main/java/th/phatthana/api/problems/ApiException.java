package th.phatthana.api.problems;

import java.util.Locale;

import th.phatthana.schema.Message;

/**
 * A refused call (not a validation failure of a mutation's input: those are problems, returned as
 * userErrors). Thrown by services and controllers alike; the GraphQL and REST doors map its kind
 * and say its message in the request's language ({@link #getMessage()} is the English one, for logs).
 */
public class ApiException extends RuntimeException {

    /** What kind of refusal: each door maps it to its own classification or status. */
    public enum Kind {
        UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST
    }

    private final Kind kind;
    private final String code;
    private final Message text;

    public ApiException(Kind kind, String code, Message text) {
        super(text.en());
        this.kind = kind;
        this.code = code;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Message text() {
        return text;
    }

    public String getMessage(Locale locale) {
        return text.in(locale);
    }

    public static ApiException unauthenticated(String th, String en) {
        return new ApiException(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", Message.of(th, en));
    }

    public static ApiException forbidden(String th, String en) {
        return new ApiException(Kind.FORBIDDEN, "FORBIDDEN", Message.of(th, en));
    }

    /** Also what a caller sees for things of other tenants, so ids cannot be probed. */
    public static ApiException notFound(String whatTh, String whatEn) {
        return new ApiException(Kind.NOT_FOUND, "NOT_FOUND", Message.of("ไม่พบ" + whatTh, whatEn + " not found"));
    }

    public static ApiException badRequest(String field, String th, String en) {
        return new ApiException(Kind.BAD_REQUEST, "BAD_REQUEST", Message.of(field + ": " + th, field + ": " + en));
    }
}
