package th.phatthana.api.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The progress settings (docs/operations.md).
 *
 * @param projector the projector: {@code phatthana.progress.projector.enabled} (off in tests that
 *                  share a store with another application context)
 * @param gapGrace  how long a missing sequence number is waited for where several instances share a
 *                  MongoDB: the longest another instance's write may be in flight
 * @param rebuild   tenant codes ({@code *} all) whose progress is rebuilt at start
 */
@ConfigurationProperties("phatthana.progress")
public record ProgressProperties(@DefaultValue Projector projector, @DefaultValue("PT30S") Duration gapGrace,
        @DefaultValue("") String rebuild) {

    public record Projector(@DefaultValue("true") boolean enabled) {
    }
}
