package th.phatthana.api.fuzz;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import th.phatthana.api.testing.IntegrationTest;

/**
 * Base of the fuzzers, which send generated requests to the running application over real HTTP.
 * Every ERROR logged meanwhile is captured: a request may be refused (4xx), but it may never fail
 * on the server (5xx) or log a failure. Each fuzzer sends {@code TRIES} requests from one seed
 * ({@link Generator}); a failure names the seed and the request.
 */
abstract class FuzzingTest extends IntegrationTest {

    /** ERROR events logged by the application while a property runs. */
    static final class ErrorCapture extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                events.add(event);
            }
        }
    }

    private final ErrorCapture errors = new ErrorCapture();

    @BeforeEach
    void captureErrors() {
        errors.start();
        root().addAppender(errors);
    }

    @AfterEach
    void stopCapture() {
        root().detachAppender(errors);
        errors.stop();
    }

    /** Fails with the first ERROR logged since the last call, naming what was sent. */
    void assertNothingLoggedAtError(Object sent) {
        ILoggingEvent first = errors.events.poll();
        if (first != null) {
            errors.events.clear();
            IThrowableProxy thrown = first.getThrowableProxy();
            throw new AssertionError("logged at ERROR by " + first.getLoggerName() + ": " + first.getFormattedMessage()
                    + (thrown == null ? "" : " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")") + "\nafter sending " + sent);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Counts answers by method and status, for the summary a fuzzer logs at the end. */
    final java.util.Map<String, Integer> answers = new java.util.TreeMap<>();

    void count(String answer) {
        answers.merge(answer, 1, Integer::sum);
    }

    void logSummary(Generator generator, int tries) {
        org.slf4j.LoggerFactory.getLogger(getClass()).info("{} requests from seed {}: {}", tries, generator.seed, answers);
    }

    static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…(" + text.length() + " characters)";
    }
}
