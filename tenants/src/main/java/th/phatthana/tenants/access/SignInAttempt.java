package th.phatthana.tenants.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Recent failed sign-ins of one account or one source address, and the lock they led to.
 *
 * @param id          {@code account:<SHA-256 of the e-mail address>} or {@code address:<client address>}
 * @param failures    failures since the last success, lock or quiet period
 * @param lockedUntil sign-ins are refused until then
 * @param expiresAt   the record is forgotten then (TTL index): a quiet period after the last failure, or the lock's end
 */
@Document("sign_in_attempts")
public record SignInAttempt(@Id String id, int failures, Instant lockedUntil,
        @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
