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
import th.phatthana.api.testing.XapiHttp;

/**
 * Cross-origin requests: only origins on PHATTHANA_CORS_ALLOWED_ORIGINS get CORS headers, never
 * with Access-Control-Allow-Credentials, and browsers are never asked for Basic credentials (which
 * they would remember and send with other sites' forms).
 */
class CorsTest extends IntegrationTest {

    private static final String EVIL = "https://evil.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TestTenants tenants;

    @Test
    void anOriginNotOnTheListGetsNoCorsHeadersFromTheLrs() {
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.ข้ามโดเมน"));
        HttpResponse<String> preflight = xapi.send(xapi.builder("/statements").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL).header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();

        HttpResponse<String> get = xapi.send(xapi.builder("/statements").header("Origin", EVIL));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anAllowedOriginGetsCorsWithoutCredentials() {
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.ต้นทางที่อนุญาต"));
        HttpResponse<String> preflight = xapi.send(xapi.builder("/statements").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void browsersAreNotChallengedForBasicCredentials() {
        XapiHttp anonymous = new XapiHttp(xapiEndpoint(), null, null, "1.0.3");
        HttpResponse<String> fromBrowser = anonymous.send(anonymous.builder("/statements").header("Sec-Fetch-Mode", "navigate"));
        assertThat(fromBrowser.statusCode()).isEqualTo(401);
        assertThat(fromBrowser.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> fromProgram = anonymous.get("/statements");
        assertThat(fromProgram.statusCode()).isEqualTo(401);
        assertThat(fromProgram.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"xAPI\"");
    }

    @Test
    void graphqlAnswersCorsOnlyToAllowedOrigins() throws Exception {
        HttpResponse<String> evil = preflight(EVIL);
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> allowed = preflight(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(), HttpResponse.BodyHandlers.ofString());
    }
}
