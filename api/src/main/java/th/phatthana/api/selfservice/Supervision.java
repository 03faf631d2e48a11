package th.phatthana.api.selfservice;

import java.util.List;

import org.springframework.stereotype.Component;

import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;

/**
 * Who reports to whom (ผู้บังคับบัญชา), the one place self-service access asks: the register's
 * supervisor link ({@code Staff.supervisorId}, set with {@code createStaff}/{@code updateStaff}).
 */
@Component
public class Supervision {

    private final StaffService staff;

    Supervision(StaffService staff) {
        this.staff = staff;
    }

    /** The staff ids of the people who report to this staff member. */
    public List<String> reportsOf(String tenantId, String supervisorStaffId) {
        return staff.reportsOf(tenantId, supervisorStaffId).stream().map(Staff::id).toList();
    }

    public boolean supervises(String tenantId, String supervisorStaffId, String staffId) {
        return staff.find(tenantId, staffId).map(Staff::supervisorId).filter(supervisorStaffId::equals).isPresent();
    }
}
