package th.phatthana.tenants.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import th.phatthana.tenants.tenant.TenantKind;

/** Users of the GraphQL API. A tenant always keeps at least one enabled TENANT_ADMIN. */
@Service
public class AppUserService {

    private final AppUserRepository users;

    public AppUserService(AppUserRepository users) {
        this.users = users;
    }

    /** Thrown when a change would leave a tenant without an enabled admin. */
    public static class LastAdminException extends RuntimeException {
        LastAdminException() {
            super("the organisation must keep at least one enabled TENANT_ADMIN");
        }
    }

    public AppUser createTenantUser(String tenantId, String name, String email, Set<Role> roles) {
        if (roles.isEmpty() || !roles.stream().allMatch(Role::isTenantRole)) {
            throw new IllegalArgumentException("a tenant user has one or more of TENANT_ADMIN, HR_OFFICER, VIEWER");
        }
        return users.insert(new AppUser(UUID.randomUUID().toString(), tenantId, name, normalise(email), Set.copyOf(roles),
                null, null, true, Instant.now()));
    }

    public AppUser createOversightUser(String name, String email, Role role, String province, TenantKind committeeKind) {
        if (role.isTenantRole()) {
            throw new IllegalArgumentException("oversight users are PROVINCIAL_COMMITTEE or NATIONAL");
        }
        if (role == Role.PROVINCIAL_COMMITTEE && (province == null || province.isBlank() || committeeKind == null)) {
            throw new IllegalArgumentException("a provincial committee user needs a province and a committee kind");
        }
        return users.insert(new AppUser(UUID.randomUUID().toString(), null, name, normalise(email), Set.of(role),
                role == Role.PROVINCIAL_COMMITTEE ? province : null, role == Role.PROVINCIAL_COMMITTEE ? committeeKind : null,
                true, Instant.now()));
    }

    public Optional<AppUser> find(String id) {
        return users.findById(id);
    }

    public Optional<AppUser> findByEmail(String tenantId, String email) {
        return users.findByTenantIdAndEmail(tenantId, normalise(email));
    }

    public List<AppUser> ofTenant(String tenantId) {
        return users.findByTenantIdOrderByName(tenantId);
    }

    public boolean anyWithRole(Role role) {
        return users.existsByRolesContaining(role);
    }

    public AppUser setRoles(AppUser user, Set<Role> roles) {
        if (roles.isEmpty() || !roles.stream().allMatch(Role::isTenantRole)) {
            throw new IllegalArgumentException("a tenant user has one or more of TENANT_ADMIN, HR_OFFICER, VIEWER");
        }
        AppUser changed = user.withRoles(roles);
        guardLastAdmin(user, changed);
        return users.save(changed);
    }

    public AppUser setEnabled(AppUser user, boolean enabled) {
        AppUser changed = user.withEnabled(enabled);
        guardLastAdmin(user, changed);
        return users.save(changed);
    }

    private void guardLastAdmin(AppUser before, AppUser after) {
        if (before.tenantId() == null || !before.isEnabledAdmin() || after.isEnabledAdmin()) {
            return;
        }
        long otherAdmins = users.findByTenantIdOrderByName(before.tenantId()).stream()
                .filter(u -> !u.id().equals(before.id()) && u.isEnabledAdmin()).count();
        if (otherAdmins == 0) {
            throw new LastAdminException();
        }
    }

    private static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
