package th.phatthana.api.plans;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import th.phatthana.api.competencies.CompetencyCatalogue;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.StaffService;

/**
 * Checks that what a plan refers to exists: competency catalogue codes (national or the tenant's local items), and
 * divisions and staff members of the same organisation (ids of another organisation are unknown).
 */
@Component
class PlanReferences {

    private final CompetencyCatalogue catalogue;
    private final DivisionService divisions;
    private final StaffService staff;

    PlanReferences(CompetencyCatalogue catalogue, DivisionService divisions, StaffService staff) {
        this.catalogue = catalogue;
        this.divisions = divisions;
        this.staff = staff;
    }

    /** The codes that name neither a national item nor a local item of the tenant. */
    List<String> unknownCompetencyCodes(String tenantId, Collection<String> codes) {
        return codes.stream().filter(code -> catalogue.find(tenantId, code).isEmpty()).toList();
    }

    /** The division ids that are not divisions of the tenant. */
    List<String> unknownDivisions(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ?> found = divisions.findAll(tenantId, ids);
        return ids.stream().filter(id -> !found.containsKey(id)).toList();
    }

    /** The staff ids that are not staff of the tenant. */
    List<String> unknownStaff(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ?> found = staff.findAll(tenantId, ids);
        return ids.stream().filter(id -> !found.containsKey(id)).toList();
    }
}
