package th.phatthana.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;

/** What the fuzzers found answered 500, each kept as a plain example. */
class FuzzFindingsTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    Map<String, String> headers;

    @BeforeEach
    void credential() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ผลการทดสอบความทนทาน");
        headers = new LinkedHashMap<>(Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((access.key() + ":" + access.secret()).getBytes(StandardCharsets.UTF_8)), "X-Experience-API-Version", "1.0.3"));
    }

    @Test
    void aParameterWithoutANameIsABadRequest() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET", "/xapi/statements?=%7B%7D", headers, null);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("every parameter needs a name");
    }

    @Test
    void aWildcardOrMalformedContentTypeIsABadRequestOnEveryPath() throws Exception {
        Map<String, String> wildcard = new LinkedHashMap<>(headers);
        wildcard.put("Content-Type", "*/*");
        assertThat(RawHttp.send(port, "GET", "/xapi/statements", wildcard, null).status()).isEqualTo(400);
        // signed in: an anonymous GraphQL POST is refused (401) before anything of it is read
        RawHttp.Response graphql = RawHttp.send(port, "POST", "/graphql", Map.of("Content-Type", "a/b/c;;==", "Authorization",
                "Bearer " + tenants.token(tenants.tenant("อบต.ชนิดเนื้อหา"), th.phatthana.tenants.access.Role.VIEWER)),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(graphql.status()).as(graphql.text()).isEqualTo(400);
        RawHttp.Response console = RawHttp.send(port, "GET", "/api/auth/session", Map.of("Content-Type", "application/*"), null);
        assertThat(console.status()).as(console.text()).isEqualTo(400);
    }

    @Test
    void aDocumentOfTypeFormIsStoredByteForByteEvenWhenItIsNoValidForm() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(headers);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        String target = "/xapi/activities/state?activityId=" + java.net.URLEncoder.encode("https://elearning.dla.go.th/activities/form",
                StandardCharsets.UTF_8) + "&agent=" + java.net.URLEncoder.encode("{\"mbox\":\"mailto:form@example.go.th\"}",
                        StandardCharsets.UTF_8) + "&stateId=form";
        byte[] body = "a=1&b=%zz&c".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response put = RawHttp.send(port, "PUT", target, form, body);
        assertThat(put.status()).as(put.text()).isEqualTo(204);
        RawHttp.Response get = RawHttp.send(port, "GET", target, headers, null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).endsWith("\r\n\r\na=1&b=%zz&c");
    }
}
