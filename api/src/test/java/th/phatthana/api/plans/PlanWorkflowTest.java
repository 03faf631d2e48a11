package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.ok;
import static th.phatthana.api.plans.PlanApi.refused;
import static th.phatthana.api.plans.PlanApi.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** DRAFT → SUBMITTED → (RETURNED → SUBMITTED) → APPROVED, and who may take each step. */
class PlanWorkflowTest extends PlanTestSupport {

    private static final String QUEUE = "{ planReviewQueue(first: 50) { edges { node { id status organisation { id } draft { number status } } } } }";

    @Test
    void submittedReturnedWithCommentsResubmittedAndApproved() {
        setBangkok("2029-08-20T10:00");
        String province = freshProvince();
        Tenant tenant = sao(province);
        PlanApi admin = admin(tenant);
        PlanApi hr = as(tenant, Role.HR_OFFICER);
        PlanApi committee = committee(province, TenantKind.SAO);
        String id = ok(admin.createFromMasterPlan(2573), "createPlanFromMasterPlan").path("id").asString();

        JsonNode submitted = ok(hr.submit(id), "submitPlan");
        assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(refused(admin.update(id, Map.of("rationale", "แก้ระหว่างพิจารณา")), "updatePlan")).containsExactly("NOT_EDITABLE input.planId");
        assertThat(refused(admin.submit(id), "submitPlan")).containsExactly("ALREADY_SUBMITTED input.planId");
        assertThat(refused(admin.discard(id), "discardPlanDraft")).containsExactly("ALREADY_SUBMITTED input.planId");

        JsonNode queue = committee.execute(QUEUE, Map.of());
        assertThat(queue.path("data").path("planReviewQueue").path("edges").size()).isEqualTo(1);
        assertThat(queue.path("data").path("planReviewQueue").path("edges").get(0).path("node").path("id").asString()).isEqualTo(id);
        assertThat(committee(province, TenantKind.MUNICIPALITY).execute(QUEUE, Map.of()).path("data").path("planReviewQueue")
                .path("edges").isEmpty()).isTrue();
        assertThat(committee(freshProvince(), TenantKind.SAO).execute(QUEUE, Map.of()).path("data").path("planReviewQueue")
                .path("edges").isEmpty()).isTrue();
        assertThat(GraphQlHttp.classification(admin.execute(QUEUE, Map.of()))).isEqualTo("FORBIDDEN");

        assertThat(refused(committee.returnPlan(id, "  "), "returnPlan")).containsExactly("REQUIRED input.comments");
        JsonNode returned = ok(committee.returnPlan(id, "เพิ่มหลักสูตรด้านการเงินการคลัง"), "returnPlan");
        assertThat(returned.path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.path("draft").path("reviews").get(0).path("decision").asString()).isEqualTo("RETURNED");
        assertThat(returned.path("draft").path("reviews").get(0).path("comments").asString()).isEqualTo("เพิ่มหลักสูตรด้านการเงินการคลัง");
        assertThat(returned.path("draft").path("reviews").get(0).path("committee").asString()).isEqualTo("ก.อบต.จังหวัด" + province);
        assertThat(committee.execute(QUEUE, Map.of()).path("data").path("planReviewQueue").path("edges").isEmpty()).isTrue();
        assertThat(admin.plan(id).path("data").path("plan").path("status").asString()).isEqualTo("RETURNED");

        ok(admin.addCourse(id, PlanApi.course("local-finance", 2573, 20_000)), "addPlanCourse");
        ok(admin.submit(id), "submitPlan");
        assertThat(refused(committee.approve(id, "มติที่ 7/2572", "2029-08-21"), "approvePlan"))
                .containsExactly("IN_FUTURE input.resolutionDate");
        assertThat(refused(committee.approve(id, " ", "2029-08-19"), "approvePlan")).containsExactly("REQUIRED input.resolutionNumber");
        JsonNode approved = ok(committee.approve(id, "มติที่ 7/2572", "2029-08-19"), "approvePlan");
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("draft").isNull()).isTrue();
        assertThat(approved.path("currentVersion").path("number").asInt()).isZero();
        assertThat(approved.path("currentVersion").path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("currentVersion").path("approval").path("resolutionNumber").asString()).isEqualTo("มติที่ 7/2572");
        assertThat(approved.path("currentVersion").path("approval").path("resolutionDate").asString()).isEqualTo("2029-08-19");
        assertThat(approved.path("inForceFrom").isNull()).as("not in force before it is announced").isTrue();
        assertThat(texts(approved.path("content").path("courses"), "key")).contains("local-finance");

        assertThat(refused(committee.approve(id, "มติซ้ำ", "2029-08-19"), "approvePlan")).containsExactly("NOT_SUBMITTED input.planId");
        assertThat(refused(admin.update(id, Map.of("rationale", "แก้หลังอนุมัติ")), "updatePlan"))
                .containsExactly("NOT_EDITABLE input.planId");
        assertThat(refused(admin.addCourse(id, PlanApi.course("late", 2573, 0)), "addPlanCourse"))
                .containsExactly("NOT_EDITABLE input.planId");
        assertThat(refused(admin.submit(id), "submitPlan")).containsExactly("NO_DRAFT input.planId");

        assertThat(refused(admin.announce(id, "2029-08-18"), "announcePlan")).containsExactly("BEFORE_APPROVAL input.announcementDate");
        assertThat(refused(admin.announce(id, "2029-08-21"), "announcePlan")).containsExactly("IN_FUTURE input.announcementDate");
        JsonNode announced = ok(admin.announce(id, "2029-08-20"), "announcePlan");
        assertThat(announced.path("announcementDate").asString()).isEqualTo("2029-08-20");
        assertThat(announced.path("inForceFrom").asString()).isEqualTo("2029-10-01");
        assertThat(announced.path("status").asString()).isEqualTo("APPROVED");
        assertThat(refused(admin.announce(id, "2029-08-20"), "announcePlan")).containsExactly("ALREADY_ANNOUNCED input.planId");

        JsonNode trail = admin.plan(id, "auditTrail(first: 100) { edges { node { action revision summary actor { name } changes { field } } } }");
        List<String> actions = new ArrayList<>();
        trail.path("data").path("plan").path("auditTrail").path("edges").forEach(edge -> actions.add(edge.path("node").path("action").asString()));
        assertThat(actions).containsExactly("ANNOUNCED", "APPROVED", "SUBMITTED", "COURSE_ADDED", "RETURNED", "SUBMITTED", "CREATED");
        JsonNode added = trail.path("data").path("plan").path("auditTrail").path("edges").get(3).path("node");
        assertThat(added.path("changes").toString()).contains("courses.local-finance", "budget.byFiscalYear.2573.amount");
        JsonNode returnEvent = trail.path("data").path("plan").path("auditTrail").path("edges").get(4).path("node");
        assertThat(returnEvent.path("actor").path("name").asString()).startsWith("กรรมการ");
        assertThat(returnEvent.path("summary").asString()).contains("เพิ่มหลักสูตรด้านการเงินการคลัง");
    }

    @Test
    void onlyTheProvincialCommitteeOfTheOrganisationsProvinceAndKindDecides() {
        setBangkok("2029-08-20T10:00");
        String province = freshProvince();
        Tenant tenant = sao(province);
        PlanApi admin = admin(tenant);
        String id = ok(admin.createFromMasterPlan(2573), "createPlanFromMasterPlan").path("id").asString();
        ok(admin.submit(id), "submitPlan");

        for (PlanApi tenantUser : List.of(admin, as(tenant, Role.HR_OFFICER), as(tenant, Role.VIEWER), national())) {
            assertThat(GraphQlHttp.classification(tenantUser.approve(id, "มติ", "2029-08-19"))).isEqualTo("FORBIDDEN");
            assertThat(GraphQlHttp.classification(tenantUser.returnPlan(id, "ไม่ผ่าน"))).isEqualTo("FORBIDDEN");
        }
        for (PlanApi stranger : List.of(committee(freshProvince(), TenantKind.SAO), committee(province, TenantKind.MUNICIPALITY),
                committee(province, TenantKind.PAO), admin(sao(province)))) {
            assertThat(GraphQlHttp.classification(stranger.approve(id, "มติ", "2029-08-19"))).isEqualTo("NOT_FOUND");
            assertThat(GraphQlHttp.classification(stranger.returnPlan(id, "ไม่ผ่าน"))).isEqualTo("NOT_FOUND");
        }
        assertThat(admin.plan(id).path("data").path("plan").path("status").asString()).isEqualTo("SUBMITTED");

        Tenant municipality = tenants.tenant("ทต.ทดสอบ", TenantKind.MUNICIPALITY, province);
        PlanApi mayor = admin(municipality);
        String municipal = ok(mayor.createFromMasterPlan(2573), "createPlanFromMasterPlan").path("id").asString();
        ok(mayor.submit(municipal), "submitPlan");
        assertThat(GraphQlHttp.classification(committee(province, TenantKind.SAO).approve(municipal, "มติ", "2029-08-19")))
                .isEqualTo("NOT_FOUND");
        JsonNode approved = ok(committee(province, TenantKind.MUNICIPALITY).approve(municipal, "มติ ก.ท.จ. 3/2572", "2029-08-19"),
                "approvePlan");
        assertThat(approved.path("currentVersion").path("approval").path("committee").asString()).isEqualTo("ก.ท.จ." + province);
        // The committee reads the plans of its tenants once submitted; national oversight reads all.
        assertThat(committee(province, TenantKind.SAO).plan(id).path("data").path("plan").path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(national().plan(municipal).path("data").path("plan").path("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aDraftThatWasNeverApprovedCanBeDiscarded() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = ok(admin.create(2570), "createPlan").path("id").asString();
        assertThat(GraphQlHttp.classification(as(tenant, Role.VIEWER).discard(id))).isEqualTo("FORBIDDEN");
        JsonNode discarded = PlanApi.payload(admin.discard(id), "discardPlanDraft");
        assertThat(discarded.path("deletedPlanId").asString()).isEqualTo(id);
        assertThat(GraphQlHttp.classification(admin.plan(id))).isEqualTo("NOT_FOUND");
        ok(admin.create(2570), "createPlan");

        // The organisation-wide audit trail has the plan's events too.
        JsonNode tenantTrail = admin.execute("{ auditTrail(first: 50) { action target } }", Map.of());
        assertThat(tenantTrail.path("data").path("auditTrail").toString()).contains("plan.create", "plan.discardDraft", "plan:" + id);
    }
}
