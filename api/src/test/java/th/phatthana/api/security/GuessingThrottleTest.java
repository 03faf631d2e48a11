package th.phatthana.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import th.phatthana.tenants.access.GuessingThrottle;

class GuessingThrottleTest {

    @Test
    void anAddressThatKeepsFailingForOneKeyIsStoppedWhileOthersAreNot() {
        GuessingThrottle throttle = new GuessingThrottle(100, 3, Duration.ofMinutes(1));
        assertThat(throttle.failed("10.0.0.1", "key")).isFalse();
        assertThat(throttle.failed("10.0.0.1", "key")).isFalse();
        assertThat(throttle.failed("10.0.0.1", "key")).as("the third failure uses up the limit").isTrue();
        GuessingThrottle.Refusal refusal = throttle.refusal("10.0.0.1", "key");
        assertThat(refusal).isNotNull();
        assertThat(refusal.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(throttle.refusal("10.0.0.2", "key")).as("the same key from another address").isNull();
        assertThat(throttle.refusal("10.0.0.1", "other-key")).as("another key from the same address").isNull();
    }

    @Test
    void anAddressThatFailsAcrossManyKeysIsStoppedForAll() {
        GuessingThrottle throttle = new GuessingThrottle(5, 3, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.9", "key-" + i);
        }
        assertThat(throttle.refusal("10.0.0.9", "key-never-tried")).isNotNull();
        assertThat(throttle.refusal("10.0.0.9", null)).as("bearer tokens: the address alone").isNotNull();
        assertThat(throttle.refusal("10.0.0.8", null)).isNull();
    }

    @Test
    void theLimitComesBackAsTheWindowPasses() throws Exception {
        GuessingThrottle throttle = new GuessingThrottle(2, 2, Duration.ofMillis(300));
        throttle.failed("10.0.0.3", null);
        throttle.failed("10.0.0.3", null);
        assertThat(throttle.refusal("10.0.0.3", null)).isNotNull();
        Thread.sleep(400);
        assertThat(throttle.refusal("10.0.0.3", null)).isNull();
    }
}
