package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * What the progress tests share: an organisation with an xAPI credential, staff, approved plans
 * written straight into the plan store (the plan workflow has its own tests), statements posted
 * over HTTP, and the progress queries over GraphQL.
 */
abstract class ProgressTestSupport extends IntegrationTest {

    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String ATTENDED = "http://adlnet.gov/expapi/verbs/attended";
    static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    static final String ACTIVITIES = "https://elearning.example.go.th/xapi/activities/";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    TestTenants tenants;
    @Autowired
    StaffService staffService;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    ProgressProjector projector;

    /** An organisation and what the tests use with it. */
    final class Org {
        final Tenant tenant;
        final XapiHttp xapi;
        final GraphQlHttp admin;

        Org(String name) {
            this(tenants.xapi(name));
        }

        /** An organisation made by the test (of its own kind and province), with a new xAPI credential. */
        Org(Tenant tenant) {
            this(tenants.credential(tenant));
        }

        private Org(TestTenants.XapiAccess access) {
            this.tenant = access.tenant();
            this.xapi = new XapiHttp(xapiEndpoint(), access);
            this.admin = as(Role.TENANT_ADMIN);
        }

        GraphQlHttp as(Role... roles) {
            return new GraphQlHttp(baseUrl(), tenants.token(tenant, roles));
        }

        Staff staff(String firstName, PositionType type, XapiIdentity... identities) {
            int n = NUMBERS.incrementAndGet();
            StaffDraft draft = new StaffDraft("P" + n, "นาย", firstName, "ทดสอบ" + n, PersonnelType.LOCAL_OFFICIAL, "นักทรัพยากรบุคคล",
                    type, new LineOfWork("HR", "นักทรัพยากรบุคคล"), "ปฏิบัติการ", null, LocalDate.of(2015, 1, 1),
                    LocalDate.of(2015, 7, 1), EmploymentStatus.ACTIVE, List.of(identities), null);
            var outcome = staffService.create(tenant.id(), draft);
            assertThat(outcome.problems()).isEmpty();
            return outcome.value();
        }

        Staff link(Staff member, XapiIdentity... more) {
            List<XapiIdentity> identities = new ArrayList<>(member.xapiIdentities());
            identities.addAll(List.of(more));
            var outcome = staffService.update(tenant.id(), member.id(), StaffDraft.of(member).withXapiIdentities(identities));
            assertThat(outcome.problems()).isEmpty();
            return outcome.value();
        }

        /** An approved plan (version 0) over three fiscal years, written straight into the plan store. */
        String plan(int fiscalYearStart, List<PlanContent.Course> courses, List<PlanContent.Goal> goals) {
            String planId = tenant.id() + "/" + UUID.randomUUID();
            Instant now = Instant.now();
            Plan plan = new Plan(planId, tenant.id(), "แผนทดสอบ", fiscalYearStart, null, null, 0, List.of(), now, Plan.Actor.SYSTEM, now,
                    null);
            mongo.insert(plan);
            mongo.insert(version(planId, 0, new PlanContent(null, goals, courses, null, null, null, null)));
            return planId;
        }

        /** Approves amendment {@code number} with these courses, and announces it as the plans feature does. */
        void amend(String planId, int number, List<PlanContent.Course> courses, List<PlanContent.Goal> goals) {
            mongo.insert(version(planId, number, new PlanContent(null, goals, courses, null, null, null, null)));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(planId)),
                    new Update().set("currentVersion", number).set("updatedAt", Instant.now()), Plan.class);
            publisher.publishEvent(new th.phatthana.api.plans.PlanVersionApproved(tenant.id(), planId, number));
        }

        private PlanVersion version(String planId, int number, PlanContent content) {
            Instant now = Instant.now();
            Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, null, "1/2567", LocalDate.of(2023, 9, 1), "ก.อบต.จังหวัด",
                    Plan.Actor.SYSTEM, now);
            return new PlanVersion(PlanVersion.id(planId, number), tenant.id(), planId, number, number == 0 ? null : "แก้ไข", content, now,
                    Plan.Actor.SYSTEM, List.of(approval), now, Plan.Actor.SYSTEM, approval);
        }

        void post(String json) {
            HttpResponse<String> response = xapi.postJson("/statements", json);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        JsonNode progress(String planId, int fiscalYear) {
            return data(admin.execute("query($p: ID!, $y: FiscalYear) { planProgress(planId: $p, fiscalYear: $y) { " + PROGRESS + " } }",
                    Map.of("p", planId, "y", fiscalYear)), "planProgress");
        }

        /** Polls planProgress until the condition holds, for at most the given milliseconds. */
        JsonNode awaitProgress(String planId, int fiscalYear, long millis, Predicate<JsonNode> condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            JsonNode last;
            do {
                last = progress(planId, fiscalYear);
                if (condition.test(last)) {
                    return last;
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline);
            return last;
        }

        void catchUp() throws Exception {
            projector.catchUpNow(tenant.id()).get(60, TimeUnit.SECONDS);
        }
    }

    static final String PROGRESS = """
            planId fiscalYear planVersion staffCount staffDeveloped staffDevelopedShare totalHours hoursPerPerson statementsThrough
            indicators { goalKey indicatorKey metric target value met }
            courses { courseKey planned plannedParticipants targetParticipants participantsStarted participantsCompleted
                      participantsCompletedInTarget participantsCompletedOutsideTarget completionRate
                      totalHours averageHours delivered budgetPlanned budgetSpent }
            budget { planned spent spentShare }
            byDivision { key staffCount staffDeveloped }
            byTargetGroup { key staffCount staffDeveloped share totalHours }
            byPositionType { key staffCount staffDeveloped share totalHours }
            byCompetency { code staffCount staffCompleted share courseKeys }
            """;

    static JsonNode data(JsonNode response, String field) {
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty())
                .as("errors: %s", response.path("errors")).isTrue();
        return response.path("data").path(field);
    }

    static JsonNode course(JsonNode progress, String key) {
        for (JsonNode course : progress.path("courses")) {
            if (course.path("courseKey").asString().equals(key)) {
                return course;
            }
        }
        throw new AssertionError("no course " + key + " in " + progress);
    }

    static PlanContent.Course course(String key, List<String> activities, PlanContent.CompletionRule rule, int fiscalYear,
            List<String> competencies) {
        return new PlanContent.Course(key, "หลักสูตร " + key, "Course " + key, null, PlanContent.CourseCategory.JOB_DUTIES, competencies,
                List.of(PlanContent.DevelopmentMethod.E_LEARNING), null, new PlanContent.Target(true, null, null, null, null, null, null),
                new PlanContent.Schedule(List.of(fiscalYear), List.of(1), null),
                List.of(new PlanContent.CourseYear(fiscalYear, 10, 50_000)),
                new PlanContent.Xapi(activities, rule));
    }

    static PlanContent.CompletionRule rule(List<String> verbs, PlanContent.ActivityMatch match, boolean success, boolean completion,
            Double minScaled, Double minHours) {
        return new PlanContent.CompletionRule(verbs, match, success, completion, minScaled, minHours);
    }

    static String statement(String id, String actorJson, String verb, String activity, String timestamp, String result) {
        return """
                {"id": "%s", "actor": %s, "verb": {"id": "%s"}, "object": {"objectType": "Activity", "id": "%s"},
                 "timestamp": "%s"%s}
                """.formatted(id, actorJson, verb, activity, timestamp, result == null ? "" : ", \"result\": " + result);
    }

    static String voiding(String id, String actorJson, String target) {
        return """
                {"id": "%s", "actor": %s, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}
                """.formatted(id, actorJson, target);
    }

    static String mbox(String address) {
        return "{\"objectType\": \"Agent\", \"mbox\": \"mailto:" + address + "\"}";
    }

    static String account(String homePage, String name) {
        return "{\"objectType\": \"Agent\", \"name\": \"" + name + "\", \"account\": {\"homePage\": \"" + homePage + "\", \"name\": \"" + name
                + "\"}}";
    }

    record Snapshot(Map<String, Document> aggregates, Map<String, Document> actors, Map<String, Document> facts) {
    }

    /** The tenant's read model, without the bookkeeping that legitimately differs (last seq applied, contributions of voided facts). */
    Snapshot snapshot(Org org) {
        String tenantId = org.tenant.id();
        Map<String, Document> aggregates = new TreeMap<>();
        for (Document document : mongo.getCollection(ProgressStore.COURSE_YEARS).find(new Document("tenantId", tenantId))) {
            document.remove("seq");
            aggregates.put(document.getString("_id"), document);
        }
        Map<String, Document> actors = new TreeMap<>();
        for (Document document : mongo.getCollection(ProgressStore.ACTORS).find(new Document("tenantId", tenantId))) {
            document.remove("seq");
            actors.put(document.getString("_id"), document);
        }
        Map<String, Document> facts = new TreeMap<>();
        for (Document document : mongo.getCollection(ProgressStore.FACTS).find(new Document("tenantId", tenantId))) {
            if (document.getBoolean("voided", false)) {
                document.remove("contrib");
            }
            facts.put(document.getString("_id"), document);
        }
        return new Snapshot(aggregates, actors, facts);
    }
}
