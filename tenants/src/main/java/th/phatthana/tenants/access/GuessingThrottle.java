package th.phatthana.tenants.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * Slows down the guessing of secrets: failed authentications are counted per source address and
 * per (subject, source address) in token buckets (Bucket4j); once a bucket is empty, that address
 * (or that address for that subject) is refused before any secret is checked until the bucket
 * refills, and told when to come back. A client of the same key or user at another address is not
 * affected, so an attacker cannot lock a provider out; successes cost nothing.
 *
 * <p>Per instance and in memory: behind several instances an attacker gets the limit once per
 * instance. Buckets that have refilled are dropped, so memory follows the addresses failing now.
 */
public final class GuessingThrottle {

    /** What the caller is told when refused. */
    public record Refusal(Duration retryAfter) {
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final int perAddress;
    private final int perSubject;
    private final Duration window;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perAddress failures one address may make in {@code window} (any subject)
     * @param perSubject failures one address may make in {@code window} for one subject (an xAPI key, a user's e-mail)
     */
    public GuessingThrottle(int perAddress, int perSubject, Duration window) {
        this.perAddress = perAddress;
        this.perSubject = perSubject;
        this.window = window;
    }

    /** Whether the address (for this subject, which may be null) must wait before trying again. */
    public Refusal refusal(String address, String subject) {
        Refusal byAddress = refusal(bucket("a|" + address, perAddress));
        if (byAddress != null || subject == null) {
            return byAddress;
        }
        return refusal(bucket("s|" + subject + "|" + address, perSubject));
    }

    /** Counts a failed attempt; true at the moment it uses up a limit (when to record a lockout). */
    public boolean failed(String address, String subject) {
        boolean lockedNow = usesUp(bucket("a|" + address, perAddress));
        if (subject != null) {
            lockedNow |= usesUp(bucket("s|" + subject + "|" + address, perSubject));
        }
        if (buckets.size() > 10_000) {
            forgetRefilled();
        }
        return lockedNow;
    }

    private static boolean usesUp(Bucket bucket) {
        return bucket.tryConsume(1) && bucket.getAvailableTokens() == 0;
    }

    private Refusal refusal(Bucket bucket) {
        if (bucket.getAvailableTokens() > 0) {
            return null;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return new Refusal(Duration.ofNanos(Math.max(nanos, 1)));
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window)).build());
    }

    private void forgetRefilled() {
        buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= (entry.getKey().startsWith("a|") ? perAddress : perSubject));
    }
}
