package th.phatthana.tenants.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantRepository;

/** Issues, checks and revokes GraphQL access tokens. */
@Service
public class AccessTokenService {

    /** Tokens issued here start with this, so they are told apart from OIDC JWTs at a glance. */
    public static final String PREFIX = "pht_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessTokenRepository tokens;
    private final TenantRepository tenants;

    public AccessTokenService(AccessTokenRepository tokens, TenantRepository tenants) {
        this.tokens = tokens;
        this.tenants = tenants;
    }

    public record IssuedToken(AccessToken token, String value) {
    }

    /** A token for a tenant user or service account; the value is visible only in the result. */
    public IssuedToken issueForTenant(String tenantId, String name, String subject, String subjectName, Set<Role> roles,
            Duration validFor) {
        if (roles.isEmpty() || !roles.stream().allMatch(Role::isTenantRole)) {
            throw new IllegalArgumentException("a tenant token carries one or more of TENANT_ADMIN, HR_OFFICER, VIEWER");
        }
        return issue(tenantId, name, subject, subjectName, roles, null, null, validFor, randomValue());
    }

    /** A token for a provincial committee member or a national administrator. */
    public IssuedToken issueForOversight(String name, String subject, String subjectName, Role role, String province,
            TenantKind committeeKind, Duration validFor) {
        if (role == Role.PROVINCIAL_COMMITTEE && (province == null || committeeKind == null)) {
            throw new IllegalArgumentException("a provincial committee token needs its province and committee kind");
        }
        if (role.isTenantRole()) {
            throw new IllegalArgumentException("use issueForTenant for tenant roles");
        }
        return issue(null, name, subject, subjectName, Set.of(role), province, committeeKind, validFor, randomValue());
    }

    /** A token with a value chosen by the operator (the bootstrap admin from the environment). */
    public IssuedToken issueWithValue(String tenantId, String name, String subject, String subjectName, Set<Role> roles,
            Duration validFor, String value) {
        if (value.length() < 16) {
            throw new IllegalArgumentException("a chosen token must have at least 16 characters");
        }
        return issue(tenantId, name, subject, subjectName, roles, null, null, validFor, value);
    }

    private IssuedToken issue(String tenantId, String name, String subject, String subjectName, Set<Role> roles,
            String province, TenantKind committeeKind, Duration validFor, String value) {
        Instant now = Instant.now();
        AccessToken token = new AccessToken(UUID.randomUUID().toString(), tenantId, hash(value), name, subject, subjectName,
                Set.copyOf(roles), province, committeeKind, now, validFor == null ? null : now.plus(validFor), null, null);
        tokens.insert(token);
        return new IssuedToken(token, value);
    }

    /** The caller behind a token: valid, not expired, not revoked, and of an active tenant. */
    public Optional<Caller> authenticate(String value) {
        Optional<AccessToken> found = tokens.findByTokenHash(hash(value));
        Instant now = Instant.now();
        if (found.isEmpty() || !found.get().usableAt(now)) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        if (token.tenantId() != null) {
            Optional<Tenant> tenant = tenants.findById(token.tenantId());
            if (tenant.isEmpty() || !tenant.get().isActive()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Caller(token.subject(), token.subjectName(), token.tenantId(), token.roles(), token.province(),
                token.committeeKind()));
    }

    public void revoke(String tokenId) {
        tokens.findById(tokenId).ifPresent(token -> tokens.save(new AccessToken(token.id(), token.tenantId(), token.tokenHash(),
                token.name(), token.subject(), token.subjectName(), token.roles(), token.province(), token.committeeKind(),
                token.createdAt(), token.expiresAt(), Instant.now(), token.lastUsedAt())));
    }

    static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
