package th.phatthana.tenants.access;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A bearer token for the GraphQL API, of a person ({@code userId} set: the token acts with that
 * user's current roles while the user is enabled) or of a service account such as a dashboard
 * ({@code userId} null: the token carries its own roles). Only the SHA-256 of the value is kept:
 * values are 32 random bytes, so a fast hash is enough and lookups stay cheap. The hash is unique
 * across tenants because it is what establishes the tenant.
 */
@Document("access_tokens")
@CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': -1}")
public record AccessToken(
        @Id String id,
        String tenantId,
        @Indexed(unique = true) String tokenHash,
        String name,
        String userId,
        Set<Role> roles,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public boolean isServiceAccount() {
        return userId == null;
    }
}
