package th.phatthana.tenants.credentials;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key/secret pair with which one provider posts to one tenant's LRS. Secrets are kept only as
 * BCrypt hashes. After a rotation the previous secret keeps working until
 * {@code previousSecretValidUntil}, so a provider can switch without losing statements. The key
 * is unique across tenants because it is what establishes the tenant: it is the one lookup that
 * cannot start with a tenantId.
 */
@Document("xapi_credentials")
@CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': -1}")
public record XapiCredential(
        @Id String id,
        String tenantId,
        @Indexed(unique = true) String key,
        String secretHash,
        String previousSecretHash,
        Instant previousSecretValidUntil,
        String displayName,
        Set<XapiScope> scopes,
        boolean enabled,
        Instant createdAt,
        Instant rotatedAt,
        Instant lastUsedAt) {

    public XapiCredential withEnabled(boolean value) {
        return new XapiCredential(id, tenantId, key, secretHash, previousSecretHash, previousSecretValidUntil, displayName,
                scopes, value, createdAt, rotatedAt, lastUsedAt);
    }

    public XapiCredential rotated(String newSecretHash, Instant now, Instant previousValidUntil) {
        return new XapiCredential(id, tenantId, key, newSecretHash, secretHash, previousValidUntil, displayName, scopes,
                enabled, createdAt, now, lastUsedAt);
    }
}
