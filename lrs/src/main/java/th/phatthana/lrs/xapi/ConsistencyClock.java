package th.phatthana.lrs.xapi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Gives out {@code stored} times and answers {@code X-Experience-API-Consistent-Through}: the time
 * before which every statement this process stores is visible to queries. Writes still under way
 * hold it back to just before the earliest of them.
 */
@Component
public class ConsistencyClock {

    private final ConcurrentSkipListMap<Long, Integer> inFlight = new ConcurrentSkipListMap<>();
    private final AtomicLong lastStoredMillis = new AtomicLong();
    private final Clock clock;

    public ConsistencyClock(Clock clock) {
        this.clock = clock;
    }

    /** A stored time (millisecond precision, never going backwards) for a write that is starting. */
    public Instant beginWrite() {
        long millis = lastStoredMillis.accumulateAndGet(clock.millis(), Math::max);
        inFlight.merge(millis, 1, Integer::sum);
        return Instant.ofEpochMilli(millis);
    }

    public void endWrite(Instant stored) {
        inFlight.computeIfPresent(stored.toEpochMilli(), (k, count) -> count == 1 ? null : count - 1);
    }

    public Instant consistentThrough() {
        Map.Entry<Long, Integer> earliest = inFlight.firstEntry();
        return earliest == null ? clock.instant().truncatedTo(ChronoUnit.MILLIS) : Instant.ofEpochMilli(earliest.getKey() - 1);
    }
}
