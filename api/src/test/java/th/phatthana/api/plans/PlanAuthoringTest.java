package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.course;
import static th.phatthana.api.plans.PlanApi.ok;
import static th.phatthana.api.plans.PlanApi.refused;
import static th.phatthana.api.plans.PlanApi.texts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** Drafting a plan: from the master plan, one plan per cycle, courses and derived budgets, shape checks, roles. */
class PlanAuthoringTest extends PlanTestSupport {

    @Autowired
    DivisionService divisions;

    @Test
    void aDraftFromTheMasterPlanHasEverySectionAndIsReadyToAdapt() {
        String province = freshProvince();
        Tenant tenant = sao(province);
        JsonNode plan = ok(admin(tenant).createFromMasterPlan(2570), "createPlanFromMasterPlan");

        assertThat(plan.path("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.path("fiscalYears").toString()).isEqualTo("[2570,2571,2572]");
        assertThat(plan.path("startsOn").asString()).isEqualTo("2026-10-01");
        assertThat(plan.path("endsOn").asString()).isEqualTo("2029-09-30");
        assertThat(plan.path("title").asString()).isEqualTo("แผนพัฒนาบุคลากร ๓ ปี ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ - ๒๕๗๒");
        assertThat(plan.path("approvingCommittee").asString()).isEqualTo("ก.อบต.จังหวัด" + province);
        assertThat(plan.path("draft").path("number").asInt()).isZero();
        assertThat(plan.path("currentVersion").isNull()).isTrue();

        JsonNode content = plan.path("content");
        assertThat(content.path("rationale").asString()).contains("อบต.ทดสอบแผน").contains("๒๕๗๐ - ๒๕๗๒");
        JsonNode courses = content.path("courses");
        assertThat(courses.size()).isGreaterThanOrEqualTo(10);
        assertThat(texts(courses, "category")).containsAll(
                List.of("BASIC_GOVERNMENT_KNOWLEDGE", "JOB_DUTIES", "POSITION_SPECIFIC", "MANAGEMENT", "ETHICS"));
        for (JsonNode course : courses) {
            assertThat(course.path("competencyCodes").toString()).as(course.path("key").asString()).containsPattern("\"[CM]0\\d\"");
            assertThat(course.path("schedule").path("fiscalYears").toString()).isEqualTo("[2570,2571,2572]");
        }
        assertThat(content.path("methodsAndDuration").path("methodsUsed").toString())
                .contains("ORIENTATION", "TRAINING", "STUDY_VISIT", "SEMINAR", "COACHING", "E_LEARNING");
        JsonNode indicator = content.path("goals").get(0).path("indicators").get(0);
        assertThat(indicator.path("metric").asString()).isEqualTo("STAFF_DEVELOPED_SHARE");
        assertThat(indicator.path("unit").asString()).isEqualTo("PERCENT");
        assertThat(indicator.path("targets").toString())
                .isEqualTo("[{\"fiscalYear\":2570,\"value\":100.0},{\"fiscalYear\":2571,\"value\":100.0},{\"fiscalYear\":2572,\"value\":100.0}]");
        assertThat(texts(content.path("monitoring").path("checkpoints"), "phase")).containsExactly("PLAN", "DO", "CHECK", "ACT");
        JsonNode members = content.path("committee").path("members");
        assertThat(members.get(0).path("role").asString()).isEqualTo("CHAIR");
        assertThat(members.get(0).path("position").asString()).isEqualTo("นายกองค์การบริหารส่วนตำบล");
        assertThat(texts(members, "role")).contains("SECRETARY", "ASSISTANT_SECRETARY");
        assertThat(plan.path("gaps").isEmpty()).as("gaps: %s", plan.path("gaps")).isTrue();
    }

    @Test
    void aMunicipalityDraftNamesItsOwnChiefExecutiveAndCommittee() {
        String province = freshProvince();
        Tenant municipality = tenants.tenant("ทต.ทดสอบ", TenantKind.MUNICIPALITY, province);
        JsonNode plan = ok(admin(municipality).createFromMasterPlan(2570), "createPlanFromMasterPlan");
        assertThat(plan.path("approvingCommittee").asString()).isEqualTo("ก.ท.จ." + province);
        assertThat(plan.path("content").path("committee").path("members").get(0).path("position").asString()).isEqualTo("นายกเทศมนตรี");
    }

    @Test
    void oneCycleCoversEachFiscalYear() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        ok(admin.create(2570), "createPlan");
        assertThat(refused(admin.create(2572), "createPlan")).containsExactly("OVERLAP input.fiscalYearStart");
        assertThat(refused(admin.createFromMasterPlan(2568), "createPlanFromMasterPlan")).containsExactly("OVERLAP input.fiscalYearStart");
        ok(admin.create(2573), "createPlan");
        ok(admin(sao(freshProvince())).create(2570), "createPlan");
    }

    @Test
    void budgetTotalsComeFromTheCoursesAndAreNeverTypedTwice() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = ok(admin.create(2570), "createPlan").path("id").asString();

        JsonNode added = PlanApi.payload(admin.addCourse(id, course("course-a", 2570, 1_000)), "addPlanCourse");
        assertThat(added.path("course").path("totalBudget").asLong()).isEqualTo(2_000);
        ok(admin.addCourse(id, course("course-b", 2570, 2_500)), "addPlanCourse");
        JsonNode budget = ok(admin.addCourse(id, course("course-c", 2571, 100)), "addPlanCourse").path("content").path("budget");
        assertThat(budget.path("byFiscalYear").toString()).isEqualTo("[{\"fiscalYear\":2570,\"amount\":3500,\"plannedParticipants\":20,"
                + "\"courseCount\":2},{\"fiscalYear\":2571,\"amount\":3600,\"plannedParticipants\":34,\"courseCount\":3},"
                + "{\"fiscalYear\":2572,\"amount\":100,\"plannedParticipants\":12,\"courseCount\":1}]");
        assertThat(budget.path("total").asLong()).isEqualTo(7_200);

        JsonNode changed = ok(admin.updateCourse(id, "course-a", course("ignored-key", 2570, 4_000)), "updatePlanCourse");
        assertThat(texts(changed.path("content").path("courses"), "key")).containsExactly("course-a", "course-b", "course-c");
        assertThat(changed.path("content").path("budget").path("total").asLong()).isEqualTo(13_200);

        JsonNode removed = ok(admin.removeCourse(id, "course-b"), "removePlanCourse");
        assertThat(removed.path("content").path("budget").path("total").asLong()).isEqualTo(8_200);
        assertThat(refused(admin.removeCourse(id, "course-b"), "removePlanCourse")).containsExactly("NOT_FOUND input.key");

        Map<String, Object> unnamed = new HashMap<>(course("x", 2570, 0));
        unnamed.remove("key");
        unnamed.put("titleEn", "Digital Skills for Everyone!");
        JsonNode generated = PlanApi.payload(admin.addCourse(id, unnamed), "addPlanCourse");
        assertThat(generated.path("course").path("key").asString()).isEqualTo("digital-skills-for-everyone");
    }

    @Test
    void inputThatCanNeverBeRightIsRefusedWhenSaved() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = ok(admin.create(2570), "createPlan").path("id").asString();
        ok(admin.addCourse(id, course("taken", 2570, 0)), "addPlanCourse");

        Map<String, Object> bad = new HashMap<>(course("Bad Key", 2570, 0));
        bad.put("schedule", Map.of("fiscalYears", List.of(2570), "months", List.of(0, 13)));
        bad.put("competencyCodes", List.of("C01", "C09", "Z99"));
        bad.put("target", Map.of("divisionIds", List.of("no-such-division"), "staffIds", List.of(tenant.id() + "/nobody")));
        bad.put("yearly", List.of(Map.of("fiscalYear", 2570, "plannedParticipants", -1, "budget", 0),
                Map.of("fiscalYear", 2570, "budget", 0)));
        bad.put("xapi", Map.of("activityIds", List.of("https://e.example/a", "https://e.example/a"),
                "completion", Map.of("minScaledScore", 1.5, "minHours", -2)));
        assertThat(refused(admin.addCourse(id, bad), "addPlanCourse")).containsExactlyInAnyOrder(
                "INVALID input.course.key",
                "INVALID input.course.schedule.months",
                "INVALID input.course.schedule.months",
                "DUPLICATE input.course.yearly.1.fiscalYear",
                "INVALID input.course.yearly.0.plannedParticipants",
                "DUPLICATE input.course.xapi.activityIds.1",
                "INVALID input.course.xapi.completion.minScaledScore",
                "INVALID input.course.xapi.completion.minHours",
                "NOT_FOUND input.course.competencyCodes",
                "NOT_FOUND input.course.competencyCodes",
                "NOT_FOUND input.course.target.divisionIds",
                "NOT_FOUND input.course.target.staffIds");
        assertThat(refused(admin.addCourse(id, course("taken", 2570, 0)), "addPlanCourse")).containsExactly("DUPLICATE input.course.key");

        JsonNode badIri = admin.addCourse(id, Map.of("titleTh", "x", "xapi", Map.of("activityIds", List.of("not an iri"))));
        assertThat(badIri.path("errors").isEmpty()).as("an IRI without a scheme is refused by the IRI scalar").isFalse();
        assertThat(badIri.path("data").path("addPlanCourse").isMissingNode() || badIri.path("data").path("addPlanCourse").isNull()).isTrue();

        assertThat(refused(admin.update(id, Map.of("committee", Map.of("members", List.of(Map.of("role", "CHAIR"))))), "updatePlan"))
                .containsExactly("REQUIRED input.committee.members.0");
        assertThat(admin.plan(id).path("data").path("plan").path("content").path("courses").size()).isEqualTo(1);
    }

    @Test
    void coursesTargetDivisionsOfTheSameOrganisationOnly() {
        Tenant tenant = sao(freshProvince());
        Tenant other = sao(freshProvince());
        String own = divisions.create(tenant.id(), new DivisionService.Draft("กองคลัง", "Finance Division", 10)).value().id();
        String foreign = divisions.create(other.id(), new DivisionService.Draft("กองคลัง", "Finance Division", 10)).value().id();
        PlanApi admin = admin(tenant);
        String id = ok(admin.create(2570), "createPlan").path("id").asString();
        Map<String, Object> course = new HashMap<>(course("finance", 2570, 0));
        course.put("target", Map.of("divisionIds", List.of(own), "linesOfWork", List.of("นักวิชาการเงินและบัญชี")));
        JsonNode added = ok(admin.addCourse(id, course), "addPlanCourse");
        assertThat(added.path("content").path("courses").get(0).path("target").path("linesOfWork").toString()).contains("นักวิชาการเงินและบัญชี");
        course.put("key", "foreign");
        course.put("target", Map.of("divisionIds", List.of(foreign)));
        assertThat(refused(admin.addCourse(id, course), "addPlanCourse")).containsExactly("NOT_FOUND input.course.target.divisionIds");
    }

    @Test
    void authorsWriteViewersReadAndOtherTenantsSeeNothing() {
        String province = freshProvince();
        Tenant tenant = sao(province);
        PlanApi viewer = as(tenant, Role.VIEWER);
        PlanApi hr = as(tenant, Role.HR_OFFICER);

        assertThat(GraphQlHttp.classification(viewer.create(2570))).isEqualTo("FORBIDDEN");
        String id = ok(hr.createFromMasterPlan(2570), "createPlanFromMasterPlan").path("id").asString();
        assertThat(viewer.plan(id).path("data").path("plan").path("status").asString()).isEqualTo("DRAFT");
        assertThat(GraphQlHttp.classification(viewer.addCourse(id, course("v", 2570, 0)))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(viewer.submit(id))).isEqualTo("FORBIDDEN");
        ok(hr.update(id, Map.of("rationale", "เหตุผลของ อบต.")), "updatePlan");

        Tenant other = sao(province);
        PlanApi otherAdmin = admin(other);
        assertThat(GraphQlHttp.classification(otherAdmin.plan(id))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(otherAdmin.addCourse(id, course("o", 2570, 0)))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(otherAdmin.submit(id))).isEqualTo("NOT_FOUND");
        JsonNode otherList = otherAdmin.execute("query($org: ID) { plans(organisationId: $org) { edges { node { id } } } }",
                Map.of("org", tenant.id()));
        assertThat(GraphQlHttp.classification(otherList)).isEqualTo("NOT_FOUND");

        // The provincial committee sees a plan only once it has been submitted.
        assertThat(GraphQlHttp.classification(committee(province, TenantKind.SAO).plan(id))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(new PlanApi(baseUrl(), null).plan(id))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void plansAreListedPerOrganisationWithStatusAndFiscalYearFilters() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String old = approvedPlan(tenant, admin, 2567, "2023-09-20", "2023-09-25").path("id").asString();
        clock.reset();
        setBangkok("2026-11-24T09:00");
        String draft = ok(admin.create(2570), "createPlan").path("id").asString();
        ok(admin(sao(freshProvince())).create(2570), "createPlan");

        String list = """
                query($status: [PlanStatus!], $fy: FiscalYear, $first: Int, $after: String) {
                  plans(status: $status, fiscalYear: $fy, first: $first, after: $after) {
                    edges { cursor node { id status } } pageInfo { hasNextPage endCursor }
                  }
                }""";
        JsonNode all = admin.execute(list, Map.of());
        assertThat(texts(all.path("data").path("plans").path("edges"), "cursor")).hasSize(2);
        assertThat(all.path("data").path("plans").path("edges").get(0).path("node").path("id").asString()).isEqualTo(draft);

        JsonNode closed = admin.execute(list, Map.of("status", List.of("CLOSED")));
        assertThat(closed.path("data").path("plans").path("edges").size()).isEqualTo(1);
        assertThat(closed.path("data").path("plans").path("edges").get(0).path("node").path("id").asString()).isEqualTo(old);
        JsonNode byYear = admin.execute(list, Map.of("fy", 2571));
        assertThat(byYear.path("data").path("plans").path("edges").get(0).path("node").path("id").asString()).isEqualTo(draft);
        assertThat(byYear.path("data").path("plans").path("edges").size()).isEqualTo(1);

        JsonNode first = admin.execute(list, Map.of("first", 1));
        assertThat(first.path("data").path("plans").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = admin.execute(list, Map.of("first", 1000,
                "after", first.path("data").path("plans").path("pageInfo").path("endCursor").asString()));
        assertThat(second.path("data").path("plans").path("edges").size()).isEqualTo(1);
        assertThat(second.path("data").path("plans").path("edges").get(0).path("node").path("id").asString()).isEqualTo(old);
        assertThat(second.path("data").path("plans").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }
}
