package th.phatthana.api.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when the projector may pass a missing sequence number that is neither written, nor
 * recorded as a hole, nor held by a write of this process: its writer died (a crash before the
 * statement was durable, so it was never acknowledged) or is another instance still writing.
 *
 * <p>With a single writer (the embedded store: only this process writes, and its own writes in
 * flight are known exactly) such a number can only belong to a writer that died, and is passed at
 * once. Where several instances share a MongoDB, another instance's write may still be under way,
 * so the number is waited for up to the grace period from the moment it was first seen missing.
 */
final class StreamGaps {

    private record Gap(long seq, Instant firstSeen) {
    }

    private final Duration grace;
    private final boolean singleWriter;
    private final Clock clock;
    private final Map<String, Gap> open = new ConcurrentHashMap<>();

    StreamGaps(Duration grace, boolean singleWriter, Clock clock) {
        this.grace = grace;
        this.singleWriter = singleWriter;
        this.clock = clock;
    }

    /** Whether the projector may pass over the abandoned number {@code seq} now. */
    boolean passable(String tenantId, long seq) {
        if (singleWriter || grace.isNegative() || grace.isZero()) {
            return true;
        }
        Instant now = clock.instant();
        Gap gap = open.get(tenantId);
        if (gap == null || gap.seq() != seq) {
            open.put(tenantId, new Gap(seq, now));
            return false;
        }
        if (Duration.between(gap.firstSeen(), now).compareTo(grace) < 0) {
            return false;
        }
        open.remove(tenantId);
        return true;
    }
}
