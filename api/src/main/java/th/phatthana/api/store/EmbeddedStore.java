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
