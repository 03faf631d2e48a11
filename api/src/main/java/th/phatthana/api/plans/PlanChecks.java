package th.phatthana.api.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import th.phatthana.api.plans.PlanContent.CommitteeRole;
import th.phatthana.api.plans.PlanContent.Course;
import th.phatthana.api.plans.PlanContent.CourseYear;
import th.phatthana.api.plans.PlanContent.Goal;
import th.phatthana.api.plans.PlanContent.Indicator;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.TargetGroup;

/**
 * The two kinds of rule a plan is held to.
 *
 * <ul>
 * <li>{@link #gaps}: what makes a draft not yet submittable (a missing section, a course without a
 * category, a target, a schedule inside the plan years or a non-negative budget, a committee without a
 * chair or a secretary). Drafts may have gaps; {@code submitPlan} lists each one.</li>
 * <li>The shape checks in {@link PlanInputs} (months 1–12, keys, scores, references): input that can
 * never be right is refused when it is saved.</li>
 * </ul>
 */
final class PlanChecks {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int MAX_ASSISTANT_SECRETARIES = 2;

    private PlanChecks() {
    }

    /** Every reason {@code submitPlan} refuses this content for a plan covering {@code years}; empty when ready. */
    static List<Problem> gaps(PlanContent content, List<Integer> years) {
        List<Problem> gaps = new ArrayList<>();
        if (blank(content.rationale())) {
            gaps.add(gap(List.of("rationale"), "MISSING", "ยังไม่มีส่วนที่ (1) หลักการและเหตุผล", "section (1) rationale (หลักการและเหตุผล) is missing"));
        }
        goals(content, years, gaps);
        courses(content, years, gaps);
        if (blank(content.methodsAndDuration().description())) {
            gaps.add(gap(List.of("methodsAndDuration"), "MISSING", "ยังไม่มีส่วนที่ (4) วิธีการพัฒนาและระยะเวลาดำเนินการพัฒนา",
                    "section (4) methods and duration (วิธีการพัฒนาและระยะเวลาดำเนินการพัฒนา) is missing"));
        }
        if (blank(content.budget().description())) {
            gaps.add(gap(List.of("budget"), "MISSING", "ส่วนที่ (5) งบประมาณ ยังไม่ได้ระบุแหล่งงบประมาณ", "section (5) budget (งบประมาณ) has no description of its source of funds"));
        }
        if (blank(content.monitoring().description()) || content.monitoring().checkpoints().isEmpty()) {
            gaps.add(gap(List.of("monitoring"), "MISSING",
                    "ส่วนที่ (6) การติดตามและประเมินผล ต้องมีคำอธิบายและจุดติดตามตามวงจร PDCA อย่างน้อยหนึ่งจุด",
                    "section (6) monitoring and evaluation (การติดตามและประเมินผล) needs a description and at least one PDCA checkpoint"));
        }
        committee(content.committee(), gaps);
        return gaps;
    }

    private static void goals(PlanContent content, List<Integer> years, List<Problem> gaps) {
        if (content.goals().isEmpty()) {
            gaps.add(gap(List.of("goals"), "MISSING", "ยังไม่มีส่วนที่ (2) เป้าหมายการพัฒนา", "section (2) development goals (เป้าหมายการพัฒนา) is missing"));
            return;
        }
        for (Goal goal : content.goals()) {
            if (goal.indicators().isEmpty()) {
                gaps.add(gap(List.of("goals", goal.key(), "indicators"), "REQUIRED",
                        "เป้าหมาย '" + goal.title() + "' ยังไม่มีตัวชี้วัด", "goal '" + goal.title() + "' has no indicator (ตัวชี้วัด)"));
            }
            for (Indicator indicator : goal.indicators()) {
                Set<Integer> targeted = new HashSet<>();
                for (PlanContent.IndicatorTarget target : indicator.targets()) {
                    targeted.add(target.fiscalYear());
                    if (!years.contains(target.fiscalYear())) {
                        gaps.add(gap(List.of("goals", goal.key(), "indicators", indicator.key(), "targets",
                                String.valueOf(target.fiscalYear())), "OUT_OF_RANGE",
                                "ตัวชี้วัด '" + indicator.description() + "' มีค่าเป้าหมายของ" + Glossary.FISCAL_YEAR + " " + target.fiscalYear()
                                        + " ซึ่งอยู่นอกช่วงปีของแผน " + range(years),
                                "indicator '" + indicator.description() + "' has a target for " + target.fiscalYear()
                                        + ", outside the plan years " + range(years)));
                    }
                }
                for (int year : years) {
                    if (!targeted.contains(year)) {
                        gaps.add(gap(List.of("goals", goal.key(), "indicators", indicator.key(), "targets", String.valueOf(year)),
                                "REQUIRED", "ตัวชี้วัด '" + indicator.description() + "' ยังไม่มีค่าเป้าหมายของ" + Glossary.FISCAL_YEAR + " " + year,
                                "indicator '" + indicator.description() + "' has no target for fiscal year " + year));
                    }
                }
            }
        }
    }

    private static void courses(PlanContent content, List<Integer> years, List<Problem> gaps) {
        if (content.courses().isEmpty()) {
            gaps.add(gap(List.of("courses"), "MISSING", "ส่วนที่ (3) หลักสูตรการพัฒนา ยังไม่มีหลักสูตร", "section (3) courses (หลักสูตรการพัฒนา) has no course"));
            return;
        }
        for (Course course : content.courses()) {
            String name = "course '" + course.titleTh() + "'";
            String nameTh = "หลักสูตร '" + course.titleTh() + "'";
            if (course.category() == null) {
                gaps.add(gap(List.of("courses", course.key(), "category"), "REQUIRED", nameTh + " ยังไม่ได้ระบุประเภทหลักสูตร (ข้อ 11)", name + " has no category (§11)"));
            }
            if (course.target() == null || !course.target().namesAnyone()) {
                gaps.add(gap(List.of("courses", course.key(), "target"), "REQUIRED", nameTh + " ยังไม่ได้ระบุ" + Glossary.TARGET_GROUP, name + " has no target participants (กลุ่มเป้าหมาย)"));
            }
            List<Integer> scheduled = course.schedule() == null ? List.of() : course.schedule().fiscalYears();
            if (scheduled.isEmpty()) {
                gaps.add(gap(List.of("courses", course.key(), "schedule"), "REQUIRED", nameTh + " ยังไม่ได้ระบุ" + Glossary.FISCAL_YEAR + "ที่ดำเนินการ", name + " has no schedule (fiscal years)"));
            } else {
                for (int year : scheduled) {
                    if (!years.contains(year)) {
                        gaps.add(gap(List.of("courses", course.key(), "schedule", "fiscalYears"), "OUT_OF_RANGE",
                                nameTh + " กำหนดดำเนินการใน" + Glossary.FISCAL_YEAR + " " + year + " ซึ่งอยู่นอกช่วงปีของแผน " + range(years),
                                name + " is scheduled in fiscal year " + year + ", outside the plan years " + range(years)));
                    }
                }
                if (course.schedule().months().isEmpty()) {
                    gaps.add(gap(List.of("courses", course.key(), "schedule", "months"), "REQUIRED",
                            nameTh + " ยังไม่ได้ระบุเดือนที่ดำเนินการ", name + " has no months in its schedule"));
                }
            }
            for (CourseYear year : course.yearly()) {
                if (!years.contains(year.fiscalYear())) {
                    gaps.add(gap(List.of("courses", course.key(), "yearly", String.valueOf(year.fiscalYear())), "OUT_OF_RANGE",
                            nameTh + " มีงบประมาณของ" + Glossary.FISCAL_YEAR + " " + year.fiscalYear() + " ซึ่งอยู่นอกช่วงปีของแผน " + range(years),
                            name + " has a budget for fiscal year " + year.fiscalYear() + ", outside the plan years " + range(years)));
                } else if (year.budget() < 0) {
                    gaps.add(gap(List.of("courses", course.key(), "yearly", String.valueOf(year.fiscalYear()), "budget"), "NEGATIVE",
                            nameTh + " มีงบประมาณติดลบใน" + Glossary.FISCAL_YEAR + " " + year.fiscalYear(), name + " has a negative budget in fiscal year " + year.fiscalYear()));
                }
            }
            for (int year : scheduled) {
                if (years.contains(year) && course.year(year).isEmpty()) {
                    gaps.add(gap(List.of("courses", course.key(), "yearly", String.valueOf(year), "budget"), "REQUIRED",
                            nameTh + " ยังไม่ได้ระบุ" + Glossary.PLANNED_BUDGET + "ของ" + Glossary.FISCAL_YEAR + " " + year + " (ไม่ใช้งบประมาณให้ใส่ 0)",
                            name + " has no budget for fiscal year " + year + " (0 when free)"));
                }
            }
        }
    }

    private static void committee(PlanContent.Committee committee, List<Problem> gaps) {
        long chairs = committee.count(CommitteeRole.CHAIR);
        long secretaries = committee.count(CommitteeRole.SECRETARY);
        if (chairs == 0) {
            gaps.add(gap(List.of("committee", "chair"), "MISSING", "คณะกรรมการยังไม่มีประธานกรรมการ", "the committee has no chair (ประธานกรรมการ)"));
        } else if (chairs > 1) {
            gaps.add(gap(List.of("committee", "chair"), "TOO_MANY", "คณะกรรมการมีประธานกรรมการ " + chairs + " คน ต้องมีคนเดียว", "the committee has " + chairs + " chairs; it has one"));
        }
        if (secretaries == 0) {
            gaps.add(gap(List.of("committee", "secretary"), "MISSING", "คณะกรรมการยังไม่มีกรรมการและเลขานุการ", "the committee has no secretary (กรรมการและเลขานุการ)"));
        } else if (secretaries > 1) {
            gaps.add(gap(List.of("committee", "secretary"), "TOO_MANY", "คณะกรรมการมีกรรมการและเลขานุการ " + secretaries + " คน ต้องมีคนเดียว", "the committee has " + secretaries + " secretaries; it has one"));
        }
        long assistants = committee.count(CommitteeRole.ASSISTANT_SECRETARY);
        if (assistants > MAX_ASSISTANT_SECRETARIES) {
            gaps.add(gap(List.of("committee", "assistantSecretaries"), "TOO_MANY",
                    "คณะกรรมการมีกรรมการและผู้ช่วยเลขานุการ " + assistants + " คน มีได้ไม่เกิน " + MAX_ASSISTANT_SECRETARIES + " คน (ข้อ 14.1)",
                    "the committee has " + assistants + " assistant secretaries; at most " + MAX_ASSISTANT_SECRETARIES + " (§14.1)"));
        }
    }

    private static String range(List<Integer> years) {
        return years.get(0) + "–" + years.get(years.size() - 1);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * §11: every position is developed — in each plan year, everyone on the register (today) is in
     * the target of at least one course run that year. Those nobody's course reaches are reported by
     * year, target group and line of work (or position type when the line is not recorded), with how
     * many they are.
     */
    static List<Problem> coverage(PlanContent content, List<Integer> years, List<Staff> register, LocalDate asOf) {
        List<Problem> gaps = new ArrayList<>();
        for (int year : years) {
            List<Course> running = content.courses().stream().filter(course -> runsIn(course, year)).toList();
            Map<List<String>, Integer> uncovered = new java.util.TreeMap<>(java.util.Comparator.comparing(List::toString));
            for (Staff member : register) {
                if (running.stream().noneMatch(course -> course.target() == null || course.target().names(member, asOf))) {
                    TargetGroup group = member.targetGroups(asOf).primary();
                    String line = member.lineOfWork() != null ? "สายงาน" + member.lineOfWork().nameTh()
                            : member.positionType() != null ? "ประเภท" + member.positionType().thaiName() : member.personnelType().thaiName();
                    uncovered.merge(List.of(group == null ? "" : group.name(), line), 1, Integer::sum);
                }
            }
            uncovered.forEach((key, count) -> {
                TargetGroup group = key.get(0).isEmpty() ? null : TargetGroup.valueOf(key.get(0));
                gaps.add(gap(List.of("courses", "coverage", String.valueOf(year), group == null ? "NONE" : group.name()), "UNCOVERED",
                        Glossary.FISCAL_YEAR + " " + year + ": ยังไม่มีหลักสูตรสำหรับ" + (group == null ? "" : Glossary.TARGET_GROUP + " "
                                + group.thaiName() + " ") + key.get(1) + " ซึ่งมี" + Glossary.STAFF + "ในทะเบียน " + count
                                + " คน (ข้อ 11: ทุกตำแหน่งต้องได้รับการพัฒนาทุกปี)",
                        "fiscal year " + year + ": no course for " + (group == null ? "" : "target group " + group.name() + " ("
                                + group.thaiName() + "), ") + key.get(1) + " — " + count
                                + " staff on the register (§11: every position is developed every year)"));
            });
        }
        return gaps;
    }

    /** Whether a course runs in the fiscal year (its yearly figures or its schedule say so). */
    static boolean runsIn(Course course, int year) {
        return course.year(year).isPresent() || course.schedule() != null && course.schedule().fiscalYears().contains(year);
    }

    private static Problem gap(List<String> field, String code, String th, String en) {
        return Problem.at(field, code, th, en);
    }
}
