package th.phatthana.api.xapi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.xapi.documents.DocumentHttp.text;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.plans.SettableClock;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * State, Activity Profile and Agent Profile over plain HTTP: storage of any content, the JSON
 * merge, id lists with {@code since}, deletes, parameter checks, HEAD and scopes.
 */
class DocumentResourceTest extends IntegrationTest {

    private static final String AGENT = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:somchai@example.go.th\"}";

    /** The application's clock, moved by the tests that need time to pass between writes. */
    @Autowired
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Autowired
    TestTenants tenants;

    final JsonMapper json = JsonMapper.builder().build();
    XapiHttp raw;
    DocumentHttp http;

    @BeforeEach
    void tenant() {
        raw = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.เอกสาร"));
        http = new DocumentHttp(raw);
    }

    private static String activity() {
        return "https://elearning.dla.go.th/activities/" + UUID.randomUUID();
    }

    private JsonNode error(HttpResponse<byte[]> response) {
        return json.readTree(text(response));
    }

    // ---- merge --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void postMergesTopLevelPropertiesAndPostedValuesWin(String kind) {
        String url = DocumentHttp.fresh(kind).one("bookmark");
        assertThat(http.postJson(url, "{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"},\"driver\":\"Dale\",\"lap\":1.50}")
                .statusCode()).isEqualTo(204);
        assertThat(text(http.get(url))).isEqualTo("{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"},\"driver\":\"Dale\",\"lap\":1.50}");

        assertThat(http.postJson(url, "{\"car\":{\"make\":\"Dodge\"},\"series\":\"nextel\"}").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> merged = http.get(url);
        assertThat(merged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        // One level deep: "car" is replaced whole, "driver" and "lap" stay (numbers unchanged), "series" is added.
        assertThat(json.readTree(text(merged))).isEqualTo(json.readTree(
                "{\"car\":{\"make\":\"Dodge\"},\"driver\":\"Dale\",\"lap\":1.50,\"series\":\"nextel\"}"));
        assertThat(text(merged)).contains("\"lap\":1.50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void aMergeNeedsJsonObjectsOnBothSidesAndOtherwiseChangesNothing(String kind) {
        DocumentHttp.Target target = DocumentHttp.fresh(kind);
        String json1 = target.one("json");
        assertThat(http.postJson(json1, "{\"a\":1}").statusCode()).isEqualTo(204);

        HttpResponse<byte[]> notJson = http.send("POST", json1, "text/plain", "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson).path("message").asString()).contains("not application/json");

        HttpResponse<byte[]> form = http.send("POST", json1, "application/x-www-form-urlencoded", "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(form.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> broken = http.postJson(json1, "{\"b\":2}{");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(error(broken).path("message").asString()).contains("not valid JSON");

        HttpResponse<byte[]> array = http.postJson(json1, "[1,2]");
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(error(array).path("message").asString()).contains("not a JSON object");
        assertThat(text(http.get(json1))).isEqualTo("{\"a\":1}");

        String binary = target.one("binary");
        byte[] bytes = {1, 2, 3};
        assertThat(http.send("PUT", binary, "application/octet-stream", bytes, "If-None-Match", "*").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> onBinary = http.postJson(binary, "{\"a\":1}");
        assertThat(onBinary.statusCode()).isEqualTo(400);
        assertThat(error(onBinary).path("message").asString()).contains("stored document has Content-Type 'application/octet-stream'");
        assertThat(http.get(binary).body()).isEqualTo(bytes);
    }

    @Test
    void aPostToANewDocumentStoresItAsIsWhateverItsType() {
        String url = DocumentHttp.fresh("state").one("note");
        byte[] note = "บันทึกย่อ".getBytes(StandardCharsets.UTF_8);
        assertThat(http.send("POST", url, "text/plain; charset=utf-8", note).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> get = http.get(url);
        assertThat(get.body()).isEqualTo(note);
        assertThat(get.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    // ---- any content type, byte for byte ------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void binaryDocumentsRoundTripByteForByteWithTheirContentType(String kind) {
        String url = DocumentHttp.fresh(kind).one("certificate.png");
        byte[] png = new byte[70_000];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31 + 7);
        }
        png[0] = (byte) 0x89;
        png[1] = 'P';
        assertThat(http.send("PUT", url, "image/png", png, "If-None-Match", "*").statusCode()).isEqualTo(204);

        HttpResponse<byte[]> get = http.get(url);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(get.body()).isEqualTo(png);
        assertThat(get.headers().firstValue("ETag")).hasValue(DocumentHttp.quotedSha1(png));
    }

    @Test
    void aFormEncodedDocumentIsStoredAsBytesNotParsedAsParameters() {
        DocumentHttp.Target target = DocumentHttp.fresh("activity-profile");
        byte[] form = "colour=red&size=L".getBytes(StandardCharsets.UTF_8);
        for (String method : new String[] {"PUT", "POST"}) {
            String url = target.one("form-" + method);
            assertThat(http.send(method, url, "application/x-www-form-urlencoded", form, "If-None-Match", "*").statusCode())
                    .isEqualTo(204);
            HttpResponse<byte[]> get = http.get(url);
            assertThat(get.body()).isEqualTo(form);
            assertThat(get.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-www-form-urlencoded");
        }
    }

    @Test
    void jsonThatDoesNotParseIsRefusedOnPutToo() {
        String url = DocumentHttp.fresh("state").one("bad");
        HttpResponse<byte[]> response = http.putJson(url, "{\"a\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.get(url).statusCode()).isEqualTo(404);
    }

    // ---- ids, since, delete -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void theIdListHonoursSinceOnLastModification(String kind) {
        DocumentHttp.Target target = DocumentHttp.fresh(kind);
        Instant start = Instant.now();
        clock.set(start);
        http.postJson(target.one("old"), "{\"v\":1}");
        Instant between = start.plusMillis(30);
        clock.set(start.plusMillis(60));
        http.postJson(target.one("new"), "{\"v\":1}");

        HttpResponse<byte[]> all = http.get(target.all());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(ids(all)).containsExactlyInAnyOrder("old", "new");

        assertThat(ids(http.get(target.all() + "&" + XapiHttp.query("since", between.toString())))).containsExactly("new");
        // An update makes a document "new" again; since is exclusive.
        Instant later = start.plusMillis(90);
        clock.set(start.plusMillis(120));
        http.postJson(target.one("old"), "{\"v\":2}");
        assertThat(ids(http.get(target.all() + "&" + XapiHttp.query("since", later.toString())))).containsExactly("old");
        assertThat(ids(http.get(target.all() + "&" + XapiHttp.query("since", Instant.now().plusSeconds(60).toString())))).isEmpty();
        // With an offset instead of Z.
        String thai = later.atOffset(java.time.ZoneOffset.ofHours(7)).toString();
        assertThat(ids(http.get(target.all() + "&" + XapiHttp.query("since", thai)))).containsExactly("old");

        HttpResponse<byte[]> bad = http.get(target.all() + "&since=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(error(bad).path("message").asString()).contains("since");
    }

    @Test
    void lastModifiedIsAnHttpDateThatMovesWithEachChange() {
        String url = DocumentHttp.fresh("state").one("lm");
        Instant start = Instant.now();
        clock.set(start);
        http.putJson(url, "{\"v\":1}");
        String first = http.get(url).headers().firstValue("Last-Modified").orElseThrow();
        Instant firstTime = ZonedDateTime.parse(first, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(firstTime).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        clock.set(start.plusMillis(1100));
        http.postJson(url, "{\"v\":2}");
        String second = http.get(url).headers().firstValue("Last-Modified").orElseThrow();
        assertThat(ZonedDateTime.parse(second, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isAfter(firstTime);
    }

    private java.util.List<String> ids(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode array = json.readTree(text(response));
        assertThat(array.isArray()).isTrue();
        java.util.List<String> ids = new java.util.ArrayList<>();
        array.forEach(id -> ids.add(id.asString()));
        return ids;
    }

    @Test
    void stateIsKeptPerRegistrationAndDeletedPerContext() {
        String activity = activity();
        String agent = "{\"mbox\":\"mailto:" + UUID.randomUUID() + "@example.go.th\"}";
        DocumentHttp.Target target = DocumentHttp.state(activity, agent);
        String registrationA = UUID.randomUUID().toString();
        String registrationB = UUID.randomUUID().toString().toUpperCase();
        String inA = target.one("suspend_data") + "&registration=" + registrationA;
        String inB = target.one("suspend_data") + "&registration=" + registrationB;
        String none = target.one("suspend_data");

        http.putJson(inA, "{\"page\":3}");
        http.putJson(inB, "{\"page\":7}");
        http.putJson(none, "{\"page\":1}");
        http.putJson(target.one("bookmark"), "{\"page\":1}");

        assertThat(json.readTree(text(http.get(inA))).path("page").asInt()).isEqualTo(3);
        // A registration is a UUID: its letter case does not make another registration.
        assertThat(json.readTree(text(http.get(target.one("suspend_data") + "&registration=" + registrationB.toLowerCase())))
                .path("page").asInt()).isEqualTo(7);
        assertThat(json.readTree(text(http.get(none))).path("page").asInt()).isEqualTo(1);

        // The same agent with a name and objectType is the same agent.
        String named = "{\"objectType\":\"Agent\",\"name\":\"สมศรี\"," + agent.substring(1);
        assertThat(json.readTree(text(http.get(DocumentHttp.state(activity, named).one("suspend_data") + "&registration=" + registrationA)))
                .path("page").asInt()).isEqualTo(3);

        assertThat(ids(http.get(target.all() + "&registration=" + registrationA))).containsExactly("suspend_data");
        // Without a registration: the ids over every registration, each once.
        assertThat(ids(http.get(target.all()))).containsExactlyInAnyOrder("suspend_data", "bookmark");

        // DELETE without stateId, with a registration: only that registration's state.
        assertThat(http.delete(target.all() + "&registration=" + registrationA).statusCode()).isEqualTo(204);
        assertThat(http.get(inA).statusCode()).isEqualTo(404);
        assertThat(http.get(inB).statusCode()).isEqualTo(200);
        // Without: all the state of the activity and agent.
        assertThat(http.delete(target.all()).statusCode()).isEqualTo(204);
        assertThat(ids(http.get(target.all()))).isEmpty();
    }

    @Test
    void theSameDocumentIdInAnotherContextIsAnotherDocument() {
        String agent = "{\"mbox\":\"mailto:" + UUID.randomUUID() + "@example.go.th\"}";
        String otherAgent = "{\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\"" + UUID.randomUUID() + "\"}}";
        String activity = activity();
        http.putJson(DocumentHttp.state(activity, agent).one("s"), "{\"who\":\"mbox\"}");
        http.putJson(DocumentHttp.state(activity, otherAgent).one("s"), "{\"who\":\"account\"}");
        http.putJson(DocumentHttp.state(activity() , agent).one("s"), "{\"who\":\"other activity\"}");
        http.putJson(DocumentHttp.activityProfile(activity).one("s"), "{\"who\":\"activity profile\"}", "If-None-Match", "*");
        http.putJson(DocumentHttp.agentProfile(agent).one("s"), "{\"who\":\"agent profile\"}", "If-None-Match", "*");

        assertThat(json.readTree(text(http.get(DocumentHttp.state(activity, agent).one("s")))).path("who").asString()).isEqualTo("mbox");
        assertThat(json.readTree(text(http.get(DocumentHttp.state(activity, otherAgent).one("s")))).path("who").asString()).isEqualTo("account");
        assertThat(json.readTree(text(http.get(DocumentHttp.activityProfile(activity).one("s")))).path("who").asString())
                .isEqualTo("activity profile");
        assertThat(json.readTree(text(http.get(DocumentHttp.agentProfile(agent).one("s")))).path("who").asString()).isEqualTo("agent profile");
    }

    // ---- HEAD ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void headAnswersLikeGetWithoutABody(String kind) {
        DocumentHttp.Target target = DocumentHttp.fresh(kind);
        String url = target.one("h");
        http.putJson(url, "{\"a\":\"b\"}", "If-None-Match", "*");
        HttpResponse<byte[]> get = http.get(url);
        HttpResponse<byte[]> head = http.head(url);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : new String[] {"ETag", "Last-Modified", "Content-Type", "Content-Length", "X-Experience-API-Version"}) {
            assertThat(head.headers().firstValue(header)).as(header).isEqualTo(get.headers().firstValue(header));
        }
        assertThat(http.head(target.all()).statusCode()).isEqualTo(200);
        assertThat(http.head(target.one("missing")).statusCode()).isEqualTo(404);
    }

    // ---- parameters ---------------------------------------------------------------------------

    @Test
    void missingOrMalformedStateParametersAreNamed() {
        String activity = XapiHttp.query("activityId", activity());
        String agent = XapiHttp.query("agent", AGENT);
        assertBadRequest("PUT", "/activities/state?" + agent + "&stateId=s", "activityId");
        assertBadRequest("PUT", "/activities/state?activityId=not-an-iri&" + agent + "&stateId=s", "activityId");
        assertBadRequest("PUT", "/activities/state?" + activity + "&stateId=s", "agent");
        assertBadRequest("POST", "/activities/state?" + activity + "&agent=true&stateId=s", "agent");
        assertBadRequest("GET", "/activities/state?" + activity + "&" + XapiHttp.query("agent", "{\"mbox\":\"mailto:a@b.c\"")
                + "&stateId=s", "not valid JSON");
        assertBadRequest("GET", "/activities/state?" + activity + "&" + XapiHttp.query("agent", "{\"name\":\"no ifi\"}"), "exactly one");
        assertBadRequest("GET", "/activities/state?" + activity + "&" + XapiHttp.query("agent",
                "{\"mbox\":\"mailto:a@b.c\",\"openid\":\"https://id.example.org/a\"}"), "exactly one");
        assertBadRequest("GET", "/activities/state?" + activity + "&" + XapiHttp.query("agent", "{\"mbox\":\"a@b.c\"}"), "mailto:");
        assertBadRequest("DELETE", "/activities/state?" + activity + "&" + agent + "&registration=true", "registration");
        assertBadRequest("PUT", "/activities/state?" + activity + "&" + agent, "stateId");
        assertBadRequest("POST", "/activities/state?" + activity + "&" + agent, "stateId");
        assertBadRequest("GET", "/activities/state?" + activity + "&" + agent + "&colour=red", "colour");
        assertBadRequest("DELETE", "/activities/state?" + activity + "&" + agent + "&since=2024-01-01T00:00:00Z", "since");
        assertBadRequest("GET", "/activities/state?" + activity + "&" + agent + "&stateId=a&stateId=b", "stateId");
    }

    @Test
    void missingOrMalformedProfileParametersAreNamed() {
        String activity = XapiHttp.query("activityId", activity());
        assertBadRequest("PUT", "/activities/profile?profileId=p", "activityId");
        assertBadRequest("GET", "/activities/profile?activityId=true", "activityId");
        assertBadRequest("DELETE", "/activities/profile?" + activity, "profileId");
        assertBadRequest("POST", "/activities/profile?" + activity, "profileId");
        assertBadRequest("GET", "/activities/profile?" + activity + "&since=true", "since");
        assertBadRequest("GET", "/agents/profile?profileId=p", "agent");
        assertBadRequest("PUT", "/agents/profile?agent=true&profileId=p", "agent");
        assertBadRequest("DELETE", "/agents/profile?" + XapiHttp.query("agent", AGENT), "profileId");
        assertBadRequest("GET", "/agents/profile?" + XapiHttp.query("agent", "{\"objectType\":\"Activity\",\"mbox\":\"mailto:a@b.c\"}"),
                "objectType");
    }

    private void assertBadRequest(String method, String pathAndQuery, String named) {
        HttpResponse<byte[]> response = http.send(method, pathAndQuery, method.equals("PUT") || method.equals("POST") ? "application/json" : null,
                method.equals("PUT") || method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null, "If-None-Match", "*");
        assertThat(response.statusCode()).as(method + " " + pathAndQuery).isEqualTo(400);
        JsonNode error = error(response);
        assertThat(error.path("error").asString()).isEqualTo("Bad Request");
        assertThat(error.path("message").asString()).as(method + " " + pathAndQuery).contains(named);
    }

    @Test
    void aMissingDocumentIs404WithAMessage() {
        HttpResponse<byte[]> response = http.get(DocumentHttp.fresh("agent-profile").one("nothing"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("message").asString()).contains("profileId 'nothing'");
    }

    // ---- scopes -------------------------------------------------------------------------------

    @Test
    void stateNeedsTheStateScopeAndProfilesTheProfileScope() {
        TestTenants.XapiAccess owner = tenants.xapi("อบต.สิทธิ์");
        DocumentHttp full = new DocumentHttp(new XapiHttp(xapiEndpoint(), owner));
        DocumentHttp stateOnly = new DocumentHttp(new XapiHttp(xapiEndpoint(), tenants.credential(owner.tenant(), XapiScope.STATE)));
        DocumentHttp profileOnly = new DocumentHttp(new XapiHttp(xapiEndpoint(), tenants.credential(owner.tenant(), XapiScope.PROFILE)));
        DocumentHttp reader = new DocumentHttp(new XapiHttp(xapiEndpoint(), tenants.credential(owner.tenant(), XapiScope.ALL_READ)));
        DocumentHttp statementsOnly = new DocumentHttp(new XapiHttp(xapiEndpoint(),
                tenants.credential(owner.tenant(), XapiScope.STATEMENTS_WRITE, XapiScope.STATEMENTS_READ)));

        String state = DocumentHttp.fresh("state").one("s");
        String profile = DocumentHttp.fresh("activity-profile").one("p");
        assertThat(stateOnly.putJson(state, "{}").statusCode()).isEqualTo(204);
        assertThat(profileOnly.putJson(profile, "{}", "If-None-Match", "*").statusCode()).isEqualTo(204);

        HttpResponse<byte[]> denied = stateOnly.putJson(profile, "{}", "If-Match", "*");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(error(denied).path("message").asString()).contains("profile");
        assertThat(profileOnly.get(state).statusCode()).isEqualTo(403);
        assertThat(statementsOnly.get(state).statusCode()).isEqualTo(403);
        assertThat(statementsOnly.get(profile).statusCode()).isEqualTo(403);

        assertThat(reader.get(state).statusCode()).isEqualTo(200);
        assertThat(reader.get(profile).statusCode()).isEqualTo(200);
        assertThat(reader.putJson(state, "{}").statusCode()).isEqualTo(403);
        assertThat(reader.delete(profile).statusCode()).isEqualTo(403);
        assertThat(full.get(profile).statusCode()).isEqualTo(200);
    }

    // ---- 1.0.3 alternate request syntax --------------------------------------------------------

    @Test
    void stateWorksThroughTheAlternateRequestSyntaxIn103() {
        DocumentHttp.Target target = DocumentHttp.fresh("state");
        String[] query = target.one("alt").split("\\?", 2)[1].split("&");
        StringBuilder form = new StringBuilder();
        for (String pair : query) {
            form.append(pair).append('&');
        }
        form.append("Content-Type=").append(URLEncoder.encode("application/json", StandardCharsets.UTF_8))
                .append("&content=").append(URLEncoder.encode("{\"via\":\"form\"}", StandardCharsets.UTF_8));
        HttpRequest.Builder request = raw.builder(target.path() + "?method=PUT")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        assertThat(raw.send(request).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> get = http.get(target.one("alt"));
        assertThat(text(get)).isEqualTo("{\"via\":\"form\"}");
        assertThat(get.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }
}
