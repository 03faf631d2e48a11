package th.phatthana.tenants.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
 * credential and its tenant are still read on every request, so disabling a credential or
 * suspending a tenant takes effect at once.
 */
@Service
public class XapiCredentialService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final XapiCredentialRepository credentials;
    private final TenantRepository tenants;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final ConcurrentHashMap<String, VerifiedSecret> verified = new ConcurrentHashMap<>();

    public XapiCredentialService(XapiCredentialRepository credentials, TenantRepository tenants) {
        this.credentials = credentials;
        this.tenants = tenants;
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
                encoder.encode(secret), displayName, EnumSet.copyOf(scopes), true, Instant.now());
        credentials.insert(credential);
        return new IssuedCredential(credential, secret);
    }

    /** The caller behind a key and secret, if the pair is valid, enabled, and its tenant active. */
    public Optional<XapiClient> authenticate(String key, String secret) {
        Optional<XapiCredential> found = credentials.findByKey(key);
        if (found.isEmpty() || !found.get().enabled()) {
            return Optional.empty();
        }
        XapiCredential credential = found.get();
        if (!secretMatches(credential, secret)) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.findById(credential.tenantId());
        if (tenant.isEmpty() || !tenant.get().isActive()) {
            return Optional.empty();
        }
        return Optional.of(new XapiClient(credential.tenantId(), credential.id(), credential.key(),
                credential.displayName(), credential.scopes()));
    }

    private boolean secretMatches(XapiCredential credential, String secret) {
        String digest = sha256(secret);
        VerifiedSecret known = verified.get(credential.key());
        if (known != null && known.secretHash().equals(credential.secretHash())) {
            return MessageDigest.isEqual(known.digest().getBytes(StandardCharsets.US_ASCII),
                    digest.getBytes(StandardCharsets.US_ASCII));
        }
        if (!encoder.matches(secret, credential.secretHash())) {
            return false;
        }
        verified.put(credential.key(), new VerifiedSecret(credential.secretHash(), digest));
        return true;
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

    private record VerifiedSecret(String secretHash, String digest) {
    }

    public record IssuedCredential(XapiCredential credential, String secret) {
    }
}
