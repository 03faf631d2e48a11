package th.phatthana.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.Role;

/** Prometheus metrics: for NATIONAL callers only, with the ingest, refusal, progress-lag and GraphQL series an operator graphs. */
class MetricsEndpointTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    @Test
    void nationalCallersReadTheMetricsOthersAreRefused() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ตัววัด");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        String id = UUID.randomUUID().toString();
        String statement = """
                {"id": "%s", "actor": {"mbox": "mailto:metrics@example.go.th"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "https://elearning.example.go.th/xapi/activities/metrics"}}""".formatted(id);
        assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);
        String conflicting = statement.replace("completed", "passed");
        assertThat(xapi.postJson("/statements", conflicting).statusCode()).isEqualTo(409);

        new th.phatthana.api.testing.GraphQlHttp(baseUrl(), tenants.nationalToken()).execute("{ __typename }");
        HttpResponse<String> metrics = get(tenants.nationalToken());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("phatthana_xapi_statements_stored_total")
                .contains("phatthana_progress_lag_seconds").contains("phatthana_progress_lag_statements")
                .contains("phatthana_progress_tenants_behind")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"409\"[^}]*uri=\"/xapi/statements\"")
                .contains("jvm_memory_used_bytes").contains("mongodb_driver_commands_seconds").contains("graphql_request_seconds");
        assertThat(metrics.body()).as("no organisation is named in the metrics").doesNotContain(access.tenant().id());

        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get(tenants.token(access.tenant(), Role.TENANT_ADMIN)).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
