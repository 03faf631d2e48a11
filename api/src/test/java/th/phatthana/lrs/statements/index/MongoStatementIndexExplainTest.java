package th.phatthana.lrs.statements.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.FindIterable;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.lrs.statements.StatementRepository;

/**
 * On a real MongoDB, every statement query kind is answered by the compound index it is meant
 * for: the winning plan walks that index (IXSCAN), never the collection (COLLSCAN), and sorts
 * nothing in memory (no SORT stage). Runs only where {@code MONGODB_URI} names a MongoDB: the
 * embedded server of the other test runs has no query planner to ask. (The application class is
 * named because this package is not below it.)
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
@org.springframework.boot.test.context.SpringBootTest(classes = th.phatthana.api.PhatthanaApplication.class,
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoStatementIndexExplainTest extends IntegrationTest {

    @Autowired
    StatementRepository repository;
    @Autowired
    TestTenants tenants;

    @Test
    void everyQueryKindWalksItsIndex() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.แผนการค้น");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"actor":{"mbox":"mailto:learner%d@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/v%d"},
                     "object":{"id":"https://example.go.th/a%d"},"context":{"registration":"%s","instructor":{"mbox":"mailto:teacher@example.go.th"},
                     "contextActivities":{"parent":[{"id":"https://example.go.th/course%d"}]}}}""".formatted(i % 20, i % 4, i % 10,
                    UUID.nameUUIDFromBytes(("r" + i % 30).getBytes()), i % 3));
        }
        assertThat(xapi.postJson("/statements", batch.append("]").toString()).statusCode()).isEqualTo(200);
        MongoStatementIndex index = new MongoStatementIndex(repository);
        String tenant = access.tenant().id();
        Instant now = Instant.now();

        record Kind(String name, List<String> keys, String credential, Instant since, Instant until, boolean ascending, long after,
                String index) {
        }
        List<Kind> kinds = List.of(
                new Kind("agent", List.of("agent|mbox|mailto:learner3@example.go.th"), null, null, null, false, 0, "tenant_keys_seq"),
                new Kind("verb", List.of("verb|http://adlnet.gov/expapi/verbs/v1"), null, null, null, false, 0, "tenant_keys_seq"),
                new Kind("activity", List.of("activity|https://example.go.th/a4"), null, null, null, false, 0, "tenant_keys_seq"),
                new Kind("registration", List.of("registration|" + UUID.nameUUIDFromBytes("r3".getBytes())), null, null, null, false, 0,
                        "tenant_keys_seq"),
                new Kind("related_agents", List.of("related_agent|mbox|mailto:teacher@example.go.th"), null, null, null, false, 0,
                        "tenant_keys_seq"),
                new Kind("related_activities", List.of("related_activity|https://example.go.th/course1"), null, null, null, false, 0,
                        "tenant_keys_seq"),
                new Kind("agent and verb", List.of("agent|mbox|mailto:learner3@example.go.th", "verb|http://adlnet.gov/expapi/verbs/v3"), null,
                        null, null, false, 0, "tenant_keys_seq"),
                new Kind("since/until", List.of(), null, now.minusSeconds(3600), now.plusSeconds(3600), false, 0, "tenant_seq"),
                new Kind("ascending", List.of(), null, null, null, true, 0, "tenant_seq"),
                new Kind("no filter", List.of(), null, null, null, false, 0, "tenant_seq"),
                new Kind("more page", List.of("verb|http://adlnet.gov/expapi/verbs/v1"), null, null, null, false, 150, "tenant_keys_seq"),
                new Kind("own statements only", List.of(), "some-credential", null, null, false, 0, "tenant_credential_seq"));
        for (Kind kind : kinds) {
            FindIterable<Document> find = index.plan(new IndexQuery(tenant, kind.keys(), kind.credential(), kind.since(), kind.until(),
                    kind.ascending(), kind.after(), Long.MAX_VALUE, 21, System.nanoTime() + 10_000_000_000L));
            Document plan = find.explain();
            List<String> stages = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            collect(plan.get("queryPlanner", Document.class).get("winningPlan"), stages, indexes);
            assertThat(stages).as("%s: %s", kind.name(), plan.toJson()).contains("IXSCAN").doesNotContain("COLLSCAN", "SORT");
            assertThat(indexes).as(kind.name()).containsOnly(kind.index());
        }
    }

    /** Every stage name and index name in a plan tree, whatever the server version nests them in. */
    private static void collect(Object node, List<String> stages, List<String> indexes) {
        if (node instanceof Document document) {
            if (document.get("stage") instanceof String stage) {
                stages.add(stage);
            }
            if (document.get("indexName") instanceof String name) {
                indexes.add(name);
            }
            document.values().forEach(value -> collect(value, stages, indexes));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, stages, indexes));
        }
    }
}
