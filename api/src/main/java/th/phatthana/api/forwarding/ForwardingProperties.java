package th.phatthana.api.forwarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The statement forwarding settings (docs/operations.md, "Forwarding").
 *
 * @param enabled     whether this instance forwards at all ({@code phatthana.forwarding.enabled})
 * @param batch       statements per POST to the receiving LRS
 * @param timeout     how long one request to the receiver may take
 * @param firstRetry  the wait after the first failure; it doubles with each further failure
 * @param maxRetry    the longest wait between attempts
 * @param gapGrace    how long a missing sequence number is waited for where several instances share a MongoDB
 * @param recentStatements how much of the statements this instance stored lately is kept in memory to
 *                    be forwarded without reading it back from the store (0: always read back)
 */
@ConfigurationProperties("phatthana.forwarding")
public record ForwardingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") int batch,
        @DefaultValue("PT30S") Duration timeout, @DefaultValue("PT1S") Duration firstRetry, @DefaultValue("PT5M") Duration maxRetry,
        @DefaultValue("PT30S") Duration gapGrace, @DefaultValue("64MB") DataSize recentStatements) {
}
