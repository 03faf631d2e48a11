package th.phatthana.schema;

import java.util.Locale;

/**
 * Why a piece of input was refused, as services of every module report it: the field (a dotted
 * path, e.g. {@code citizenId}, {@code xapiIdentities.1.mbox} or {@code input.planId}), a stable code
 * (REQUIRED, INVALID, DUPLICATE, NOT_FOUND, IN_USE, TOO_LONG…) and a message for people in Thai and
 * English. The GraphQL layer turns it into a {@code UserError}, the roster import into a row error,
 * each in the language the request asks for.
 */
public record Problem(String field, String code, Message text) {

    public Problem(String field, String code, String th, String en) {
        this(field, code, Message.of(th, en));
    }

    /** A problem at a path given as its parts, e.g. ["goals", key, "indicators"]. */
    public static Problem at(java.util.List<String> path, String code, String th, String en) {
        return new Problem(String.join(".", path), code, th, en);
    }

    public static Problem required(String field) {
        return new Problem(field, "REQUIRED", "ต้องระบุ" + Glossary.fieldName(field), field + " is required");
    }

    public static Problem invalid(String field, String th, String en) {
        return new Problem(field, "INVALID", th, en);
    }

    /** The English text (as logs and older callers read it). */
    public String message() {
        return text.en();
    }

    public String messageTh() {
        return text.th();
    }

    public String message(Locale locale) {
        return text.in(locale);
    }

    /** The same problem for a field nested under {@code prefix}. */
    public Problem under(String prefix) {
        return new Problem(prefix + "." + field, code, text);
    }
}
