package th.phatthana.api.xapi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.xapi.documents.DocumentHttp.text;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.lrs.activities.ActivityDefinitionService;
import th.phatthana.lrs.agents.AgentDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Documents, canonical activities and known agents of one tenant are invisible to another. */
class DocumentTenantIsolationTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ActivityDefinitionService activities;
    @Autowired
    AgentDirectory agents;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theSameActivityAgentAndIdsUnderTwoTenantsAreTwoSetsOfDocuments() {
        TestTenants.XapiAccess accessA = tenants.xapi("อบต.เอ");
        TestTenants.XapiAccess accessB = tenants.xapi("อบต.บี");
        DocumentHttp a = new DocumentHttp(new XapiHttp(xapiEndpoint(), accessA));
        DocumentHttp b = new DocumentHttp(new XapiHttp(xapiEndpoint(), accessB));
        String activity = "https://elearning.dla.go.th/activities/shared-" + UUID.randomUUID();
        String agent = "{\"mbox\":\"mailto:shared-" + UUID.randomUUID() + "@example.go.th\"}";
        DocumentHttp.Target state = DocumentHttp.state(activity, agent);
        DocumentHttp.Target activityProfile = DocumentHttp.activityProfile(activity);
        DocumentHttp.Target agentProfile = DocumentHttp.agentProfile(agent);

        for (DocumentHttp.Target target : List.of(state, activityProfile, agentProfile)) {
            String url = target.one("same-id");
            assertThat(a.putJson(url, "{\"tenant\":\"A\"}", "If-None-Match", "*").statusCode()).as(target.name()).isEqualTo(204);
            // Not "already exists": tenant B has no such document.
            assertThat(b.putJson(url, "{\"tenant\":\"B\"}", "If-None-Match", "*").statusCode()).as(target.name()).isEqualTo(204);
            assertThat(tenantOf(a, url)).isEqualTo("A");
            assertThat(tenantOf(b, url)).isEqualTo("B");

            // B's POST merges into B's document only.
            assertThat(b.postJson(url, "{\"merged\":true}").statusCode()).isEqualTo(204);
            assertThat(json.readTree(text(a.get(url))).has("merged")).isFalse();

            // A's ETag is no precondition on B's document (different bytes, different tag).
            String etagA = a.etag(url);
            assertThat(b.putJson(url, "{\"tenant\":\"B2\"}", "If-Match", etagA).statusCode()).isEqualTo(412);

            // Deleting in B leaves A's.
            assertThat(b.delete(url).statusCode()).isEqualTo(204);
            assertThat(b.get(url).statusCode()).isEqualTo(404);
            assertThat(tenantOf(a, url)).isEqualTo("A");
        }

        a.putJson(state.one("only-in-a"), "{}");
        assertThat(text(b.get(state.all()))).isEqualTo("[]");
        assertThat(b.delete(state.all()).statusCode()).isEqualTo(204);
        assertThat(json.readTree(text(a.get(state.all()))).size()).isEqualTo(2);
    }

    @Test
    void canonicalActivitiesAndKnownAgentsArePerTenant() {
        TestTenants.XapiAccess accessA = tenants.xapi("อบต.เอ");
        TestTenants.XapiAccess accessB = tenants.xapi("อบต.บี");
        XapiHttp a = new XapiHttp(xapiEndpoint(), accessA);
        XapiHttp b = new XapiHttp(xapiEndpoint(), accessB);
        String activity = "https://elearning.dla.go.th/activities/private-" + UUID.randomUUID();
        String mbox = "mailto:private-" + UUID.randomUUID() + "@example.go.th";
        JsonNode statement = json.readTree("""
                {"actor":{"name":"ลับเฉพาะ","mbox":"%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"%s","definition":{"name":{"th-TH":"หลักสูตรของ อบต.เอ"}}}}""".formatted(mbox, activity));
        activities.recordDefinitions(accessA.tenant().id(), List.of(statement), true);
        agents.recordAgents(accessA.tenant().id(), List.of(statement));

        JsonNode inA = json.readTree(a.get("/activities?" + XapiHttp.query("activityId", activity)).body());
        assertThat(inA.path("definition").path("name").path("th-TH").asString()).isEqualTo("หลักสูตรของ อบต.เอ");
        JsonNode inB = json.readTree(b.get("/activities?" + XapiHttp.query("activityId", activity)).body());
        assertThat(inB).isEqualTo(json.readTree("{\"objectType\":\"Activity\",\"id\":\"" + activity + "\"}"));

        String agent = XapiHttp.query("agent", "{\"mbox\":\"" + mbox + "\"}");
        assertThat(json.readTree(a.get("/agents?" + agent).body()).path("name").get(0).asString()).isEqualTo("ลับเฉพาะ");
        assertThat(json.readTree(b.get("/agents?" + agent).body()).has("name")).isFalse();
    }

    private String tenantOf(DocumentHttp http, String url) {
        return json.readTree(text(http.get(url))).path("tenant").asString();
    }
}
