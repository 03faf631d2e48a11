package th.phatthana.tenants.credentials;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key/secret pair with which one provider posts to one tenant's LRS. The secret is kept only
 * as a BCrypt hash. The key is unique across tenants because it is what establishes the tenant:
 * it is the one lookup that cannot start with a tenantId.
 */
@Document("xapi_credentials")
@CompoundIndex(name = "tenant_name", def = "{'tenantId': 1, 'displayName': 1}")
public record XapiCredential(
        @Id String id,
        String tenantId,
        @Indexed(unique = true) String key,
        String secretHash,
        String displayName,
        Set<XapiScope> scopes,
        boolean enabled,
        Instant createdAt) {
}
