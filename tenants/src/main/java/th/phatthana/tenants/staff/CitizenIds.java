package th.phatthana.tenants.staff;

/**
 * Thai citizen identification numbers (เลขประจำตัวประชาชน): 13 digits, the last a check digit.
 * Only the keyed hash of a number is ever stored (see {@link CitizenIdHasher}).
 */
public final class CitizenIds {

    private CitizenIds() {
    }

    /**
     * The 13 digits of a number as people write it (spaces and hyphens allowed, e.g.
     * 1-1037-02345-67-8; Thai digits too), or null when it is not 13 digits with a valid check digit.
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(13);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            int digit = Character.digit(c, 10);
            if (digit < 0) {
                return null;
            }
            digits.append((char) ('0' + digit));
        }
        return digits.length() == 13 && checkDigitOf(digits) == digits.charAt(12) - '0' ? digits.toString() : null;
    }

    public static boolean valid(String text) {
        return normalise(text) != null;
    }

    /**
     * The check digit of the first 12 digits: (11 − Σ dᵢ·(14 − i) mod 11) mod 10, for i = 1…12.
     */
    static int checkDigitOf(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10;
    }
}
