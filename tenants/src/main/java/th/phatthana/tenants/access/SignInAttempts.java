package th.phatthana.tenants.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counters of failed sign-ins, stored so that every instance counts the same and a restart
 * forgets nothing. Counting uses one atomic increment, so parallel guesses are all counted.
 */
@Component
class SignInAttempts {

    private final MongoTemplate mongo;

    SignInAttempts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String accountKey(String normalisedEmail) {
        // The address is hashed: this collection has no need to hold personal data.
        return "account:" + Secrets.hash(normalisedEmail == null ? "" : normalisedEmail);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** The record of a key, unless it has been forgotten or its lock is over (then it is removed). */
    Optional<SignInAttempt> current(String key, Instant now) {
        SignInAttempt attempt = mongo.findById(key, SignInAttempt.class);
        if (attempt == null) {
            return Optional.empty();
        }
        boolean lockOver = attempt.lockedUntil() != null && !attempt.lockedAt(now);
        if (!attempt.expiresAt().isAfter(now) || lockOver) {
            mongo.remove(Query.query(Criteria.where("_id").is(key).and("expiresAt").is(attempt.expiresAt())), SignInAttempt.class);
            return Optional.empty();
        }
        return Optional.of(attempt);
    }

    /** Counts one more attempt; the record is kept for {@code quietPeriod} after it. Returns the new count. */
    int count(String key, Instant now, Duration quietPeriod) {
        SignInAttempt counted = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).max("expiresAt", now.plus(quietPeriod)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), SignInAttempt.class);
        return counted.failures();
    }

    /** Locks the key until the given time. */
    void lock(String key, Instant until) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), Update.update("lockedUntil", until).set("expiresAt", until),
                SignInAttempt.class);
    }

    /** Forgets the key's failures (after a success). */
    void clear(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), SignInAttempt.class);
    }
}
