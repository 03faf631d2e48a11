package th.phatthana.api.plans;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import th.phatthana.tenants.divisions.DivisionUsage;

/**
 * A division that a plan's courses are aimed at (course targets name divisions) is not deleted:
 * the plan, its approved versions and its progress reports would name a division that no longer
 * exists. Counts the plans whose draft or any version does.
 */
@Component
class PlanDivisionUsage implements DivisionUsage {

    private final PlanService plans;

    PlanDivisionUsage(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public long referencesTo(String tenantId, String divisionId) {
        long count = 0;
        for (Plan plan : plans.plansOf(tenantId)) {
            List<PlanContent> contents = new ArrayList<>();
            if (plan.draft() != null) {
                contents.add(plan.draft().content());
            }
            plans.versions(plan).forEach(version -> contents.add(version.content()));
            if (contents.stream().flatMap(content -> content.courses().stream())
                    .anyMatch(course -> course.target() != null && course.target().divisionIds().contains(divisionId))) {
                count++;
            }
        }
        return count;
    }

    @Override
    public th.phatthana.schema.Message describe(long count) {
        return th.phatthana.schema.Message.of("มี" + th.phatthana.schema.Glossary.PLAN + " " + count + " แผนที่มีหลักสูตรสำหรับ" + th.phatthana.schema.Glossary.DIVISION + "นี้ กรุณาแก้ไขกลุ่มเป้าหมายของหลักสูตรเหล่านั้นก่อน",
                count + " plan(s) have courses aimed at this division: change those course targets first");
    }
}
