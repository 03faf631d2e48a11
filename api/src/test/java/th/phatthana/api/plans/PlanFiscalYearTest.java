package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.ok;
import static th.phatthana.api.plans.PlanApi.texts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** In force from 1 October of the first fiscal year, closed after 30 September of the last, in Asia/Bangkok. */
class PlanFiscalYearTest extends PlanTestSupport {

    private static final String IN_FORCE = "query($date: Date) { planInForce(date: $date) { id } }";

    @Test
    void inForceFromOneOctoberToThirtySeptemberInBangkokTime() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = approvedPlan(tenant, admin, 2568, "2024-09-15", "2024-09-20").path("id").asString();

        // 2024-09-30 23:59:59 in Bangkok is still FY 2567; 2024-10-01 00:00 in Bangkok is 2024-09-30 17:00 UTC.
        clock.set(Instant.parse("2024-09-30T16:59:59Z"));
        JsonNode before = admin.plan(id).path("data").path("plan");
        assertThat(before.path("status").asString()).isEqualTo("APPROVED");
        assertThat(before.path("inForceFrom").asString()).isEqualTo("2024-10-01");
        assertThat(inForce(admin, null)).isNull();

        clock.set(Instant.parse("2024-09-30T17:00:00Z"));
        assertThat(status(admin, id)).isEqualTo("IN_FORCE");
        assertThat(inForce(admin, null)).isEqualTo(id);
        assertThat(inForce(admin, "2024-09-30")).isNull();
        assertThat(inForce(admin, "2024-10-01")).isEqualTo(id);
        assertThat(inForce(admin, "2027-09-30")).isEqualTo(id);
        assertThat(inForce(admin, "2027-10-01")).isNull();

        setBangkok("2027-09-30T23:59:59");
        assertThat(status(admin, id)).isEqualTo("IN_FORCE");
        JsonNode listed = admin.execute("{ plans(status: [IN_FORCE]) { edges { node { id } } } }", Map.of());
        assertThat(listed.path("data").path("plans").path("edges").size()).isEqualTo(1);

        setBangkok("2027-10-01T00:00");
        assertThat(status(admin, id)).isEqualTo("CLOSED");
        assertThat(inForce(admin, null)).isNull();
        assertThat(admin.execute("{ plans(status: [IN_FORCE]) { edges { node { id } } } }", Map.of()).path("data").path("plans")
                .path("edges").isEmpty()).isTrue();
    }

    @Test
    void aPlanAnnouncedAfterOneOctoberIsInForceFromItsAnnouncement() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String id = approvedPlan(tenant, admin, 2568, "2024-10-05", "2024-10-10").path("id").asString();
        setBangkok("2024-10-09T23:59");
        assertThat(status(admin, id)).isEqualTo("APPROVED");
        setBangkok("2024-10-10T00:00");
        JsonNode plan = admin.plan(id).path("data").path("plan");
        assertThat(plan.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(plan.path("inForceFrom").asString()).isEqualTo("2024-10-10");
    }

    @Test
    void anApprovedPlanThatIsNeverAnnouncedIsNeverInForceButStillCloses() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        setBangkok("2024-09-20T10:00");
        String id = ok(admin.createFromMasterPlan(2568), "createPlanFromMasterPlan").path("id").asString();
        ok(admin.submit(id), "submitPlan");
        ok(committee(tenant.province(), tenant.kind()).approve(id, "มติ", "2024-09-20"), "approvePlan");
        setBangkok("2025-06-01T12:00");
        assertThat(status(admin, id)).isEqualTo("APPROVED");
        setBangkok("2027-10-01T00:00");
        assertThat(status(admin, id)).isEqualTo("CLOSED");
    }

    @Test
    void thePlanningCalendarGivesTheNextDueDatesAndFlagsWhatIsOverdue() {
        Tenant tenant = sao(freshProvince());
        PlanApi admin = admin(tenant);
        String current = approvedPlan(tenant, admin, 2568, "2024-09-15", "2024-09-20").path("id").asString();

        setBangkok("2026-10-01T08:00");
        JsonNode calendar = calendar(admin);
        assertThat(calendar.path("today").asString()).isEqualTo("2026-10-01");
        assertThat(calendar.path("currentFiscalYear").asInt()).isEqualTo(2570);
        assertThat(calendar.path("currentPlan").path("id").asString()).isEqualTo(current);
        assertThat(calendar.path("nextPlanFiscalYearStart").asInt()).isEqualTo(2571);
        assertThat(calendar.path("nextPlan").isNull()).isTrue();
        assertThat(milestones(calendar)).isEqualTo(Map.of(
                "DRAFTING_START", "2026-10-01 done=false overdue=false",
                "SUBMISSION", "2027-09-30 done=false overdue=false",
                "IN_FORCE", "2027-10-01 done=false overdue=false"));
        assertThat(calendar.path("overdue").asBoolean()).isFalse();

        setBangkok("2026-10-02T08:00");
        assertThat(milestones(calendar(admin)).get("DRAFTING_START")).isEqualTo("2026-10-01 done=false overdue=true");
        assertThat(calendar(admin).path("overdue").asBoolean()).isTrue();

        String next = ok(admin.createFromMasterPlan(2571), "createPlanFromMasterPlan").path("id").asString();
        setBangkok("2027-09-30T23:59");
        calendar = calendar(admin);
        assertThat(calendar.path("nextPlan").path("id").asString()).isEqualTo(next);
        assertThat(milestones(calendar)).isEqualTo(Map.of(
                "DRAFTING_START", "2026-10-01 done=true overdue=false",
                "SUBMISSION", "2027-09-30 done=false overdue=false",
                "IN_FORCE", "2027-10-01 done=false overdue=false"));

        setBangkok("2027-10-01T00:00");
        calendar = calendar(admin);
        assertThat(calendar.path("currentPlan").isNull()).isTrue();
        assertThat(calendar.path("nextPlanFiscalYearStart").asInt()).isEqualTo(2571);
        assertThat(milestones(calendar)).isEqualTo(Map.of(
                "DRAFTING_START", "2026-10-01 done=true overdue=false",
                "SUBMISSION", "2027-09-30 done=false overdue=true",
                "IN_FORCE", "2027-10-01 done=false overdue=true"));

        ok(admin.submit(next), "submitPlan");
        ok(committee(tenant.province(), tenant.kind()).approve(next, "มติ 10/2570", "2027-10-01"), "approvePlan");
        ok(admin.announce(next, "2027-10-01"), "announcePlan");
        calendar = calendar(admin);
        assertThat(calendar.path("currentPlan").path("id").asString()).isEqualTo(next);
        assertThat(calendar.path("nextPlanFiscalYearStart").asInt()).isEqualTo(2574);
        assertThat(calendar.path("overdue").asBoolean()).isFalse();
        assertThat(milestones(calendar).get("SUBMISSION")).isEqualTo("2030-09-30 done=false overdue=false");

        // Oversight reads the calendar of the organisations it oversees.
        JsonNode oversight = committee(tenant.province(), tenant.kind()).execute(
                "query($org: ID) { planningCalendar(organisationId: $org) { currentPlan { id } } }", Map.of("org", tenant.id()));
        assertThat(oversight.path("data").path("planningCalendar").path("currentPlan").path("id").asString()).isEqualTo(next);
    }

    private static String status(PlanApi api, String id) {
        return api.plan(id, "status").path("data").path("plan").path("status").asString();
    }

    private static String inForce(PlanApi api, String date) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("date", date);
        JsonNode plan = api.execute(IN_FORCE, variables).path("data").path("planInForce");
        return plan.isNull() || plan.isMissingNode() ? null : plan.path("id").asString();
    }

    private static JsonNode calendar(PlanApi api) {
        JsonNode response = api.execute("""
                { planningCalendar { today currentFiscalYear currentPlan { id } nextPlanFiscalYearStart nextPlan { id }
                    milestones { kind dueDate done overdue description } overdue } }""", Map.of());
        return response.path("data").path("planningCalendar");
    }

    private static Map<String, String> milestones(JsonNode calendar) {
        Map<String, String> result = new HashMap<>();
        for (JsonNode milestone : calendar.path("milestones")) {
            result.put(milestone.path("kind").asString(), milestone.path("dueDate").asString() + " done="
                    + milestone.path("done").asBoolean() + " overdue=" + milestone.path("overdue").asBoolean());
        }
        assertThat(texts(calendar.path("milestones"), "kind")).containsExactly("DRAFTING_START", "SUBMISSION", "IN_FORCE");
        return result;
    }
}
