package th.phatthana.tenants.access;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.phatthana.tenants.tenant.TenantKind;

/**
 * A person who uses the GraphQL API and the console: a user of one tenant (with tenant roles), a
 * provincial committee member (province and kind), or a national administrator. People sign in
 * with a password (console sessions), with access tokens issued to them, or with the configured
 * OIDC issuer. The e-mail address, kept in lower case, is unique across all tenants because
 * signing in by e-mail is what establishes the tenant; the password hash lives apart, in
 * {@link PasswordService}'s collection. A self-service user (STAFF, SUPERVISOR) is linked to one staff record
 * of the tenant by {@code staffId}; other users have none.
 */
@Document("users")
@CompoundIndex(name = "tenant_email", def = "{'tenantId': 1, 'email': 1}", unique = true)
public record AppUser(@Id String id, String tenantId, String name, @Indexed(name = "email", unique = true, sparse = true) String email,
        Set<Role> roles, String province, TenantKind committeeKind, boolean enabled, Instant createdAt, Instant lastSignInAt, String staffId) {

    public AppUser withRoles(Set<Role> newRoles) {
        return new AppUser(id, tenantId, name, email, Set.copyOf(newRoles), province, committeeKind, enabled, createdAt, lastSignInAt, staffId);
    }

    public AppUser withEnabled(boolean newEnabled) {
        return new AppUser(id, tenantId, name, email, roles, province, committeeKind, newEnabled, createdAt, lastSignInAt, staffId);
    }

    public boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.TENANT_ADMIN);
    }
}
