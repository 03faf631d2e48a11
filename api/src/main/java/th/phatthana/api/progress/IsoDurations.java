package th.phatthana.api.progress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seconds of an xAPI {@code result.duration} (ISO 8601). Years and months have no fixed length;
 * for learning time they are counted as 365 and 30 days, which no real course reaches anyway.
 */
final class IsoDurations {

    private static final Pattern DURATION = Pattern.compile(
            "^P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?(?:(\\d+(?:\\.\\d+)?)D)?"
                    + "(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
    private static final double[] SECONDS = {365 * 86400.0, 30 * 86400.0, 7 * 86400.0, 86400.0, 3600.0, 60.0, 1.0};

    private IsoDurations() {
    }

    /** Seconds, or 0 for a missing or unreadable duration (a validated statement never has the latter). */
    static double seconds(String duration) {
        if (duration == null) {
            return 0;
        }
        Matcher matcher = DURATION.matcher(duration);
        if (!matcher.matches()) {
            return 0;
        }
        double total = 0;
        for (int i = 0; i < SECONDS.length; i++) {
            String part = matcher.group(i + 1);
            if (part != null) {
                total += Double.parseDouble(part) * SECONDS[i];
            }
        }
        return total;
    }
}
