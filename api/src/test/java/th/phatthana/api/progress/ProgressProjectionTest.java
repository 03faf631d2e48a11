package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanContent.ActivityMatch;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;

class ProgressProjectionTest extends ProgressTestSupport {

    @Autowired
    th.phatthana.lrs.statements.StatementRepository statementRepository;

    static final int NOW_FY = FiscalYears.of(Instant.now());

    private String simplePlan(Org org, String key) {
        return org.plan(NOW_FY - 1, List.of(course(key, List.of(ACTIVITIES + key), PlanContent.CompletionRule.DEFAULT, NOW_FY,
                List.of("C01"))), List.of(new PlanContent.Goal("G1", "พัฒนาบุคลากร", null, List.of(
                        new PlanContent.Indicator("I1", "ร้อยละบุคลากรที่ได้รับการพัฒนา", PlanContent.IndicatorMetric.STAFF_DEVELOPED_SHARE,
                                PlanContent.IndicatorUnit.PERCENT, PlanContent.TargetComparator.AT_LEAST,
                                List.of(new PlanContent.IndicatorTarget(NOW_FY, 50))),
                        new PlanContent.Indicator("I2", "ชั่วโมงต่อคน", PlanContent.IndicatorMetric.HOURS_PER_PERSON, PlanContent.IndicatorUnit.HOURS,
                                PlanContent.TargetComparator.AT_LEAST, List.of(new PlanContent.IndicatorTarget(NOW_FY, 1)))))));
    }

    @Test
    void aStatementShowsInProgressWithinTwoSecondsAndAVoidTakesItBack() throws Exception {
        Org org = new Org("อบต.ความคืบหน้า");
        org.staff("สมชาย", PositionType.ACADEMIC, XapiIdentity.ofMbox("mailto:somchai@example.go.th"));
        org.staff("สมหญิง", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:somying@example.go.th"));
        String planId = simplePlan(org, "ethics");
        org.progress(planId, NOW_FY); // plans indexed before the statement arrives, as in production

        String id = UUID.randomUUID().toString();
        org.post(statement(id, mbox("somchai@example.go.th"), COMPLETED, ACTIVITIES + "ethics", Instant.now().toString(),
                "{\"duration\": \"PT1H30M\"}"));
        long posted = System.nanoTime();
        JsonNode progress = org.awaitProgress(planId, NOW_FY, 2000, p -> course(p, "ethics").path("participantsCompleted").asInt() == 1);
        long millis = (System.nanoTime() - posted) / 1_000_000;
        assertThat(course(progress, "ethics").path("participantsCompleted").asInt()).as("visible after %d ms", millis).isEqualTo(1);
        assertThat(millis).isLessThanOrEqualTo(2000);

        JsonNode ethics = course(progress, "ethics");
        assertThat(ethics.path("targetParticipants").asInt()).isEqualTo(2);
        assertThat(ethics.path("completionRate").asDouble()).isEqualTo(50.0);
        assertThat(ethics.path("totalHours").asDouble()).isEqualTo(1.5);
        assertThat(ethics.path("delivered").asBoolean()).isTrue();
        assertThat(progress.path("staffDeveloped").asInt()).isEqualTo(1);
        assertThat(progress.path("hoursPerPerson").asDouble()).isEqualTo(0.75);
        assertThat(progress.path("indicators").get(0).path("value").asDouble()).isEqualTo(50.0);
        assertThat(progress.path("indicators").get(0).path("met").asBoolean()).isTrue();
        assertThat(progress.path("indicators").get(1).path("met").asBoolean()).isFalse();
        assertThat(progress.path("byCompetency").get(0).path("staffCompleted").asInt()).isEqualTo(1);
        assertThat(progress.path("byPositionType").toString()).contains("ACADEMIC");

        org.post(voiding(UUID.randomUUID().toString(), mbox("somchai@example.go.th"), id));
        progress = org.awaitProgress(planId, NOW_FY, 2000, p -> course(p, "ethics").path("participantsStarted").asInt() == 0);
        assertThat(course(progress, "ethics").path("participantsCompleted").asInt()).isZero();
        assertThat(course(progress, "ethics").path("participantsStarted").asInt()).isZero();
        assertThat(course(progress, "ethics").path("totalHours").asDouble()).isZero();
    }

    @Test
    void aStatementWrittenAfterALaterOneStillCounts() throws Exception {
        Org org = new Org("อบต.ลำดับการเขียน");
        org.staff("ช้า", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:slow@example.go.th"));
        org.staff("เร็ว", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:fast@example.go.th"));
        String planId = simplePlan(org, "ethics");
        org.progress(planId, NOW_FY);

        // a batch takes its sequence number, and while it is still being written a later batch is stored
        long slowSeq = statementRepository.reserveSequence(org.tenant.id(), 1);
        org.post(statement(UUID.randomUUID().toString(), mbox("fast@example.go.th"), COMPLETED, ACTIVITIES + "ethics",
                Instant.now().toString(), null));
        Thread.sleep(1500); // the projector has looked at the stream meanwhile
        Document later = mongo.getCollection("statements").find(new Document("tenantId", org.tenant.id())).first();
        String slowId = UUID.randomUUID().toString();
        String json = statement(slowId, mbox("slow@example.go.th"), COMPLETED, ACTIVITIES + "ethics", Instant.now().toString(), null);
        mongo.getCollection("statements").insertOne(new Document(later).append("_id", org.tenant.id() + "/" + slowId)
                .append("statementId", slowId).append("seq", slowSeq)
                .append("streamKey", org.tenant.id() + "/" + String.format("%019d", slowSeq)).append("json", json));

        JsonNode progress = org.awaitProgress(planId, NOW_FY, 2000, p -> course(p, "ethics").path("participantsCompleted").asInt() == 2);
        assertThat(course(progress, "ethics").path("participantsCompleted").asInt()).as("both statements count").isEqualTo(2);
    }

    @Test
    void aStatementVoidedBeforeItArrivesNeverCounts() throws Exception {
        Org org = new Org("อบต.ยกเลิกก่อน");
        org.staff("ก", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:early-void@example.go.th"));
        String planId = simplePlan(org, "ethics");
        org.progress(planId, NOW_FY);

        String id = UUID.randomUUID().toString();
        org.post(voiding(UUID.randomUUID().toString(), mbox("early-void@example.go.th"), id));
        org.post(statement(id, mbox("early-void@example.go.th"), COMPLETED, ACTIVITIES + "ethics", Instant.now().toString(),
                "{\"duration\": \"PT2H\"}"));
        org.catchUp();

        JsonNode ethics = course(org.progress(planId, NOW_FY), "ethics");
        assertThat(ethics.path("participantsStarted").asInt()).isZero();
        assertThat(ethics.path("participantsCompleted").asInt()).isZero();
        assertThat(ethics.path("totalHours").asDouble()).isZero();
    }

    @Test
    void fiscalYearsTurnAtMidnightInBangkok() throws Exception {
        Org org = new Org("อบต.ปีงบประมาณ");
        org.staff("ก", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:a@example.go.th"));
        org.staff("ข", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:b@example.go.th"));
        String planId = org.plan(2566, List.of(course("law", List.of(ACTIVITIES + "law"), PlanContent.CompletionRule.DEFAULT, 2567,
                List.of())), List.of());
        org.post(statement(UUID.randomUUID().toString(), mbox("a@example.go.th"), COMPLETED, ACTIVITIES + "law",
                "2024-09-30T17:00:00Z", null));
        org.post(statement(UUID.randomUUID().toString(), mbox("b@example.go.th"), COMPLETED, ACTIVITIES + "law",
                "2024-09-30T16:59:59Z", null));
        org.catchUp();
        assertThat(course(org.progress(planId, 2568), "law").path("participantsCompleted").asInt()).isEqualTo(1);
        assertThat(course(org.progress(planId, 2567), "law").path("participantsCompleted").asInt()).isEqualTo(1);
        assertThat(course(org.progress(planId, 2566), "law").path("participantsCompleted").asInt()).isZero();
    }

    @Test
    void linkingAnIdentityReattributesPastStatementsAndUnmatchedActorsAreListed() throws Exception {
        Org org = new Org("อบต.ตัวตน");
        Staff somsak = org.staff("สมศักดิ์", PositionType.ACADEMIC, XapiIdentity.ofMbox("mailto:somsak@example.go.th"));
        String planId = org.plan(NOW_FY - 1, List.of(course("digital", List.of(ACTIVITIES + "digital-1", ACTIVITIES + "digital-2"),
                rule(List.of(PASSED), ActivityMatch.ALL, true, false, 0.6, null), NOW_FY, List.of("S02"))), List.of());
        String lms = account("https://lms.example.go.th", "somsak01");
        String now = Instant.now().toString();
        org.post(statement(UUID.randomUUID().toString(), lms, PASSED, ACTIVITIES + "digital-1", now,
                "{\"success\": true, \"score\": {\"scaled\": 0.8}}"));
        org.post(statement(UUID.randomUUID().toString(), lms, PASSED, ACTIVITIES + "digital-2", now,
                "{\"success\": true, \"score\": {\"scaled\": 0.9}}"));
        // the e-mail statement is filed under its sha1 key, and found through the staff member's mbox identity
        org.post(statement(UUID.randomUUID().toString(), mbox("somsak@example.go.th"), PASSED, ACTIVITIES + "digital-1", now,
                "{\"success\": false, \"score\": {\"scaled\": 0.3}}"));
        org.catchUp();

        JsonNode before = course(org.progress(planId, NOW_FY), "digital");
        assertThat(before.path("participantsStarted").asInt()).isEqualTo(1);
        assertThat(before.path("participantsCompleted").asInt()).isZero();
        JsonNode unmatched = data(org.admin.execute("{ unmatchedActors(first: 10) { actorKey displayKey name statements lastSeen } }"),
                "unmatchedActors");
        assertThat(unmatched).hasSize(1);
        assertThat(unmatched.get(0).path("actorKey").asString()).isEqualTo("account|https://lms.example.go.th|somsak01");
        assertThat(unmatched.get(0).path("statements").asInt()).isEqualTo(2);

        org.link(somsak, XapiIdentity.ofAccount("https://lms.example.go.th", "somsak01"));
        JsonNode after = course(org.progress(planId, NOW_FY), "digital");
        assertThat(after.path("participantsStarted").asInt()).isEqualTo(1);
        assertThat(after.path("participantsCompleted").asInt()).isEqualTo(1);
        assertThat(data(org.admin.execute("{ unmatchedActors { actorKey } }"), "unmatchedActors")).isEmpty();

        JsonNode staff = data(org.admin.execute("""
                query($p: ID!, $s: ID!, $y: FiscalYear) { staffProgress(planId: $p, staffId: $s, fiscalYear: $y) {
                  staffId name hours coursesCompleted courses { courseKey targeted started completed statements } } }""",
                Map.of("p", planId, "s", somsak.id(), "y", NOW_FY)), "staffProgress");
        assertThat(staff.path("coursesCompleted").asInt()).isEqualTo(1);
        assertThat(staff.path("courses").get(0).path("statements").asInt()).isEqualTo(3);
    }

    @Test
    void otherOrganisationsAndRolesAreKeptOut() throws Exception {
        Org org = new Org("อบต.สิทธิ์");
        Org other = new Org("อบต.อื่น");
        String planId = simplePlan(org, "basic");
        String query = "query($p: ID!) { planProgress(planId: $p) { planId } }";

        assertThat(GraphQlHttp.classification(other.admin.execute(query, Map.of("p", planId)))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(new GraphQlHttp(baseUrl(), null).execute(query, Map.of("p", planId))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(data(org.as(Role.VIEWER).execute(query, Map.of("p", planId)), "planProgress").path("planId").asString())
                .isEqualTo(planId);

        String spend = """
                mutation($i: RecordCourseSpendInput!) { recordCourseSpend(input: $i) { entry { id amount } userErrors { field code } } }""";
        Map<String, Object> input = Map.of("planId", planId, "courseKey", "basic", "fiscalYear", NOW_FY, "amount", 1200.5);
        assertThat(GraphQlHttp.classification(org.as(Role.VIEWER).execute(spend, Map.of("i", input)))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(other.admin.execute(spend, Map.of("i", input)))).isEqualTo("NOT_FOUND");
        assertThat(data(org.as(Role.HR_OFFICER).execute(spend, Map.of("i", input)), "recordCourseSpend").path("entry").path("amount")
                .asDouble()).isEqualTo(1200.5);
        JsonNode refused = data(org.admin.execute(spend, Map.of("i", Map.of("planId", planId, "courseKey", "nope", "fiscalYear", NOW_FY,
                "amount", -1))), "recordCourseSpend");
        assertThat(refused.path("userErrors").toString()).contains("courseKey").contains("amount");
        JsonNode budget = org.progress(planId, NOW_FY).path("budget");
        assertThat(budget.path("planned").asDouble()).isEqualTo(50_000);
        assertThat(budget.path("spent").asDouble()).isEqualTo(1200.5);

        String rebuild = "mutation { rebuildProgress { organisationId statementsThrough userErrors { code } } }";
        assertThat(GraphQlHttp.classification(org.as(Role.HR_OFFICER).execute(rebuild))).isEqualTo("FORBIDDEN");
        assertThat(data(org.admin.execute(rebuild), "rebuildProgress").path("organisationId").asString()).isEqualTo(org.tenant.id());
        assertThat(GraphQlHttp.classification(other.admin.execute("{ unmatchedActors(organisationId: \"" + org.tenant.id()
                + "\") { actorKey } }"))).isEqualTo("NOT_FOUND");
    }

    @Test
    void offlineDevelopmentIsRecordedAsStatementsThatCountAndCanBeVoided() throws Exception {
        Org org = new Org("อบต.ออฟไลน์");
        Staff a = org.staff("ก", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:off-a@example.go.th"));
        Staff b = org.staff("ข", PositionType.GENERAL, XapiIdentity.ofAccount("https://hr.example.go.th", "b"));
        Staff none = org.staff("ค", PositionType.GENERAL);
        String activity = "https://phatthana.example.go.th/activities/orientation-" + UUID.randomUUID();
        String planId = org.plan(NOW_FY - 1, List.of(course("orientation", List.of(activity),
                rule(List.of(ATTENDED, COMPLETED), ActivityMatch.ANY, false, false, null, 6.0), NOW_FY, List.of())), List.of());
        String record = """
                mutation($i: RecordOfflineDevelopmentInput!) { recordOfflineDevelopment(input: $i) {
                  statementIds userErrors { field code message } } }""";
        Map<String, Object> input = new java.util.HashMap<>(Map.of("staffIds", List.of(a.id(), b.id()), "activityId", activity,
                "title", "ปฐมนิเทศ", "method", "ORIENTATION", "verb", "ATTENDED", "date", LocalDate.now(FiscalYears.BANGKOK).toString(),
                "hours", 6.5));
        assertThat(GraphQlHttp.classification(org.as(Role.VIEWER).execute(record, Map.of("i", input)))).isEqualTo("FORBIDDEN");
        JsonNode refused = data(org.as(Role.HR_OFFICER).execute(record, Map.of("i", Map.of("staffIds", List.of(none.id()),
                "activityId", activity, "title", "x", "method", "ORIENTATION", "verb", "ATTENDED", "date", "2020-01-01", "hours", 1))),
                "recordOfflineDevelopment");
        assertThat(refused.path("userErrors").toString()).contains("NO_IDENTITY");

        JsonNode recorded = data(org.as(Role.HR_OFFICER).execute(record, Map.of("i", input)), "recordOfflineDevelopment");
        assertThat(recorded.path("userErrors")).isEmpty();
        assertThat(recorded.path("statementIds")).hasSize(2);
        JsonNode progress = org.awaitProgress(planId, NOW_FY, 2000,
                p -> course(p, "orientation").path("participantsCompleted").asInt() == 2);
        assertThat(course(progress, "orientation").path("participantsCompleted").asInt()).isEqualTo(2);
        assertThat(course(progress, "orientation").path("totalHours").asDouble()).isEqualTo(13.0);

        var stored = org.xapi.get("/statements?statementId=" + recorded.path("statementIds").get(0).asString());
        assertThat(stored.body()).contains("\"authority\"").contains("development-method").contains("PT6H30M");

        org.post(voiding(UUID.randomUUID().toString(), mbox("off-a@example.go.th"), recorded.path("statementIds").get(0).asString()));
        progress = org.awaitProgress(planId, NOW_FY, 2000, p -> course(p, "orientation").path("participantsCompleted").asInt() == 1);
        assertThat(course(progress, "orientation").path("participantsCompleted").asInt()).isEqualTo(1);
    }

    @Test
    void anApprovedAmendmentRecomputesThePlanFromTheFactsOnItsOwn() throws Exception {
        Org org = new Org("อบต.แก้ไขแผน");
        org.staff("สมใจ", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:somjai@example.go.th"));
        String planId = org.plan(NOW_FY - 1, List.of(course("x", List.of(ACTIVITIES + "old-x"), PlanContent.CompletionRule.DEFAULT, NOW_FY,
                List.of())), List.of());
        org.post(statement(UUID.randomUUID().toString(), mbox("somjai@example.go.th"), COMPLETED, ACTIVITIES + "new-x",
                Instant.now().toString(), "{\"duration\": \"PT2H\"}"));
        org.catchUp();
        assertThat(course(org.progress(planId, NOW_FY), "x").path("participantsStarted").asInt()).isZero();

        org.amend(planId, 1, List.of(course("x", List.of(ACTIVITIES + "old-x", ACTIVITIES + "new-x"), PlanContent.CompletionRule.DEFAULT,
                NOW_FY, List.of())), List.of());
        JsonNode progress = org.awaitProgress(planId, NOW_FY, 6000, p -> course(p, "x").path("participantsCompleted").asInt() == 1);
        assertThat(course(progress, "x").path("participantsCompleted").asInt()).isEqualTo(1);
        assertThat(course(progress, "x").path("totalHours").asDouble()).isEqualTo(2.0);
        assertThat(progress.path("planVersion").asInt()).isEqualTo(1);
    }
}
