package th.phatthana.tenants.access;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import th.phatthana.tenants.tenant.TenantKind;

/**
 * A person who uses the GraphQL API: a user of one tenant (with tenant roles), a provincial
 * committee member (province and kind), or a national administrator. People authenticate with
 * access tokens issued to them or with JWTs of the configured OIDC issuer.
 */
@Document("users")
@CompoundIndex(name = "tenant_email", def = "{'tenantId': 1, 'email': 1}", unique = true)
public record AppUser(@Id String id, String tenantId, String name, String email, Set<Role> roles, String province,
        TenantKind committeeKind, boolean enabled, Instant createdAt) {

    public AppUser withRoles(Set<Role> newRoles) {
        return new AppUser(id, tenantId, name, email, Set.copyOf(newRoles), province, committeeKind, enabled, createdAt);
    }

    public AppUser withEnabled(boolean newEnabled) {
        return new AppUser(id, tenantId, name, email, roles, province, committeeKind, newEnabled, createdAt);
    }

    public boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.TENANT_ADMIN);
    }
}
