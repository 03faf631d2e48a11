package th.phatthana.api.graphql;

import java.util.List;

import th.phatthana.schema.Problem;

/**
 * A validation failure of a mutation's input, returned in the payload's {@code userErrors}.
 *
 * @param field   path of the input field, e.g. ["input", "staff", "3", "citizenId"]
 * @param message what is wrong, for people
 * @param code    stable, for programs (e.g. REQUIRED, INVALID, DUPLICATE, NOT_ALLOWED)
 */
public record UserError(List<String> field, String message, String code) {

    public static UserError of(String field, String code, String message) {
        return new UserError(List.of(field.split("\\.")), message, code);
    }

    /** A service's problem as the GraphQL API reports it. */
    public static UserError of(Problem problem) {
        return of(problem.field(), problem.code(), problem.message());
    }

    public static List<UserError> of(List<Problem> problems) {
        return problems.stream().map(UserError::of).toList();
    }

    /** Problems whose fields are relative to the mutation's {@code input}. */
    public static List<UserError> ofInput(List<Problem> problems) {
        return problems.stream().map(p -> of(p.under("input"))).toList();
    }
}
