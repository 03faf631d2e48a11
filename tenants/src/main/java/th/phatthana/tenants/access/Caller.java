package th.phatthana.tenants.access;

import java.util.Set;

import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;

/**
 * Who is calling the GraphQL API, as established from a bearer token or a console session. Every tenant-scoped read and
 * write asks the caller first; the tenant a tenant-role caller acts on is always its own.
 *
 * @param subject        the user or service account id (for audit trails)
 * @param displayName    for audit trails and messages
 * @param tenantId       the caller's tenant, or null for oversight callers
 * @param roles          the caller's roles
 * @param province       for a provincial committee: its province
 * @param committeeKind  for a provincial committee: the kind of organisation it oversees
 */
public record Caller(String subject, String displayName, String tenantId, Set<Role> roles, String province,
        TenantKind committeeKind) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A person acting with their current roles. */
    public static Caller of(AppUser user) {
        return new Caller(user.id(), user.name(), user.tenantId(), user.roles(), user.province(), user.committeeKind());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isNational() {
        return has(Role.NATIONAL);
    }

    /** Whether the caller may read the data of this tenant. */
    public boolean canRead(Tenant tenant) {
        if (tenant == null) {
            return false;
        }
        if (tenant.id().equals(tenantId) && roles.stream().anyMatch(Role::isTenantRole)) {
            return true;
        }
        if (isNational()) {
            return true;
        }
        return has(Role.PROVINCIAL_COMMITTEE) && tenant.province().equals(province) && tenant.kind() == committeeKind;
    }

    /** Whether the caller holds one of these roles within this tenant (oversight roles never write tenant data). */
    public boolean canWrite(String tenantIdToWrite, Role... anyOf) {
        if (tenantId == null || !tenantId.equals(tenantIdToWrite)) {
            return false;
        }
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
