package th.phatthana.api.learningrecords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/learning-records/import: completion lists as the DLA e-Learning, the OCSC Learning
 * Portal and an attendance sheet give them, previewed, written, read back through the xAPI
 * Statement API, imported again, and refused whole.
 */
class LearningImportTest extends IntegrationTest {

    static final String ANTI_CORRUPTION = "https://elearning.dla.go.th/course/anti-corruption";
    static final String E_GOV = "https://elearning.dla.go.th/course/e-government";
    static final String ORIENTATION = "https://sangkhom.go.th/xapi/activities/orientation-2569";
    static final String DLA = "https://elearning.dla.go.th";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestTenants tenants;
    @Autowired
    StaffService staffService;
    @Autowired
    MongoTemplate mongo;

    Tenant tenant;
    ImportHttp hr;
    XapiHttp xapi;
    int numbers;

    @BeforeEach
    void organisation() {
        tenant = tenants.tenant("อบต.นำเข้าผลการเรียนรู้");
        hr = new ImportHttp(baseUrl(), tenants.token(tenant, Role.HR_OFFICER));
        xapi = new XapiHttp(xapiEndpoint(), tenants.credential(tenant));
        staff("L-001", "นางสาว", "สุดารัตน์", "ทองดี", XapiIdentity.ofMbox("mailto:sudarat@sangkhom.go.th"), "1103702345001");
        staff("L-002", "นาย", "สมชาย", "ใจดี", XapiIdentity.ofAccount(DLA, "somchai.j"), null);
        staff("L-003", "นาย", "สมชาย", "ใจดี", XapiIdentity.ofMbox("mailto:somchai.jaidee2@sangkhom.go.th"), null);
        staff("L-004", "นาง", "มาลี", "ศรีสุข", XapiIdentity.ofMbox("mailto:malee@sangkhom.go.th"), null);
        planInForce();
    }

    @Test
    void aDlaExportIsPreviewedWrittenReadBackAndImportedAgainWithoutAnythingNew() throws Exception {
        String csv = "\uFEFFชื่อผู้ใช้,ชื่อ-นามสกุล,อีเมล,หลักสูตร,วันที่สำเร็จการศึกษา,ชั่วโมงเรียน,คะแนน,ผลการเรียน\n"
                + "somchai.j,นาย สมชาย ใจดี,,การป้องกัน การทุจริต,15/01/2569,3,85,ผ่าน\n"
                + ",นางสาว สุดารัตน์  ทองดี,,การป้องกันการทุจริต,15 ม.ค. 2569,3 ชั่วโมง,92.5,ผ่าน\n"
                + ",,Sudarat@sangkhom.go.th," + E_GOV + ",2569-02-01,1.5,,สำเร็จ\n"
                + ",นางมาลี ศรีสุข,,การป้องกันการทุจริต,2 กุมภาพันธ์ 2569,3,40,ไม่ผ่าน\n"
                + "somchai.j,นาย สมชาย ใจดี,,การป้องกัน การทุจริต,15/01/2569,3,85,ผ่าน\n";

        ImportHttp.Answer preview = hr.csv(csv, "preview", "DLA_ELEARNING");
        assertThat(preview.status()).as(preview.json().toString()).isEqualTo(200);
        assertThat(preview.json().path("problems")).as(preview.json().toString()).isEmpty();
        assertThat(preview.json().path("rows").asInt()).isEqualTo(5);
        assertThat(preview.json().path("toWrite").asInt()).isEqualTo(4);
        assertThat(preview.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(preview.json().path("written").asInt()).isZero();
        assertThat(statementsAbout(ANTI_CORRUPTION)).as("a preview writes nothing").isEmpty();

        ImportHttp.Answer confirmed = hr.csv(csv, "confirm", "DLA_ELEARNING");
        assertThat(confirmed.status()).as(confirmed.json().toString()).isEqualTo(200);
        assertThat(confirmed.json().path("written").asInt()).isEqualTo(4);

        List<JsonNode> written = statementsAbout(ANTI_CORRUPTION);
        assertThat(written).hasSize(3);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8)));
        JsonNode somchai = only(written, "somchai.j");
        assertThat(somchai.path("actor").path("account").path("homePage").asString()).isEqualTo(DLA);
        assertThat(somchai.path("verb").path("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
        assertThat(somchai.path("result").path("success").asBoolean()).isTrue();
        assertThat(somchai.path("result").path("score").path("raw").asDouble()).isEqualTo(85.0);
        assertThat(somchai.path("result").path("score").path("scaled").asDouble()).isEqualTo(0.85);
        assertThat(somchai.path("result").path("duration").asString()).isEqualTo("PT3H0M0S");
        assertThat(somchai.path("timestamp").asString()).startsWith("2026-01-15T");
        assertThat(somchai.path("context").path("extensions").path(LearningImportService.SOURCE_EXTENSION).asString())
                .isEqualTo("https://phatthana.th/xapi/import-sources/dla-elearning");
        assertThat(somchai.path("context").path("extensions").path(LearningImportService.FILE_EXTENSION).asString()).isEqualTo(sha256);
        assertThat(somchai.path("authority").path("account").path("name").asString()).startsWith("user:");
        assertThat(somchai.path("object").path("definition").path("name").path("th-TH").asString()).isEqualTo("การป้องกันการทุจริต");

        JsonNode sudarat = only(written, "sudarat@sangkhom.go.th");
        assertThat(sudarat.path("result").path("score").path("scaled").asDouble()).isEqualTo(0.925);
        assertThat(sudarat.path("timestamp").asString()).startsWith("2026-01-15T");
        JsonNode malee = only(written, "malee@");
        assertThat(malee.path("verb").path("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/failed");
        assertThat(malee.path("result").path("success").asBoolean()).isFalse();
        assertThat(malee.path("timestamp").asString()).startsWith("2026-02-02T");

        assertThat(statementsAbout(ANTI_CORRUPTION).stream().filter(st -> st.path("timestamp").asString().startsWith("2026-03-10")))
                .isEmpty();
        List<JsonNode> eGov = statementsAbout(E_GOV);
        assertThat(eGov).hasSize(1);
        assertThat(eGov.get(0).path("verb").path("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/completed");
        assertThat(eGov.get(0).path("result").path("duration").asString()).isEqualTo("PT1H30M0S");
        assertThat(eGov.get(0).path("timestamp").asString()).startsWith("2026-02-01T");

        ImportHttp.Answer again = hr.csv(csv, "confirm", "DLA_ELEARNING");
        assertThat(again.status()).as(again.json().toString()).isEqualTo(200);
        assertThat(again.json().path("written").asInt()).isZero();
        assertThat(again.json().path("alreadyImported").asInt()).isEqualTo(4);
        // the same rows in another file (another order, one more row): only the new row is written
        String reExported = "ชื่อผู้ใช้,ชื่อ-นามสกุล,อีเมล,หลักสูตร,วันที่สำเร็จการศึกษา,ชั่วโมงเรียน,คะแนน,ผลการเรียน\n"
                + ",,sudarat@sangkhom.go.th," + ANTI_CORRUPTION + ",2026-03-10,2,,สำเร็จ\n"
                + "somchai.j,นาย สมชาย ใจดี,,การป้องกันการทุจริต,15/01/2569,3,85,ผ่าน\n";
        ImportHttp.Answer more = hr.csv(reExported, "confirm", "DLA_ELEARNING");
        assertThat(more.status()).as(more.json().toString()).isEqualTo(200);
        assertThat(more.json().path("written").asInt()).isEqualTo(1);
        assertThat(more.json().path("alreadyImported").asInt()).isEqualTo(1);
        assertThat(statementsAbout(ANTI_CORRUPTION)).hasSize(4);

        // an imported statement can be voided like any other, and importing again does not bring it back
        String voidedId = somchai.path("id").asString();
        HttpResponse<String> voiding = xapi.postJson("/statements", """
                {"actor":{"objectType":"Agent","mbox":"mailto:hr@sangkhom.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(voidedId));
        assertThat(voiding.statusCode()).as(voiding.body()).isEqualTo(200);
        assertThat(hr.csv(csv, "confirm", "DLA_ELEARNING").json().path("written").asInt()).isZero();
        assertThat(statementsAbout(ANTI_CORRUPTION)).hasSize(3);
    }

    @Test
    void anAttendanceSheetWithARefusedRowWritesNothingAndNamesEveryProblemInThai() throws IOException {
        byte[] refused = attendanceSheet(true);
        ImportHttp.Answer preview = hr.upload("attendance.xlsx", refused, "preview", Map.of("source", "ATTENDANCE_SHEET"));
        assertThat(preview.status()).as(preview.json().toString()).isEqualTo(200);
        JsonNode problems = preview.json().path("problems");
        assertThat(problems.toString()).contains("AMBIGUOUS", "INVALID_DATE", "INVALID_SCORE", "NO_MATCH", "UNKNOWN_COURSE");
        JsonNode ambiguous = problem(problems, "AMBIGUOUS");
        assertThat(ambiguous.path("row").asInt()).isEqualTo(5);
        assertThat(ambiguous.path("message").asString()).contains("ตรงกับบุคลากร 2 คน", "L-002", "L-003");
        assertThat(problem(problems, "INVALID_DATE").path("row").asInt()).isEqualTo(6);
        assertThat(problem(problems, "INVALID_DATE").path("column").asString()).isEqualTo("วันที่");
        assertThat(problem(problems, "INVALID_SCORE").path("row").asInt()).isEqualTo(7);
        assertThat(problem(problems, "NO_MATCH").path("row").asInt()).isEqualTo(8);
        assertThat(problem(problems, "UNKNOWN_COURSE").path("row").asInt()).isEqualTo(9);

        ImportHttp.Answer confirm = hr.upload("attendance.xlsx", refused, "confirm", Map.of("source", "ATTENDANCE_SHEET"));
        assertThat(confirm.status()).isEqualTo(422);
        assertThat(confirm.json().path("error").asString()).contains("ไม่มีการบันทึก");
        assertThat(confirm.json().path("written").asInt()).isZero();
        assertThat(statementsAbout(ORIENTATION)).as("nothing of a refused file is written").isEmpty();

        ImportHttp.Answer fixed = hr.upload("attendance.xlsx", attendanceSheet(false), "confirm", Map.of("source", "ATTENDANCE_SHEET"));
        assertThat(fixed.status()).as(fixed.json().toString()).isEqualTo(200);
        assertThat(fixed.json().path("written").asInt()).isEqualTo(3);
        List<JsonNode> written = statementsAbout(ORIENTATION);
        assertThat(written).hasSize(3);
        assertThat(written).allSatisfy(s -> assertThat(s.path("verb").path("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/attended"));
        // an Excel date cell, an Excel serial number typed as a number, a Thai month name
        assertThat(written.stream().map(s -> s.path("timestamp").asString().substring(0, 10)).sorted().toList())
                .containsExactly("2026-01-15", "2026-01-15", "2026-01-16");
    }

    @Test
    void aCustomMappingAndAnOcscExportByCitizenId() {
        String csv = "เลขที่,วันอบรม,ชม.,รหัสกิจกรรม\nL-004,01/03/2569,6," + ORIENTATION + "\n";
        ImportHttp.Answer custom = hr.upload("custom.csv", csv.getBytes(StandardCharsets.UTF_8), "confirm", Map.of("source", "CUSTOM",
                "mapping", "{\"staffNumber\":\"เลขที่\",\"date\":\"วันอบรม\",\"hours\":\"ชม.\",\"activityId\":\"รหัสกิจกรรม\"}"));
        assertThat(custom.status()).as(custom.json().toString()).isEqualTo(200);
        assertThat(custom.json().path("written").asInt()).isEqualTo(1);

        String ocsc = "เลขประจำตัวประชาชน,ชื่อ - สกุล,ชื่อวิชา,วันที่ผ่านการเรียน,จำนวนชั่วโมง,คะแนนสอบ,สถานะ\n"
                + "1-1037-02345-00-8,นางสาวสุดารัตน์ ทองดี,การป้องกันการทุจริต,10/12/2568,3,80,ผ่าน\n"
                + "1103702345002,ไม่มี ในทะเบียน,การป้องกันการทุจริต,10/12/2568,3,80,ผ่าน\n";
        ImportHttp.Answer preview = hr.csv(ocsc, "preview", "OCSC_LEARNING_PORTAL");
        assertThat(preview.status()).isEqualTo(200);
        JsonNode problems = preview.json().path("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).path("code").asString()).isIn("NO_MATCH", "INVALID_CITIZEN_ID");
        assertThat(problems.get(0).path("message").asString()).doesNotContain("1103702345002");
        assertThat(preview.json().path("records").get(0).path("staffNumber").asString()).isEqualTo("L-001");
    }

    @Test
    void aSavedMappingImportsTheNextListOfItsSource() throws Exception {
        String token = tenants.token(tenant, Role.HR_OFFICER);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest save = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/learning-records/import/mappings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"name": "ศูนย์พัฒนาท้องถิ่นเขต 4", "mapping": {"staffNumber": "เลขที่", "date": "วันอบรม", "hours": "ชม.", "activityId": "รหัสกิจกรรม"}}""",
                        StandardCharsets.UTF_8)).build();
        HttpResponse<String> saved = client.send(save, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> listed = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/learning-records/import/mappings")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(listed.body()).path("mappings").get(0).path("mapping").path("date").asString()).isEqualTo("วันอบรม");

        String csv = "เลขที่,วันอบรม,ชม.,รหัสกิจกรรม\nL-001,๑๕/๐๑/๒๕๖๙,6," + ORIENTATION + "\n";
        ImportHttp.Answer imported = hr.upload("centre.csv", csv.getBytes(StandardCharsets.UTF_8), "confirm",
                Map.of("mappingName", "ศูนย์พัฒนาท้องถิ่นเขต 4"));
        assertThat(imported.status()).as(imported.json().toString()).isEqualTo(200);
        assertThat(imported.json().path("source").asString()).isEqualTo("CUSTOM");
        assertThat(imported.json().path("written").asInt()).isEqualTo(1);
        assertThat(statementsAbout(ORIENTATION).get(0).path("timestamp").asString()).startsWith("2026-01-15T");
        assertThat(hr.upload("centre.csv", csv.getBytes(StandardCharsets.UTF_8), "preview", Map.of("mappingName", "ไม่มีชื่อนี้")).status())
                .isEqualTo(400);
    }

    @Test
    void onlyTheOrganisationsHrMayImport() {
        String csv = "รหัสบุคลากร,หลักสูตร,วันที่\nL-001," + ORIENTATION + ",2026-01-15\n";
        ImportHttp viewer = new ImportHttp(baseUrl(), tenants.token(tenant, Role.VIEWER));
        assertThat(viewer.csv(csv, "preview", "ATTENDANCE_SHEET").status()).isEqualTo(403);
        assertThat(new ImportHttp(baseUrl(), null).csv(csv, "preview", "ATTENDANCE_SHEET").status()).isEqualTo(401);
        assertThat(hr.csv(csv, "preview", "NO_SUCH_SOURCE").status()).isEqualTo(400);
    }

    // ---- files and fixtures -----------------------------------------------------------------

    /** An attendance sheet as XLSX: dates as a date cell, an Excel serial number and Thai text. */
    private byte[] attendanceSheet(boolean withProblems) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("ลงชื่อ");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
            header(sheet, "ลำดับ", "รหัสบุคลากร", "ชื่อ-สกุล", "หลักสูตร", "วันที่", "จำนวนชั่วโมง", "คะแนน");
            Row r2 = row(sheet, 1, "1", "L-001", "", ORIENTATION, null, "6", "");
            r2.createCell(4).setCellValue(LocalDate.of(2026, 1, 15));
            r2.getCell(4).setCellStyle(dateStyle);
            Row r3 = row(sheet, 2, "2", "", "นาง มาลี ศรีสุข", ORIENTATION, null, "6", "");
            r3.createCell(4).setCellValue(46037);
            row(sheet, 3, "3", "L-002", "", ORIENTATION, "16 มกราคม 2569", "6", "");
            if (withProblems) {
                row(sheet, 4, "4", "", "นายสมชาย ใจดี", ORIENTATION, "2026-01-15", "6", "");
                row(sheet, 5, "5", "L-003", "", ORIENTATION, "31/02/2569", "6", "");
                row(sheet, 6, "6", "L-003", "", ORIENTATION, "2026-01-15", "6", "120");
                row(sheet, 7, "7", "L-999", "", ORIENTATION, "2026-01-15", "6", "");
                row(sheet, 8, "8", "L-003", "", "หลักสูตรที่ไม่มีในแผน", "2026-01-15", "6", "");
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void header(Sheet sheet, String... names) {
        row(sheet, 0, names);
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    private void staff(String number, String title, String first, String last, XapiIdentity identity, String citizenId) {
        StaffDraft draft = new StaffDraft(number, title, first, last, PersonnelType.LOCAL_OFFICIAL, "นักทรัพยากรบุคคล", PositionType.ACADEMIC,
                new LineOfWork("HR", "นักทรัพยากรบุคคล"), "ปฏิบัติการ", null, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 7, 1),
                EmploymentStatus.ACTIVE, List.of(identity),
                citizenId == null ? null : StaffDraft.CitizenIdChange.set(withCheckDigit(citizenId.substring(0, 12))));
        var outcome = staffService.create(tenant.id(), draft);
        assertThat(outcome.problems()).isEmpty();
    }

    static String withCheckDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (13 - i);
        }
        return twelve + (11 - sum % 11) % 10;
    }

    /** A plan in force today whose course "การป้องกันการทุจริต" counts the DLA course's activity. */
    private void planInForce() {
        String planId = tenant.id() + "/" + UUID.randomUUID();
        Instant now = Instant.now();
        PlanContent.Course course = new PlanContent.Course("anti-corruption", "การป้องกันการทุจริต", "Anti-corruption", null,
                PlanContent.CourseCategory.JOB_DUTIES, List.of(), List.of(PlanContent.DevelopmentMethod.E_LEARNING), null,
                new PlanContent.Target(true, null, null, null, null, null, null), new PlanContent.Schedule(List.of(2569), List.of(1), null),
                List.of(new PlanContent.CourseYear(2569, 10, 0)),
                new PlanContent.Xapi(List.of(ANTI_CORRUPTION, ANTI_CORRUPTION + "/exam"), PlanContent.CompletionRule.DEFAULT));
        mongo.insert(new Plan(planId, tenant.id(), "แผนพัฒนาบุคลากร", 2569, null, null, 0,
                List.of(new Plan.Announcement(0, LocalDate.of(2025, 10, 1), Plan.Actor.SYSTEM, now)), now, Plan.Actor.SYSTEM, now, null));
        Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, null, "1/2568", LocalDate.of(2025, 9, 1), "ก.อบต.จังหวัด",
                Plan.Actor.SYSTEM, now);
        mongo.insert(new PlanVersion(PlanVersion.id(planId, 0), tenant.id(), planId, 0, null,
                new PlanContent(null, List.of(), List.of(course), null, null, null, null), now, Plan.Actor.SYSTEM, List.of(approval), now,
                Plan.Actor.SYSTEM, approval));
    }

    private List<JsonNode> statementsAbout(String activity) {
        HttpResponse<String> response = xapi.get("/statements?" + XapiHttp.query("activity", activity) + "&limit=100");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        // the activity filter also finds the statements voiding them (xAPI: statements referring to a match)
        JSON.readTree(response.body()).path("statements").forEach(statement -> {
            if (!statement.path("verb").path("id").asString().endsWith("/voided")) {
                found.add(statement);
            }
        });
        return found;
    }

    private static JsonNode only(List<JsonNode> statements, String actorPart) {
        List<JsonNode> matching = statements.stream().filter(s -> s.path("actor").toString().contains(actorPart)).toList();
        assertThat(matching).as("statements about %s in %s", actorPart, statements).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode problem(JsonNode problems, String code) {
        for (JsonNode problem : problems) {
            if (problem.path("code").asString().equals(code)) {
                return problem;
            }
        }
        throw new AssertionError("no problem " + code + " in " + problems);
    }
}
