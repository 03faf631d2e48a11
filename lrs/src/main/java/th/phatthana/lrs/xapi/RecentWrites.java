package th.phatthana.lrs.xapi;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance wrote lately to a directory kept from the statement stream (activity
 * definitions, agents), so that a provider sending the same activity or learner in batch after
 * batch does not rewrite the same document every time. Per key (tenant and id) the last value
 * written and when: a write is skipped only when it would write that same value again within
 * {@code ttl}, so a changed value is always written, and a value another instance changed is
 * written again at most {@code ttl} later.
 */
public final class RecentWrites {

    private record Written(String value, long atMillis) {
    }

    private final long ttlMillis;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentHashMap<String, Written> written = new ConcurrentHashMap<>();

    public RecentWrites(Duration ttl, int capacity, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Whether {@code value} was written under {@code key} by this instance within the ttl. */
    public boolean writtenLately(String key, String value) {
        Written last = written.get(key);
        return last != null && last.value().equals(value) && clock.millis() - last.atMillis() < ttlMillis;
    }

    /** Notes a successful write. The memory is bounded: when full it starts again empty. */
    public void wrote(String key, String value) {
        if (written.size() >= capacity) {
            written.clear();
        }
        written.put(key, new Written(value, clock.millis()));
    }

    /** Forgets everything (after a delete, say, so the next write is not skipped). */
    public void clear() {
        written.clear();
    }
}
