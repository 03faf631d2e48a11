package th.phatthana.tenants.access;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.phatthana.tenants.tenant.TenantKind;

/**
 * A bearer token for the GraphQL API, issued to a user or a service account. Only the SHA-256 of
 * the token is kept: tokens are 32 random bytes, so a fast hash is enough and lookups stay cheap.
 * The hash is unique across tenants because it is what establishes the tenant.
 */
@Document("access_tokens")
@CompoundIndex(name = "tenant_subject", def = "{'tenantId': 1, 'subject': 1}")
public record AccessToken(
        @Id String id,
        String tenantId,
        @Indexed(unique = true) String tokenHash,
        String name,
        String subject,
        String subjectName,
        Set<Role> roles,
        String province,
        TenantKind committeeKind,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
