package th.phatthana.api.store;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * The persistent embedded store with the promise of MongoDB's {@code j: true}: a write command is
 * answered only after the MVStore commit that contains it has been written to the file (and, by
 * default, forced to the disk). Without this the MVStore committed in the background once a
 * second, so statements acknowledged in the last second were lost by a crash, and a background
 * commit could catch a collection half-way through an insert (its document without its {@code _id}
 * index entry), which broke later writes of that document for good.
 *
 * <p>Group commit: write commands run concurrently under the shared side of {@link #gate}; the
 * commit takes the exclusive side, so it always sees whole commands, and one commit covers every
 * write that finished before it. A writer waits for the first commit that started after its write.
 * Commits are snapshots in order, so after a crash the store holds exactly the commands up to some
 * point: never a later write without an earlier one.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that never change data: answered at once, without waiting for a commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections", "listindexes",
            "listdatabases", "killcursors", "endsessions", "ping", "ismaster", "hello", "buildinfo", "whatsmyuri",
            "serverstatus", "dbstats", "collstats", "getlasterror", "getparameter", "getcmdlineopts", "connectionstatus",
            "hostinfo", "getlog", "saslstart", "saslcontinue");

    private final MVStore mvStore;
    private final boolean forceToDisk;
    private final Set<String> derivedCollections;
    private final java.util.concurrent.ScheduledExecutorService committer = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-store-commit");
                thread.setDaemon(true);
                return thread;
            });
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final Object monitor = new Object();
    /** Write commands finished so far (each takes the next number). */
    private long written;
    /** The highest write number whose data is committed. */
    private long durable;
    private boolean committing;
    private volatile RuntimeException commitFailure;

    /**
     * @param derivedCollections collections whose writes are not waited for: data the application
     *                           rebuilds from the statement stream after a crash. They are still
     *                           committed in order with everything else (never ahead of what they
     *                           were derived from), within a second or with the next durable write.
     */
    DurableH2Backend(MVStore mvStore, boolean forceToDisk, Set<String> derivedCollections) {
        super(mvStore);
        this.mvStore = mvStore;
        this.forceToDisk = forceToDisk;
        this.derivedCollections = Set.copyOf(derivedCollections);
        committer.scheduleWithFixedDelay(() -> {
            try {
                commitPending();
            } catch (RuntimeException e) {
                // logged by awaitDurable; the next write or tick tries again
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens the MVStore with its background commit off: this class decides when to commit. */
    static MVStore open(java.nio.file.Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setVersionsToKeep(StoreConfiguration.MV_VERSIONS_TO_KEEP);
        return store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (isRead(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        long number;
        Document answer;
        gate.readLock().lock();
        try {
            answer = super.handleCommand(channel, databaseName, command, query);
            synchronized (monitor) {
                number = ++written;
            }
        } finally {
            gate.readLock().unlock();
        }
        if (!derivedCollections.contains(String.valueOf(query.get(command)))) {
            awaitDurable(number);
        }
        return answer;
    }

    /** Commits what was written and not committed yet, if anything; for a timer, so derived data does not wait long. */
    void commitPending() {
        long number;
        synchronized (monitor) {
            number = written;
        }
        if (number > durable || mvStore.hasUnsavedChanges()) {
            awaitDurable(number);
        }
    }

    /** Commits, or waits for the commit that covers write {@code number}. */
    private void awaitDurable(long number) {
        synchronized (monitor) {
            while (durable < number && committing) {
                waitUninterruptibly();
            }
            if (durable >= number) {
                return;
            }
            committing = true;
        }
        // This thread commits for everyone who finished a write before the gate closes.
        long covered = 0;
        RuntimeException failure = null;
        gate.writeLock().lock();
        try {
            synchronized (monitor) {
                covered = written;
            }
            mvStore.commit();
            if (forceToDisk) {
                mvStore.sync();
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            gate.writeLock().unlock();
            synchronized (monitor) {
                committing = false;
                if (failure == null) {
                    durable = Math.max(durable, covered);
                }
                monitor.notifyAll();
            }
        }
        if (failure != null) {
            boolean first = commitFailure == null;
            commitFailure = failure;
            if (first) { // once per outage, not once per write or timer tick
                log.error("The embedded store could not write its commit to disk ({}); writes are refused until it can",
                        failure.getClass().getSimpleName());
            }
            throw new MongoServerException("the store could not make the write durable: " + failure.getClass().getSimpleName());
        }
        if (commitFailure != null) {
            log.warn("The embedded store commits to disk again");
        }
        commitFailure = null;
    }

    private void waitUninterruptibly() {
        try {
            monitor.wait(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoServerException("interrupted while waiting for the commit");
        }
    }

    static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            Object pipeline = query.get("pipeline");
            return !(pipeline instanceof java.util.List<?> stages) || stages.stream()
                    .noneMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return READS.contains(name);
    }

    /** What an online backup wrote: the file, its size, the documents per collection in it, how long writes waited. */
    record Backup(java.nio.file.Path file, long bytes, java.util.Map<String, Long> documents, java.time.Duration writesPaused) {
    }

    /**
     * A consistent copy of the store while it runs. Writers wait (readers do not) while the last
     * commit is forced to the disk and the file is copied and forced too, so the copy holds exactly
     * the writes acknowledged before it began, and no half of a later one. The copy is then opened
     * read-only and its documents counted, so a copy that would not open is never reported as a
     * backup; it gets its name only once verified.
     */
    Backup backup(java.nio.file.Path target, String database) throws java.io.IOException {
        java.nio.file.Path source = java.nio.file.Path.of(mvStore.getFileStore().getFileName());
        java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".partial");
        java.nio.file.Files.deleteIfExists(partial);
        long paused;
        gate.writeLock().lock();
        long started = System.nanoTime();
        try {
            mvStore.commit();
            mvStore.sync();
            try (java.nio.channels.FileChannel from = java.nio.channels.FileChannel.open(source, java.nio.file.StandardOpenOption.READ);
                    java.nio.channels.FileChannel to = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE)) {
                long size = from.size();
                long position = 0;
                while (position < size) {
                    position += from.transferTo(position, size - position, to);
                }
                to.force(true);
            }
        } finally {
            paused = System.nanoTime() - started;
            gate.writeLock().unlock();
        }
        java.util.Map<String, Long> documents;
        try {
            documents = count(partial, database);
        } catch (RuntimeException e) {
            java.nio.file.Files.deleteIfExists(partial);
            throw new java.io.IOException("the copy of the store does not open: " + e.getClass().getSimpleName(), e);
        }
        java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Backup(target, java.nio.file.Files.size(target), documents, java.time.Duration.ofNanos(paused));
    }

    /** The documents per collection of a database in a store file, opened read-only (a backup being checked). */
    static java.util.Map<String, Long> count(java.nio.file.Path file, String database) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        H2Backend backend = new H2Backend(store);
        try {
            io.netty.channel.Channel channel = new io.netty.channel.embedded.EmbeddedChannel();
            Document listing = backend.handleCommand(channel, database, "listCollections", new Document("listCollections", 1));
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            Object batch = ((Document) listing.get("cursor")).get("firstBatch");
            for (Object each : (java.util.List<?>) batch) {
                String name = String.valueOf(((Document) each).get("name"));
                Document answer = backend.handleCommand(channel, database, "count", new Document("count", name));
                counts.put(name, ((Number) answer.get("n")).longValue());
            }
            return counts;
        } finally {
            store.close();
        }
    }

    /** Whether the last commit attempt failed (for the health check). */
    boolean failing() {
        return commitFailure != null;
    }

    @Override
    public void close() {
        committer.shutdownNow();
        gate.writeLock().lock();
        try {
            super.close();
        } finally {
            gate.writeLock().unlock();
        }
    }
}
