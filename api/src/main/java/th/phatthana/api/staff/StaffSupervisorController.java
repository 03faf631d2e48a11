package th.phatthana.api.staff;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;

/**
 * The reporting line of the register (ผู้บังคับบัญชา): {@code Staff.supervisor} and {@code Staff.reports},
 * read in batches from the organisation's register (the supervisor of an individual development plan).
 */
@Controller
class StaffSupervisorController {

    private final StaffService staff;

    StaffSupervisorController(StaffService staff) {
        this.staff = staff;
    }

    @BatchMapping(typeName = "Staff")
    Map<Staff, Staff> supervisor(List<Staff> members) {
        Map<Staff, Staff> result = new java.util.LinkedHashMap<>();
        members.stream().filter(m -> m.supervisorId() != null).collect(Collectors.groupingBy(Staff::tenantId)).forEach((tenantId, ofTenant) -> {
            Map<String, Staff> found = staff.findAll(tenantId, ofTenant.stream().map(Staff::supervisorId).toList());
            for (Staff member : ofTenant) {
                Staff supervisor = found.get(member.supervisorId());
                if (supervisor != null) {
                    result.put(member, supervisor);
                }
            }
        });
        return result;
    }

    @BatchMapping(typeName = "Staff")
    Map<Staff, List<Staff>> reports(List<Staff> members) {
        Map<Staff, List<Staff>> result = new java.util.LinkedHashMap<>();
        members.stream().collect(Collectors.groupingBy(Staff::tenantId)).forEach((tenantId, ofTenant) -> {
            Map<String, List<Staff>> bySupervisor = staff.all(tenantId).stream().filter(m -> m.supervisorId() != null)
                    .collect(Collectors.groupingBy(Staff::supervisorId));
            for (Staff member : ofTenant) {
                result.put(member, bySupervisor.getOrDefault(member.id(), List.of()));
            }
        });
        return result;
    }

}
