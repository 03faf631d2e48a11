package th.phatthana.lrs.statements.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.EmbeddedStoreIntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded store's index is rebuilt from the statements when the application starts: what it
 * answers then is what it answered before, and it goes on giving late targets' keys to their
 * referrers. Here the rebuild is called on the running application, as a start would.
 */
class InProcessStatementIndexTest extends EmbeddedStoreIntegrationTest {

    @Autowired
    StatementIndex index;
    @Autowired
    TestTenants tenants;
    @Autowired
    th.phatthana.lrs.statements.StatementRepository repository;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRebuiltIndexAnswersAsBeforeAndStillConnectsLateTargets() {
        assertThat(index).isInstanceOf(InProcessStatementIndex.class);
        TestTenants.XapiAccess access = tenants.xapi("อบต.เริ่มใหม่");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        String course = "https://elearning.dla.go.th/courses/restart-" + UUID.randomUUID();
        String lateTarget = UUID.randomUUID().toString();
        String voided = UUID.randomUUID().toString();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            batch.append(i == 0 ? "" : ",").append(statement(i == 7 ? voided : UUID.randomUUID().toString(), "learner" + i % 4, course));
        }
        batch.append(",{\"actor\":{\"mbox\":\"mailto:hr@example.go.th\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + voided + "\"}}");
        // Refers to a statement that arrives only after the rebuild.
        String referrer = UUID.randomUUID().toString();
        batch.append(",{\"id\":\"" + referrer + "\",\"actor\":{\"mbox\":\"mailto:hr@example.go.th\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/commented\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + lateTarget + "\"}}]");
        assertThat(xapi.postJson("/statements", batch.toString()).statusCode()).isEqualTo(200);

        List<String> queries = List.of("", XapiHttp.query("agent", "{\"mbox\":\"mailto:learner1@example.go.th\"}"),
                XapiHttp.query("activity", course) + "&related_activities=true", "ascending=true",
                XapiHttp.query("verb", "http://adlnet.gov/expapi/verbs/voided"));
        Map<String, List<String>> before = new java.util.LinkedHashMap<>();
        for (String query : queries) {
            before.put(query, ids(xapi, query));
        }
        assertThat(before.get("")).hasSize(31).doesNotContain(voided);

        ((InProcessStatementIndex) index).rebuild();

        for (String query : queries) {
            assertThat(ids(xapi, query)).as(query).isEqualTo(before.get(query));
        }
        String byLearner9 = XapiHttp.query("agent", "{\"mbox\":\"mailto:learner9@example.go.th\"}");
        assertThat(ids(xapi, byLearner9)).isEmpty();
        assertThat(xapi.postJson("/statements", statement(lateTarget, "learner9", course)).statusCode()).isEqualTo(200);
        assertThat(ids(xapi, byLearner9)).containsExactly(lateTarget, referrer);
    }

    @Test
    void aQueryStillRunningAtItsDeadlineIsStopped() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.หมดเวลา");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        assertThat(xapi.postJson("/statements", statement(UUID.randomUUID().toString(), "late", "https://example.go.th/c")).statusCode())
                .isEqualTo(200);
        IndexQuery expired = new IndexQuery(access.tenant().id(), List.of(), null, null, null, false, 0, Long.MAX_VALUE, 10,
                System.nanoTime() - 1);
        assertThatThrownBy(() -> index.find(expired)).isInstanceOf(QueryTimeLimitExceeded.class);
    }

    @Test
    void theQueryIndexesOfMongoDbAreDroppedFromTheEmbeddedStore() {
        // The embedded server ignores them, but reads the whole collection twice for each at every start.
        var statements = repository.collection();
        statements.createIndex(com.mongodb.client.model.Indexes.ascending("tenantId", "verbId", "seq"),
                new com.mongodb.client.model.IndexOptions().name("tenant_verb_seq"));
        statements.createIndex(com.mongodb.client.model.Indexes.ascending("tenantId", "keys", "seq"),
                new com.mongodb.client.model.IndexOptions().name(MongoStatementIndex.KEYS));
        new InProcessStatementIndex(repository);
        List<String> names = statements.listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>());
        assertThat(names).doesNotContain("tenant_verb_seq", MongoStatementIndex.KEYS).contains("_id_", "tenant_seq", "tenant_stream");
    }

    private List<String> ids(XapiHttp xapi, String query) {
        JsonNode page = json.readTree(xapi.get("/statements?limit=100&" + query).body());
        return page.path("statements").valueStream().map(s -> s.path("id").asString()).toList();
    }

    private static String statement(String id, String learner, String course) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:%s@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"%s/modules/1"},"context":{"contextActivities":{"parent":[{"id":"%s"}]}}}
                """.formatted(id, learner, course, course);
    }
}
