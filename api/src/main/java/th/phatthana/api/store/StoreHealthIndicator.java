package th.phatthana.api.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * UP only when the store answers a {@code ping} and, for the persistent embedded store, its last
 * commit to disk succeeded. Replaces Boot's MongoDB indicator, which uses
 * the {@code hello} command that the embedded server lacks.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final EmbeddedStore embeddedStore;

    StoreHealthIndicator(MongoTemplate mongo, EmbeddedStore embeddedStore) {
        this.mongo = mongo;
        this.embeddedStore = embeddedStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        if (embeddedStore.commitFailing()) {
            builder.down().withDetail("store", "embedded").withDetail("commit", "the last commit to disk failed; writes are refused");
            return;
        }
        builder.up()
                .withDetail("store", embeddedStore.active() ? "embedded" : "mongodb")
                .withDetail("database", mongo.getDb().getName())
                .withDetail("ping", answer.get("ok"));
    }
}
