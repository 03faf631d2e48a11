package th.phatthana.tenants.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantRepository;

/**
 * Starts, checks and ends console sessions. Every use re-reads the session, its user and its
 * organisation, so signing out, disabling the user or suspending the organisation takes effect on
 * the next request, on every instance.
 */
@Service
public class ConsoleSessionService {

    /** The last-used time is written at most this often per session, so reads do not become writes. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ConsoleSessionRepository sessions;
    private final AppUserRepository users;
    private final TenantRepository tenants;
    private final MongoTemplate mongo;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    public ConsoleSessionService(ConsoleSessionRepository sessions, AppUserRepository users, TenantRepository tenants,
            MongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.tenants = tenants;
        this.mongo = mongo;
        this.idleTimeout = properties.sessionIdleTimeout();
        this.maxAge = properties.sessionMaxAge();
        this.clock = clock;
    }

    /** A new session: the values for the session cookie and the CSRF cookie, shown only here. */
    public record StartedSession(ConsoleSession session, String sessionValue, String csrfToken) {
    }

    public StartedSession startFor(AppUser user) {
        return start(user.id(), null);
    }

    public StartedSession startFor(ConsoleSession.ExternalIdentity identity) {
        return start(null, identity);
    }

    private StartedSession start(String userId, ConsoleSession.ExternalIdentity external) {
        Instant now = clock.instant();
        // Sessions past their end are removed here too, for stores without TTL indexes (the embedded one).
        sessions.deleteByExpiresAtBefore(now);
        String value = Secrets.randomValue();
        String csrf = Secrets.randomValue();
        ConsoleSession session = new ConsoleSession(Secrets.hash(value), userId, external, Secrets.hash(csrf), now, now,
                now.plus(maxAge));
        sessions.insert(session);
        return new StartedSession(session, value, csrf);
    }

    /** Who a session cookie stands for now. */
    public SessionCheck check(String sessionValue) {
        if (sessionValue == null || sessionValue.isBlank()) {
            return new SessionCheck.Ended();
        }
        Optional<ConsoleSession> found = sessions.findById(Secrets.hash(sessionValue));
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return new SessionCheck.Ended();
        }
        ConsoleSession session = found.get();
        if (!session.expiresAt().isAfter(now) || !session.lastUsedAt().plus(idleTimeout).isAfter(now)) {
            sessions.deleteById(session.id());
            return new SessionCheck.Ended();
        }
        Caller caller;
        if (session.userId() != null) {
            Optional<AppUser> user = users.findById(session.userId());
            if (user.isEmpty() || !user.get().enabled()) {
                sessions.deleteById(session.id());
                return new SessionCheck.Ended();
            }
            caller = Caller.of(user.get());
        } else {
            caller = session.external().caller();
        }
        if (caller.tenantId() != null) {
            Optional<Tenant> tenant = tenants.findById(caller.tenantId());
            if (tenant.isEmpty()) {
                sessions.deleteById(session.id());
                return new SessionCheck.Ended();
            }
            if (!tenant.get().isActive()) {
                return new SessionCheck.TenantSuspended(caller.tenantId());
            }
        }
        if (!session.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(session.id())), Update.update("lastUsedAt", now),
                    ConsoleSession.class);
        }
        return new SessionCheck.Valid(session, caller);
    }

    /** Whether a CSRF token is the one issued with this session. */
    public static boolean csrfMatches(ConsoleSession session, String csrfToken) {
        return csrfToken != null && Secrets.sameValue(session.csrfHash(), Secrets.hash(csrfToken));
    }

    /** Signs out: the session stops working at once. */
    public void end(ConsoleSession session) {
        sessions.deleteById(session.id());
    }

    /** Ends the session a cookie names, if there is one (a new sign-in in the same browser replaces it). */
    public void end(String sessionValue) {
        if (sessionValue != null && !sessionValue.isBlank()) {
            sessions.deleteById(Secrets.hash(sessionValue));
        }
    }

    /** Ends every session of a user (after a new password was set), except the one given (may be null). */
    public void endAllOf(String userId, ConsoleSession keep) {
        if (keep == null) {
            sessions.deleteByUserId(userId);
            return;
        }
        mongo.remove(Query.query(Criteria.where("userId").is(userId).and("_id").ne(keep.id())), ConsoleSession.class);
    }
}
