package th.phatthana.api.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.progress.ProgressProjector;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.schema.FiscalYears;
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
 * Individual development plans over GraphQL and HTTP like a client: the supervisor link of the
 * register, a plan made with the gaps of its date, both parties' agreements, progress from
 * statements, the organisation's share of agreed plans, the PDF form, and isolation between
 * organisations.
 */
class IndividualPlanTest extends IntegrationTest {

    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    TestTenants tenants;
    @Autowired
    StaffService staffService;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ProgressProjector projector;

    static final String PLAN_FIELDS = """
            id fiscalYear planDate status
            staff { id fullNameTh }
            supervisor { id fullNameTh }
            gaps { competencyCode nameTh requiredLevel assessedLevel gap }
            items { key competencyCode kind planId courseKey activityIds titleTh targetDate done overdue }
            staffAgreement { party agreedOn recordedBy onPaper signer { id } }
            supervisorAgreement { party agreedOn recordedBy onPaper signer { id } }
            progress { items done share overdue }
            """;
    static final String CREATE = "mutation($input: CreateIndividualPlanInput!) { createIndividualPlan(input: $input) { individualPlan { "
            + PLAN_FIELDS + " } userErrors { field message code } } }";
    static final String UPDATE = "mutation($input: UpdateIndividualPlanInput!) { updateIndividualPlan(input: $input) { individualPlan { "
            + PLAN_FIELDS + " } userErrors { field message code } } }";
    static final String AGREE = "mutation($input: AgreeIndividualPlanInput!) { agreeIndividualPlan(input: $input) { individualPlan { "
            + PLAN_FIELDS + " } userErrors { field message code } } }";
    static final String READ = "query($id: ID!) { individualPlan(id: $id) { " + PLAN_FIELDS + " } }";

    record Org(Tenant tenant, XapiHttp xapi, GraphQlHttp hr) {
    }

    Org org(String name) {
        TestTenants.XapiAccess access = tenants.xapi(name);
        return new Org(access.tenant(), new XapiHttp(xapiEndpoint(), access), new GraphQlHttp(baseUrl(),
                tenants.token(access.tenant(), Role.HR_OFFICER)).language(null)); // no Accept-Language: messages in Thai
    }

    Staff staff(Org org, String firstName, String mailbox) {
        int n = NUMBERS.incrementAndGet();
        StaffDraft draft = new StaffDraft("IDP" + n, "นางสาว", firstName, "ทดสอบแผน" + n, PersonnelType.LOCAL_OFFICIAL, "นักทรัพยากรบุคคล",
                PositionType.ACADEMIC, new LineOfWork(null, "นักทรัพยากรบุคคล"), "ปฏิบัติการ", null, LocalDate.of(2015, 1, 1), null,
                EmploymentStatus.ACTIVE, List.of(XapiIdentity.ofMbox("mailto:" + mailbox)), null);
        var outcome = staffService.create(org.tenant().id(), draft);
        assertThat(outcome.problems()).isEmpty();
        return outcome.value();
    }

    /** A plan in force today (approved and announced), with one course, written straight into the plan store. */
    String planInForce(Org org, String courseKey, String activity) {
        int fiscalYear = FiscalYears.of(LocalDate.now(FiscalYears.BANGKOK));
        String planId = org.tenant().id() + "/" + UUID.randomUUID();
        Instant now = Instant.now();
        PlanContent.Course course = new PlanContent.Course(courseKey, "หลักสูตรการพัฒนาทักษะดิจิทัล", "Digital skills", null,
                PlanContent.CourseCategory.JOB_DUTIES, List.of(), List.of(PlanContent.DevelopmentMethod.E_LEARNING), null,
                new PlanContent.Target(true, null, null, null, null, null, null), new PlanContent.Schedule(List.of(fiscalYear), List.of(1), null),
                List.of(new PlanContent.CourseYear(fiscalYear, 10, 10_000)),
                new PlanContent.Xapi(List.of(activity), PlanContent.CompletionRule.DEFAULT));
        Plan plan = new Plan(planId, org.tenant().id(), "แผนพัฒนาบุคลากรทดสอบ", fiscalYear - 1, null, null, 0,
                List.of(new Plan.Announcement(0, FiscalYears.firstDay(fiscalYear - 1), Plan.Actor.SYSTEM, now)), now, Plan.Actor.SYSTEM, now,
                null);
        mongo.insert(plan);
        Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, null, "1/2568", FiscalYears.firstDay(fiscalYear - 1).minusDays(20),
                "ก.อบต.จังหวัด", Plan.Actor.SYSTEM, now);
        mongo.insert(new PlanVersion(PlanVersion.id(planId, 0), org.tenant().id(), planId, 0, null,
                new PlanContent(null, List.of(), List.of(course), null, null, null, null), now, Plan.Actor.SYSTEM, List.of(approval), now,
                Plan.Actor.SYSTEM, approval));
        return planId;
    }

    static JsonNode payload(JsonNode response, String mutation) {
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty()).as(response.toString()).isTrue();
        return response.path("data").path(mutation);
    }

    static JsonNode ok(JsonNode response, String mutation) {
        JsonNode payload = payload(response, mutation);
        assertThat(payload.path("userErrors").isEmpty()).as(payload.toString()).isTrue();
        return payload.path("individualPlan");
    }

    static List<String> refused(JsonNode response, String mutation) {
        JsonNode payload = payload(response, mutation);
        List<String> codes = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            List<String> field = new ArrayList<>();
            error.path("field").forEach(f -> field.add(f.asString()));
            codes.add(String.join(".", field) + ":" + error.path("code").asString());
            assertThat(error.path("message").asString()).as("a Thai message").matches(".*[\\u0E00-\\u0E7F].*");
        }
        assertThat(payload.path("individualPlan").isNull() || payload.path("individualPlan").isMissingNode()).isTrue();
        return codes;
    }

    static Map<String, Object> item(String competencyCode, String courseKey, List<String> iris, String title, LocalDate target) {
        Map<String, Object> item = new HashMap<>();
        item.put("competencyCode", competencyCode);
        item.put("courseKey", courseKey);
        item.put("activityIds", iris);
        item.put("titleTh", title);
        item.put("targetDate", target == null ? null : target.toString());
        return item;
    }

    /** Posts a statement dated now; answers its id. */
    String post(Org org, String actorMailbox, String verb, String activity) {
        String id = UUID.randomUUID().toString();
        String statement = """
                {"id": "%s", "actor": {"objectType": "Agent", "mbox": "mailto:%s"}, "verb": {"id": "%s"},
                 "object": {"objectType": "Activity", "id": "%s"}, "timestamp": "%s"}
                """.formatted(id, actorMailbox, verb, activity, Instant.now());
        HttpResponse<String> response = org.xapi().postJson("/statements", statement);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return id;
    }

    void voidStatement(Org org, String actorMailbox, String target) {
        String statement = """
                {"id": "%s", "actor": {"objectType": "Agent", "mbox": "mailto:%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}
                """.formatted(UUID.randomUUID(), actorMailbox, target);
        HttpResponse<String> response = org.xapi().postJson("/statements", statement);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<byte[]> pdf(String id, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/exports/idp?id=" + URLEncoder.encode(id,
                StandardCharsets.UTF_8))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPlanIsMadeAgreedByBothAndDoneWhenStatementsCompleteItsItems() throws Exception {
        Org org = org("อบต.แผนรายบุคคล");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Staff person = staff(org, "สุดา", "suda-" + tag + "@example.go.th");
        Staff boss = staff(org, "วิชัย", "wichai-" + tag + "@example.go.th");
        String courseActivity = "https://elearning.example.go.th/xapi/activities/digital-" + tag;
        String otherActivity = "https://learn.ocsc.go.th/course/coaching-" + tag;
        String planId = planInForce(org, "digital", courseActivity);
        LocalDate today = LocalDate.now(FiscalYears.BANGKOK);
        int fiscalYear = FiscalYears.of(today);
        LocalDate target = FiscalYears.lastDay(fiscalYear);

        // bad input: nothing is written, each problem names its field
        List<String> problems = refused(org.hr().execute(CREATE, Map.of("input", Map.of("staffId", person.id(), "items", List.of(
                item("Z99", null, List.of("not an iri"), "", target.plusDays(1)), item(null, "no-such-course", null, null, target))))),
                "createIndividualPlan");
        assertThat(problems).contains("input.items.0.competencyCode:NOT_FOUND", "input.items.0.targetDate:INVALID",
                "input.items.0.titleTh:REQUIRED", "input.items.0.activityIds.0:INVALID", "input.items.1.courseKey:NOT_FOUND");
        assertThat(org.hr().execute("{ individualPlans { id } }").path("data").path("individualPlans").isEmpty()).isTrue();

        // the gaps of the plan date: nothing assessed, so every required competency is a gap
        JsonNode created = ok(org.hr().execute(CREATE, Map.of("input", Map.of("staffId", person.id(), "items", List.of()))),
                "createIndividualPlan");
        String id = created.path("id").asString();
        assertThat(created.path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.path("fiscalYear").asInt()).isEqualTo(fiscalYear);
        assertThat(created.path("planDate").asString()).isEqualTo(today.toString());
        assertThat(created.path("gaps").size()).isPositive();
        String gap = created.path("gaps").path(0).path("competencyCode").asString();
        assertThat(created.path("gaps").path(0).path("gap").asInt()).isEqualTo(created.path("gaps").path(0).path("requiredLevel").asInt());
        assertThat(refused(org.hr().execute(CREATE, Map.of("input", Map.of("staffId", person.id()))), "createIndividualPlan"))
                .containsExactly("input.staffId:DUPLICATE");
        assertThat(refused(org.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "STAFF_MEMBER"))), "agreeIndividualPlan"))
                .containsExactly("input.id:EMPTY");

        JsonNode updated = ok(org.hr().execute(UPDATE, Map.of("input", Map.of("id", id, "items", List.of(
                item(gap, "digital", null, null, target), item(gap, null, List.of(otherActivity), "การสอนงาน (coaching) โดยผู้บังคับบัญชา", target))))),
                "updateIndividualPlan");
        assertThat(updated.path("items").size()).isEqualTo(2);
        assertThat(updated.path("items").path(0).path("kind").asString()).isEqualTo("COURSE");
        assertThat(updated.path("items").path(0).path("planId").asString()).isEqualTo(planId);
        assertThat(updated.path("items").path(0).path("titleTh").asString()).isEqualTo("หลักสูตรการพัฒนาทักษะดิจิทัล");
        assertThat(updated.path("items").path(1).path("kind").asString()).isEqualTo("ACTIVITY");
        assertThat(updated.path("progress").path("done").asInt()).isZero();

        // the staff member agrees on paper; the supervisor cannot until the register names one
        JsonNode staffAgreed = ok(org.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "STAFF_MEMBER", "agreedOn", today.toString()))),
                "agreeIndividualPlan");
        assertThat(staffAgreed.path("status").asString()).isEqualTo("DRAFT");
        assertThat(staffAgreed.path("staffAgreement").path("onPaper").asBoolean()).isTrue();
        assertThat(staffAgreed.path("staffAgreement").path("signer").path("id").asString()).isEqualTo(person.id());
        assertThat(refused(org.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "SUPERVISOR"))), "agreeIndividualPlan"))
                .containsExactly("input.party:NO_SUPERVISOR");
        assertThat(refused(org.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "STAFF_MEMBER"))), "agreeIndividualPlan"))
                .containsExactly("input.party:ALREADY_AGREED");
        assertThat(refused(org.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "SUPERVISOR", "agreedOn",
                today.plusDays(1).toString()))), "agreeIndividualPlan")).contains("input.agreedOn:INVALID");

        // the register's supervisor link, through updateStaff
        String setSupervisor = "mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { id supervisor { id } } userErrors { field code } } }";
        JsonNode own = org.hr().execute(setSupervisor, Map.of("input", Map.of("id", person.id(), "supervisorId", person.id())));
        assertThat(own.path("data").path("updateStaff").path("userErrors").path(0).path("code").asString()).isEqualTo("INVALID");
        JsonNode linked = org.hr().execute(setSupervisor, Map.of("input", Map.of("id", person.id(), "supervisorId", boss.id())));
        assertThat(linked.path("data").path("updateStaff").path("staff").path("supervisor").path("id").asString()).as(linked.toString())
                .isEqualTo(boss.id());
        JsonNode loop = org.hr().execute(setSupervisor, Map.of("input", Map.of("id", boss.id(), "supervisorId", person.id())));
        assertThat(loop.path("data").path("updateStaff").path("userErrors").path(0).path("code").asString()).isEqualTo("INVALID");
        JsonNode reports = org.hr().execute("query($id: ID!) { staff(id: $id) { reports { id } } }", Map.of("id", boss.id()));
        assertThat(reports.path("data").path("staff").path("reports").path(0).path("id").asString()).isEqualTo(person.id());

        JsonNode agreed = ok(org.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "SUPERVISOR"))), "agreeIndividualPlan");
        assertThat(agreed.path("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.path("supervisorAgreement").path("signer").path("id").asString()).isEqualTo(boss.id());
        assertThat(agreed.path("supervisorAgreement").path("agreedOn").asString()).isEqualTo(today.toString());
        assertThat(agreed.path("supervisor").path("id").asString()).isEqualTo(boss.id());
        JsonNode audit = new GraphQlHttp(baseUrl(), tenants.token(org.tenant(), Role.TENANT_ADMIN)).execute("{ auditTrail(first: 50) { action target } }");
        assertThat(audit.toString()).contains("idp.create", "idp.update", "idp.agree", "individualPlan:" + id);

        // a VIEWER reads but may not sign for anyone
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), tenants.token(org.tenant(), Role.VIEWER));
        assertThat(viewer.execute(READ, Map.of("id", id)).path("data").path("individualPlan").path("id").asString()).isEqualTo(id);

        // progress: the course completes by its rule, the other activity by a passed statement about it
        post(org, "suda-" + tag + "@example.go.th", COMPLETED, courseActivity);
        post(org, "wichai-" + tag + "@example.go.th", PASSED, otherActivity); // someone else's statement counts for nobody else
        projector.catchUpNow(org.tenant().id()).get(60, TimeUnit.SECONDS);
        JsonNode half = org.hr().execute(READ, Map.of("id", id)).path("data").path("individualPlan");
        assertThat(half.path("items").path(0).path("done").asBoolean()).isTrue();
        assertThat(half.path("items").path(1).path("done").asBoolean()).isFalse();
        assertThat(half.path("progress").path("done").asInt()).isEqualTo(1);
        String passed = post(org, "suda-" + tag + "@example.go.th", PASSED, otherActivity);
        projector.catchUpNow(org.tenant().id()).get(60, TimeUnit.SECONDS);
        JsonNode done = org.hr().execute(READ, Map.of("id", id)).path("data").path("individualPlan");
        assertThat(done.path("progress").path("done").asInt()).isEqualTo(2);
        assertThat(done.path("progress").path("share").asDouble()).isEqualTo(100.0);
        // a voided statement completes nothing
        voidStatement(org, "suda-" + tag + "@example.go.th", passed);
        projector.catchUpNow(org.tenant().id()).get(60, TimeUnit.SECONDS);
        JsonNode undone = org.hr().execute(READ, Map.of("id", id)).path("data").path("individualPlan");
        assertThat(undone.path("items").path(1).path("done").asBoolean()).isFalse();
        assertThat(undone.path("progress").path("done").asInt()).isEqualTo(1);
        post(org, "suda-" + tag + "@example.go.th", COMPLETED, otherActivity);
        projector.catchUpNow(org.tenant().id()).get(60, TimeUnit.SECONDS);
        assertThat(org.hr().execute(READ, Map.of("id", id)).path("data").path("individualPlan").path("progress").path("done").asInt()).isEqualTo(2);

        // the organisation's progress: one of its two staff has an agreed plan
        JsonNode progress = org.hr().execute("query($p: ID!, $y: FiscalYear) { planProgress(planId: $p, fiscalYear: $y) { staffCount individualPlansAgreed individualPlanAgreedShare } }",
                Map.of("p", planId, "y", fiscalYear)).path("data").path("planProgress");
        assertThat(progress.path("staffCount").asInt()).isEqualTo(2);
        assertThat(progress.path("individualPlansAgreed").asInt()).isEqualTo(1);
        assertThat(progress.path("individualPlanAgreedShare").asDouble()).isEqualTo(50.0);
        // and the progress report's summary says the same, in the spreadsheet a committee reads (with a third
        // person on the register: one in three, 33.33 %, not rounded to 33.3 and shown as 33.30)
        staff(org, "สาม", "third-" + UUID.randomUUID() + "@example.go.th");
        HttpRequest export = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/exports/progress?planId=" + URLEncoder.encode(planId, StandardCharsets.UTF_8)
                + "&fiscalYear=" + fiscalYear + "&format=xlsx")).header("Authorization", "Bearer " + tenants.token(org.tenant(), Role.HR_OFFICER)).build();
        HttpResponse<byte[]> xlsx = CLIENT.send(export, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        Map<String, Double> summary = new HashMap<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheet("สรุปผล")) {
                if (row.getRowNum() > 0) {
                    summary.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
        }
        assertThat(summary).containsEntry("บุคลากรทั้งหมด", 3.0)
                .containsEntry("บุคลากรที่มีแผนพัฒนารายบุคคล (IDP) ที่เห็นชอบแล้ว", 1.0)
                .containsEntry("ร้อยละของบุคลากรที่มีแผนพัฒนารายบุคคล (IDP) ที่เห็นชอบแล้ว", 33.33)
                .containsEntry("ร้อยละของบุคลากรที่ได้รับการพัฒนา", 33.33);

        // lists
        JsonNode list = org.hr().execute("query($f: IndividualPlanFilter) { individualPlans(filter: $f) { id status } }",
                Map.of("f", Map.of("fiscalYear", fiscalYear, "status", "AGREED"))).path("data").path("individualPlans");
        assertThat(list.size()).isEqualTo(1);
        assertThat(org.hr().execute("query($f: IndividualPlanFilter) { individualPlans(filter: $f) { id } }",
                Map.of("f", Map.of("status", "DRAFT"))).path("data").path("individualPlans").isEmpty()).isTrue();
        JsonNode roster = org.hr().execute("query($y: FiscalYear) { individualPlanRoster(fiscalYear: $y) { staff { id } plan { id status } } }",
                Map.of("y", fiscalYear)).path("data").path("individualPlanRoster");
        assertThat(roster.size()).as("the two of the start and the third of the report's check").isEqualTo(3);
        assertThat(roster.toString()).contains(id);

        // the A4 form
        HttpResponse<byte[]> form = pdf(id, tenants.token(org.tenant(), Role.VIEWER));
        assertThat(form.statusCode()).as(new String(form.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(form.headers().firstValue("Content-Disposition").orElse("")).contains("idp-").contains("-" + fiscalYear + ".pdf");
        Files.write(Path.of("target", "idp-form-sample.pdf"), form.body()); // for the eye
        try (PDDocument document = Loader.loadPDF(form.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 597f); // A4
            assertFormText(new PDFTextStripper().getText(document), person, boss);
        }
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (Files.isExecutable(pdftotext)) {
            Path file = Files.createTempFile("idp", ".pdf");
            try {
                Files.write(file, form.body());
                Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
                String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor()).as(text).isZero();
                assertFormText(text, person, boss);
            } finally {
                Files.delete(file);
            }
        }
        assertThat(pdf(id, null).statusCode()).isEqualTo(401);
        assertThat(pdf("", tenants.token(org.tenant(), Role.VIEWER)).statusCode()).isEqualTo(400);

        // a change of an agreed plan withdraws both agreements
        JsonNode changed = ok(org.hr().execute(UPDATE, Map.of("input", Map.of("id", id, "items", List.of(item(gap, "digital", null, null, target))))),
                "updateIndividualPlan");
        assertThat(changed.path("status").asString()).isEqualTo("DRAFT");
        assertThat(changed.path("staffAgreement").isNull()).isTrue();
        assertThat(changed.path("supervisorAgreement").isNull()).isTrue();
        assertThat(viewer.execute(AGREE, Map.of("input", Map.of("id", id, "party", "STAFF_MEMBER"))).path("data").path("agreeIndividualPlan")
                .path("userErrors").path(0).path("code").asString()).isEqualTo("FORBIDDEN");
    }

    private static void assertFormText(String text, Staff person, Staff boss) {
        String flat = text.replaceAll("\\s", "");
        assertThat(flat).contains("แผนพัฒนารายบุคคล").contains(person.fullNameTh().replaceAll("\\s", ""))
                .contains(boss.fullNameTh().replaceAll("\\s", "")).contains("ผู้รับการพัฒนา").contains("ผู้บังคับบัญชา").contains("ลงชื่อ")
                .contains("ดำเนินการแล้ว").contains("เห็นชอบแล้วทั้งสองฝ่าย");
    }

    @Test
    void anotherOrganisationFindsNothing() throws Exception {
        Org org = org("อบต.แผนรายบุคคลของเรา");
        Org other = org("อบต.แผนรายบุคคลอื่น");
        Staff person = staff(org, "มานี", "manee-" + UUID.randomUUID() + "@example.go.th");
        String id = ok(org.hr().execute(CREATE, Map.of("input", Map.of("staffId", person.id(), "items", List.of()))), "createIndividualPlan")
                .path("id").asString();

        JsonNode read = other.hr().execute(READ, Map.of("id", id));
        assertThat(GraphQlHttp.classification(read)).isEqualTo("NOT_FOUND");
        JsonNode missing = org.hr().execute(READ, Map.of("id", id + "x"));
        assertThat(GraphQlHttp.classification(missing)).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(other.hr().execute(UPDATE, Map.of("input", Map.of("id", id, "items", List.of())))))
                .isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(other.hr().execute(AGREE, Map.of("input", Map.of("id", id, "party", "STAFF_MEMBER")))))
                .isEqualTo("NOT_FOUND");
        assertThat(other.hr().execute("{ individualPlans { id } individualPlanRoster { staff { id } } }").toString()).doesNotContain(id)
                .doesNotContain(person.id());
        assertThat(refused(other.hr().execute(CREATE, Map.of("input", Map.of("staffId", person.id()))), "createIndividualPlan"))
                .containsExactly("input.staffId:NOT_FOUND");
        assertThat(GraphQlHttp.classification(new GraphQlHttp(baseUrl(), tenants.nationalToken()).execute(READ, Map.of("id", id))))
                .isEqualTo("NOT_FOUND");
        HttpResponse<byte[]> foreign = pdf(id, tenants.token(other.tenant(), Role.TENANT_ADMIN));
        HttpResponse<byte[]> absent = pdf(id + "x", tenants.token(org.tenant(), Role.TENANT_ADMIN));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).isEqualTo(new String(absent.body(), StandardCharsets.UTF_8));
        // a supervisor of another organisation cannot be linked
        Staff stranger = staff(other, "คนอื่น", "other-" + UUID.randomUUID() + "@example.go.th");
        JsonNode link = org.hr().execute("mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { userErrors { field code } } }",
                Map.of("input", Map.of("id", person.id(), "supervisorId", stranger.id())));
        assertThat(link.path("data").path("updateStaff").path("userErrors").path(0).path("code").asString()).isEqualTo("NOT_FOUND");
    }
}
