package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.ok;
import static th.phatthana.api.plans.PlanApi.refused;
import static th.phatthana.api.plans.PlanApi.texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** §19: an approved plan changes only through numbered amendments; approved versions never change. */
class PlanAmendmentTest extends PlanTestSupport {

    private static final String VERSIONS = """
            versions { number label reason status effectiveFrom announcementDate approval { resolutionNumber }
                       content { courses { key yearly { fiscalYear budget } } budget { total } } }
            amendments { number label status reason }
            """;

    @Test
    void anInForcePlanChangesOnlyThroughNumberedAmendmentsAndKeepsEveryApprovedVersion() {
        String province = freshProvince();
        Tenant tenant = sao(province);
        PlanApi admin = admin(tenant);
        PlanApi committee = committee(province, TenantKind.SAO);
        String id = approvedPlan(tenant, admin, 2568, "2024-09-15", "2024-09-20").path("id").asString();
        setBangkok("2025-01-15T09:00");
        JsonNode original = admin.plan(id).path("data").path("plan");
        assertThat(original.path("status").asString()).isEqualTo("IN_FORCE");
        int courses = original.path("content").path("courses").size();
        long total = original.path("content").path("budget").path("total").asLong();

        assertThat(refused(admin.update(id, Map.of("rationale", "แก้ไขตรง ๆ")), "updatePlan")).containsExactly("NOT_EDITABLE input.planId");
        assertThat(refused(admin.startAmendment(id, " "), "startPlanAmendment")).containsExactly("REQUIRED input.reason");
        JsonNode opened = ok(admin.startAmendment(id, "เพิ่มหลักสูตร PDPA ตามนโยบาย"), "startPlanAmendment");
        assertThat(opened.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(opened.path("draft").path("number").asInt()).isEqualTo(1);
        assertThat(opened.path("draft").path("label").asString()).contains("ครั้งที่ 1");
        assertThat(opened.path("draft").path("reason").asString()).isEqualTo("เพิ่มหลักสูตร PDPA ตามนโยบาย");
        assertThat(opened.path("draft").path("status").asString()).isEqualTo("DRAFT");
        assertThat(opened.path("content").path("courses").size()).as("the approved version still governs").isEqualTo(courses);
        assertThat(refused(admin.startAmendment(id, "อีกครั้ง"), "startPlanAmendment")).containsExactly("AMENDMENT_OPEN input.planId");
        // Nobody outside the organisation sees an amendment before it is submitted.
        assertThat(committee.plan(id, "draft { number }").path("data").path("plan").path("draft").isNull()).isTrue();

        ok(admin.addCourse(id, PlanApi.course("pdpa", 2569, 5_000)), "addPlanCourse");
        Map<String, Object> orientation = new HashMap<>(PlanApi.course("orientation-new-staff", 2568, 0));
        orientation.put("titleTh", "หลักสูตรปฐมนิเทศบุคลากรแรกบรรจุ");
        orientation.put("schedule", Map.of("fiscalYears", List.of(2568, 2569, 2570), "months", List.of(11)));
        orientation.put("yearly", List.of(Map.of("fiscalYear", 2568, "budget", 0), Map.of("fiscalYear", 2569, "budget", 8_000),
                Map.of("fiscalYear", 2570, "budget", 0)));
        ok(admin.updateCourse(id, "orientation-new-staff", orientation), "updatePlanCourse");
        ok(admin.submit(id), "submitPlan");
        JsonNode queue = committee.execute("{ planReviewQueue { edges { node { id draft { number reason } } } } }", Map.of());
        assertThat(queue.path("data").path("planReviewQueue").path("edges").get(0).path("node").path("draft").path("number").asInt())
                .isEqualTo(1);
        JsonNode amended = ok(committee.approve(id, "มติ 2/2568", "2025-01-14"), "approvePlan");
        assertThat(amended.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(amended.path("currentVersion").path("number").asInt()).isEqualTo(1);
        assertThat(amended.path("draft").isNull()).isTrue();
        assertThat(texts(amended.path("versions"), "number")).containsExactly("0", "1");
        assertThat(texts(amended.path("content").path("courses"), "key")).contains("pdpa");
        assertThat(amended.path("content").path("budget").path("total").asLong()).isEqualTo(total + 10_000 + 8_000);

        JsonNode history = admin.plan(id, VERSIONS).path("data").path("plan");
        JsonNode v0 = history.path("versions").get(0);
        JsonNode v1 = history.path("versions").get(1);
        assertThat(v0.path("content").path("courses").size()).as("version 0 is unchanged").isEqualTo(courses);
        assertThat(texts(v0.path("content").path("courses"), "key")).doesNotContain("pdpa");
        assertThat(v0.path("content").path("budget").path("total").asLong()).isEqualTo(total);
        assertThat(v0.path("effectiveFrom").asString()).isEqualTo("2024-10-01");
        assertThat(v0.path("announcementDate").asString()).isEqualTo("2024-09-20");
        assertThat(v1.path("reason").asString()).isEqualTo("เพิ่มหลักสูตร PDPA ตามนโยบาย");
        assertThat(v1.path("effectiveFrom").asString()).isEqualTo("2025-01-14");
        assertThat(v1.path("announcementDate").isNull()).isTrue();
        assertThat(v1.path("approval").path("resolutionNumber").asString()).isEqualTo("มติ 2/2568");
        assertThat(texts(history.path("amendments"), "number")).containsExactly("1");
        ok(admin.announce(id, "2025-01-15"), "announcePlan");

        JsonNode diff = admin.plan(id, """
                diff(from: 0, to: 1) { from to identical
                  sections { section fields { field before after } items { key title change fields { field before after } } } }""")
                .path("data").path("plan").path("diff");
        assertThat(diff.path("identical").asBoolean()).isFalse();
        assertThat(texts(diff.path("sections"), "section")).containsExactly("COURSES", "METHODS_AND_DURATION", "BUDGET");
        JsonNode courseItems = diff.path("sections").get(0).path("items");
        Map<String, String> changes = new HashMap<>();
        courseItems.forEach(item -> changes.put(item.path("key").asString(), item.path("change").asString()));
        assertThat(changes).containsEntry("pdpa", "ADDED").containsEntry("orientation-new-staff", "CHANGED");
        JsonNode orientationChange = null;
        for (JsonNode item : courseItems) {
            if (item.path("key").asString().equals("orientation-new-staff")) {
                orientationChange = item;
            }
        }
        assertThat(fieldNames(orientationChange.path("fields"))).contains("category", "yearly.2569.budget", "schedule.months");
        JsonNode budgetFields = diff.path("sections").get(2).path("fields");
        assertThat(fieldNames(budgetFields)).contains("byFiscalYear.2569.amount", "byFiscalYear.2570.amount", "total");

        JsonNode same = admin.plan(id, "diff(from: 1) { identical to sections { section } }").path("data").path("plan").path("diff");
        assertThat(same.path("identical").asBoolean()).isTrue();
        assertThat(same.path("to").asInt()).isEqualTo(1);

        // The next amendment is ครั้งที่ 2; a discarded draft does not use up its number.
        assertThat(ok(admin.startAmendment(id, "ปรับงบประมาณ"), "startPlanAmendment").path("draft").path("number").asInt()).isEqualTo(2);
        JsonNode dropped = PlanApi.payload(admin.discard(id), "discardPlanDraft");
        assertThat(dropped.path("plan").path("draft").isNull()).isTrue();
        assertThat(dropped.path("deletedPlanId").isNull()).isTrue();
        assertThat(ok(admin.startAmendment(id, "ปรับงบประมาณ"), "startPlanAmendment").path("draft").path("number").asInt()).isEqualTo(2);
        ok(admin.removeCourse(id, "pdpa"), "removePlanCourse");
        JsonNode draftDiff = admin.plan(id, "diff(from: 1) { to sections { section items { key change } } }").path("data").path("plan")
                .path("diff");
        assertThat(draftDiff.path("to").asInt()).isEqualTo(2);
        assertThat(draftDiff.path("sections").get(0).path("items").get(0).path("change").asString()).isEqualTo("REMOVED");
        // Still version 1 governs, with the course the draft has removed.
        assertThat(texts(admin.plan(id).path("data").path("plan").path("content").path("courses"), "key")).contains("pdpa");

        JsonNode trail = admin.plan(id, "auditTrail(first: 3) { edges { node { action revision } } pageInfo { hasNextPage } }")
                .path("data").path("plan").path("auditTrail");
        List<String> recent = new ArrayList<>();
        trail.path("edges").forEach(e -> recent.add(e.path("node").path("action").asString() + "@" + e.path("node").path("revision").asInt()));
        assertThat(recent).containsExactly("COURSE_REMOVED@2", "AMENDMENT_STARTED@2", "DRAFT_DISCARDED@2");
        assertThat(trail.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void aClosedPlanCannotBeAmendedAndAnUnapprovedOneIsEditedDirectly() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String draft = ok(admin.create(2575), "createPlan").path("id").asString();
        assertThat(refused(admin.startAmendment(draft, "เหตุผล"), "startPlanAmendment")).containsExactly("NOT_APPROVED input.planId");

        String id = approvedPlan(tenant, admin, 2568, "2024-09-15", "2024-09-20").path("id").asString();
        setBangkok("2027-10-01T00:00");
        assertThat(refused(admin.startAmendment(id, "สายเกินไป"), "startPlanAmendment")).containsExactly("CLOSED input.planId");
        assertThat(GraphQlHttp.classification(as(tenant, th.phatthana.tenants.access.Role.VIEWER).startAmendment(id, "x")))
                .isEqualTo("FORBIDDEN");
    }

    private static List<String> fieldNames(JsonNode fields) {
        return texts(fields, "field");
    }
}
