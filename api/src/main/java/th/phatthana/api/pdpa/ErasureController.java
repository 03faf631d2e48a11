package th.phatthana.api.pdpa;

import th.phatthana.schema.Glossary;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.ErasurePolicy;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantService;

/** PDPA over GraphQL: erasing a staff member, and the organisation's erasure policy. TENANT_ADMIN of the own organisation only. */
@Controller
class ErasureController {

    private final StaffErasure erasure;
    private final StaffService staff;
    private final TenantService tenants;
    private final AuditTrail audit;

    ErasureController(StaffErasure erasure, StaffService staff, TenantService tenants, AuditTrail audit) {
        this.erasure = erasure;
        this.staff = staff;
        this.tenants = tenants;
        this.audit = audit;
    }

    record EraseStaffMemberInput(String staffId, String reason, ErasurePolicy mode) {
    }

    record SetErasurePolicyInput(ErasurePolicy policy) {
    }

    record EraseStaffMemberPayload(StaffErasure.Erasure erasure, List<UserError> userErrors) {
    }

    record ErasurePolicyPayload(Tenant organisation, List<UserError> userErrors) {
    }

    @MutationMapping
    EraseStaffMemberPayload eraseStaffMember(@Argument EraseStaffMemberInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        Tenant organisation = ownOrganisation(caller);
        Staff member = staff.find(organisation.id(), input.staffId()).orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff member"));
        ErasurePolicy chosen = input.mode() == null ? organisation.erasurePolicy() : input.mode();
        StaffErasure.Outcome outcome = erasure.erase(member, input.reason(), chosen, caller, origin);
        return new EraseStaffMemberPayload(outcome.erasure(), UserError.of(outcome.problems()));
    }

    @MutationMapping
    ErasurePolicyPayload setErasurePolicy(@Argument SetErasurePolicyInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        Tenant organisation = ownOrganisation(caller);
        ErasurePolicy policy = input.policy();
        Tenant changed = tenants.setErasurePolicy(organisation, policy);
        audit.record(organisation.id(), caller, "organisation.setErasurePolicy", "organisation:" + organisation.id(),
                Map.of("policy", policy.name()), origin);
        return new ErasurePolicyPayload(changed, List.of());
    }

    /** The caller's own organisation, where the caller is TENANT_ADMIN. */
    private Tenant ownOrganisation(Caller caller) {
        Callers.require(caller);
        Callers.requireWrite(caller, caller.tenantId(), Role.TENANT_ADMIN);
        return tenants.findById(caller.tenantId()).orElseThrow(() -> ApiException.notFound("หน่วยงาน", "organisation"));
    }
}
