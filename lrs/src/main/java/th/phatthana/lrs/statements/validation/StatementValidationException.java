package th.phatthana.lrs.statements.validation;

/**
 * A statement (or an xAPI version header) that breaks a rule of the xAPI specification.
 *
 * <p>The message names the JSON path of the offending property and the rule it broke, e.g.
 * {@code statement.actor.mbox: must be a "mailto:" IRI}. It is meant to be returned to the client as the body
 * of a {@code 400 Bad Request}.
 *
 * <p>No stack trace is captured: the exception reports bad input, not a bug, and invalid statements can arrive
 * at a high rate.
 */
public class StatementValidationException extends RuntimeException {

    private final String path;
    private final String rule;

    public StatementValidationException(String message) {
        super(message, null, false, false);
        this.path = null;
        this.rule = message;
    }

    /** A failure of {@code rule} at the JSON {@code path}; the message is {@code path + ": " + rule}. */
    public StatementValidationException(String path, String rule) {
        super(path + ": " + rule, null, false, false);
        this.path = path;
        this.rule = rule;
    }

    /** The JSON path of the offending property (e.g. {@code statement.actor.mbox}), or null when not about a path. */
    public String path() {
        return path;
    }

    /** The rule that failed, without the path. */
    public String rule() {
        return rule;
    }
}
