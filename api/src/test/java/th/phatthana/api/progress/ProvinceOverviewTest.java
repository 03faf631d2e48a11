package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code provinceOverview} and its XLSX (th.phatthana.api.oversight): every organisation of a
 * committee's province and kind with its plan and progress; national users name the province;
 * everyone else is refused. Here, beside the progress tests, because it reads progress through them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceOverviewTest extends ProgressTestSupport {

    static final int NOW_FY = FiscalYears.of(Instant.now());
    static final String QUERY = """
            query($province: String, $kind: OrganisationKind, $year: FiscalYear) {
              provinceOverview(province: $province, kind: $kind, fiscalYear: $year) {
                province kind fiscalYear xlsxUrl
                organisations { organisation { code nameTh } plan { id status } progress { staffCount staffDeveloped } }
              }
            }""";

    String province;
    Org withPlan;
    Org withoutPlan;

    @BeforeAll
    void organisations() throws Exception {
        province = "จังหวัดทดสอบ" + UUID.randomUUID().toString().substring(0, 8);
        withPlan = new Org(tenants.tenant("อบต.มีแผน", TenantKind.SAO, province));
        withoutPlan = new Org(tenants.tenant("อบต.ไม่มีแผน", TenantKind.SAO, province));
        tenants.tenant("เทศบาลตำบลในจังหวัด", TenantKind.MUNICIPALITY, province);
        tenants.tenant("อบต.จังหวัดอื่น", TenantKind.SAO, "หนองคาย");

        withPlan.staff("สมชาย", PositionType.ACADEMIC, XapiIdentity.ofMbox("mailto:somchai@overview.example.go.th"));
        withPlan.staff("สมหญิง", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:somying@overview.example.go.th"));
        String planId = withPlan.plan(NOW_FY, List.of(course("ethics", List.of(ACTIVITIES + "ethics"), PlanContent.CompletionRule.DEFAULT,
                NOW_FY, List.of())), List.of());
        withPlan.post(statement(UUID.randomUUID().toString(), "{\"mbox\": \"mailto:somchai@overview.example.go.th\"}", COMPLETED,
                ACTIVITIES + "ethics", Instant.now().toString(), null));
        withPlan.catchUp();
        assertThat(withPlan.progress(planId, NOW_FY).path("staffDeveloped").asInt()).isEqualTo(1);
    }

    @Test
    void aCommitteeSeesEveryOrganisationOfItsProvinceAndKindWithPlanAndProgress() {
        GraphQlHttp committee = new GraphQlHttp(baseUrl(), tenants.committeeToken(province, TenantKind.SAO));
        JsonNode overview = data(committee.execute(QUERY, Map.of("year", NOW_FY)), "provinceOverview");
        assertThat(overview.path("province").asString()).isEqualTo(province);
        assertThat(overview.path("kind").asString()).isEqualTo("SAO");
        JsonNode entries = overview.path("organisations");
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0).path("organisation").path("nameTh").asString().equals("อบต.มีแผน") ? entries.get(0) : entries.get(1);
        JsonNode second = first == entries.get(0) ? entries.get(1) : entries.get(0);
        assertThat(first.path("plan").path("status").asString()).isEqualTo("APPROVED");
        assertThat(first.path("progress").path("staffCount").asInt()).isEqualTo(2);
        assertThat(first.path("progress").path("staffDeveloped").asInt()).isEqualTo(1);
        assertThat(second.path("organisation").path("nameTh").asString()).isEqualTo("อบต.ไม่มีแผน");
        assertThat(second.path("plan").isNull()).isTrue();
        assertThat(second.path("progress").isNull()).isTrue();
    }

    @Test
    void nationalUsersNameTheProvinceAndSeeEveryKind() {
        GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
        JsonNode all = data(national.execute(QUERY, Map.of("province", province, "year", NOW_FY)), "provinceOverview");
        assertThat(all.path("organisations")).hasSize(3);
        JsonNode sao = data(national.execute(QUERY, Map.of("province", province, "kind", "SAO", "year", NOW_FY)), "provinceOverview");
        assertThat(sao.path("organisations")).hasSize(2);
        assertThat(GraphQlHttp.classification(national.execute(QUERY, Map.of("year", NOW_FY)))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void othersAreRefused() {
        GraphQlHttp otherProvince = new GraphQlHttp(baseUrl(), tenants.committeeToken(province, TenantKind.SAO));
        assertThat(GraphQlHttp.classification(otherProvince.execute(QUERY, Map.of("province", "หนองคาย")))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(otherProvince.execute(QUERY, Map.of("kind", "MUNICIPALITY")))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(withPlan.admin.execute(QUERY, Map.of()))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(new GraphQlHttp(baseUrl(), null).execute(QUERY, Map.of()))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theOverviewDownloadsAsAWorkbookWithTheSameFigures() throws Exception {
        String token = tenants.committeeToken(province, TenantKind.SAO);
        JsonNode overview = data(new GraphQlHttp(baseUrl(), token).execute(QUERY, Map.of("year", NOW_FY)), "provinceOverview");
        String url = overview.path("xlsxUrl").asString();
        assertThat(url).isEqualTo("/api/exports/province-overview?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8)
                + "&fiscalYear=" + NOW_FY + "&kind=SAO");

        HttpResponse<byte[]> response = get(url, token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("province-progress-" + NOW_FY + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("องค์กรปกครองส่วนท้องถิ่น");
            assertThat(sheet.getLastRowNum()).as("two organisations, the total and the median").isEqualTo(4);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("รวม 1 แห่ง");
            assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("มัธยฐาน");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("องค์กรปกครองส่วนท้องถิ่น");
            int withPlanRow = sheet.getRow(1).getCell(1).getStringCellValue().equals("อบต.มีแผน") ? 1 : 2;
            assertThat(sheet.getRow(withPlanRow).getCell(4).getStringCellValue()).isEqualTo("เห็นชอบแล้ว");
            assertThat(sheet.getRow(withPlanRow).getCell(5).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(withPlanRow).getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(withPlanRow).getCell(7).getNumericCellValue()).isEqualTo(0.5);
            assertThat(sheet.getRow(3 - withPlanRow).getCell(3).getStringCellValue()).isEqualTo("ไม่มีแผน");
        }
        assertThat(get(url, null).statusCode()).isEqualTo(401);
        assertThat(get(url, tenants.token(withPlan.tenant, th.phatthana.tenants.access.Role.TENANT_ADMIN)).statusCode()).isEqualTo(403);
    }

    @Test
    void theProvinceProgressReportIsAPdfWithTotalsMediansAndSignatures() throws Exception {
        String token = tenants.committeeToken(province, TenantKind.SAO);
        String query = "/api/exports/province-progress?fiscalYear=" + NOW_FY + "&format=pdf";
        HttpResponse<byte[]> response = get(query, token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("province-progress-" + NOW_FY + ".pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "province-progress-sample.pdf"), response.body()); // for the eye
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("รายงานภาพรวมความก้าวหน้าการพัฒนาบุคลากรระดับจังหวัด").contains("จังหวัด: " + province)
                    .contains("ประเภทองค์กรปกครองส่วนท้องถิ่น: องค์การบริหารส่วนตำบล").contains("ข้อมูล ณ วันที่: ")
                    .contains("อบต.มีแผน").contains("อบต.ไม่มีแผน").contains("รวม 1 แห่ง").contains("มัธยฐาน")
                    .contains("ผู้รายงาน").contains("ลงชื่อ");
        }
        HttpResponse<byte[]> thai = get(query + "&digits=thai", token);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(thai.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("ปีงบประมาณที่รายงาน (พ.ศ.): " + PdfDigits.thai(Integer.toString(NOW_FY))).doesNotContain(Integer.toString(NOW_FY));
        }
        assertThat(get(query + "&digits=roman", token).statusCode()).isEqualTo(400);
        assertThat(get(query + "&kind=MUNICIPALITY", token).statusCode()).isEqualTo(403);
        assertThat(get(query, tenants.token(withPlan.tenant, th.phatthana.tenants.access.Role.TENANT_ADMIN)).statusCode()).isEqualTo(403);
        assertThat(get("/api/exports/province-progress?fiscalYear=" + NOW_FY + "&format=pdf", tenants.nationalToken()).statusCode())
                .as("a national user names the province").isEqualTo(400);
    }

    /** Thai digits, as the PDF writes them with digits=thai. */
    private static final class PdfDigits {
        static String thai(String text) {
            StringBuilder out = new StringBuilder();
            text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('\u0E50' + c - '0') : (char) c));
            return out.toString();
        }
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
