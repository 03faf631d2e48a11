package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class StreamGapsTest {

    /** A clock a test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        boolean at(long seconds, StreamGaps gaps, String tenant, long seq) {
            now = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seconds);
            return gaps.passable(tenant, seq);
        }
    }

    private final Hand clock = new Hand();

    @Test
    void withSeveralWritersAnAbandonedNumberIsWaitedForUntilTheGracePeriodEnds() {
        StreamGaps gaps = new StreamGaps(Duration.ofSeconds(10), false, clock);
        assertThat(clock.at(0, gaps, "t1", 5)).as("first seen").isFalse();
        assertThat(clock.at(9, gaps, "t1", 5)).as("still young").isFalse();
        assertThat(clock.at(9, gaps, "t2", 5)).as("another tenant's gap is its own").isFalse();
        assertThat(clock.at(10, gaps, "t1", 5)).as("after the grace period").isTrue();
        assertThat(clock.at(10, gaps, "t1", 9)).as("a new gap starts its own period").isFalse();
    }

    @Test
    void aGapThatClosesAndAnotherThatOpensAreTimedApart() {
        StreamGaps gaps = new StreamGaps(Duration.ofSeconds(10), false, clock);
        assertThat(clock.at(0, gaps, "t", 5)).isFalse();
        assertThat(clock.at(20, gaps, "t", 7)).as("number 5 arrived; 7 is a new gap").isFalse();
    }

    @Test
    void withASingleWriterAnAbandonedNumberIsPassedAtOnce() {
        StreamGaps gaps = new StreamGaps(Duration.ofSeconds(10), true, clock);
        assertThat(clock.at(0, gaps, "t", 5)).as("only a dead writer of this process can have left it").isTrue();
    }
}
