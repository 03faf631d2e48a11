package th.phatthana.api.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.progress.ProgressProjector;
import th.phatthana.api.testing.ConsoleHttp;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
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
 * One organisation with HR, a staff member ("me") who completed a plan course, a colleague who did
 * too, a supervisor to whom "me" reports, and another organisation with its own staff member; the
 * self-service users invited from the register over GraphQL and their invitations accepted over HTTP.
 */
abstract class SelfServiceTestSupport extends IntegrationTest {

    static final String ACTIVITY = "https://elearning.example.go.th/xapi/activities/selfservice-";
    static final String INVITE = """
            mutation($input: InviteStaffMemberInput!) { inviteStaffMember(input: $input) {
              user { id email roles staffId } invitationUrl userErrors { field code message } } }""";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    TestTenants tenants;
    @Autowired
    StaffService staffService;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ProgressProjector projector;
    @Autowired
    AppUserService users;
    @Autowired
    AccessTokenService tokens;
    @Autowired
    PlanService plans;

    Tenant tenant;
    Tenant otherTenant;
    XapiHttp xapi;
    GraphQlHttp hr;
    Staff me;
    Staff colleague;
    Staff boss;
    Staff foreigner;
    String course;
    String planId;
    int fiscalYear;

    void organisation() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.บริการตนเอง");
        tenant = access.tenant();
        xapi = new XapiHttp(xapiEndpoint(), access);
        hr = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.HR_OFFICER, Role.TENANT_ADMIN));
        me = staff(tenant, "สมหญิง", "me");
        colleague = staff(tenant, "สมปอง", "colleague");
        boss = staff(tenant, "สมศักดิ์", "boss");
        otherTenant = tenants.tenant("อบต.อื่น");
        foreigner = staff(otherTenant, "ต่างถิ่น", "foreigner");
        JsonNode supervised = hr.execute("mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { userErrors { field message } } }",
                Map.of("input", Map.of("id", me.id(), "supervisorId", boss.id())));
        assertThat(supervised.at("/data/updateStaff/userErrors")).as(supervised.toString()).isEmpty();
        LocalDate today = plans.today();
        fiscalYear = FiscalYears.of(today);
        course = "C" + NUMBERS.incrementAndGet();
        planId = plan(List.of(course(course, ACTIVITY + course, fiscalYear)), today);
        post(me, ACTIVITY + course, today, "PT6H");
        post(colleague, ACTIVITY + course, today, "PT3H");
        projector.catchUpNow(tenant.id()).get(60, TimeUnit.SECONDS);
    }

    Staff staff(Tenant of, String firstName, String mailbox) {
        int n = NUMBERS.incrementAndGet();
        StaffDraft draft = new StaffDraft("S" + n, "นาง", firstName, "ทดสอบ" + n, PersonnelType.LOCAL_OFFICIAL, "นักทรัพยากรบุคคล",
                PositionType.ACADEMIC, new LineOfWork("HR", "นักทรัพยากรบุคคล"), "ปฏิบัติการ", null, LocalDate.of(2015, 1, 1),
                LocalDate.of(2015, 7, 1), EmploymentStatus.ACTIVE,
                List.of(XapiIdentity.ofMbox("mailto:" + mailbox + n + "@selfservice.go.th")), null);
        var outcome = staffService.create(of.id(), draft);
        assertThat(outcome.problems()).isEmpty();
        return outcome.value();
    }

    void post(Staff member, String activity, LocalDate day, String duration) {
        String statement = """
                {"id": "%s", "actor": {"objectType": "Agent", "mbox": "%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"objectType": "Activity", "id": "%s", "definition": {"name": {"th-TH": "หลักสูตรการเขียนหนังสือราชการ"}}},
                 "result": {"completion": true, "duration": "%s"}, "timestamp": "%sT10:00:00+07:00"}
                """.formatted(UUID.randomUUID(), member.xapiIdentities().get(0).mbox(), activity, duration, day);
        HttpResponse<String> response = xapi.postJson("/statements", statement);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static PlanContent.Course course(String key, String activity, int fiscalYear) {
        return new PlanContent.Course(key, "หลักสูตรการเขียนหนังสือราชการ", "Official writing", null, PlanContent.CourseCategory.JOB_DUTIES,
                List.of(), List.of(PlanContent.DevelopmentMethod.E_LEARNING), null,
                new PlanContent.Target(true, null, null, null, null, null, null),
                new PlanContent.Schedule(List.of(fiscalYear), List.of(1), null), List.of(new PlanContent.CourseYear(fiscalYear, 10, 50_000)),
                new PlanContent.Xapi(List.of(activity), new PlanContent.CompletionRule(List.of("http://adlnet.gov/expapi/verbs/completed"),
                        PlanContent.ActivityMatch.ANY, false, false, null, null)));
    }

    /** A plan approved and announced, in force today, written straight into the plan store (its workflow has its own tests). */
    String plan(List<PlanContent.Course> courses, LocalDate today) {
        String planId = tenant.id() + "/" + UUID.randomUUID();
        Instant now = Instant.now();
        Plan plan = new Plan(planId, tenant.id(), "แผนพัฒนาบุคลากร", fiscalYear, null, null, 0,
                List.of(new Plan.Announcement(0, today.minusDays(1), Plan.Actor.SYSTEM, now)), now, Plan.Actor.SYSTEM, now, null);
        mongo.insert(plan);
        Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, null, "1/2570", today.minusDays(2), "ก.อบต.จังหวัด",
                Plan.Actor.SYSTEM, now);
        mongo.insert(new PlanVersion(PlanVersion.id(planId, 0), tenant.id(), planId, 0, null,
                new PlanContent(null, List.of(), courses, null, null, null, null), now, Plan.Actor.SYSTEM, List.of(approval), now,
                Plan.Actor.SYSTEM, approval));
        return planId;
    }

    /** Invites the staff member from the register (as HR) and accepts the invitation over HTTP; their signed-in console. */
    ConsoleHttp invite(Staff member, boolean supervisor) {
        String email = "staff" + NUMBERS.incrementAndGet() + "-" + System.nanoTime() + "@selfservice.go.th";
        JsonNode invited = hr.execute(INVITE, Map.of("input", Map.of("staffId", member.id(), "email", email, "supervisor", supervisor)))
                .path("data").path("inviteStaffMember");
        assertThat(invited.path("userErrors")).as(invited.toString()).isEmpty();
        assertThat(invited.path("user").path("staffId").asString()).isEqualTo(member.id());
        String url = invited.path("invitationUrl").asString();
        ConsoleHttp browser = new ConsoleHttp(baseUrl());
        String path = "/api/auth/invitations/" + url.substring(url.indexOf("/invite/") + "/invite/".length()) + "/accept";
        HttpResponse<String> accepted = browser.post(path, "{\"password\":\"รหัสผ่านของบุคลากร-1\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return browser;
    }

    /** A bearer token of the self-service user linked to the staff member. */
    String tokenOf(Staff member) {
        AppUser user = users.ofStaff(member.tenantId(), member.id()).orElseThrow();
        return tokens.issueForUser(user, "test", null).value();
    }
}
