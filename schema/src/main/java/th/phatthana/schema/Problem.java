package th.phatthana.schema;

/**
 * Why a piece of input was refused, as services of every module report it: the field (a dotted
 * path, e.g. {@code citizenId}, {@code xapiIdentities.1.mbox} or {@code input.planId}), a stable code
 * (REQUIRED, INVALID, DUPLICATE, NOT_FOUND, IN_USE, TOO_LONG…) and a message for people. The GraphQL
 * layer turns it into a {@code UserError}, the roster import into a row error.
 */
public record Problem(String field, String code, String message) {

    /** A problem at a path given as its parts, e.g. ["goals", key, "indicators"]. */
    public static Problem at(java.util.List<String> path, String code, String message) {
        return new Problem(String.join(".", path), code, message);
    }

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
