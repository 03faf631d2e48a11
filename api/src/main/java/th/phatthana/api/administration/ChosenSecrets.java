package th.phatthana.api.administration;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.PasswordService;

/**
 * Checks of the secrets an operator may choose in the environment (bootstrap tokens, demo
 * passwords), made when the application starts: a value that could never be used to sign in stops
 * the start with a message naming the variable and the rule, instead of being stored.
 */
public final class ChosenSecrets {

    private ChosenSecrets() {
    }

    /** Thrown for a chosen secret that breaks its rule; the start stops with its message. */
    public static class RefusedSettingException extends IllegalStateException {
        private final String variable;

        RefusedSettingException(String variable, String rule) {
            super(variable + " is refused: " + rule);
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    /** A chosen bearer token; blank means none was chosen. */
    public static void requireUsableToken(String variable, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String problem = AccessTokenService.chosenValueProblem(value);
        if (problem != null) {
            throw new RefusedSettingException(variable, problem);
        }
    }

    /** A chosen console password; blank means none was chosen. */
    public static void requireUsablePassword(String variable, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        PasswordService.problem(value).ifPresent(problem -> {
            throw new RefusedSettingException(variable, switch (problem) {
                case TOO_SHORT -> "a password needs at least " + PasswordService.MIN_LENGTH + " characters";
                case TOO_LONG -> "a password has at most " + PasswordService.MAX_LENGTH + " characters";
            });
        });
    }
}
