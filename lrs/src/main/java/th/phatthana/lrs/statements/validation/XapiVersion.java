package th.phatthana.lrs.statements.validation;

/** The xAPI versions this LRS speaks, as selected by the {@code X-Experience-API-Version} request header. */
public enum XapiVersion {

    /** xAPI 1.0.3 (accepted for any {@code 1.0} / {@code 1.0.x} header). */
    V1_0_3("1.0.3"),

    /** xAPI 2.0 / IEEE 9274.1.1 (accepted for any {@code 2.0} / {@code 2.0.x} header). */
    V2_0_0("2.0.0");

    private final String headerValue;

    XapiVersion(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value to send back in the {@code X-Experience-API-Version} response header. */
    public String headerValue() {
        return headerValue;
    }

    /**
     * Maps an {@code X-Experience-API-Version} header value to a version: {@code 1.0} and any {@code 1.0.x} give
     * {@link #V1_0_3}; {@code 2.0} and any {@code 2.0.x} give {@link #V2_0_0}.
     *
     * @throws StatementValidationException for a missing or unsupported version
     */
    public static XapiVersion fromHeader(String headerValue) {
        if (headerValue == null) {
            throw new StatementValidationException(
                    "X-Experience-API-Version: a missing header is not supported (supported: 1.0.x, 2.0.x)");
        }
        String v = headerValue.trim();
        if (isMinor(v, '1')) {
            return V1_0_3;
        }
        if (isMinor(v, '2')) {
            return V2_0_0;
        }
        throw new StatementValidationException("X-Experience-API-Version: \"" + headerValue
                + "\" is not supported (supported: 1.0.x, 2.0.x)");
    }

    /** {@code M.0} or {@code M.0.<digits>}. */
    private static boolean isMinor(String v, char major) {
        int n = v.length();
        if (n < 3 || v.charAt(0) != major || v.charAt(1) != '.' || v.charAt(2) != '0') {
            return false;
        }
        if (n == 3) {
            return true;
        }
        if (n == 4 || v.charAt(3) != '.') {
            return false;
        }
        for (int i = 4; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
