package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A credential of one tenant can never read, void or learn of another tenant's statements. */
class TenantIsolationTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theSameStatementIdUnderTwoTenantsIsTwoStatements() {
        XapiHttp a = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.เอ"));
        XapiHttp b = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.บี"));
        String id = UUID.randomUUID().toString();

        assertThat(a.putJson("/statements?statementId=" + id,
                Statements.completed(null, "a@example.go.th", "https://elearning.dla.go.th/activities/x")).statusCode()).isEqualTo(204);
        // Not a conflict: tenant B has no statement with this id.
        assertThat(b.putJson("/statements?statementId=" + id,
                Statements.completed(null, "b@example.go.th", "https://elearning.dla.go.th/activities/x")).statusCode()).isEqualTo(204);

        assertThat(json.readTree(a.get("/statements?statementId=" + id).body()).path("actor").path("mbox").asString())
                .isEqualTo("mailto:a@example.go.th");
        assertThat(json.readTree(b.get("/statements?statementId=" + id).body()).path("actor").path("mbox").asString())
                .isEqualTo("mailto:b@example.go.th");
    }

    @Test
    void anotherTenantsStatementsCannotBeReadQueriedOrVoided() {
        XapiHttp a = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.เอ"));
        XapiHttp b = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.บี"));
        String id = UUID.randomUUID().toString();
        String activity = "https://elearning.dla.go.th/activities/secret-" + UUID.randomUUID();
        a.postJson("/statements", Statements.completed(id, "secret@example.go.th", activity));

        assertThat(b.get("/statements?statementId=" + id).statusCode()).isEqualTo(404);
        JsonNode byActivity = json.readTree(b.get("/statements?" + XapiHttp.query("activity", activity)).body());
        assertThat(byActivity.path("statements").size()).isZero();
        JsonNode byAgent = json.readTree(b.get("/statements?" + XapiHttp.query("agent", "{\"mbox\":\"mailto:secret@example.go.th\"}")).body());
        assertThat(byAgent.path("statements").size()).isZero();

        // B "voids" A's statement id: it is stored in B only and A's statement stays.
        String voiding = """
                {"actor":{"mbox":"mailto:hr@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(id);
        b.postJson("/statements", voiding);
        assertThat(a.get("/statements?statementId=" + id).statusCode()).isEqualTo(200);
        assertThat(a.get("/statements?voidedStatementId=" + id).statusCode()).isEqualTo(404);

        // A "more" cursor of A replayed by B shows B's data only.
        for (int i = 0; i < 3; i++) {
            a.postJson("/statements", Statements.completed(null, "secret@example.go.th", activity));
        }
        String more = json.readTree(a.get("/statements?limit=1&" + XapiHttp.query("activity", activity)).body()).path("more").asString();
        JsonNode replayed = json.readTree(b.get(more.substring("/xapi".length())).body());
        assertThat(replayed.path("statements").size()).isZero();
    }

    @Test
    void aSecretOfOneTenantDoesNotOpenAnother() {
        TestTenants.XapiAccess a = tenants.xapi("อบต.เอ");
        TestTenants.XapiAccess b = tenants.xapi("อบต.บี");
        HttpResponse<String> mixed = new XapiHttp(xapiEndpoint(), a.key(), b.secret(), "1.0.3").get("/statements");
        assertThat(mixed.statusCode()).isEqualTo(401);
    }
}
