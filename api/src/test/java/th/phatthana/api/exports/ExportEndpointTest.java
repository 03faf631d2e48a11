package th.phatthana.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** The export over HTTP: who may fetch it, and its figures against the progress API. */
class ExportEndpointTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    TestTenants tenants;

    record Fixture(Tenant tenant, String token, String planId) {
    }

    private Fixture planOf(String name) {
        Tenant tenant = tenants.tenant(name);
        String token = tenants.token(tenant, Role.TENANT_ADMIN);
        JsonNode created = new GraphQlHttp(baseUrl(), token).execute(
                "mutation { createPlanFromMasterPlan(input: { fiscalYearStart: 2570 }) { plan { id } userErrors { code } } }");
        String planId = created.path("data").path("createPlanFromMasterPlan").path("plan").path("id").asString();
        assertThat(planId).as(created.toString()).isNotBlank();
        return new Fixture(tenant, token, planId);
    }

    private HttpResponse<byte[]> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String query(Fixture plan, String format) {
        return ExportController.PATH + "?planId=" + java.net.URLEncoder.encode(plan.planId(), java.nio.charset.StandardCharsets.UTF_8)
                + "&fiscalYear=2570&format=" + format;
    }

    @Test
    void withoutATokenIs401AndAnotherOrganisationsPlanIs404() throws Exception {
        Fixture own = planOf("อบต.ส่งออกหนึ่ง");
        Fixture other = planOf("อบต.ส่งออกสอง");

        HttpResponse<byte[]> anonymous = get(query(own, "xlsx"), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");

        assertThat(get(query(own, "pdf"), other.token()).statusCode()).isEqualTo(404);
        assertThat(get(query(own, "xlsx"), "pat_not-a-token").statusCode()).isEqualTo(401);
        assertThat(get(query(own, "doc"), own.token()).statusCode()).isEqualTo(400);
        assertThat(get(query(own, "xlsx").replace("2570", "2567"), own.token()).statusCode()).isEqualTo(400);

        JsonNode link = new GraphQlHttp(baseUrl(), own.token()).execute(
                "query($id: ID!) { progressExportUrl(planId: $id, fiscalYear: 2570, format: PDF) }", Map.of("id", own.planId()));
        assertThat(link.path("data").path("progressExportUrl").asString()).isEqualTo(query(own, "pdf"));
        JsonNode refused = new GraphQlHttp(baseUrl(), other.token()).execute(
                "query($id: ID!) { progressExportUrl(planId: $id, fiscalYear: 2570, format: PDF) }", Map.of("id", own.planId()));
        assertThat(GraphQlHttp.classification(refused)).isEqualTo("NOT_FOUND");
        JsonNode anonymousLink = new GraphQlHttp(baseUrl(), null).execute(
                "query($id: ID!) { progressExportUrl(planId: $id, fiscalYear: 2570, format: PDF) }", Map.of("id", own.planId()));
        assertThat(GraphQlHttp.classification(anonymousLink)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theThreeFormatsCarryTheFiguresOfTheProgressApi() throws Exception {
        Fixture own = planOf("อบต.ส่งออกสาม");
        JsonNode progress = new GraphQlHttp(baseUrl(), own.token()).execute(
                "query($id: ID!) { planProgress(planId: $id, fiscalYear: 2570) { staffCount staffDeveloped courses { titleTh "
                        + "plannedParticipants targetParticipants participantsCompleted budgetPlanned } budget { planned } } }",
                Map.of("id", own.planId())).path("data").path("planProgress");
        List<JsonNode> courses = new ArrayList<>();
        progress.path("courses").forEach(courses::add);
        assertThat(courses).isNotEmpty();
        JsonNode firstCourse = courses.get(0);

        HttpResponse<byte[]> xlsx = get(query(own, "xlsx"), own.token());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet(XlsxReportWriter.INFO_SHEET).getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo(own.tenant().nameTh());
            Sheet summary = workbook.getSheet("สรุปผล");
            assertThat(summary.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(progress.path("staffCount").asInt());
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(progress.path("staffDeveloped").asInt());
            assertThat(summary.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(progress.path("budget").path("planned").asLong());
            Sheet sheet = workbook.getSheet("หลักสูตร");
            assertThat(sheet.getLastRowNum()).isEqualTo(courses.size());
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(firstCourse.path("titleTh").asString());
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(firstCourse.path("plannedParticipants").asInt());
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(firstCourse.path("targetParticipants").asInt());
            assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(firstCourse.path("budgetPlanned").asLong());
        }

        HttpResponse<byte[]> csv = get(query(own, "csv"), own.token());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, byte[]> files = ExportWritersTest.unzip(csv.body());
        assertThat(files).containsKeys("summary.csv", "goals.csv", "courses.csv", "divisions.csv", "targetGroups.csv", "staff.csv");
        List<CSVRecord> courseRows = ExportWritersTest.parse(files.get("courses.csv"));
        assertThat(courseRows).hasSize(courses.size() + 1);
        assertThat(courseRows.get(1).get(0)).isEqualTo(firstCourse.path("titleTh").asString());
        assertThat(courseRows.get(1).get(5)).isEqualTo(Integer.toString(firstCourse.path("participantsCompleted").asInt()));

        HttpResponse<byte[]> pdf = get(query(own, "pdf"), own.token());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(PlanProgressReportSource.TITLE).contains(own.tenant().nameTh())
                    .contains("ปีงบประมาณที่รายงาน (พ.ศ.): 2570").contains("ข้อมูล ณ วันที่: ").contains("ฉบับที่ใช้: ")
                    .contains("ผู้รายงาน").contains("ลงชื่อ");
            assertThat(text.replaceAll("\\s", "")).contains(firstCourse.path("titleTh").asString().replaceAll("\\s", ""));
            // people are counted in whole numbers, also in the summary's column of mixed figures
            assertThat(text).contains("บุคลากรทั้งหมด " + progress.path("staffCount").asInt() + " คน")
                    .contains("บุคลากรที่ได้รับการพัฒนา " + progress.path("staffDeveloped").asInt() + " คน");
        }
        assertThat(ExportWritersTest.parse(files.get("summary.csv")).get(1).get(1)).isEqualTo(Integer.toString(progress.path("staffCount").asInt()));
    }
}
