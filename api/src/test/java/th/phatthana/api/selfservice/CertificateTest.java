package th.phatthana.api.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificates: uploaded over HTTP by HR, stored as an xAPI attachment of a statement (read back
 * through the Statement API with attachments), downloaded by the person, their supervisor and HR,
 * and by nobody else (404); over 10 MB or not a PDF/image refused in Thai, with nothing written.
 */
class CertificateTest extends SelfServiceTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ใบประกาศนียบัตร\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HISTORY = "{ myRecord { history { statementId title completed certificates { id sha2 contentType length downloadUrl fileName } } } }";

    String hrToken;

    @BeforeEach
    void setUp() throws Exception {
        organisation();
        hrToken = tenants.token(tenant, Role.HR_OFFICER);
        invite(me, false);
        invite(boss, true);
        invite(colleague, false);
    }

    @Test
    void anUploadedCertificateIsAnXapiAttachmentThatThePersonTheirSupervisorAndHrCanDownload() throws Exception {
        HttpResponse<String> uploaded = upload(hrToken, me.id(), "หลักสูตรนักบริหารงานท้องถิ่น", "2026-11-20", "12", "ใบประกาศ.pdf", PDF, null);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(uploaded.body());
        String id = created.path("id").asString();
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(created.path("sha2").asString()).isEqualTo(sha2);
        assertThat(created.path("contentType").asString()).isEqualTo("application/pdf");

        // through the xAPI Statement API, with attachments (multipart/mixed)
        XapiHttp xapi = this.xapi;
        HttpResponse<String> statement = xapi.get("/statements?statementId=" + id + "&attachments=true");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/mixed");
        assertThat(statement.body()).contains("\"sha2\":\"" + sha2 + "\"", DevelopmentRecords.CERTIFICATE_USAGE,
                "X-Experience-API-Hash: " + sha2, "%PDF-1.4", "\"length\":" + PDF.length, "หลักสูตรนักบริหารงานท้องถิ่น");

        for (String token : new String[] {tokenOf(me), tokenOf(boss), hrToken}) {
            HttpResponse<byte[]> download = download(token, id);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(PDF);
            assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        }
        for (String token : new String[] {tokenOf(colleague), tenants.token(otherTenant, Role.TENANT_ADMIN, Role.HR_OFFICER)}) {
            assertThat(download(token, id).statusCode()).isEqualTo(404);
        }
        assertThat(download(null, id).statusCode()).isEqualTo(401);

        JsonNode history = new GraphQlHttp(baseUrl(), tokenOf(me)).execute(HISTORY).path("data").path("myRecord").path("history");
        JsonNode withCertificate = null;
        for (JsonNode entry : history) {
            if (entry.path("statementId").asString().equals(id)) {
                withCertificate = entry;
            }
        }
        assertThat(withCertificate).as(history.toString()).isNotNull();
        assertThat(withCertificate.path("completed").asBoolean()).isTrue();
        assertThat(withCertificate.path("certificates").get(0).path("downloadUrl").asString()).isEqualTo("/api/certificates/" + id);
        assertThat(withCertificate.path("certificates").get(0).path("fileName").asString()).isEqualTo("ใบประกาศ.pdf");
        assertThat(new GraphQlHttp(baseUrl(), tokenOf(colleague)).execute(HISTORY).toString()).doesNotContain(id);
    }

    @Test
    void tooLargeOrUnreadableFilesAndOtherPeopleAreRefusedInThaiWithNothingWritten() throws Exception {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        HttpResponse<String> tooLarge = upload(hrToken, me.id(), "หลักสูตรใหญ่", "2026-11-20", null, "scan.pdf", large, null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(tooLarge.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("TOO_LARGE");
        assertThat(error.path("field").asString()).isEqualTo("file");
        assertThat(error.path("message").asString()).contains("ไฟล์ใบประกาศนียบัตรมีขนาดเกิน 10 MB");

        HttpResponse<String> text = upload(hrToken, me.id(), "หลักสูตร", "2026-11-20", null, "note.pdf", "not a pdf".getBytes(), null);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).path("error").path("message").asString()).contains("PDF, PNG หรือ JPEG");

        HttpResponse<String> future = upload(hrToken, me.id(), "หลักสูตร", "2999-01-01", null, "a.pdf", PDF, null);
        assertThat(JSON.readTree(future.body()).path("error").path("field").asString()).isEqualTo("date");

        // another organisation's HR, and a staff member uploading, are refused
        assertThat(upload(tenants.token(otherTenant, Role.HR_OFFICER), me.id(), "หลักสูตร", "2026-11-20", null, "a.pdf", PDF, null)
                .statusCode()).isEqualTo(404);
        assertThat(upload(tokenOf(me), me.id(), "หลักสูตร", "2026-11-20", null, "a.pdf", PDF, null).statusCode()).isEqualTo(403);
        assertThat(upload(tokenOf(me), colleague.id(), "หลักสูตร", "2026-11-20", null, "a.pdf", PDF, null).statusCode()).isEqualTo(404);

        JsonNode history = new GraphQlHttp(baseUrl(), tokenOf(me)).execute(HISTORY).path("data").path("myRecord").path("history");
        assertThat(history).hasSize(1); // only the course statement of the set-up
        assertThat(download(tokenOf(me), "00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> upload(String token, String staffId, String title, String date, String hours, String fileName, byte[] file,
            String activityId) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("staffId", staffId);
        fields.put("title", title);
        fields.put("date", date);
        if (hours != null) {
            fields.put("hours", hours);
        }
        if (activityId != null) {
            fields.put("activityId", activityId);
        }
        String boundary = "----certificate" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/certificates"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> download(String token, String id) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/certificates/" + id)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
