package th.phatthana.api.spreadsheets;

/**
 * Keeps text that a spreadsheet program would run as a formula from being run (CSV injection,
 * OWASP): a text cell beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading apostrophe, which Excel and LibreOffice show as text. Numbers are
 * written as numbers and never pass through here, so a negative amount stays a number.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
