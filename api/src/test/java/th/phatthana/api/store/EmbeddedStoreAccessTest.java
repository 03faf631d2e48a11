package th.phatthana.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The embedded store listens on a loopback port for the application's driver. Nothing else may
 * use it: a connection that does not authenticate with the password generated at start gets no
 * answer but "unauthorized", and a wrong password fails authentication.
 */
class EmbeddedStoreAccessTest {

    @TempDir
    Path dataDir;

    @Test
    void onlyTheApplicationsCredentialsOpenTheEmbeddedStore() throws Exception {
        EmbeddedStore store = new StoreConfiguration().embeddedStore(new StoreProperties(null, "persistent", dataDir.toString(), "write", null));
        try {
            ConnectionString application = new ConnectionString(store.connectionString());
            String hostAndPort = application.getHosts().get(0);
            try (MongoClient client = MongoClients.create(application)) {
                client.getDatabase("phatthana").getCollection("probe").insertOne(new Document("_id", 1));
                assertThat(client.getDatabase("phatthana").getCollection("probe").countDocuments()).isEqualTo(1);
            }
            try (MongoClient anonymous = MongoClients.create("mongodb://" + hostAndPort + "/?serverSelectionTimeoutMS=3000")) {
                assertThatThrownBy(() -> anonymous.getDatabase("phatthana").getCollection("probe").find().first())
                        .isInstanceOf(MongoCommandException.class).hasMessageContaining("Unauthorized");
            }
            try (MongoClient wrong = MongoClients.create("mongodb://phatthana:not-the-password@" + hostAndPort
                    + "/phatthana?authSource=admin&authMechanism=SCRAM-SHA-256&serverSelectionTimeoutMS=3000")) {
                assertThatThrownBy(() -> wrong.getDatabase("phatthana").getCollection("probe").find().first())
                        .hasRootCauseInstanceOf(MongoCommandException.class)
                        .isInstanceOfAny(MongoSecurityException.class, com.mongodb.MongoTimeoutException.class);
            }
        } finally {
            store.destroy();
        }
    }
}
