package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;

/** Input the xAPI resources used to let through; each now gets the answer HTTP and xAPI call for. */
class XapiStrictnessTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    private XapiHttp xapi;

    @BeforeEach
    void credential() {
        xapi = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.เข้มงวด"));
    }

    @Test
    void verbAndActivityQueryParametersMustBeIris() {
        for (String query : new String[] { XapiHttp.query("verb", "{\"$gt\":\"\"}"), XapiHttp.query("verb", "completed"),
                XapiHttp.query("activity", "{\"$ne\":null}"), XapiHttp.query("activity", "not an iri") }) {
            HttpResponse<String> response = xapi.get("/statements?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("IRI");
        }
        assertThat(xapi.get("/statements?" + XapiHttp.query("verb", "http://adlnet.gov/expapi/verbs/completed")).statusCode()).isEqualTo(200);
    }

    @Test
    void aMultipartBoundaryLongerThanRfc2046AllowsIsRefused() {
        String boundary = "b".repeat(5000);
        String body = "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = xapi.post("/statements", "multipart/mixed; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("boundary");
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagStopsAPut() {
        String url = "/activities/state?" + XapiHttp.query("activityId", "https://example.go.th/strict") + "&"
                + XapiHttp.query("agent", "{\"mbox\":\"mailto:strict@example.go.th\"}") + "&stateId=s1";
        assertThat(xapi.putJson(url, "{\"a\":1}").statusCode()).isEqualTo(204);
        String etag = xapi.get(url).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> put = xapi.send(xapi.builder(url).header("Content-Type", "application/json").header("If-None-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":2}")));
        assertThat(put.statusCode()).isEqualTo(412);
        assertThat(xapi.get(url).body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void anUnquotedIfMatchIsNotAnEntityTag() {
        String url = "/activities/state?" + XapiHttp.query("activityId", "https://example.go.th/strict") + "&"
                + XapiHttp.query("agent", "{\"mbox\":\"mailto:strict@example.go.th\"}") + "&stateId=s2";
        assertThat(xapi.putJson(url, "{\"a\":1}").statusCode()).isEqualTo(204);
        String etag = xapi.get(url).headers().firstValue("ETag").orElseThrow();
        String unquoted = etag.replace("\"", "");
        HttpResponse<String> put = xapi.send(xapi.builder(url).header("Content-Type", "application/json").header("If-Match", unquoted)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":2}")));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("quoted");
        assertThat(xapi.get(url).body()).isEqualTo("{\"a\":1}");
    }
}
