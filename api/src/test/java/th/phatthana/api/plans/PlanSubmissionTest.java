package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.course;
import static th.phatthana.api.plans.PlanApi.ok;
import static th.phatthana.api.plans.PlanApi.refused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** Submit is refused, with one userError per gap, until the plan is complete. */
class PlanSubmissionTest extends PlanTestSupport {

    @Test
    void submittingAnEmptyPlanNamesEveryMissingSection() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = ok(admin.create(2570), "createPlan").path("id").asString();

        assertThat(refused(admin.submit(id), "submitPlan")).containsExactly(
                "MISSING rationale",
                "MISSING goals",
                "MISSING courses",
                "MISSING methodsAndDuration",
                "MISSING budget",
                "MISSING monitoring",
                "MISSING committee.chair",
                "MISSING committee.secretary");
        JsonNode plan = admin.plan(id).path("data").path("plan");
        assertThat(plan.path("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.path("gaps").size()).isEqualTo(8);
        assertThat(plan.path("gaps").get(0).path("message").asString()).contains("หลักการและเหตุผล");
    }

    @Test
    void submittingNamesTheGapsOfEachCourseAndOfTheCommittee() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = ok(admin.createFromMasterPlan(2570), "createPlanFromMasterPlan").path("id").asString();

        Map<String, Object> noCategory = new HashMap<>(course("no-category", 2570, 0));
        noCategory.remove("category");
        Map<String, Object> noTarget = new HashMap<>(course("no-target", 2570, 0));
        noTarget.put("target", Map.of("description", "ยังไม่ได้กำหนด"));
        Map<String, Object> noSchedule = new HashMap<>(course("no-schedule", 2570, 0));
        noSchedule.remove("schedule");
        Map<String, Object> outside = new HashMap<>(course("outside", 2569, 0));
        Map<String, Object> negative = new HashMap<>(course("negative", 2570, -100));
        Map<String, Object> noBudget = new HashMap<>(course("no-budget", 2570, 0));
        noBudget.put("yearly", List.of(Map.of("fiscalYear", 2570, "budget", 0)));
        Map<String, Object> noMonths = new HashMap<>(course("no-months", 2570, 0));
        noMonths.put("schedule", Map.of("fiscalYears", List.of(2570, 2571), "months", List.of()));
        for (Map<String, Object> course : List.of(noCategory, noTarget, noSchedule, outside, negative, noBudget, noMonths)) {
            ok(admin.addCourse(id, course), "addPlanCourse");
        }
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(Map.of("role", "SECRETARY", "position", "หัวหน้าสำนักปลัด"));
        for (int i = 0; i < 3; i++) {
            members.add(Map.of("role", "ASSISTANT_SECRETARY", "name", "ผู้ช่วย " + i));
        }
        ok(admin.update(id, Map.of("committee", Map.of("members", members))), "updatePlan");

        List<String> gaps = refused(admin.submit(id), "submitPlan");
        assertThat(gaps).containsExactly(
                "REQUIRED courses.no-category.category",
                "REQUIRED courses.no-target.target",
                "REQUIRED courses.no-schedule.schedule",
                "OUT_OF_RANGE courses.outside.schedule.fiscalYears",
                "OUT_OF_RANGE courses.outside.yearly.2569",
                "NEGATIVE courses.negative.yearly.2570.budget",
                "NEGATIVE courses.negative.yearly.2571.budget",
                "REQUIRED courses.no-budget.yearly.2571.budget",
                "REQUIRED courses.no-months.schedule.months",
                "MISSING committee.chair",
                "TOO_MANY committee.assistantSecretaries");

        for (String key : List.of("no-category", "no-target", "no-schedule", "outside", "negative", "no-budget", "no-months")) {
            ok(admin.removeCourse(id, key), "removePlanCourse");
        }
        members.remove(members.size() - 1);
        members.add(0, Map.of("role", "CHAIR", "position", "นายกองค์การบริหารส่วนตำบล"));
        ok(admin.update(id, Map.of("committee", Map.of("appointmentOrderNumber", "12/2569", "appointmentDate", "2026-06-01",
                "members", members))), "updatePlan");
        JsonNode submitted = ok(admin.submit(id), "submitPlan");
        assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("draft").path("submittedAt").isNull()).isFalse();
        assertThat(submitted.path("gaps").isEmpty()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    th.phatthana.tenants.staff.StaffService staffService;

    /** §11: every position is developed — each person on the register is in some course's target in every plan year. */
    @Test
    void aPlanThatLeavesPeopleOnTheRegisterWithoutACourseInSomeYearIsRefusedNamingTheGroupAndTheYear() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        hire(tenant, "C-1", th.phatthana.tenants.staff.PositionType.ACADEMIC, "นักจัดการงานทั่วไป", "2015-01-01");
        hire(tenant, "C-2", th.phatthana.tenants.staff.PositionType.GENERAL, "เจ้าพนักงานธุรการ", "2026-01-05");
        String id = ok(admin.createFromMasterPlan(2570), "createPlanFromMasterPlan").path("id").asString();
        ok(admin.update(id, Map.of("committee", Map.of("appointmentOrderNumber", "12/2569", "appointmentDate", "2026-06-01", "members",
                List.of(Map.of("role", "CHAIR", "position", "นายกองค์การบริหารส่วนตำบล"),
                        Map.of("role", "SECRETARY", "position", "หัวหน้าสำนักปลัด"))))), "updatePlan");
        JsonNode plan = admin.plan(id).path("data").path("plan");
        for (JsonNode course : plan.path("content").path("courses")) {
            ok(admin.removeCourse(id, course.path("key").asString()), "removePlanCourse");
        }
        // for experienced academic staff only, in 2570 and 2571
        ok(admin.addCourse(id, course("academics", 2570, 10_000)), "addPlanCourse");

        List<String> gaps = refused(admin.submit(id), "submitPlan");
        assertThat(gaps).containsExactly(
                "UNCOVERED courses.coverage.2570.NEWLY_APPOINTED",
                "UNCOVERED courses.coverage.2571.NEWLY_APPOINTED",
                "UNCOVERED courses.coverage.2572.EXPERIENCED",
                "UNCOVERED courses.coverage.2572.NEWLY_APPOINTED");
        JsonNode listed = admin.plan(id).path("data").path("plan").path("gaps");
        assertThat(listed).hasSize(4);
        assertThat(listed.get(0).path("message").asString()).contains("2570").contains("NEWLY_APPOINTED").contains("บุคลากรแรกบรรจุ")
                .contains("เจ้าพนักงานธุรการ").contains("1 staff");

        Map<String, Object> everyone = new HashMap<>(course("everyone", 2570, 5_000));
        everyone.put("target", Map.of("allStaff", true));
        everyone.put("schedule", Map.of("fiscalYears", List.of(2570, 2571, 2572), "months", List.of(3)));
        everyone.put("yearly", List.of(Map.of("fiscalYear", 2570, "plannedParticipants", 2, "budget", 5_000),
                Map.of("fiscalYear", 2571, "plannedParticipants", 2, "budget", 5_000),
                Map.of("fiscalYear", 2572, "plannedParticipants", 2, "budget", 5_000)));
        ok(admin.addCourse(id, everyone), "addPlanCourse");
        assertThat(ok(admin.submit(id), "submitPlan").path("status").asString()).isEqualTo("SUBMITTED");
    }

    private void hire(Tenant tenant, String number, th.phatthana.tenants.staff.PositionType type, String line, String appointed) {
        var outcome = staffService.create(tenant.id(), new th.phatthana.tenants.staff.StaffDraft(number, "นาย", "ทดสอบ", number,
                th.phatthana.tenants.staff.PersonnelType.LOCAL_OFFICIAL, line, type, new th.phatthana.tenants.staff.LineOfWork(null, line),
                null, null, java.time.LocalDate.parse(appointed), null, null, List.of(), null));
        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void goalsNeedIndicatorsWithATargetForEveryPlanYear() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = ok(admin.createFromMasterPlan(2570), "createPlanFromMasterPlan").path("id").asString();
        ok(admin.update(id, Map.of("goals", List.of(
                Map.of("key", "no-indicator", "title", "เป้าหมายที่ยังไม่มีตัวชี้วัด", "indicators", List.of()),
                Map.of("key", "hours", "title", "ชั่วโมงการพัฒนา", "indicators", List.of(Map.of("key", "hours-per-person",
                        "description", "ชั่วโมงการพัฒนาต่อคนต่อปี", "metric", "HOURS_PER_PERSON", "unit", "HOURS",
                        "targets", List.of(Map.of("fiscalYear", 2570, "value", 12), Map.of("fiscalYear", 2574, "value", 12)))))))),
                "updatePlan");
        assertThat(refused(admin.submit(id), "submitPlan")).containsExactly(
                "REQUIRED goals.no-indicator.indicators",
                "OUT_OF_RANGE goals.hours.indicators.hours-per-person.targets.2574",
                "REQUIRED goals.hours.indicators.hours-per-person.targets.2571",
                "REQUIRED goals.hours.indicators.hours-per-person.targets.2572");
    }
}
