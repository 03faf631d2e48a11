package th.phatthana.tenants.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantRepository;

/** Issues, checks, lists and revokes GraphQL access tokens. */
@Service
public class AccessTokenService {

    /** Tokens issued here start with this, so people tell them apart from other secrets at a glance. */
    public static final String PREFIX = "pht_";
    /** Last-used times are written at most this often per token, so reads do not become writes. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** The shortest value an operator may choose for a token. */
    public static final int MIN_CHOSEN_LENGTH = 16;
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final AccessTokenRepository tokens;
    private final AppUserRepository users;
    private final TenantRepository tenants;
    private final MongoTemplate mongo;
    private final ConcurrentHashMap<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    private final Clock clock;

    public AccessTokenService(AccessTokenRepository tokens, AppUserRepository users, TenantRepository tenants, MongoTemplate mongo,
            Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.users = users;
        this.tenants = tenants;
        this.mongo = mongo;
    }

    public record IssuedToken(AccessToken token, String value) {
    }

    /** A token of a person; it acts with the user's roles at the time of each use. */
    public IssuedToken issueForUser(AppUser user, String name, Duration validFor) {
        return issue(user.tenantId(), name, user.id(), user.roles(), validFor, randomValue());
    }

    /** A token of a person with a value chosen by the operator (a bootstrap admin from the environment). */
    public IssuedToken issueForUserWithValue(AppUser user, String name, Duration validFor, String value) {
        String problem = chosenValueProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return issue(user.tenantId(), name, user.id(), user.roles(), validFor, value);
    }

    /** A token of a service account (e.g. a dashboard) of a tenant, with its own tenant roles. */
    public IssuedToken issueForServiceAccount(String tenantId, String name, Set<Role> roles, Duration validFor) {
        if (!Role.areTenantRoles(roles)) {
            throw new IllegalArgumentException("a service account carries one or more of TENANT_ADMIN, HR_OFFICER, VIEWER");
        }
        return issue(tenantId, name, null, roles, validFor, randomValue());
    }

    private IssuedToken issue(String tenantId, String name, String userId, Set<Role> roles, Duration validFor, String value) {
        Instant now = clock.instant();
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), tenantId, hash(value), name, userId,
                Set.copyOf(roles), now, validFor == null ? null : now.plus(validFor), null, null);
        tokens.insert(token);
        return new IssuedToken(token, value);
    }

    /** Who a token stands for: valid, not expired or revoked, its user enabled, its tenant active. */
    public TokenCheck check(String value) {
        Optional<AccessToken> found = tokens.findByTokenHash(hash(value));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().usableAt(now)) {
            return new TokenCheck.Invalid();
        }
        AccessToken token = found.get();
        Caller caller;
        if (token.isServiceAccount()) {
            caller = new Caller("service:" + token.id(), token.name(), token.tenantId(), token.roles(), null, null);
        } else {
            Optional<AppUser> user = users.findById(token.userId());
            if (user.isEmpty() || !user.get().enabled()) {
                return new TokenCheck.Invalid();
            }
            caller = Caller.of(user.get());
        }
        if (token.tenantId() != null) {
            Optional<Tenant> tenant = tenants.findById(token.tenantId());
            if (tenant.isEmpty()) {
                return new TokenCheck.Invalid();
            }
            if (!tenant.get().isActive()) {
                return new TokenCheck.TenantSuspended(token.tenantId());
            }
        }
        noteUse(token, now);
        return new TokenCheck.Valid(caller);
    }

    /** The caller behind a usable token, if any. */
    public Optional<Caller> authenticate(String value) {
        return check(value) instanceof TokenCheck.Valid valid ? Optional.of(valid.caller()) : Optional.empty();
    }

    private void noteUse(AccessToken token, Instant now) {
        Instant written = lastUseWritten.get(token.id());
        if (written != null && written.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        lastUseWritten.put(token.id(), now);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(token.id())), Update.update("lastUsedAt", now), AccessToken.class);
    }

    public List<AccessToken> ofTenant(String tenantId) {
        return tokens.findByTenantIdOrderByCreatedAtDesc(tenantId);
    }

    public Optional<AccessToken> find(String tenantId, String tokenId) {
        return tokens.findById(tokenId).filter(t -> tenantId.equals(t.tenantId()));
    }

    public AccessToken revoke(AccessToken token) {
        return tokens.save(new AccessToken(token.id(), token.tenantId(), token.tokenHash(), token.name(), token.userId(),
                token.roles(), token.createdAt(), token.expiresAt(), clock.instant(), token.lastUsedAt()));
    }

    static String randomValue() {
        return PREFIX + Secrets.randomValue();
    }

    private static String hash(String value) {
        return Secrets.hash(value);
    }

    /**
     * Whether a bearer value has the shape of a JWT (three base64url parts joined by dots). Such
     * values go to the OIDC issuer; every other value is looked up here by its hash.
     */
    public static boolean looksLikeJwt(String value) {
        return JWT_SHAPE.matcher(value).matches();
    }

    /**
     * Why a token value chosen by an operator could not authenticate, or null when it can: at least
     * 16 characters, printable ASCII without spaces (what an HTTP header carries unchanged), and not
     * shaped like a JWT (which would be sent to the OIDC issuer instead).
     */
    public static String chosenValueProblem(String value) {
        if (value == null || value.length() < MIN_CHOSEN_LENGTH) {
            return "a chosen token needs at least " + MIN_CHOSEN_LENGTH + " characters (this one has "
                    + (value == null ? 0 : value.length()) + ")";
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "a chosen token may hold only printable ASCII characters without spaces (letters, digits, punctuation)";
        }
        if (looksLikeJwt(value)) {
            return "a chosen token must not look like a JWT (three parts joined by dots)";
        }
        return null;
    }
}
