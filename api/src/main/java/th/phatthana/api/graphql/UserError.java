package th.phatthana.api.graphql;

import java.util.List;

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
}
