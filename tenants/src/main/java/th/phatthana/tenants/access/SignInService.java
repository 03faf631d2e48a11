package th.phatthana.tenants.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantRepository;

/**
 * Password sign-in and password change, with the defences against guessing: after a few failures
 * each further failure is answered more slowly, a run of failures locks the account for a while
 * (unknown addresses are counted and locked alike, so the answers do not tell which accounts
 * exist), and one source address that fails very often is refused for a while too.
 */
@Service
public class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);
    /** Failures answered at once before the slow-down starts. */
    private static final int FAILURES_BEFORE_SLOW_DOWN = 2;
    /** Who signs in before anyone is known, in the audit trail. */
    private static final Caller SOMEONE = new Caller("anonymous", "anonymous", null, Set.of(), null, null);

    private final AppUserService users;
    private final PasswordService passwords;
    private final ConsoleSessionService sessions;
    private final SignInAttempts attempts;
    private final TenantRepository tenants;
    private final AuditTrail audit;
    private final Policy policy;
    private final Clock clock;

    /**
     * @param lockoutThreshold     failures in a row that lock an account
     * @param lockoutDuration      how long the lock lasts; also how long failures are remembered
     * @param failureDelay         added per failure beyond the second to the time a failure is answered in
     * @param addressLimit         failures from one source address that block it
     * @param addressWindow        the period over which they count, and how long the block lasts
     */
    private record Policy(int lockoutThreshold, Duration lockoutDuration, Duration failureDelay, int addressLimit,
            Duration addressWindow) {
    }

    public SignInService(AppUserService users, PasswordService passwords, ConsoleSessionService sessions, SignInAttempts attempts,
            TenantRepository tenants, AuditTrail audit,
            AuthProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.attempts = attempts;
        this.tenants = tenants;
        this.audit = audit;
        this.policy = new Policy(properties.lockoutThreshold(), properties.lockoutDuration(), properties.failureDelay(),
                properties.addressLimit(), properties.addressWindow());
        this.clock = clock;
    }

    /** The result of a sign-in. */
    public sealed interface Outcome {
        record SignedIn(AppUser user, ConsoleSessionService.StartedSession session) implements Outcome {
        }

        /** Wrong e-mail or password (which of the two is not said). */
        record BadCredentials() implements Outcome {
        }

        /** The account is locked after repeated failures. */
        record AccountLocked(Instant until) implements Outcome {
        }

        /** The source address failed too often. */
        record AddressBlocked(Instant until) implements Outcome {
        }

        /** The password was right but the user is disabled. */
        record Disabled() implements Outcome {
        }

        /** The password was right but the organisation is suspended. */
        record OrganisationSuspended() implements Outcome {
        }
    }

    public Outcome signIn(String email, String password, String origin) {
        Optional<AppUser> user = users.findByEmail(email);
        Optional<Outcome> refused = checkPassword(AppUserService.normaliseEmail(email), user, password, origin);
        if (refused.isPresent()) {
            return refused.get();
        }
        AppUser person = user.orElseThrow();
        if (!person.enabled()) {
            return new Outcome.Disabled();
        }
        if (person.tenantId() != null && !tenants.findById(person.tenantId()).map(Tenant::isActive).orElse(false)) {
            return new Outcome.OrganisationSuspended();
        }
        ConsoleSessionService.StartedSession session = sessions.startFor(person);
        users.noteSignIn(person.id(), clock.instant());
        audit.record(person.tenantId(), Caller.of(person), "auth.signIn", "user:" + person.id(), Map.of("method", "password"), origin);
        return new Outcome.SignedIn(person, session);
    }

    /** Empty when the password is the user's; otherwise why not, with every failure counted. */
    private Optional<Outcome> checkPassword(String email, Optional<AppUser> user, String password, String origin) {
        Instant now = clock.instant();
        String accountKey = SignInAttempts.accountKey(email);
        String addressKey = SignInAttempts.addressKey(origin);
        Optional<SignInAttempt> account = attempts.current(accountKey, now);
        if (account.isPresent() && account.get().lockedAt(now)) {
            return Optional.of(new Outcome.AccountLocked(account.get().lockedUntil()));
        }
        Optional<SignInAttempt> address = attempts.current(addressKey, now);
        if (address.isPresent() && address.get().lockedAt(now)) {
            return Optional.of(new Outcome.AddressBlocked(address.get().lockedUntil()));
        }
        // Counted before the password is checked, so that parallel guesses cannot pass the threshold.
        int failures = attempts.count(accountKey, now, policy.lockoutDuration());
        if (failures > policy.lockoutThreshold()) {
            return Optional.of(lock(accountKey, user, failures, origin));
        }
        if (!passwords.matches(user.map(AppUser::id).orElse(null), password)) {
            return Optional.of(failed(accountKey, addressKey, user, failures, origin));
        }
        attempts.clear(accountKey);
        return Optional.empty();
    }

    private Outcome failed(String accountKey, String addressKey, Optional<AppUser> user, int failures, String origin) {
        int fromAddress = attempts.count(addressKey, clock.instant(), policy.addressWindow());
        if (fromAddress >= policy.addressLimit()) {
            Instant until = clock.instant().plus(policy.addressWindow());
            attempts.lock(addressKey, until);
            log.warn("Sign-in from one address refused until {} after {} failures", until, fromAddress);
        }
        user.ifPresent(u -> audit.record(u.tenantId(), SOMEONE, "auth.signInFailed", "user:" + u.id(),
                Map.of("failures", String.valueOf(failures)), origin));
        if (failures >= policy.lockoutThreshold()) {
            return lock(accountKey, user, failures, origin);
        }
        slowDown(failures);
        return new Outcome.BadCredentials();
    }

    private Outcome.AccountLocked lock(String accountKey, Optional<AppUser> user, int failures, String origin) {
        Instant until = clock.instant().plus(policy.lockoutDuration());
        attempts.lock(accountKey, until);
        if (failures == policy.lockoutThreshold()) {
            user.ifPresent(u -> audit.record(u.tenantId(), SOMEONE, "auth.lock", "user:" + u.id(),
                    Map.of("failures", String.valueOf(failures), "lockedUntil", until.toString()), origin));
        }
        return new Outcome.AccountLocked(until);
    }

    private void slowDown(int failures) {
        long millis = policy.failureDelay().toMillis() * Math.max(0, failures - FAILURES_BEFORE_SLOW_DOWN);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result of a password change. */
    public sealed interface ChangeOutcome {
        record Changed() implements ChangeOutcome {
        }

        record WrongCurrentPassword() implements ChangeOutcome {
        }

        /** The account is locked, or the source address blocked, until then. */
        record Locked(Instant until) implements ChangeOutcome {
        }
    }

    /**
     * Changes a signed-in user's password (the new one has passed the policy). The current password
     * is checked with the same counting as a sign-in. Every other session of the user ends.
     */
    public ChangeOutcome changePassword(AppUser user, ConsoleSession current, String currentPassword, String newPassword,
            String origin) {
        Optional<Outcome> refused = checkPassword(user.email(), Optional.of(user), currentPassword, origin);
        if (refused.isPresent()) {
            return switch (refused.get()) {
                case Outcome.AccountLocked locked -> new ChangeOutcome.Locked(locked.until());
                case Outcome.AddressBlocked blocked -> new ChangeOutcome.Locked(blocked.until());
                default -> new ChangeOutcome.WrongCurrentPassword();
            };
        }
        passwords.set(user.id(), newPassword);
        sessions.endAllOf(user.id(), current);
        audit.record(user.tenantId(), Caller.of(user), "auth.passwordChange", "user:" + user.id(), Map.of(), origin);
        return new ChangeOutcome.Changed();
    }
}
