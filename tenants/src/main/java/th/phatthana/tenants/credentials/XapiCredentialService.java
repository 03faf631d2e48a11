package th.phatthana.tenants.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantRepository;

/**
 * Issues xAPI credentials and authenticates them.
 *
 * <p>Secrets are stored as BCrypt hashes. BCrypt costs tens of milliseconds by design, far too
 * much per request for an LRS taking thousands of statements a second, so a successful check is
 * remembered in memory as a SHA-256 of the presented secret bound to the stored hash. The
 * credential and its tenant are read again at most a second after the last read (see
 * {@link #authenticate}); disabling, rotating or deleting a credential or suspending a tenant
 * through this instance takes effect at once, and on other instances within that second.
 */
@Service
public class XapiCredentialService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final XapiCredentialRepository credentials;
    private final TenantRepository tenants;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /** SHA-256 of a secret that matched, by the BCrypt hash it matched: a rotated hash simply stops matching. */
    private final ConcurrentHashMap<String, String> verified = new ConcurrentHashMap<>();

    private final org.springframework.data.mongodb.core.MongoTemplate mongo;
    /** Last-used times are written at most once a minute per credential, so ingest does not turn into writes. */
    private final ConcurrentHashMap<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    private final th.phatthana.tenants.audit.AuditTrail audit;
    /**
     * A BCrypt hash nobody has the secret of: an unknown or disabled key is checked against it, so
     * answering takes as long as for a known key with a wrong secret and does not tell which keys exist.
     */
    private final String decoyHash = encoder.encode(randomToken(30));

    private final Clock clock;

    public XapiCredentialService(XapiCredentialRepository credentials, TenantRepository tenants,
            org.springframework.data.mongodb.core.MongoTemplate mongo, th.phatthana.tenants.audit.AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.credentials = credentials;
        this.tenants = tenants;
        this.mongo = mongo;
        this.audit = audit;
    }

    /**
     * Records that guessing secrets from one address was stopped: in the key's organisation when the
     * key exists (the key and address, never a secret), else in the national trail.
     */
    public void recordLockout(String key, String address) {
        Optional<XapiCredential> credential = key == null ? Optional.empty() : credentials.findByKey(key);
        audit.record(credential.map(XapiCredential::tenantId).orElse(null), null, "xapi.credential.guessingStopped",
                credential.map(XapiCredential::id).orElse("unknown key"), java.util.Map.of("address", address), "xapi");
    }

    /** A new credential; the returned secret is the only time it is ever visible. */
    public IssuedCredential issue(String tenantId, String displayName, Set<XapiScope> scopes) {
        return issue(tenantId, displayName, scopes, randomToken(18), randomToken(30));
    }

    /** A credential with a chosen key and secret (demo set-up from the environment). */
    public IssuedCredential issue(String tenantId, String displayName, Set<XapiScope> scopes, String key, String secret) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least one scope");
        }
        if (key.isBlank() || key.contains(":") || secret.length() < 8) {
            throw new IllegalArgumentException("the key must not be blank or contain ':' and the secret must have at least 8 characters");
        }
        XapiCredential credential = new XapiCredential(UUID.randomUUID().toString(), tenantId, key,
                encoder.encode(secret), null, null, displayName, EnumSet.copyOf(scopes), true, clock.instant(), null, null);
        credentials.insert(credential);
        return new IssuedCredential(credential, secret);
    }

    /**
     * Recent successful authentications by key, each good for {@link #RECENT_NANOS}: a provider
     * posting many batches a second costs the credential and tenant look-ups once a second, not on
     * every request. Any change to a credential or a tenant's status made through this instance
     * clears them, so it takes effect here at once; other instances see it within that second.
     */
    private record Recent(String digest, XapiCredential credential, XapiClient client, long expiresNanos) {
    }

    static final long RECENT_NANOS = 1_000_000_000L;
    private final ConcurrentHashMap<String, Recent> recent = new ConcurrentHashMap<>();

    /** The caller behind a key and secret, if the pair is valid, enabled, and its tenant active. */
    public Optional<XapiClient> authenticate(String key, String secret) {
        String digest = sha256(secret);
        Recent hit = recent.get(key);
        if (hit != null && System.nanoTime() - hit.expiresNanos() < 0
                && MessageDigest.isEqual(hit.digest().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII))) {
            noteUse(hit.credential());
            return Optional.of(hit.client());
        }
        return authenticateStored(key, secret, digest);
    }

    private Optional<XapiClient> authenticateStored(String key, String secret, String digest) {
        Optional<XapiCredential> found = credentials.findByKey(key);
        if (found.isEmpty() || !found.get().enabled()) {
            encoder.matches(secret, decoyHash);
            return Optional.empty();
        }
        XapiCredential credential = found.get();
        if (!secretMatches(credential, secret, digest)) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.findById(credential.tenantId());
        if (tenant.isEmpty() || !tenant.get().isActive()) {
            return Optional.empty();
        }
        noteUse(credential);
        XapiClient client = new XapiClient(credential.tenantId(), credential.id(), credential.key(), credential.displayName(),
                credential.scopes());
        recent.put(key, new Recent(digest, credential, client, System.nanoTime() + RECENT_NANOS));
        return Optional.of(client);
    }

    /** Forgets recent authentications after a change to who may call. */
    @org.springframework.context.event.EventListener(th.phatthana.tenants.tenant.TenantService.StatusChanged.class)
    public void forgetRecent() {
        recent.clear();
    }

    private void noteUse(XapiCredential credential) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(credential.id());
        if (written != null && written.plusSeconds(60).isAfter(now)) {
            return;
        }
        lastUseWritten.put(credential.id(), now);
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(credential.id())),
                org.springframework.data.mongodb.core.query.Update.update("lastUsedAt", now), XapiCredential.class);
    }

    /** The current secret, or the previous one while its grace period after a rotation lasts. */
    private boolean secretMatches(XapiCredential credential, String secret, String digest) {
        if (matches(credential.secretHash(), secret, digest)) {
            return true;
        }
        return credential.previousSecretHash() != null && credential.previousSecretValidUntil() != null
                && clock.instant().isBefore(credential.previousSecretValidUntil())
                && matches(credential.previousSecretHash(), secret, digest);
    }

    private boolean matches(String secretHash, String secret, String digest) {
        String known = verified.get(secretHash);
        if (known != null) {
            return MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
        }
        if (!encoder.matches(secret, secretHash)) {
            return false;
        }
        verified.put(secretHash, digest);
        return true;
    }

    /** A new secret; the old one keeps working for {@code gracePeriod}. The new secret is visible only here. */
    public IssuedCredential rotate(XapiCredential credential, java.time.Duration gracePeriod) {
        String secret = randomToken(30);
        Instant now = clock.instant();
        XapiCredential rotated = credentials.save(credential.rotated(encoder.encode(secret), now, now.plus(gracePeriod)));
        forgetRecent();
        return new IssuedCredential(rotated, secret);
    }

    public XapiCredential setEnabled(XapiCredential credential, boolean enabled) {
        XapiCredential saved = credentials.save(credential.withEnabled(enabled));
        forgetRecent();
        return saved;
    }

    public void delete(XapiCredential credential) {
        credentials.deleteById(credential.id());
        forgetRecent();
    }

    public java.util.List<XapiCredential> ofTenant(String tenantId) {
        return credentials.findByTenantId(tenantId);
    }

    public Optional<XapiCredential> find(String tenantId, String id) {
        return credentials.findById(id).filter(c -> c.tenantId().equals(tenantId));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    public record IssuedCredential(XapiCredential credential, String secret) {
    }
}
