package th.phatthana.tenants.access;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.phatthana.tenants.tenant.TenantKind;

/**
 * A person signed in to the console. The browser holds a random session id in a cookie; only its
 * SHA-256 is stored, as the document id, so a copy of the database opens no session. Stored rather
 * than held in memory so sessions survive restarts and work on every instance.
 *
 * @param id          SHA-256 of the session id in the cookie
 * @param userId      the user, for a password sign-in; every use re-reads the user (roles, enabled)
 * @param external    who signed in through the OIDC issuer (no user document), with the claims of that sign-in
 * @param csrfHash    SHA-256 of the CSRF token the browser must echo on every change
 * @param createdAt   when the session started
 * @param lastUsedAt  when it was last used (written at most once a minute): the idle timeout counts from it
 * @param expiresAt   the absolute end; MongoDB removes the document after it (TTL index)
 */
@Document("console_sessions")
public record ConsoleSession(@Id String id, @Indexed(name = "user") String userId, ExternalIdentity external, String csrfHash,
        Instant createdAt, Instant lastUsedAt, @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt) {

    /** A person known only from the OIDC issuer's ID token, mapped to roles as bearer JWTs are. */
    public record ExternalIdentity(String subject, String name, String email, String tenantId, Set<Role> roles, String province,
            TenantKind committeeKind) {

        public Caller caller() {
            return new Caller(subject, name, tenantId, roles, province, committeeKind);
        }
    }
}
