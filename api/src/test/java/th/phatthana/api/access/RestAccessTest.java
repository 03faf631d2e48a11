package th.phatthana.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST endpoints for files answer alike: without credentials 401 with the Bearer challenge a
 * 401 must carry and what to do in Thai; with a role that may not, 403 saying what is needed.
 */
class RestAccessTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestTenants tenants;

    private HttpResponse<String> post(String path, String token, String method) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String message(HttpResponse<String> response) {
        JsonNode error = JSON.readTree(response.body()).path("error");
        return error.isObject() ? error.path("message").asString() : error.asString();
    }

    @Test
    void withoutCredentialsEveryFileEndpointIs401WithTheBearerChallengeInThai() throws Exception {
        for (String path : List.of("/api/admin/backup", "/api/organisations/import", "/api/staff/import", "/api/learning-records/import",
                "/api/learning-records/import/mappings", "/api/certificates")) {
            HttpResponse<String> response = post(path, null, "POST");
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer");
            assertThat(message(response)).as(path).startsWith("กรุณาเข้าสู่ระบบ");
        }
    }

    @Test
    void aRoleThatMayNotIs403SayingWhatIsNeeded() throws Exception {
        String hr = tenants.token(tenants.tenant("อบต.สิทธิ์ไฟล์"), Role.HR_OFFICER);
        HttpResponse<String> backup = post("/api/admin/backup", hr, "POST");
        assertThat(backup.statusCode()).isEqualTo(403);
        assertThat(message(backup)).isEqualTo("การสำรองข้อมูลต้องมีบทบาทผู้ดูแลส่วนกลาง (NATIONAL)");
        HttpResponse<String> register = post("/api/organisations/import", hr, "POST");
        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(message(register)).isEqualTo("การนำเข้าทะเบียนหน่วยงานต้องมีบทบาทผู้ดูแลส่วนกลาง (NATIONAL)");
        String viewer = tenants.token(tenants.tenant("อบต.สิทธิ์ไฟล์สอง"), Role.VIEWER);
        HttpResponse<String> roster = post("/api/staff/import", viewer, "POST");
        assertThat(roster.statusCode()).isEqualTo(403);
        assertThat(message(roster)).isEqualTo("การนำเข้าข้อมูลบุคลากรต้องมีบทบาท TENANT_ADMIN หรือ HR_OFFICER ในหน่วยงาน");
    }
}
