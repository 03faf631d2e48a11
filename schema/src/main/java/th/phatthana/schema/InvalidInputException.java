package th.phatthana.schema;

/**
 * Input a caller sent that can never be right (e.g. a malformed citizen ID), thrown where a check
 * refuses it. The API answers BAD_REQUEST with the message, so the message is written for callers;
 * any other exception is an internal error whose text never reaches them. An
 * {@link IllegalArgumentException}, so code catching those still does.
 */
public class InvalidInputException extends IllegalArgumentException {

    public InvalidInputException(String message) {
        super(message);
    }
}
