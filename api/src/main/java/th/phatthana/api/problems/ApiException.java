package th.phatthana.api.problems;

/**
 * A refused call (not a validation failure of a mutation's input: those are problems, returned as
 * userErrors). Thrown by services and controllers alike; the GraphQL and REST doors map its kind.
 */
public class ApiException extends RuntimeException {

    /** What kind of refusal: each door maps it to its own classification or status. */
    public enum Kind {
        UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_REQUEST
    }

    private final Kind kind;
    private final String code;

    public ApiException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Kind.FORBIDDEN, "FORBIDDEN", message);
    }

    /** Also what a caller sees for things of other tenants, so ids cannot be probed. */
    public static ApiException notFound(String what) {
        return new ApiException(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(Kind.BAD_REQUEST, "BAD_REQUEST", field + ": " + message);
    }
}
