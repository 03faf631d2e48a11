package th.phatthana.api.fuzz;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.LoggerFactory;
import org.springframework.test.context.TestContextManager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import th.phatthana.api.testing.IntegrationTest;

/**
 * Base of the jqwik properties that send generated requests to the running application over
 * real HTTP. jqwik runs on its own JUnit Platform engine, which does not apply Spring's JUnit
 * Jupiter extension, so the Spring test context (the same cached one every IntegrationTest uses)
 * is prepared here by hand. Every ERROR logged meanwhile is captured: a request may be refused
 * (4xx), but it may never fail on the server (5xx) or log a failure.
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

    @BeforeProperty
    void startApplication() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        errors.start();
        root().addAppender(errors);
    }

    @AfterProperty
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

    static <T> List<T> list(T... items) {
        return List.of(items);
    }
}
