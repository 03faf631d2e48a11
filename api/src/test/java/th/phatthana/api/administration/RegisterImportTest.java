package th.phatthana.api.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The national register import: the whole file or nothing, at national scale. */
class RegisterImportTest extends IntegrationTest {

    static final int NATIONAL_REGISTER_SIZE = 7_850;
    private static final String[] PROVINCES = {"หนองคาย", "อุดรธานี", "ขอนแก่น", "เชียงใหม่", "ชลบุรี", "นครราชสีมา", "สงขลา"};

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantService tenantService;

    final JsonMapper json = JsonMapper.builder().build();

    /** A register shaped like the real one: mostly SAOs and subdistrict municipalities. */
    static String register(String prefix, int size, int badRow) {
        StringBuilder csv = new StringBuilder("\uFEFFcode,nameTh,nameEn,kind,municipalClass,province,district\n");
        for (int i = 1; i <= size; i++) {
            String code = prefix + String.format("%05d", i);
            String province = PROVINCES[i % PROVINCES.length];
            if (i == badRow) {
                csv.append(code).append(",เทศบาลที่ไม่มีประเภท,,เทศบาล,,").append(province).append(",เมือง\n");
            } else if (i % 10 == 0) {
                csv.append(code).append(",เทศบาลตำบลที่ ").append(i).append(",Tambon Municipality ").append(i)
                        .append(",เทศบาล,ตำบล,").append(province).append(",อำเภอ ").append(i % 50).append('\n');
            } else if (i % 97 == 0) {
                csv.append(code).append(",องค์การบริหารส่วนจังหวัด ").append(i).append(",,PAO,,").append(province).append(",เมือง\n");
            } else {
                csv.append(code).append(",องค์การบริหารส่วนตำบลที่ ").append(i).append(",SAO ").append(i).append(",อบต.,,")
                        .append(province).append(",อำเภอ ").append(i % 50).append('\n');
            }
        }
        return csv.toString();
    }

    private HttpResponse<String> upload(String token, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/organisations/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void oneBadRowAmongThousandsImportsNothingAndNamesTheRow() throws Exception {
        String prefix = "B" + (System.nanoTime() % 100000) + "-";
        long before = tenantService.count();
        HttpResponse<String> response = upload(tenants.nationalToken(), "text/csv",
                register(prefix, 5_000, 4_321).getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("rows").size()).isEqualTo(1);
        assertThat(body.path("rows").get(0).path("row").asInt()).isEqualTo(4_322);
        assertThat(body.path("rows").get(0).path("column").asString()).isEqualTo("municipalClass");
        assertThat(tenantService.count()).isEqualTo(before);
        assertThat(tenantService.findByCode(prefix + "00001")).isEmpty();
    }

    @Test
    void theNationalRegisterImportsAndAReimportUpdatesInsteadOfDuplicating() throws Exception {
        String prefix = "R" + (System.nanoTime() % 100000) + "-";
        String token = tenants.nationalToken();
        byte[] file = register(prefix, NATIONAL_REGISTER_SIZE, -1).getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        HttpResponse<String> first = upload(token, "text/csv", file);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("REGISTER IMPORT: %,d rows in %,d ms%n", NATIONAL_REGISTER_SIZE, millis);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("created").asInt()).isEqualTo(NATIONAL_REGISTER_SIZE);

        byte[] renamed = register(prefix, NATIONAL_REGISTER_SIZE, -1).replace("องค์การบริหารส่วนตำบลที่ 1,", "อบต.เปลี่ยนชื่อ,")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> second = upload(token, "text/csv", renamed);
        assertThat(json.readTree(second.body()).path("updated").asInt()).isEqualTo(NATIONAL_REGISTER_SIZE);
        assertThat(json.readTree(second.body()).path("created").asInt()).isZero();
        assertThat(tenantService.findByCode(prefix + "00001").orElseThrow().nameTh()).isEqualTo("อบต.เปลี่ยนชื่อ");
        assertThat(tenantService.findByCode(prefix + "00010").orElseThrow().municipalClass()).isNotNull();
    }

    @Test
    void anXlsxRegisterImportsAndOnlyNationalAdminsMayImport() throws Exception {
        String prefix = "X" + (System.nanoTime() % 100000) + "-";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("register");
            String[][] rows = {{"code", "nameTh", "nameEn", "kind", "municipalClass", "province", "district"},
                    {prefix + "1", "เมืองพัทยา", "Pattaya City", "PATTAYA", "", "ชลบุรี", "บางละมุง"},
                    {prefix + "2", "เทศบาลนครอุดรธานี", "Udon Thani City Municipality", "MUNICIPALITY", "NAKHON", "อุดรธานี", "เมืองอุดรธานี"}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        HttpResponse<String> response = upload(tenants.nationalToken(), xlsx, out.toByteArray());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(tenantService.findByCode(prefix + "2").orElseThrow().kind().approvingCommittee()).isEqualTo("ก.ท.จ.");

        String tenantAdmin = tenants.token(tenants.tenant("อบต.ไม่มีสิทธิ์"), Role.TENANT_ADMIN);
        assertThat(upload(tenantAdmin, xlsx, out.toByteArray()).statusCode()).isEqualTo(403);
        JsonNode audit = new GraphQlHttp(baseUrl(), tenantAdmin).execute("{ auditTrail { action } }");
        assertThat(audit.toString()).doesNotContain("importRegister");
    }
}
