package th.phatthana.api.store;

import org.springframework.beans.factory.DisposableBean;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** The in-process store when no MongoDB is configured; shut down (and flushed) with the application. */
public final class EmbeddedStore implements DisposableBean {

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    EmbeddedStore(MongoServer server, MongoBackend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    static EmbeddedStore none() {
        return new EmbeddedStore(null, null, null);
    }

    public boolean active() {
        return server != null;
    }

    /** Whether the persistent embedded store's last commit failed (e.g. a full disk): writes are then refused. */
    public boolean commitFailing() {
        return backend instanceof DurableH2Backend durable && durable.failing();
    }

    /** An online backup of the persistent embedded store is possible (not in memory, not on MongoDB). */
    public boolean canBackUp() {
        return backend instanceof DurableH2Backend;
    }

    /** The result of {@link #backup}: where, how big, documents per collection, how long writes waited. */
    public record Backup(java.nio.file.Path file, long bytes, java.util.Map<String, Long> documents, java.time.Duration writesPaused) {
    }

    /** A consistent copy of the running persistent store (see docs/operations.md, Backup and restore). */
    public Backup backup(java.nio.file.Path target) throws java.io.IOException {
        if (!(backend instanceof DurableH2Backend durable)) {
            throw new IllegalStateException("only the persistent embedded store is backed up by the application");
        }
        DurableH2Backend.Backup made = durable.backup(target, StoreConfiguration.DATABASE);
        return new Backup(made.file(), made.bytes(), made.documents(), made.writesPaused());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.shutdown();
            backend.close();
        }
    }
}
