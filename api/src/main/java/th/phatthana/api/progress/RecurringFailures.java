package th.phatthana.api.progress;

import java.time.Duration;
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

    private record Failing(String kind, long since, long lastLogged, int count) {
    }

    private final Logger log;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    RecurringFailures(Logger log) {
        this.log = log;
    }

    void failed(String what, RuntimeException e) {
        long now = System.nanoTime();
        String kind = describe(e);
        Failing before = failing.get(what);
        if (before == null || !before.kind().equals(kind)) {
            failing.put(what, new Failing(kind, now, now, 1));
            log.warn("Progress projection of {} failed ({}); retrying every second, quietly", what, kind);
        } else if (now - before.lastLogged() >= REMINDER.toNanos()) {
            failing.put(what, new Failing(kind, before.since(), now, before.count() + 1));
            log.warn("Progress projection of {} still failing ({}): {} attempts in {} s", what, kind, before.count() + 1,
                    Duration.ofNanos(now - before.since()).toSeconds());
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
