package th.phatthana.api.selfservice;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import th.phatthana.api.access.Callers;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.Glossary;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.TenantService;

/**
 * Whose development record a caller may read. Tenant-wide readers (TENANT_ADMIN, HR_OFFICER,
 * VIEWER of the organisation, its provincial committee, national) read anyone the tenant rules let
 * them. Self-service callers (STAFF, SUPERVISOR) are not tenant roles, so every tenant-wide read
 * refuses them ({@link Caller#canRead}); here a STAFF caller reads only the staff record their user is
 * linked to, and a SUPERVISOR also those who report to them ({@link Supervision}). Anyone else is
 * NOT_FOUND, exactly like a record that does not exist.
 */
@Component
public class PersonAccess {

    private final AppUserService users;
    private final StaffService staff;
    private final TenantService tenants;
    private final Supervision supervision;

    PersonAccess(AppUserService users, StaffService staff, TenantService tenants, Supervision supervision) {
        this.users = users;
        this.staff = staff;
        this.tenants = tenants;
        this.supervision = supervision;
    }

    /** The staff record the caller's user is linked to (self-service users only). */
    public Optional<Staff> own(Caller caller) {
        Callers.require(caller);
        if (caller.tenantId() == null || caller.roles().stream().noneMatch(Role::isSelfServiceRole)) {
            return Optional.empty();
        }
        return users.find(caller.subject()).map(AppUser::staffId).flatMap(id -> staff.find(caller.tenantId(), id));
    }

    /** The person, when the caller may read their record; NOT_FOUND otherwise. */
    public Staff readable(Caller caller, String staffId) {
        Callers.require(caller);
        String tenantId = staffId == null ? null : ScopedIds.tenantOf(staffId);
        if (tenantId != null) {
            if (caller.canRead(tenants.findById(tenantId).orElse(null))) {
                Optional<Staff> found = staff.find(tenantId, staffId);
                if (found.isPresent()) {
                    return found.get();
                }
            } else if (tenantId.equals(caller.tenantId())) {
                Optional<Staff> me = own(caller);
                if (me.isPresent() && (me.get().id().equals(staffId)
                        || caller.has(Role.SUPERVISOR) && supervision.supervises(tenantId, me.get().id(), staffId))) {
                    Optional<Staff> found = staff.find(tenantId, staffId);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        throw ApiException.notFound(Glossary.STAFF, "staff member");
    }

    /** The people who report to the caller (SUPERVISOR), as the register holds them now. */
    public java.util.List<Staff> reports(Caller caller) {
        Optional<Staff> me = own(caller);
        if (me.isEmpty() || !caller.has(Role.SUPERVISOR)) {
            return java.util.List.of();
        }
        return staff.findAll(caller.tenantId(), supervision.reportsOf(caller.tenantId(), me.get().id())).values().stream()
                .sorted(java.util.Comparator.comparing(Staff::fullNameTh)).toList();
    }

    /**
     * A read-only caller of the person's organisation for reusing the tenant's read services on one
     * person's behalf, only after {@link #readable} allowed that person. Never handed out beyond that.
     */
    static Caller readerFor(Caller caller, String tenantId) {
        return new Caller(caller.subject(), caller.displayName(), tenantId, Set.of(Role.VIEWER), null, null);
    }
}
