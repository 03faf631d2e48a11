package th.phatthana.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;

/**
 * Limits that hold before any body is parsed: nobody gets a GraphQL body or an upload read
 * without a token or session; an authenticated GraphQL body over 1 MB is 413; a broken multipart
 * upload is 400, never a 500.
 */
class RequestLimitsTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TestTenants tenants;

    @Test
    void anonymousGraphQlAndUploadsAreRefusedBeforeTheirBodiesAreRead() throws Exception {
        HttpResponse<String> graphql = post("/graphql", null, "application/json", "{\"query\":\"{ organisation { code } }\"}");
        assertThat(graphql.statusCode()).isEqualTo(401);
        assertThat(graphql.body()).contains("UNAUTHENTICATED");
        HttpResponse<String> upload = post("/api/staff/import", null, "multipart/form-data", "no boundary at all");
        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(upload.body()).contains("กรุณาเข้าสู่ระบบ");
    }

    @Test
    void aGraphQlBodyOverTheLimitIsRefusedWith413() throws Exception {
        String token = tenants.token(tenants.tenant("อบต.ขนาดคำขอ"), Role.VIEWER);
        String huge = "{\"query\":\"{ organisation { code } }\",\"variables\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}";
        HttpResponse<String> response = post("/graphql", token, "application/json", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("เกินขีดจำกัด"); // in Thai unless the request asks for English
        assertThat(post("/graphql", token, "application/json", "{\"query\":\"{ organisation { code } }\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aMultipartUploadWithoutItsBoundaryIsABadRequest() throws Exception {
        String token = tenants.token(tenants.tenant("อบต.อัปโหลดเสีย"), Role.TENANT_ADMIN);
        HttpResponse<String> response = post("/api/staff/import", token, "multipart/form-data", "no boundary at all");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("multipart");
    }

    private HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
