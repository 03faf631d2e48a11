package th.phatthana.tenants.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of credential guessing ({@link GuessingThrottle}): failures allowed per client address
 * and per key (an xAPI key, an e-mail address) within the window.
 */
@ConfigurationProperties("phatthana.throttle")
public record ThrottleProperties(@DefaultValue("30") int failuresPerAddress, @DefaultValue("10") int failuresPerKey,
        @DefaultValue("PT1M") Duration window) {
}
