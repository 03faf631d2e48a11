package th.phatthana.tenants.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console sign-in settings ({@code phatthana.auth.*}; docs/operations.md lists their variables).
 *
 * @param sessionIdleTimeout a console session ends after this long without a request
 * @param sessionMaxAge      and this long after sign-in at the latest
 * @param lockoutThreshold   failed sign-ins in a row that lock an e-mail address
 * @param lockoutDuration    how long the lock lasts
 * @param failureDelay       the third failure in a row is answered this much late, the fourth twice as late, …
 * @param addressLimit       failed sign-ins from one client address that block it
 * @param addressWindow      the period they count over, and how long the block lasts
 * @param invitationValidity how long an invitation link works
 */
@ConfigurationProperties("phatthana.auth")
public record AuthProperties(Duration sessionIdleTimeout, Duration sessionMaxAge, Integer lockoutThreshold, Duration lockoutDuration,
        Duration failureDelay, Integer addressLimit, Duration addressWindow, Duration invitationValidity) {

    public AuthProperties {
        sessionIdleTimeout = sessionIdleTimeout != null ? sessionIdleTimeout : Duration.ofHours(2);
        sessionMaxAge = sessionMaxAge != null ? sessionMaxAge : Duration.ofHours(12);
        lockoutThreshold = lockoutThreshold != null ? lockoutThreshold : 5;
        lockoutDuration = lockoutDuration != null ? lockoutDuration : Duration.ofMinutes(15);
        failureDelay = failureDelay != null ? failureDelay : Duration.ofSeconds(1);
        addressLimit = addressLimit != null ? addressLimit : 50;
        addressWindow = addressWindow != null ? addressWindow : Duration.ofMinutes(15);
        invitationValidity = invitationValidity != null ? invitationValidity : Duration.ofHours(72);
    }
}
