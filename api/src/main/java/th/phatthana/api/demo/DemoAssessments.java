package th.phatthana.api.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import th.phatthana.api.competencies.AssessmentService;
import th.phatthana.api.competencies.CompetencyGaps;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.Tenant;

/**
 * The demo's competency assessments (การประเมินสมรรถนะ), so the gap heat map and the individual
 * development plans have something to show: three in four staff members were assessed two months
 * ago on every competency their position requires; most of those are at or above the required
 * level, some one or two levels short, and everyone assessed is short of at least one, as a real
 * assessment round finds. The rest are not assessed yet, which the
 * heat map counts as short. Deterministic: the same demo every time.
 */
@Component
class DemoAssessments {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);

    private final StaffService staff;
    private final CompetencyGaps gaps;
    private final AssessmentService assessments;

    DemoAssessments(StaffService staff, CompetencyGaps gaps, AssessmentService assessments) {
        this.staff = staff;
        this.gaps = gaps;
        this.assessments = assessments;
    }

    void seed(Tenant tenant) {
        LocalDate today = LocalDate.now(FiscalYears.BANGKOK);
        LocalDate assessedOn = today.minusMonths(2);
        Caller recorder = new Caller("demo-seed", "ระบบข้อมูลสาธิต (demo seed)", tenant.id(), Set.of(Role.HR_OFFICER), null, null);
        List<Staff> members = staff.all(tenant.id()).stream().filter(member -> !member.appointmentDate().isAfter(assessedOn)).toList();
        Map<String, CompetencyGaps.StaffGaps> required = gaps.of(tenant.id(), members, assessedOn);
        int people = 0;
        int recorded = 0;
        for (int i = 0; i < members.size(); i++) {
            Staff member = members.get(i);
            if (i % 4 == 3) {
                continue; // not assessed yet
            }
            List<CompetencyGaps.Gap> competencies = required.get(member.id()).required();
            int shortOf = competencies.isEmpty() ? -1 : Math.floorMod(member.id().hashCode(), competencies.size());
            for (int k = 0; k < competencies.size(); k++) {
                CompetencyGaps.Gap gap = competencies.get(k);
                int level = level(gap.requiredLevel(), k == shortOf ? -1 : Math.floorMod((member.id() + "|" + gap.competency().code()).hashCode(), 8));
                assessments.record(tenant.id(), member.id(), gap.competency().code(), level, assessedOn, "ผู้บังคับบัญชาตามสายงาน",
                        "การประเมินสมรรถนะประจำรอบ (ข้อมูลสาธิต)", recorder);
                recorded++;
            }
            people += competencies.isEmpty() ? 0 : 1;
        }
        log.info("Demo tenant {}: {} competency assessments of {} staff members", tenant.nameTh(), recorded, people);
    }

    /** The assessed level: one short where the person is meant to be short (draw -1); else at it (0–4), above it (5), one short (6) or two (7). */
    private static int level(int required, int draw) {
        int level = switch (draw) {
            case -1, 6 -> required - 1;
            case 5 -> required + 1;
            case 7 -> required - 2;
            default -> required;
        };
        return Math.max(0, Math.min(5, level));
    }
}
