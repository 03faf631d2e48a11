package th.phatthana.api.staff;

import th.phatthana.schema.Glossary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.Outcome;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.tenant.Tenant;

/** Divisions (ส่วนราชการ): read with the organisation, changed by its TENANT_ADMIN. */
@Controller
class DivisionController {

    private final DivisionService divisions;
    private final StaffAccess access;
    private final AuditTrail audit;

    DivisionController(DivisionService divisions, StaffAccess access, AuditTrail audit) {
        this.divisions = divisions;
        this.access = access;
        this.audit = audit;
    }

    record DivisionPayload(Division division, List<UserError> userErrors) {
    }

    record DeleteDivisionPayload(String deletedDivisionId, List<UserError> userErrors) {
    }

    /** The divisions of every organisation in the response, in one query. */
    @BatchMapping(typeName = "Organisation")
    Map<Tenant, List<Division>> divisions(List<Tenant> organisations, @ContextValue Caller caller) {
        List<Tenant> readable = organisations.stream().filter(caller::canRead).toList();
        Map<String, List<Division>> byTenant = divisions.listOf(readable.stream().map(Tenant::id).distinct().toList());
        Map<Tenant, List<Division>> result = new LinkedHashMap<>();
        for (Tenant organisation : organisations) {
            result.put(organisation, byTenant.getOrDefault(organisation.id(), List.of()));
        }
        return result;
    }

    @QueryMapping
    Division division(@Argument String id, @ContextValue Caller caller) {
        String tenantId = access.readableTenantOf(caller, id, Glossary.DIVISION, "division");
        return divisions.find(tenantId, id).orElseThrow(() -> ApiException.notFound(Glossary.DIVISION, "division"));
    }

    @MutationMapping
    DivisionPayload createDivision(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.DIVISION_WRITERS);
        Outcome<Division> outcome = divisions.create(tenantId, new DivisionService.Draft((String) input.get("nameTh"),
                (String) input.get("nameEn"), (Integer) input.get("sortOrder")));
        if (outcome.accepted()) {
            audit.record(tenantId, caller, "division.create", "division:" + outcome.value().id(),
                    Map.of("nameTh", outcome.value().nameTh()), origin);
        }
        return new DivisionPayload(outcome.value(), StaffAccess.userErrors(outcome.problems()));
    }

    @MutationMapping
    DivisionPayload updateDivision(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.DIVISION_WRITERS);
        String id = (String) input.get("id");
        Division existing = divisions.find(tenantId, id).orElseThrow(() -> ApiException.notFound(Glossary.DIVISION, "division"));
        String nameTh = input.containsKey("nameTh") ? (String) input.get("nameTh") : existing.nameTh();
        String nameEn = input.containsKey("nameEn") ? (String) input.get("nameEn") : existing.nameEn();
        Integer sortOrder = input.get("sortOrder") != null ? (Integer) input.get("sortOrder") : Integer.valueOf(existing.sortOrder());
        Outcome<Division> outcome = divisions.update(tenantId, id, new DivisionService.Draft(nameTh, nameEn, sortOrder));
        if (outcome.accepted()) {
            audit.record(tenantId, caller, "division.update", "division:" + id, Map.of("nameTh", outcome.value().nameTh()), origin);
        }
        return new DivisionPayload(outcome.value(), StaffAccess.userErrors(outcome.problems()));
    }

    @MutationMapping
    DeleteDivisionPayload deleteDivision(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.DIVISION_WRITERS);
        String id = (String) input.get("id");
        divisions.find(tenantId, id).orElseThrow(() -> ApiException.notFound(Glossary.DIVISION, "division"));
        Outcome<Division> outcome = divisions.delete(tenantId, id);
        if (!outcome.accepted()) {
            return new DeleteDivisionPayload(null, StaffAccess.userErrors(outcome.problems()));
        }
        audit.record(tenantId, caller, "division.delete", "division:" + id, Map.of("nameTh", outcome.value().nameTh()), origin);
        return new DeleteDivisionPayload(id, List.of());
    }
}
