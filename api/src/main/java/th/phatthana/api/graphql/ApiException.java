package th.phatthana.api.graphql;

/** A failure of a GraphQL call itself (not a validation failure of a mutation's input: those are userErrors). */
public class ApiException extends RuntimeException {

    private final ApiErrorType type;
    private final String code;

    public ApiException(ApiErrorType type, String code, String message) {
        super(message);
        this.type = type;
        this.code = code;
    }

    public ApiErrorType type() {
        return type;
    }

    public String code() {
        return code;
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(ApiErrorType.UNAUTHENTICATED, "UNAUTHENTICATED", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ApiErrorType.FORBIDDEN, "FORBIDDEN", message);
    }

    /** Also what a caller sees for things of other tenants, so ids cannot be probed. */
    public static ApiException notFound(String what) {
        return new ApiException(ApiErrorType.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(ApiErrorType.BAD_REQUEST, "BAD_REQUEST", field + ": " + message);
    }
}
