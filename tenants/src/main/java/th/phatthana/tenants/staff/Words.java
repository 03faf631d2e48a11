package th.phatthana.tenants.staff;

import java.util.Locale;

/**
 * Normalises words typed by people (imports, filters) before comparing them: Latin text is
 * upper-cased with spaces and hyphens turned into {@code _} ("on leave" → ON_LEAVE); Thai text
 * loses its spaces, which Thai writers place freely.
 */
final class Words {

    private Words() {
    }

    static String key(String text) {
        if (text == null) {
            return "";
        }
        String value = text.strip();
        if (value.matches(".*[A-Za-z].*")) {
            return value.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        }
        return value.replaceAll("\\s+", "");
    }
}
