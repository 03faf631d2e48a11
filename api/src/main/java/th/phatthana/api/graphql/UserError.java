package th.phatthana.api.graphql;

import java.util.List;
import java.util.Locale;

import th.phatthana.schema.Message;
import th.phatthana.schema.Problem;

/**
 * A validation failure of a mutation's input, returned in the payload's {@code userErrors}. Its
 * {@code message} is said in the request's language ({@link UserErrorMessages}); field and code never change.
 *
 * @param field path of the input field, e.g. ["input", "staff", "3", "citizenId"]
 * @param text  what is wrong, for people, in Thai and English
 * @param code  stable, for programs (e.g. REQUIRED, INVALID, DUPLICATE, NOT_ALLOWED)
 */
public record UserError(List<String> field, Message text, String code) {

    public UserError(List<String> field, String th, String en, String code) {
        this(field, Message.of(th, en), code);
    }

    public static UserError of(String field, String code, String th, String en) {
        return new UserError(List.of(field.split("\\.")), Message.of(th, en), code);
    }

    public static UserError of(String field, String code, Message text) {
        return new UserError(List.of(field.split("\\.")), text, code);
    }

    /** A service's problem as the GraphQL API reports it. */
    public static UserError of(Problem problem) {
        return of(problem.field(), problem.code(), problem.text());
    }

    public static List<UserError> of(List<Problem> problems) {
        return problems.stream().map(UserError::of).toList();
    }

    /** Problems whose fields are relative to the mutation's {@code input}. */
    public static List<UserError> ofInput(List<Problem> problems) {
        return problems.stream().map(p -> of(p.under("input"))).toList();
    }

    /** The English text (logs, older callers). */
    public String message() {
        return text.en();
    }

    public String message(Locale locale) {
        return text.in(locale);
    }
}
