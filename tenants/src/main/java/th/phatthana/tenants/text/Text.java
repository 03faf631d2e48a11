package th.phatthana.tenants.text;

/** How every module cleans up text people typed: surrounding whitespace never counts. */
public final class Text {

    private Text() {
    }

    /** The text stripped, or null when there is none. */
    public static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The text stripped, or "" when there is none. */
    public static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
