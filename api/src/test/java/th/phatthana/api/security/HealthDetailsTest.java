package th.phatthana.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;

/** The health endpoint tells anonymous callers and tenant users UP or DOWN, and NATIONAL callers the details. */
class HealthDetailsTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TestTenants tenants;

    @Test
    void onlyNationalCallersSeeTheDetails() throws Exception {
        HttpResponse<String> anonymous = health(null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("diskSpace").doesNotContain("path")
                .doesNotContain("components");
        String tenantAdmin = tenants.token(tenants.tenant("อบต.สุขภาพระบบ"), Role.TENANT_ADMIN);
        assertThat(health(tenantAdmin).body()).doesNotContain("diskSpace");
        HttpResponse<String> national = health(tenants.nationalToken());
        assertThat(national.body()).contains("diskSpace", "mongo");
    }

    private HttpResponse<String> health(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
