package th.phatthana.api.forwarding;

import java.time.Instant;

/** A statement the receiving LRS refused (a 4xx answer): kept aside, to be retried or discarded by an administrator. */
public record DeadLetter(String id, String targetId, String tenantId, String statementId, long seq, int status, String reason,
        Instant firstFailedAt, Instant lastTriedAt, int attempts) {
}
