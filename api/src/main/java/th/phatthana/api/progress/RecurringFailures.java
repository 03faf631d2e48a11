package th.phatthana.api.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;

/**
 * Logs a failure that a background loop retries: one line when it starts, one every
 * {@link #REMINDER} while it lasts (with the count), one when it ends; never a stack trace per
 * attempt, and never the exception's message, which can quote stored data (names, e-mail
 * addresses): only its type and the place in our code where it arose. The stack trace is at DEBUG.
 */
final class RecurringFailures {

    static final Duration REMINDER = Duration.ofMinutes(5);

    private record Failing(String kind, Instant since, Instant lastLogged, int count) {
    }

    private final Logger log;
    private final Clock clock;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    RecurringFailures(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void failed(String what, RuntimeException e) {
        Instant now = clock.instant();
        String kind = describe(e);
        Failing before = failing.get(what);
        if (before == null || !before.kind().equals(kind)) {
            failing.put(what, new Failing(kind, now, now, 1));
            log.warn("Progress projection of {} failed ({}); retrying every second, quietly", what, kind);
        } else if (Duration.between(before.lastLogged(), now).compareTo(REMINDER) >= 0) {
            failing.put(what, new Failing(kind, before.since(), now, before.count() + 1));
            log.warn("Progress projection of {} still failing ({}): {} attempts in {} s", what, kind, before.count() + 1,
                    Duration.between(before.since(), now).toSeconds());
        } else {
            failing.put(what, new Failing(kind, before.since(), before.lastLogged(), before.count() + 1));
        }
        log.debug("Progress projection of {} failed", what, e);
    }

    void succeeded(String what) {
        Failing before = failing.remove(what);
        if (before != null) {
            log.info("Progress projection of {} recovered after {} failed attempt(s)", what, before.count());
        }
    }

    /** The exception's type and where it arose in our code, e.g. {@code MongoWriteException at ProgressStore.java:120}. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("th.phatthana.")) {
                text.append(" at ").append(frame.getFileName()).append(':').append(frame.getLineNumber());
                break;
            }
        }
        return text.toString();
    }
}
