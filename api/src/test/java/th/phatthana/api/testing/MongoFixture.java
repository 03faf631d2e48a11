package th.phatthana.api.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The one MongoDB every integration test shares, started once per test JVM: a Testcontainers
 * MongoDB where a Docker engine runs, else {@code MONGODB_URI} where set, else the embedded
 * server in memory. Tests must not depend on which one they got.
 */
public final class MongoFixture {

    private static final Logger log = LoggerFactory.getLogger(MongoFixture.class);
    private static String uri;

    private MongoFixture() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            uri = start();
        }
        return uri;
    }

    private static String start() {
        String configured = System.getenv("MONGODB_URI");
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:8.0");
            container.start();
            log.info("Tests use a Testcontainers MongoDB: {}", container.getReplicaSetUrl());
            return container.getReplicaSetUrl("phatthana_test");
        }
        if (configured != null && !configured.isBlank()) {
            log.info("Tests use MONGODB_URI");
            return configured;
        }
        MongoServer server = new MongoServer(H2Backend.inMemory());
        String connection = server.bindAndGetConnectionString() + "/phatthana_test";
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        log.info("Tests use the embedded MongoDB-compatible server in memory: {}", connection);
        return connection;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
