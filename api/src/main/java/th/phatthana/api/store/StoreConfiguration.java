package th.phatthana.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import th.phatthana.lrs.statements.StatementRepository;
import th.phatthana.lrs.statements.index.InProcessStatementIndex;
import th.phatthana.lrs.statements.index.MongoStatementIndex;
import th.phatthana.lrs.statements.index.StatementIndex;

/**
 * Chooses the store: the MongoDB named by {@code MONGODB_URI}, or else the embedded
 * MongoDB-wire-compatible server (mongo-java-server) started in-process, persisting with H2
 * MVStore under the data directory, or in memory when asked.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);
    static final String DATABASE = "phatthana";

    @Bean
    EmbeddedStore embeddedStore(StoreProperties properties) throws IOException {
        if (!properties.embedded()) {
            return EmbeddedStore.none();
        }
        MongoBackend backend;
        if (properties.inMemory()) {
            backend = new MemoryBackend();
            log.warn("EMBEDDED STORE IN MEMORY (PHATTHANA_STORE=memory): all data is lost when the application stops. "
                    + "Production must set MONGODB_URI.");
        } else {
            Path dir = Path.of(properties.dataDir()).toAbsolutePath();
            Files.createDirectories(dir);
            Path file = dir.resolve("phatthana.mv");
            if (properties.restoreFrom() != null && !properties.restoreFrom().isBlank()) {
                StoreRestore.restore(Path.of(properties.restoreFrom()).toAbsolutePath(), file);
            }
            backend = new DurableH2Backend(DurableH2Backend.open(file), properties.forceToDisk(), PROGRESS_READ_MODEL);
            log.warn("EMBEDDED STORE in use (mongo-java-server, data in {}): fine for evaluation and small pilots; "
                    + "production must set MONGODB_URI to a MongoDB replica set or sharded cluster.", file);
        }
        AuthenticatingBackend door = new AuthenticatingBackend(backend);
        MongoServer server = new MongoServer(door);
        // More event-loop threads than the default (two per core): a write command holds its
        // thread until its commit is durable, and the connections that thread serves wait meanwhile.
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        server.bind(address, 1, WIRE_THREADS);
        InetSocketAddress bound = server.getLocalAddress();
        String uri = "mongodb://" + AuthenticatingBackend.USER + ":" + door.password() + "@" + bound.getHostString() + ":"
                + bound.getPort() + "/" + DATABASE + "?authSource=admin&authMechanism=SCRAM-SHA-256";
        return new EmbeddedStore(server, backend, uri);
    }

    /**
     * The progress read model, which the projector derives from the statement stream and, after a
     * crash, re-derives from its last checkpoint (docs/architecture.md, Progress): its writes are
     * committed in order with the rest but not waited for. Spend entries are not derived.
     */
    static final Set<String> PROGRESS_READ_MODEL = Set.of("progress_checkpoints", "progress_facts", "progress_course_years",
            "progress_actors");

    /** Threads of the embedded server's wire protocol. */
    static final int WIRE_THREADS = 16;

    /**
     * Commits of the MVStore whose replaced pages stay readable. The embedded server reads a
     * query's documents from the map version current when the query began, while other writes and
     * the store's own compaction keep committing; a chunk given up more than this many commits ago
     * may be reused, and a scan still reading it fails with "Chunk … not found" (H2 issue 4383;
     * the default is 5 commits, too few for a scan of a large collection under load, and every
     * acknowledged write is a commit of its own or shared with others). The price is
     * disk: space given up by updates and deletes is reused that much later.
     */
    static final int MV_VERSIONS_TO_KEEP = 4000;

    /**
     * How statement queries find their statements: MongoDB's compound indexes, or, on the embedded
     * store (which uses no other index than unique ones), lists built in this process from the
     * stored statements at start (docs/architecture.md, "Reading statements").
     */
    @Bean
    StatementIndex statementIndex(StoreProperties properties, StatementRepository statements) {
        if (!properties.embedded()) {
            return new MongoStatementIndex(statements);
        }
        InProcessStatementIndex index = new InProcessStatementIndex(statements);
        index.rebuild();
        return index;
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(StoreProperties properties, EmbeddedStore embeddedStore) {
        String uri = properties.embedded() ? embeddedStore.connectionString() : properties.mongodbUri();
        ConnectionString connectionString = new ConnectionString(uri);
        ConnectionString withDatabase = connectionString.getDatabase() == null
                ? new ConnectionString(withDefaultDatabase(uri))
                : connectionString;
        return () -> withDatabase;
    }

    /**
     * On MongoDB, a write is acknowledged only once a majority of the replica set has it in its
     * journal ({@code w: majority, j: true}), so an acknowledged statement survives the loss of
     * the primary as well as a crash; a connection string that states its own write concern keeps it.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer durableWrites(StoreProperties properties) {
        return settings -> {
            if (!properties.embedded() && new ConnectionString(properties.mongodbUri()).getWriteConcern() == null) {
                settings.writeConcern(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
            }
        };
    }

    /** Adds the default database name to a URI that names none, keeping its options. */
    static String withDefaultDatabase(String uri) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        int schemeEnd = base.indexOf("://") + 3;
        int slash = base.indexOf('/', schemeEnd);
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + DATABASE + options;
    }
}
