package th.phatthana.tenants.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.tenant.TenantKind;

/** Users of the GraphQL API and the console. A tenant always keeps at least one enabled TENANT_ADMIN. */
@Service
public class AppUserService {

    private final AppUserRepository users;
    private final MongoTemplate mongo;
    private final Clock clock;

    public AppUserService(AppUserRepository users, MongoTemplate mongo, Clock clock) {
        this.users = users;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Thrown when a change would leave a tenant without an enabled admin. */
    public static class LastAdminException extends RuntimeException {
        LastAdminException() {
            super("the organisation must keep at least one enabled TENANT_ADMIN");
        }
    }

    /** Thrown when another user already has the e-mail address (in any organisation). */
    public static class DuplicateEmailException extends RuntimeException {
        DuplicateEmailException() {
            super("a user with this e-mail address exists");
        }
    }

    public AppUser createTenantUser(String tenantId, String name, String email, Set<Role> roles) {
        if (!Role.areTenantRoles(roles)) {
            throw new IllegalArgumentException("a tenant user has one or more of TENANT_ADMIN, HR_OFFICER, VIEWER");
        }
        return insert(new AppUser(UUID.randomUUID().toString(), tenantId, name, normaliseEmail(email), Set.copyOf(roles),
                null, null, true, clock.instant(), null, null));
    }

    /** A self-service user of the tenant (STAFF, optionally SUPERVISOR), linked to one staff record. */
    public AppUser createStaffUser(String tenantId, String staffId, String name, String email, Set<Role> roles) {
        if (!Role.areSelfServiceRoles(roles) || staffId == null) {
            throw new IllegalArgumentException("a self-service user has STAFF (and maybe SUPERVISOR) and a staff record");
        }
        return insert(new AppUser(UUID.randomUUID().toString(), tenantId, name, normaliseEmail(email), Set.copyOf(roles),
                null, null, true, clock.instant(), null, staffId));
    }

    /** The self-service user linked to this staff record, if any. */
    public Optional<AppUser> ofStaff(String tenantId, String staffId) {
        return users.findByTenantIdAndStaffId(tenantId, staffId);
    }

    public AppUser createOversightUser(String name, String email, Role role, String province, TenantKind committeeKind) {
        if (!role.isOversightRole()) {
            throw new IllegalArgumentException("oversight users are PROVINCIAL_COMMITTEE or NATIONAL");
        }
        if (role == Role.PROVINCIAL_COMMITTEE && (province == null || province.isBlank() || committeeKind == null)) {
            throw new IllegalArgumentException("a provincial committee user needs a province and a committee kind");
        }
        return insert(new AppUser(UUID.randomUUID().toString(), null, name, normaliseEmail(email), Set.of(role),
                role == Role.PROVINCIAL_COMMITTEE ? province : null, role == Role.PROVINCIAL_COMMITTEE ? committeeKind : null,
                true, clock.instant(), null, null));
    }

    private AppUser insert(AppUser user) {
        if (user.email() == null || user.email().isBlank()) {
            throw new IllegalArgumentException("a user needs an e-mail address");
        }
        try {
            return users.insert(user);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException();
        }
    }

    public Optional<AppUser> find(String id) {
        return users.findById(id);
    }

    /** The user with this e-mail address, in any organisation (case is ignored). */
    public Optional<AppUser> findByEmail(String email) {
        String normalised = normaliseEmail(email);
        return normalised == null ? Optional.empty() : users.findByEmail(normalised);
    }

    public List<AppUser> ofTenant(String tenantId) {
        return users.findByTenantIdOrderByName(tenantId);
    }

    public boolean anyWithRole(Role role) {
        return users.existsByRolesContaining(role);
    }

    /** New roles: tenant roles, or for a user linked to a staff record, self-service roles. */
    public AppUser setRoles(AppUser user, Set<Role> roles) {
        if (!(user.staffId() == null ? Role.areTenantRoles(roles) : Role.areSelfServiceRoles(roles))) {
            throw new IllegalArgumentException("a tenant user has one or more of TENANT_ADMIN, HR_OFFICER, VIEWER");
        }
        guardLastAdmin(user, user.withRoles(roles));
        return update(user.id(), Update.update("roles", Set.copyOf(roles)));
    }

    public AppUser setEnabled(AppUser user, boolean enabled) {
        guardLastAdmin(user, user.withEnabled(enabled));
        return update(user.id(), Update.update("enabled", enabled));
    }

    /** Records a sign-in (console session started). */
    public void noteSignIn(String userId, Instant at) {
        update(userId, Update.update("lastSignInAt", at));
    }

    // One field at a time, so a sign-in and an admin's change to the same user never undo each other.
    private AppUser update(String userId, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), update, AppUser.class);
        return users.findById(userId).orElseThrow();
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

    /** E-mail addresses are compared in lower case without surrounding spaces. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
