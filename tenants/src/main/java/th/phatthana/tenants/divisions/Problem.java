package th.phatthana.tenants.divisions;

/**
 * Why a piece of input was refused: the field (a dotted path relative to the input, e.g.
 * {@code citizenId} or {@code xapiIdentities.1.mbox}), a stable code (REQUIRED, INVALID, DUPLICATE,
 * NOT_FOUND, IN_USE, TOO_LONG) and a message for people. The GraphQL layer turns it into a
 * {@code UserError}, the roster import into a row error.
 */
public record Problem(String field, String code, String message) {

    public static Problem required(String field) {
        return new Problem(field, "REQUIRED", field + " is required");
    }

    public static Problem invalid(String field, String message) {
        return new Problem(field, "INVALID", message);
    }

    /** The same problem for a field nested under {@code prefix}. */
    public Problem under(String prefix) {
        return new Problem(prefix + "." + field, code, message);
    }
}
