package th.phatthana.lrs.statements.validation;

import java.util.regex.Pattern;

/**
 * Checks for the string formats xAPI statements use: IRIs, UUIDs, language tags, timestamps, durations, mailto
 * IRIs, hashes and media types. All checks are allocation-free hand-written scanners except the language tag, which
 * uses one precompiled regular expression after a fast path for the common {@code ll} / {@code ll-RR} shapes.
 */
final class Formats {

    private Formats() {
    }

    // ------------------------------------------------------------------------------------------------------ IRIs

    /**
     * A best-effort absolute IRI check (RFC 3987): a scheme ({@code ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")}),
     * a colon, then at least one character; no whitespace, control characters or characters IRIs never allow
     * ({@code <>"{}|\^`}), well-formed percent-encodings and at most one {@code #}. Non-ASCII characters (e.g. Thai)
     * are allowed, as in IRIs.
     */
    static boolean isAbsoluteIri(String s) {
        int n = s.length();
        if (n < 3 || !isAlpha(s.charAt(0))) {
            return false;
        }
        int i = 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ':') {
                break;
            }
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
            i++;
        }
        if (i >= n - 1) {
            return false; // no scheme separator, or nothing after it
        }
        boolean fragment = false;
        for (int j = i + 1; j < n; j++) {
            char c = s.charAt(j);
            if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return false;
            }
            switch (c) {
                case '<', '>', '"', '{', '}', '|', '\\', '^', '`' -> {
                    return false;
                }
                case '%' -> {
                    if (j + 2 >= n || !isHex(s.charAt(j + 1)) || !isHex(s.charAt(j + 2))) {
                        return false;
                    }
                    j += 2;
                }
                case '#' -> {
                    if (fragment) {
                        return false;
                    }
                    fragment = true;
                }
                default -> {
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && j + 1 < n && Character.isLowSurrogate(s.charAt(j + 1))) {
                            j++;
                        } else {
                            return false; // unpaired surrogate
                        }
                    } else if (c == '\uFFFE' || c == '\uFFFF') {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------------ UUID

    /** The standard 8-4-4-4-12 form, hexadecimal digits in either case, any version and variant. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!isHex(c)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------- Agents

    /** {@code mailto:} followed by one e-mail address: {@code local@domain}, no whitespace, no second address. */
    static boolean isMailtoIri(String s) {
        if (!s.startsWith("mailto:")) {
            return false;
        }
        int n = s.length();
        int at = s.indexOf('@', 7);
        if (at <= 7 || at >= n - 1 || s.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 7; i < n; i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return false;
            }
            switch (c) {
                case '<', '>', '"', '\\', ',', ';', '?', '(', ')', '[', ']' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        char first = s.charAt(at + 1);
        char last = s.charAt(n - 1);
        return first != '.' && last != '.' && s.indexOf("..", at) < 0;
    }

    /** 40 hexadecimal digits. */
    static boolean isSha1Hex(String s) {
        return s.length() == 40 && isAllHex(s);
    }

    /** Hexadecimal SHA-2 digest: 56 (SHA-224), 64 (SHA-256), 96 (SHA-384) or 128 (SHA-512) hex digits. */
    static boolean isSha2Hex(String s) {
        int n = s.length();
        return (n == 64 || n == 128 || n == 96 || n == 56) && isAllHex(s);
    }

    // --------------------------------------------------------------------------------------------- media type

    /** An Internet media type: {@code type/subtype} tokens, optionally followed by {@code ;} parameters. */
    static boolean isMediaType(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= n || s.charAt(i) != '/') {
            return false;
        }
        int sub = ++i;
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == sub) {
            return false;
        }
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != ';') {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        if (isAlpha(c) || isDigit(c)) {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------------------------------ language tags

    private static final String ALNUM = "[a-z0-9]";

    /** RFC 5646 {@code Language-Tag} (case-insensitive); duplicate subtags are checked separately. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile(
            "(?:"
                    // langtag
                    + "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})" // language ["-" extlang]
                    + "(?:-[a-z]{4})?" // script
                    + "(?:-(?:[a-z]{2}|[0-9]{3}))?" // region
                    + "(?:-(?:" + ALNUM + "{5,8}|[0-9]" + ALNUM + "{3}))*" // variants
                    + "(?:-[0-9a-wyz](?:-" + ALNUM + "{2,8})+)*" // extensions
                    + "(?:-x(?:-" + ALNUM + "{1,8})+)?" // private use
                    + "|x(?:-" + ALNUM + "{1,8})+" // privateuse alone
                    // irregular grandfathered tags (the regular ones already match langtag)
                    + "|en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn"
                    + "|i-tao|i-tay|i-tsu|sgn-be-fr|sgn-be-nl|sgn-ch-de"
                    + ")",
            Pattern.CASE_INSENSITIVE);

    /**
     * An RFC 5646 language tag: the well-formedness grammar (language, extlang, script, region, variants,
     * extensions, private use, grandfathered tags) plus the rules that no variant and no extension singleton may
     * appear twice.
     */
    static boolean isLanguageTag(String s) {
        int n = s.length();
        // fast path: "en", "tha", "en-US", "th-TH", "es-419"
        if ((n == 2 || n == 3) && isAlpha(s.charAt(0)) && isAlpha(s.charAt(1)) && (n == 2 || isAlpha(s.charAt(2)))) {
            return true;
        }
        if ((n == 5 || n == 6) && s.charAt(2) == '-' && isAlpha(s.charAt(0)) && isAlpha(s.charAt(1))) {
            if (n == 5 && isAlpha(s.charAt(3)) && isAlpha(s.charAt(4))) {
                return true;
            }
            if (n == 6 && isDigit(s.charAt(3)) && isDigit(s.charAt(4)) && isDigit(s.charAt(5))) {
                return true;
            }
        }
        if (n == 0 || n > 256 || !LANGUAGE_TAG.matcher(s).matches()) {
            return false;
        }
        return noDuplicateSubtags(s);
    }

    private static boolean noDuplicateSubtags(String s) {
        String[] subtags = s.toLowerCase(java.util.Locale.ROOT).split("-");
        if (subtags.length < 3 || subtags[0].equals("x") || subtags[0].equals("i")) {
            return true;
        }
        boolean inExtensions = false;
        for (int i = 1; i < subtags.length; i++) {
            String t = subtags[i];
            if (t.length() == 1) {
                if (t.equals("x")) {
                    return true; // private use: anything goes
                }
                inExtensions = true;
                for (int j = 1; j < i; j++) {
                    if (subtags[j].equals(t)) {
                        return false; // the same extension singleton twice
                    }
                }
            } else if (!inExtensions && isVariant(t)) {
                for (int j = 1; j < i; j++) {
                    if (subtags[j].equals(t)) {
                        return false; // the same variant twice
                    }
                }
            }
        }
        return true;
    }

    private static boolean isVariant(String t) {
        return t.length() >= 5 || (t.length() == 4 && isDigit(t.charAt(0)));
    }

    // --------------------------------------------------------------------------------------------- durations

    /**
     * An ISO 8601:2004 section 4.4.3.2 duration: {@code PnYnMnDTnHnMnS} (each part optional, at least one present,
     * designators in order, {@code T} followed by at least one time part, a decimal fraction only on the last part)
     * or {@code PnW}. The alternative format ({@code P0003-02-01T...}) is not accepted.
     */
    static boolean isDuration(String s) {
        int n = s.length();
        if (n < 3 || s.charAt(0) != 'P') {
            return false;
        }
        if (s.charAt(n - 1) == 'W') {
            return isDecimal(s, 1, n - 1);
        }
        int i = 1;
        boolean inTime = false;
        boolean fraction = false;
        int order = 0;
        int parts = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == 'T') {
                if (inTime || i == n - 1) {
                    return false;
                }
                inTime = true;
                order = 0;
                i++;
                continue;
            }
            if (fraction) {
                return false; // a fraction is only allowed on the last part
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i >= n) {
                return false;
            }
            c = s.charAt(i);
            if (c == '.' || c == ',') {
                int fractionStart = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == fractionStart || i >= n) {
                    return false;
                }
                fraction = true;
            }
            int k = (inTime ? "HMS" : "YMD").indexOf(s.charAt(i), order);
            if (k < 0) {
                return false;
            }
            order = k + 1;
            parts++;
            i++;
        }
        return parts > 0;
    }

    /** digits, optionally followed by {@code .} or {@code ,} and digits, spanning exactly [from, to). */
    private static boolean isDecimal(String s, int from, int to) {
        int i = from;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        if (i == to) {
            return true;
        }
        char c = s.charAt(i);
        if (c != '.' && c != ',') {
            return false;
        }
        int fractionStart = ++i;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i == to && i > fractionStart;
    }

    // -------------------------------------------------------------------------------------------- timestamps

    static final int TIMESTAMP_OK = 0;
    static final int TIMESTAMP_MALFORMED = 1;
    static final int TIMESTAMP_NO_OFFSET = 2;
    static final int TIMESTAMP_NEGATIVE_ZERO_OFFSET = 3;

    /**
     * Checks an ISO 8601 combined date and time, in the extended ({@code 2024-05-01T13:45:30.123+07:00}) or basic
     * ({@code 20240501T134530.123+0700}) format: calendar date with real month lengths and leap years, hours and
     * minutes, optional seconds (0-60, allowing a leap second) with an optional fraction of any precision, and an
     * optional UTC designator {@code Z} or offset {@code ±hh[:mm]} / {@code ±hhmm} of at most 18 hours. A negative zero
     * offset ({@code -00}, {@code -0000}, {@code -00:00}, meaning "local time unknown" in RFC 3339) is reported
     * separately, as is a missing offset.
     *
     * @return {@link #TIMESTAMP_OK} for a valid timestamp with an offset, otherwise one of
     *         {@link #TIMESTAMP_MALFORMED}, {@link #TIMESTAMP_NO_OFFSET} (otherwise valid) and
     *         {@link #TIMESTAMP_NEGATIVE_ZERO_OFFSET}
     */
    static int checkTimestamp(String s) {
        int n = s.length();
        if (n < 13) {
            return TIMESTAMP_MALFORMED;
        }
        boolean extended = s.charAt(4) == '-';
        int year;
        int month;
        int day;
        int i;
        if (extended) {
            if (s.charAt(7) != '-') {
                return TIMESTAMP_MALFORMED;
            }
            year = digits(s, 0, 4);
            month = digits(s, 5, 2);
            day = digits(s, 8, 2);
            i = 10;
        } else {
            year = digits(s, 0, 4);
            month = digits(s, 4, 2);
            day = digits(s, 6, 2);
            i = 8;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return TIMESTAMP_MALFORMED;
        }
        char t = s.charAt(i);
        if (t != 'T' && t != 't') {
            return TIMESTAMP_MALFORMED;
        }
        i++;
        // hh[:]mm
        int hour = digits(s, i, 2);
        i += 2;
        if (extended) {
            if (i >= n || s.charAt(i) != ':') {
                return TIMESTAMP_MALFORMED;
            }
            i++;
        }
        int minute = digits(s, i, 2);
        i += 2;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return TIMESTAMP_MALFORMED;
        }
        // [[:]ss[.fff]]
        boolean seconds = extended ? i < n && s.charAt(i) == ':' : i < n && isDigit(s.charAt(i));
        if (seconds) {
            if (extended) {
                i++;
            }
            int second = digits(s, i, 2);
            i += 2;
            if (second < 0 || second > 60) {
                return TIMESTAMP_MALFORMED;
            }
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int fractionStart = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == fractionStart) {
                    return TIMESTAMP_MALFORMED;
                }
            }
        }
        if (i == n) {
            return TIMESTAMP_NO_OFFSET;
        }
        char z = s.charAt(i);
        if (z == 'Z' || z == 'z') {
            return i == n - 1 ? TIMESTAMP_OK : TIMESTAMP_MALFORMED;
        }
        if (z != '+' && z != '-') {
            return TIMESTAMP_MALFORMED;
        }
        i++;
        int offsetHours = digits(s, i, 2);
        i += 2;
        int offsetMinutes = 0;
        if (i < n) {
            if (s.charAt(i) == ':') {
                i++;
            }
            offsetMinutes = digits(s, i, 2);
            i += 2;
        }
        if (i != n || offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59
                || offsetHours > 18 || (offsetHours == 18 && offsetMinutes != 0)) {
            return TIMESTAMP_MALFORMED;
        }
        if (z == '-' && offsetHours == 0 && offsetMinutes == 0) {
            return TIMESTAMP_NEGATIVE_ZERO_OFFSET;
        }
        return TIMESTAMP_OK;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 if they are not all there. */
    private static int digits(String s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // ----------------------------------------------------------------------------------------------- version

    /**
     * A statement {@code version} an LRS of the given version accepts: {@code 1.0} or {@code 1.0.x} (x a number,
     * optionally with a semantic-versioning pre-release or build suffix), and for xAPI 2.0 also {@code 2.0} or
     * {@code 2.0.x}.
     */
    static boolean isAcceptedStatementVersion(String s, boolean v2) {
        return isVersion(s, '1') || (v2 && isVersion(s, '2'));
    }

    private static boolean isVersion(String s, char major) {
        int n = s.length();
        if (n < 3 || s.charAt(0) != major || s.charAt(1) != '.' || s.charAt(2) != '0') {
            return false;
        }
        if (n == 3) {
            return true;
        }
        if (s.charAt(3) != '.') {
            return false;
        }
        int i = 4;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 4) {
            return false;
        }
        if (i == n) {
            return true;
        }
        // semver 1.0.0 pre-release / build suffixes: -alpha.1, +build.5
        char c = s.charAt(i);
        if (c != '-' && c != '+') {
            return false;
        }
        for (int j = i + 1; j < n; j++) {
            char d = s.charAt(j);
            if (!(isAlpha(d) || isDigit(d) || d == '-' || d == '.' || d == '+')) {
                return false;
            }
        }
        return i + 1 < n;
    }

    // ------------------------------------------------------------------------------------------------ chars

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAllHex(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
