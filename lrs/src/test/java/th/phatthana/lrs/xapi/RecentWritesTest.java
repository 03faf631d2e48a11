package th.phatthana.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecentWritesTest {

    @Test
    void onlyTheSameValueWrittenLatelyIsSkipped() throws Exception {
        RecentWrites recent = new RecentWrites(Duration.ofMillis(300), 100);
        assertThat(recent.writtenLately("t/a", "v1")).as("never written").isFalse();
        recent.wrote("t/a", "v1");
        assertThat(recent.writtenLately("t/a", "v1")).isTrue();
        assertThat(recent.writtenLately("t/a", "v2")).as("a changed value").isFalse();
        assertThat(recent.writtenLately("u/a", "v1")).as("another tenant's key").isFalse();
        recent.wrote("t/a", "v2");
        assertThat(recent.writtenLately("t/a", "v1")).as("the value before the last write").isFalse();
        Thread.sleep(400);
        assertThat(recent.writtenLately("t/a", "v2")).as("after the ttl").isFalse();
    }

    @Test
    void itsMemoryIsBounded() {
        RecentWrites recent = new RecentWrites(Duration.ofMinutes(1), 3);
        for (int i = 0; i < 3; i++) {
            recent.wrote("k" + i, "v");
        }
        recent.wrote("k3", "v");
        assertThat(recent.writtenLately("k0", "v")).as("forgotten when full").isFalse();
        assertThat(recent.writtenLately("k3", "v")).isTrue();
    }
}
