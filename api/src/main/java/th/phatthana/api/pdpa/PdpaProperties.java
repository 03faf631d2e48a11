package th.phatthana.api.pdpa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param erasureRebuildTimeout how long an erasure waits for the progress read model to be rebuilt
 *                              ({@code phatthana.pdpa.erasure-rebuild-timeout}, default 10 minutes)
 */
@ConfigurationProperties("phatthana.pdpa")
public record PdpaProperties(Duration erasureRebuildTimeout) {
    public PdpaProperties {
        erasureRebuildTimeout = erasureRebuildTimeout != null ? erasureRebuildTimeout : Duration.ofMinutes(10);
    }
}
