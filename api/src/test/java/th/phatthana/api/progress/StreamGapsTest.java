package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StreamGapsTest {

    @Test
    void aMissingNumberIsWaitedForUntilTheGracePeriodEnds() throws Exception {
        StreamGaps gaps = new StreamGaps(Duration.ofMillis(300));
        assertThat(gaps.passable("t1", 5, 5)).as("first seen").isFalse();
        assertThat(gaps.passable("t1", 5, 5)).as("still young").isFalse();
        assertThat(gaps.passable("t2", 5, 5)).as("another tenant's gap is its own").isFalse();
        Thread.sleep(400);
        assertThat(gaps.passable("t1", 5, 5)).as("after the grace period").isTrue();
        assertThat(gaps.passable("t1", 9, 9)).as("a new gap starts its own period").isFalse();
    }

    @Test
    void aGapThatClosesAndAnotherThatOpensAreTimedApart() throws Exception {
        StreamGaps gaps = new StreamGaps(Duration.ofMillis(300));
        assertThat(gaps.passable("t", 5, 5)).isFalse();
        Thread.sleep(400);
        assertThat(gaps.passable("t", 7, 7)).as("number 5 arrived; 7 is a new gap").isFalse();
    }
}
