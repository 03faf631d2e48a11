package th.phatthana.api.progress;

import java.time.Duration;
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

    private record Gap(long seq, long firstSeenNanos) {
    }

    private final long graceNanos;
    private final boolean singleWriter;
    private final Map<String, Gap> open = new ConcurrentHashMap<>();

    StreamGaps(Duration grace, boolean singleWriter) {
        this.graceNanos = grace.toNanos();
        this.singleWriter = singleWriter;
    }

    /** Whether the projector may pass over the abandoned number {@code seq} now. */
    boolean passable(String tenantId, long seq, long nowNanos) {
        if (singleWriter || graceNanos <= 0) {
            return true;
        }
        Gap gap = open.get(tenantId);
        if (gap == null || gap.seq() != seq) {
            open.put(tenantId, new Gap(seq, nowNanos));
            return false;
        }
        if (nowNanos - gap.firstSeenNanos() < graceNanos) {
            return false;
        }
        open.remove(tenantId);
        return true;
    }
}
