package th.phatthana.lrs.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statements stored before documents had query keys (with separate fields {@code verbId},
 * {@code agents}, ...) get them once at start, referrers their targets' too, and queries find
 * them. In the repository's package to call its start-up step; the application class is named
 * because it is not in a package above this one.
 */
@org.springframework.boot.test.context.SpringBootTest(classes = th.phatthana.api.PhatthanaApplication.class,
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryKeysBackfillTest extends IntegrationTest {

    @Autowired
    StatementRepository repository;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TestTenants tenants;

    @Test
    void statementsStoredWithSeparateQueryFieldsGetKeysOnceAndAreFound() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ข้อมูลเก่า");
        String tenantId = access.tenant().id();
        String target = UUID.randomUUID().toString();
        String referrer = UUID.randomUUID().toString();
        long seq = repository.reserveSequence(tenantId, 2);
        String agent = "mbox|mailto:old-" + UUID.randomUUID() + "@example.go.th";
        String targetJson = "{\"id\":\"" + target + "\"}";
        mongo.getCollection(StatementRepository.STATEMENTS).insertMany(List.of(
                legacy(tenantId, target, seq, targetJson).append("verbId", "http://adlnet.gov/expapi/verbs/completed")
                        .append("activityId", "https://example.go.th/old").append("agents", List.of(agent))
                        .append("relatedAgents", List.of(agent)).append("relatedActivities", List.of("https://example.go.th/old"))
                        .append("registration", "AAAAAAAA-0000-4000-8000-000000000001"),
                legacy(tenantId, referrer, seq + 1, "{\"id\":\"" + referrer + "\"}").append("verbId", "http://adlnet.gov/expapi/verbs/commented")
                        .append("agents", List.of()).append("relatedAgents", List.of()).append("relatedActivities", List.of())
                        .append("statementRef", target)));

        mongo.getCollection("schema_migrations").deleteOne(new Document("_id", "statements.keys"));
        repository.createIndexes();

        Document migrated = mongo.getCollection(StatementRepository.STATEMENTS).find(new Document("_id", tenantId + "/" + referrer)).first();
        assertThat(migrated.getList("keys", String.class)).contains("verb|http://adlnet.gov/expapi/verbs/commented",
                "verb|http://adlnet.gov/expapi/verbs/completed", "agent|" + agent,
                "registration|aaaaaaaa-0000-4000-8000-000000000001");
        XapiHttp xapi = new XapiHttp("http://localhost:" + port + "/xapi/", access);
        String byAgent = xapi.get("/statements?" + XapiHttp.query("agent", "{\"mbox\":\"" + agent.substring(5) + "\"}")).body();
        assertThat(JsonMapper.builder().build().readTree(byAgent).path("statements").valueStream()
                .map(s -> s.path("id").asString()).toList()).containsExactly(referrer, target);
        assertThat(mongo.getCollection("schema_migrations").find(new Document("_id", "statements.keys")).first()).as("done once").isNotNull();
    }

    private static Document legacy(String tenantId, String statementId, long seq, String json) {
        return new Document("_id", tenantId + "/" + statementId).append("tenantId", tenantId).append("statementId", statementId)
                .append("seq", seq).append("streamKey", StatementRepository.streamKey(tenantId, seq)).append("stored", Date.from(Instant.now()))
                .append("voided", false).append("credentialId", "old").append("json", json);
    }
}
