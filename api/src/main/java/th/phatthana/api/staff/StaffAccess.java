package th.phatthana.api.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantService;

/**
 * The access checks of staff and divisions. Reads: the caller may read the record's organisation
 * (its own; a provincial committee: its province and kind; national: any); otherwise the record is
 * NOT_FOUND, exactly like one that does not exist. Writes: TENANT_ADMIN (divisions) or
 * TENANT_ADMIN / HR_OFFICER (staff) of the caller's own organisation, else FORBIDDEN.
 */
@Component
class StaffAccess {

    static final Role[] STAFF_WRITERS = {Role.TENANT_ADMIN, Role.HR_OFFICER};
    static final Role[] DIVISION_WRITERS = {Role.TENANT_ADMIN};

    private final TenantService tenants;

    StaffAccess(TenantService tenants) {
        this.tenants = tenants;
    }

    /** The tenant of a record id the caller may read, or NOT_FOUND naming {@code what}. */
    String readableTenantOf(Caller caller, String id, String whatTh, String what) {
        Callers.require(caller);
        String tenantId = ScopedIds.tenantOf(id);
        Optional<Tenant> tenant = tenantId == null ? Optional.empty() : tenants.findById(tenantId);
        if (tenant.isEmpty() || !caller.canRead(tenant.get())) {
            throw ApiException.notFound(whatTh, what);
        }
        return tenantId;
    }

    /** The organisation named (or the caller's own), which the caller must be able to read. */
    Tenant readableOrganisation(Caller caller, String organisationId) {
        String tenantId = organisationId != null ? organisationId : Callers.ownTenant(caller);
        return Callers.requireRead(caller, tenants.findById(tenantId).orElse(null));
    }

    /** The caller's own tenant, where it holds one of the roles. */
    static String writableTenant(Caller caller, Role... roles) {
        Callers.require(caller);
        Callers.requireWrite(caller, caller.tenantId(), roles);
        return caller.tenantId();
    }

    /** Problems of the tenants module as userErrors, their fields under {@code input}. */
    static List<UserError> userErrors(List<Problem> problems) {
        return UserError.ofInput(problems);
    }
}
