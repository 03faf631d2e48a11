package th.phatthana.lrs.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.testing.IntegrationTest;

/**
 * A store written before statements had a stream key gets one at start, so progress can read them.
 * In the repository's package to call its start-up step; the application class is named because
 * it is not in a package above this one.
 */
@org.springframework.boot.test.context.SpringBootTest(classes = th.phatthana.api.PhatthanaApplication.class,
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamKeyBackfillTest extends IntegrationTest {

    @Autowired
    StatementRepository repository;
    @Autowired
    MongoTemplate mongo;

    @Test
    void statementsStoredWithoutAStreamKeyGetOneOnceAndJoinTheStream() {
        String tenantId = "backfill-" + System.nanoTime();
        String json = "{\"id\":\"6a1f0c3e-0000-4000-8000-000000000001\",\"actor\":{\"mbox\":\"mailto:old@example.go.th\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"https://example.go.th/a\"}}";
        mongo.getCollection(StatementRepository.STATEMENTS).insertOne(new Document("_id", tenantId + "/6a1f0c3e-0000-4000-8000-000000000001")
                .append("tenantId", tenantId).append("statementId", "6a1f0c3e-0000-4000-8000-000000000001").append("seq", 1L)
                .append("voided", false).append("json", json));
        assertThat(repository.read(tenantId, 1, 10)).as("invisible to the stream before the backfill").isEmpty();

        mongo.getCollection("schema_migrations").deleteOne(new Document("_id", "statements.streamKey"));
        repository.createIndexes();

        List<StoredStatement> stream = repository.read(tenantId, 1, 10);
        assertThat(stream).extracting(StoredStatement::statementId).containsExactly("6a1f0c3e-0000-4000-8000-000000000001");
        assertThat(stream.get(0).json()).isEqualTo(json);
        assertThat(mongo.getCollection("schema_migrations").find(new Document("_id", "statements.streamKey")).first())
                .as("done once").isNotNull();
    }
}
