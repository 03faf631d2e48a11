package th.phatthana.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RecentWritesTest {

    /** A clock the test moves by hand. */
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
    }

    private final Hand clock = new Hand();

    @Test
    void onlyTheSameValueWrittenLatelyIsSkipped() {
        RecentWrites recent = new RecentWrites(Duration.ofMillis(300), 100, clock);
        assertThat(recent.writtenLately("t/a", "v1")).as("never written").isFalse();
        recent.wrote("t/a", "v1");
        assertThat(recent.writtenLately("t/a", "v1")).isTrue();
        assertThat(recent.writtenLately("t/a", "v2")).as("a changed value").isFalse();
        assertThat(recent.writtenLately("u/a", "v1")).as("another tenant's key").isFalse();
        recent.wrote("t/a", "v2");
        assertThat(recent.writtenLately("t/a", "v1")).as("the value before the last write").isFalse();
        clock.now = clock.now.plusMillis(299);
        assertThat(recent.writtenLately("t/a", "v2")).as("within the ttl").isTrue();
        clock.now = clock.now.plusMillis(1);
        assertThat(recent.writtenLately("t/a", "v2")).as("after the ttl").isFalse();
    }

    @Test
    void itsMemoryIsBounded() {
        RecentWrites recent = new RecentWrites(Duration.ofMinutes(1), 3, clock);
        for (int i = 0; i < 3; i++) {
            recent.wrote("k" + i, "v");
        }
        recent.wrote("k3", "v");
        assertThat(recent.writtenLately("k0", "v")).as("forgotten when full").isFalse();
        assertThat(recent.writtenLately("k3", "v")).isTrue();
    }
}
