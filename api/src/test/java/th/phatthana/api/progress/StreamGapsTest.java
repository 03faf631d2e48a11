package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StreamGapsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void withSeveralWritersAnAbandonedNumberIsWaitedForUntilTheGracePeriodEnds() {
        StreamGaps gaps = new StreamGaps(Duration.ofSeconds(10), false);
        assertThat(gaps.passable("t1", 5, 0)).as("first seen").isFalse();
        assertThat(gaps.passable("t1", 5, 9 * SECOND)).as("still young").isFalse();
        assertThat(gaps.passable("t2", 5, 9 * SECOND)).as("another tenant's gap is its own").isFalse();
        assertThat(gaps.passable("t1", 5, 10 * SECOND)).as("after the grace period").isTrue();
        assertThat(gaps.passable("t1", 9, 10 * SECOND)).as("a new gap starts its own period").isFalse();
    }

    @Test
    void aGapThatClosesAndAnotherThatOpensAreTimedApart() {
        StreamGaps gaps = new StreamGaps(Duration.ofSeconds(10), false);
        assertThat(gaps.passable("t", 5, 0)).isFalse();
        assertThat(gaps.passable("t", 7, 20 * SECOND)).as("number 5 arrived; 7 is a new gap").isFalse();
    }

    @Test
    void withASingleWriterAnAbandonedNumberIsPassedAtOnce() {
        StreamGaps gaps = new StreamGaps(Duration.ofSeconds(10), true);
        assertThat(gaps.passable("t", 5, 0)).as("only a dead writer of this process can have left it").isTrue();
    }
}
