package th.phatthana.api.xapi.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.lrs.activities.ActivityDefinitionService;
import th.phatthana.lrs.agents.AgentDirectory;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Activities resource (canonical Activity objects) and the Agents resource (Person objects),
 * fed as the statement store feeds them: {@link ActivityDefinitionService#recordDefinitions} and
 * {@link AgentDirectory#recordAgents} after each stored batch.
 */
class ActivitiesAndAgentsResourceTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ActivityDefinitionService definitions;
    @Autowired
    AgentDirectory directory;

    final JsonMapper json = JsonMapper.builder().build();
    TestTenants.XapiAccess access;
    XapiHttp xapi;

    @BeforeEach
    void tenant() {
        access = tenants.xapi("อบต.กิจกรรม");
        xapi = new XapiHttp(xapiEndpoint(), access);
    }

    private JsonNode activity(String activityId) {
        HttpResponse<String> response = xapi.get("/activities?" + XapiHttp.query("activityId", activityId));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return json.readTree(response.body());
    }

    private JsonNode statement(String text) {
        return json.readTree(text);
    }

    private void record(boolean mayDefine, String... statements) {
        List<JsonNode> batch = java.util.Arrays.stream(statements).map(this::statement).toList();
        definitions.recordDefinitions(access.tenant().id(), batch, mayDefine);
        directory.recordAgents(access.tenant().id(), batch);
    }

    private static String withObject(String object) {
        return "{\"actor\":{\"mbox\":\"mailto:a@example.go.th\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":" + object + "}";
    }

    // ---- Activities ---------------------------------------------------------------------------

    @Test
    void anActivityKnownOnlyByItsIdIsStillReturned() {
        String id = "https://elearning.dla.go.th/activities/never-seen-" + UUID.randomUUID();
        assertThat(activity(id)).isEqualTo(json.readTree("{\"objectType\":\"Activity\",\"id\":\"" + id + "\"}"));
    }

    @Test
    void theCanonicalActivityCombinesLanguagesFromStatementsOfOneBatch() {
        String id = "https://elearning.dla.go.th/activities/meeting-" + UUID.randomUUID();
        String definition = """
                {"type":"http://adlnet.gov/expapi/activities/meeting","name":{"en-US":"example meeting","th-TH":"การประชุม"},
                 "description":{"en-US":"A meeting"},"moreInfo":"https://elearning.dla.go.th/more",
                 "extensions":{"https://phatthana.th/ext/a.b":{"$gt":1,"x.y":[1,"สอง"]}}}""";
        String french = "{\"name\":{\"fr-FR\":\"réunion\",\"th-TH\":\"การประชุมประจำเดือน\"}}";
        record(true, withObject("{\"objectType\":\"Activity\",\"id\":\"" + id + "\",\"definition\":" + definition + "}"),
                withObject("{\"id\":\"" + id + "\",\"definition\":" + french + "}"));

        JsonNode activity = activity(id);
        assertThat(activity.path("objectType").asString()).isEqualTo("Activity");
        assertThat(activity.path("id").asString()).isEqualTo(id);
        JsonNode got = activity.path("definition");
        assertThat(got.path("name")).isEqualTo(json.readTree(
                "{\"en-US\":\"example meeting\",\"th-TH\":\"การประชุมประจำเดือน\",\"fr-FR\":\"réunion\"}"));
        assertThat(got.path("description").path("en-US").asString()).isEqualTo("A meeting");
        assertThat(got.path("type").asString()).isEqualTo("http://adlnet.gov/expapi/activities/meeting");
        assertThat(got.path("moreInfo").asString()).isEqualTo("https://elearning.dla.go.th/more");
        assertThat(got.path("extensions")).isEqualTo(json.readTree("{\"https://phatthana.th/ext/a.b\":{\"$gt\":1,\"x.y\":[1,\"สอง\"]}}"));
    }

    @Test
    void aStatementIdenticalToTheCanonicalOneIsReturnedAsSent() {
        String object = """
                {"objectType":"Activity","id":"https://elearning.dla.go.th/activities/exact-%s",
                 "definition":{"type":"http://adlnet.gov/expapi/activities/cmi.interaction","interactionType":"choice",
                   "name":{"en-US":"Q1"},"correctResponsesPattern":["golf"],
                   "choices":[{"id":"golf","description":{"en-US":"Golf"}},{"id":"tetris","description":{"en-US":"Tetris"}}]}}"""
                .formatted(UUID.randomUUID());
        record(true, withObject(object));
        JsonNode sent = json.readTree(object);
        assertThat(activity(sent.path("id").asString())).isEqualTo(sent);
    }

    @Test
    void withoutTheDefineScopeOnlyNewActivitiesAreDefined() {
        String id = "https://elearning.dla.go.th/activities/guarded-" + UUID.randomUUID();
        record(false, withObject("{\"id\":\"" + id + "\",\"definition\":{\"name\":{\"th-TH\":\"ชื่อแรก\"},"
                + "\"type\":\"http://adlnet.gov/expapi/activities/course\"}}"));
        record(false, withObject("{\"id\":\"" + id + "\",\"definition\":{\"name\":{\"th-TH\":\"ชื่อที่สอง\",\"en-US\":\"second\"}}}"));
        JsonNode definition = activity(id).path("definition");
        assertThat(definition.path("name")).isEqualTo(json.readTree("{\"th-TH\":\"ชื่อแรก\"}"));

        // With it, language maps merge tag by tag and the other properties given replace the stored ones.
        record(true, withObject("{\"id\":\"" + id + "\",\"definition\":{\"name\":{\"en-US\":\"Course\"},"
                + "\"type\":\"http://adlnet.gov/expapi/activities/module\"}}"));
        definition = activity(id).path("definition");
        assertThat(definition.path("name")).isEqualTo(json.readTree("{\"th-TH\":\"ชื่อแรก\",\"en-US\":\"Course\"}"));
        assertThat(definition.path("type").asString()).isEqualTo("http://adlnet.gov/expapi/activities/module");
    }

    @Test
    void contextActivitiesAndSubStatementsDefineActivitiesToo() {
        String parent = "https://elearning.dla.go.th/courses/" + UUID.randomUUID();
        String single = "https://elearning.dla.go.th/categories/" + UUID.randomUUID();
        String inner = "https://elearning.dla.go.th/activities/inner-" + UUID.randomUUID();
        String statement = """
                {"actor":{"mbox":"mailto:a@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/planned"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.go.th"},
                   "verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                   "object":{"id":"%s","definition":{"name":{"th-TH":"บทเรียนย่อย"}}}},
                 "context":{"contextActivities":{
                   "parent":[{"id":"%s","definition":{"name":{"th-TH":"หลักสูตรแม่"}}}],
                   "category":{"id":"%s","definition":{"name":{"en-US":"single object (1.0.x)"}}}}}}"""
                .formatted(inner, parent, single);
        record(true, statement);
        assertThat(activity(parent).path("definition").path("name").path("th-TH").asString()).isEqualTo("หลักสูตรแม่");
        assertThat(activity(single).path("definition").path("name").path("en-US").asString()).isEqualTo("single object (1.0.x)");
        assertThat(activity(inner).path("definition").path("name").path("th-TH").asString()).isEqualTo("บทเรียนย่อย");
    }

    @Test
    void theActivitiesResourceChecksItsParameterAndAnswersHead() {
        assertThat(xapi.get("/activities").statusCode()).isEqualTo(400);
        assertThat(xapi.get("/activities").body()).contains("activityId");
        assertThat(xapi.get("/activities?activityId=true").statusCode()).isEqualTo(400);
        assertThat(xapi.get("/activities?activityId=https://a.example/x&colour=red").body()).contains("colour");

        String url = "/activities?" + XapiHttp.query("activityId", "https://elearning.dla.go.th/activities/head");
        HttpResponse<String> head = xapi.send(xapi.builder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).isEqualTo(xapi.get(url).headers().firstValue("Content-Length"));
    }

    // ---- Agents -------------------------------------------------------------------------------

    private JsonNode person(String agentJson) {
        HttpResponse<String> response = xapi.get("/agents?" + XapiHttp.query("agent", agentJson));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void aPersonCarriesTheAgentsIdentifierAndTheNamesSeenWithIt() {
        String mbox = "mailto:malee-" + UUID.randomUUID() + "@sangkhom.go.th";
        String member = "mailto:member-" + UUID.randomUUID() + "@sangkhom.go.th";
        record(true, """
                {"actor":{"objectType":"Agent","name":"มาลี ศรีสุข","mbox":"%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"https://elearning.dla.go.th/activities/x"},
                 "context":{"team":{"objectType":"Group","name":"ทีม","member":[{"name":"สมาชิก","mbox":"%s"}]}}}""".formatted(mbox, member),
                "{\"actor\":{\"name\":\"Malee S.\",\"mbox\":\"" + mbox + "\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attended\"},"
                        + "\"object\":{\"id\":\"https://elearning.dla.go.th/activities/y\"}}");

        JsonNode person = person("{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\"}");
        assertThat(person).isEqualTo(json.readTree(
                "{\"objectType\":\"Person\",\"name\":[\"มาลี ศรีสุข\",\"Malee S.\"],\"mbox\":[\"" + mbox + "\"]}"));
        assertThat(person("{\"mbox\":\"" + member + "\"}").path("name").get(0).asString()).isEqualTo("สมาชิก");
    }

    @Test
    void anUnknownAgentIsAPersonWithItsOwnIdentifier() {
        String account = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\"u-"
                + UUID.randomUUID() + "\"}}";
        JsonNode person = person(account);
        assertThat(person.path("objectType").asString()).isEqualTo("Person");
        assertThat(person.path("account")).isEqualTo(json.createArrayNode().add(json.readTree(account).path("account")));
        assertThat(person.has("name")).isFalse();
        assertThat(person.has("mbox")).isFalse();

        JsonNode sha1 = person("{\"mbox_sha1sum\":\"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}");
        assertThat(sha1.path("mbox_sha1sum").get(0).asString()).isEqualTo("ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
        assertThat(person("{\"openid\":\"https://id.example.org/somchai\"}").path("openid").get(0).asString())
                .isEqualTo("https://id.example.org/somchai");
    }

    @Test
    void theAgentsResourceChecksItsParameterAndScope() {
        assertThat(xapi.get("/agents").statusCode()).isEqualTo(400);
        HttpResponse<String> noIfi = xapi.get("/agents?" + XapiHttp.query("agent", "{\"objectType\":\"Agent\",\"name\":\"Rick James\"}"));
        assertThat(noIfi.statusCode()).isEqualTo(400);
        assertThat(noIfi.body()).contains("exactly one inverse functional identifier");
        assertThat(xapi.get("/agents?" + XapiHttp.query("agent", "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.go.th\"}"))
                .statusCode()).isEqualTo(400);
        assertThat(xapi.get("/agents?agent=true").statusCode()).isEqualTo(400);

        XapiHttp writer = new XapiHttp(xapiEndpoint(), tenants.credential(access.tenant(), XapiScope.STATEMENTS_WRITE));
        assertThat(writer.get("/agents?" + XapiHttp.query("agent", "{\"mbox\":\"mailto:x@example.go.th\"}")).statusCode()).isEqualTo(403);
        HttpResponse<String> activity = writer.get("/activities?" + XapiHttp.query("activityId", "https://elearning.example.go.th/any"));
        assertThat(activity.statusCode()).as("a write-only credential reads no activity definitions").isEqualTo(403);
        assertThat(activity.body()).contains("Activities resource");

        String url = "/agents?" + XapiHttp.query("agent", "{\"mbox\":\"mailto:head@example.go.th\"}");
        HttpResponse<String> head = xapi.send(xapi.builder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }
}
