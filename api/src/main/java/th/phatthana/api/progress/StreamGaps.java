package th.phatthana.api.progress;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Missing sequence numbers in a tenant's statement stream. A batch reserves its numbers before it
 * writes, so concurrent batches can land out of order: a number missing now is usually a write
 * still under way, and the projector must wait for it rather than move its checkpoint past it. A
 * number still missing after the grace period belongs to a batch that was refused after reserving
 * (or whose writer died) and is passed over, with a warning.
 */
final class StreamGaps {

    private static final Logger log = LoggerFactory.getLogger(StreamGaps.class);

    private record Gap(long from, long firstSeenNanos) {
    }

    private final long graceNanos;
    private final Map<String, Gap> open = new ConcurrentHashMap<>();

    StreamGaps(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** Whether the projector may pass over the missing numbers {@code from} to {@code to} now. */
    boolean passable(String tenantId, long from, long to) {
        long now = System.nanoTime();
        Gap gap = open.get(tenantId);
        if (gap == null || gap.from() != from) {
            open.put(tenantId, new Gap(from, now));
            return graceNanos <= 0;
        }
        if (now - gap.firstSeenNanos() < graceNanos) {
            return false;
        }
        open.remove(tenantId);
        log.warn("Progress of tenant {}: statements {} to {} of the stream were never stored (a refused or abandoned write); "
                + "passing over them. If they appear later, rebuild the tenant's progress.", tenantId, from, to);
        return true;
    }
}
