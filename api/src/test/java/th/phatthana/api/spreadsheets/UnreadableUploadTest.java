package th.phatthana.api.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every import reads files with the one reader: a CSV saved in Windows-874 (Excel's "CSV" on a
 * Thai Windows, not "CSV UTF-8") and an old .xls are refused the same way by the staff roster, the
 * completion-list and the register-of-organisations imports — 400, what to do, in Thai unless
 * English is asked for — and nothing is imported.
 */
class UnreadableUploadTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_UTF8 = "ไฟล์ CSV ไม่ได้เข้ารหัส UTF-8: ใน Excel ให้บันทึกเป็น 'CSV UTF-8 (Comma delimited)'";
    private static final String OLD_XLS = "ไม่รองรับไฟล์ .xls รุ่นเก่า กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8";

    @Autowired
    TestTenants tenants;

    private static byte[] windows874(String text) {
        return text.getBytes(Charset.forName("x-windows-874"));
    }

    @Test
    void aCsvThatIsNotUtf8AndAnOldXlsAreRefusedInThaiByEveryImport() throws Exception {
        Tenant tenant = tenants.tenant("อบต.ไฟล์อ่านไม่ได้ " + UUID.randomUUID());
        String hr = tenants.token(tenant, Role.HR_OFFICER);
        String roster = "รหัสบุคลากร,คำนำหน้า,ชื่อ,นามสกุล\r\n0001,นางสาว,มาลี,ศรีสุข\r\n";
        String completions = "ชื่อ-สกุล,หลักสูตร,วันที่\r\nนางสาวมาลี ศรีสุข,การเขียนหนังสือราชการ,1/10/2568\r\n";
        String register = "code,nameTh,kind,province\r\n9999901,องค์การบริหารส่วนตำบลทดสอบ,SAO,หนองคาย\r\n";

        JsonNode answer = post("/api/staff/import", hr, "roster.csv", windows874(roster), Map.of(), null);
        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("error").asString()).isEqualTo(NOT_UTF8);
        answer = post("/api/staff/import", hr, "roster.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, Map.of(), null);
        assertThat(answer.path("error").asString()).isEqualTo(OLD_XLS);
        assertThat(new GraphQlHttp(baseUrl(), hr).execute("{ staffMembers(first: 1) { totalCount } }")
                .path("data").path("staffMembers").path("totalCount").asInt()).as("no one imported").isZero();

        answer = post("/api/learning-records/import", hr, "completions.csv", windows874(completions), Map.of("source", "ATTENDANCE_SHEET"), null);
        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("error").asString()).isEqualTo(NOT_UTF8);
        answer = post("/api/learning-records/import", hr, "completions.csv", windows874(completions), Map.of("source", "ATTENDANCE_SHEET"), "en");
        assertThat(answer.path("error").asString()).isEqualTo("the CSV file is not UTF-8: in Excel save it as 'CSV UTF-8 (Comma delimited)'");

        String national = tenants.nationalToken();
        answer = post("/api/organisations/import", national, "register.csv", windows874(register), Map.of(), null);
        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("error").asString()).isEqualTo(NOT_UTF8);
        JsonNode found = new GraphQlHttp(baseUrl(), national).execute("{ organisations(filter: { search: \"9999901\" }) { totalCount } }");
        assertThat(found.path("data").path("organisations").path("totalCount").asInt()).as(found.toString()).isZero();
    }

    /** A multipart upload as a browser form sends it; the answer's JSON with its HTTP status as "status". */
    private JsonNode post(String path, String token, String filename, byte[] content, Map<String, String> fields, String language)
            throws IOException, InterruptedException {
        String boundary = "----upload" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        tools.jackson.databind.node.ObjectNode json = response.body().isBlank() ? JSON.createObjectNode() : (tools.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
        json.put("status", response.statusCode());
        return json;
    }
}
