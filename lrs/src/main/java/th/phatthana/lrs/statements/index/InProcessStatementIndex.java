package th.phatthana.lrs.statements.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import th.phatthana.lrs.statements.StatementRepository;
import th.phatthana.lrs.statements.StoredStatement;

/**
 * The statement index of the embedded store, which uses no index but unique ones and would read
 * every statement of a tenant for any query: sorted lists of sequence numbers per tenant and query
 * key ({@link TenantLists}), held in this process, built from the statements' {@code keys} when
 * the application starts and kept current by {@link #added}. A query walks the intersection of
 * its lists between the bounds of its cursor and time range, then reads just the page's
 * statements by their unique stream key. Because the lists are derived from the store at every
 * start, a crash can never leave them disagreeing with the statements; the price is reading the
 * statements' keys once at start (docs/architecture.md, "Reading statements", has the figures).
 */
public final class InProcessStatementIndex implements StatementIndex {

    private static final Logger log = LoggerFactory.getLogger(InProcessStatementIndex.class);
    private static final Document REBUILD_PROJECTION = new Document("tenantId", 1).append("statementId", 1).append("seq", 1)
            .append("keys", 1).append("credentialId", 1).append("stored", 1).append("voided", 1).append("statementRef", 1);

    private final StatementRepository repository;
    private final MongoCollection<Document> statements;
    private final ReferrerKeys referrerKeys;
    private final ConcurrentHashMap<String, TenantLists> tenants = new ConcurrentHashMap<>();

    public InProcessStatementIndex(StatementRepository repository) {
        this.repository = repository;
        this.statements = repository.collection();
        this.referrerKeys = new ReferrerKeys(statements);
        // The embedded server ignores non-unique indexes, yet reads the whole collection twice for
        // each of them at every start: those of the MongoDB query path (made when a store was
        // used otherwise, or by an earlier version) go.
        List<String> queryIndexes = new ArrayList<>(MongoStatementIndex.OBSOLETE);
        queryIndexes.addAll(List.of(MongoStatementIndex.KEYS, MongoStatementIndex.CREDENTIAL, MongoStatementIndex.STORED,
                MongoStatementIndex.STATEMENT_REF));
        StoreIndexes.drop(statements, queryIndexes);
    }

    /** Reads every stored statement's keys (once, at start, before requests are served). */
    public void rebuild() {
        long begin = System.nanoTime();
        tenants.clear();
        Map<String, TenantLists> read = read(new Document());
        tenants.putAll(read);
        long count = read.values().stream().mapToLong(TenantLists::size).sum();
        long bytes = read.values().stream().mapToLong(TenantLists::bytes).sum();
        log.info("Statement index of the embedded store: {} statements of {} tenants read in {} ms, about {} MiB", count,
                tenants.size(), (System.nanoTime() - begin) / 1_000_000, bytes / 1024 / 1024);
    }

    /**
     * Reads the tenant's lists again (after an erasure rewrote or removed statements in place). The
     * old lists stay locked meanwhile, so a write of the tenant waits and then goes to the new ones.
     */
    @Override
    public void rebuildTenant(String tenantId) {
        TenantLists old = tenants.get(tenantId);
        if (old != null) {
            old.lock.writeLock().lock();
        }
        try {
            TenantLists fresh = read(new Document("tenantId", tenantId)).getOrDefault(tenantId, new TenantLists());
            tenants.put(tenantId, fresh);
        } finally {
            if (old != null) {
                old.lock.writeLock().unlock();
            }
        }
    }

    /** The lists of the statements the filter selects, by tenant. */
    private Map<String, TenantLists> read(Document filter) {
        Map<String, TenantLists> read = new HashMap<>();
        Map<String, List<long[]>> times = new HashMap<>();
        for (Document document : statements.find(filter).projection(REBUILD_PROJECTION).batchSize(5_000)) {
            String tenantId = document.getString("tenantId");
            TenantLists lists = read.computeIfAbsent(tenantId, t -> new TenantLists());
            long seq = document.get("seq", Number.class).longValue();
            lists.add(seq, ReferrerKeys.keys(document), document.getString("credentialId"), document.getBoolean("voided", false), true);
            if (document.getString("statementRef") != null) {
                lists.referrer(document.getString("statementRef"), document.getString("_id"));
            }
            Date stored = document.getDate("stored");
            if (stored != null) {
                times.computeIfAbsent(tenantId, t -> new ArrayList<>()).add(new long[] { seq, stored.getTime() });
            }
        }
        for (Map.Entry<String, TenantLists> entry : read.entrySet()) {
            TenantLists lists = entry.getValue();
            lists.finishBulk();
            List<long[]> pairs = times.getOrDefault(entry.getKey(), List.of());
            pairs.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] pair : pairs) {
                lists.stored(pair[0], pair[1]);
            }
        }
        return read;
    }

    @Override
    public void added(String tenantId, List<Document> documents) {
        TenantLists lists = tenants.computeIfAbsent(tenantId, t -> new TenantLists());
        // Referrers first, so a statement of this batch that others target finds them below.
        lists.lock.writeLock().lock();
        try {
            for (Document document : documents) {
                if (document.getString("statementRef") != null) {
                    lists.referrer(document.getString("statementRef"), document.getString("_id"));
                }
            }
        } finally {
            lists.lock.writeLock().unlock();
        }
        ReferrerKeys.Outcome outcome = referrerKeys.propagate(tenantId, documents, this::referrersOf);
        lists.lock.writeLock().lock();
        try {
            for (Document document : documents) {
                long seq = document.get("seq", Number.class).longValue();
                lists.add(seq, ReferrerKeys.keys(document), document.getString("credentialId"), document.getBoolean("voided", false), false);
                lists.stored(seq, document.getDate("stored").getTime());
            }
            for (Document earlier : outcome.earlierWithNewKeys()) {
                lists.addKeys(earlier.get("seq", Number.class).longValue(), ReferrerKeys.keys(earlier));
            }
            for (Document document : documents) {
                Document target = document.getString("voids") == null ? null : outcome.targets().get(document.getString("voids"));
                if (target != null && target.getBoolean("voided", false)) {
                    lists.hide(target.get("seq", Number.class).longValue());
                }
            }
        } finally {
            lists.lock.writeLock().unlock();
        }
        if (tenants.get(tenantId) != lists) {
            added(tenantId, documents); // the tenant's lists were read again meanwhile; adding twice changes nothing
        }
    }

    private List<Document> referrersOf(String tenantId, Collection<String> statementIds) {
        TenantLists lists = tenants.get(tenantId);
        if (lists == null) {
            return List.of();
        }
        List<String> ids;
        lists.lock.readLock().lock();
        try {
            ids = lists.referrersOf(statementIds);
        } finally {
            lists.lock.readLock().unlock();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return statements.find(Filters.in("_id", ids)).projection(ReferrerKeys.PROJECTION).into(new ArrayList<>());
    }

    @Override
    public void removed(String tenantId, List<Document> documents) {
        TenantLists lists = tenants.get(tenantId);
        if (lists == null) {
            return;
        }
        lists.lock.writeLock().lock();
        try {
            for (Document document : documents) {
                lists.hide(document.get("seq", Number.class).longValue());
            }
        } finally {
            lists.lock.writeLock().unlock();
        }
    }

    @Override
    public List<StoredStatement> find(IndexQuery query) {
        TenantLists lists = tenants.get(query.tenantId());
        if (lists == null) {
            return List.of();
        }
        List<StoredStatement> result = new ArrayList<>(Math.min(query.limit(), 1024));
        long position;
        long bound;
        List<SeqList> intersected;
        lists.lock.readLock().lock();
        try {
            long lowest = query.lowestSeq();
            long highest = query.highestSeq();
            if (query.since() != null) {
                lowest = Math.max(lowest, lists.firstSeqStoredAfter(query.since().toEpochMilli()));
            }
            if (query.until() != null) {
                long after = lists.firstSeqStoredAfter(query.until().toEpochMilli());
                highest = Math.min(highest, after == SeqList.NONE_ABOVE ? after : after - 1);
            }
            intersected = lists.lists(query);
            if (intersected == null || lowest > highest) {
                return result;
            }
            position = query.ascending() ? lowest : highest;
            bound = query.ascending() ? highest : lowest;
        } finally {
            lists.lock.readLock().unlock();
        }
        // Walk a page's worth, read those statements, and walk on only if some were not to be
        // returned after all (voided meanwhile, or not in the store: a batch still being written).
        while (result.size() < query.limit()) {
            TenantLists.Walk walk;
            lists.lock.readLock().lock();
            try {
                walk = lists.walk(intersected, position, bound, query.ascending(), query.limit() - result.size(), query);
            } finally {
                lists.lock.readLock().unlock();
            }
            if (walk.count() > 0) {
                addReadable(query, Arrays.copyOf(walk.seqs(), walk.count()), result);
            }
            if (walk.exhausted()) {
                break;
            }
            position = walk.resumeFrom();
            query.checkDeadline();
        }
        return result;
    }

    /**
     * Statements read per round trip. The embedded server runs each request on one of a few event
     * loop threads holding the collection's lock; in short requests, others' writes get their turn
     * between them instead of waiting behind one large page.
     */
    static final int FETCH_CHUNK = 50;

    /** Reads the statements with these seqs (in walk order) and adds those the query returns. */
    private void addReadable(IndexQuery query, long[] seqs, List<StoredStatement> result) {
        Map<Long, StoredStatement> bySeq = new HashMap<>();
        for (int from = 0; from < seqs.length; from += FETCH_CHUNK) {
            List<Long> wanted = new ArrayList<>(FETCH_CHUNK);
            for (int i = from; i < Math.min(seqs.length, from + FETCH_CHUNK); i++) {
                wanted.add(seqs[i]);
            }
            for (StoredStatement statement : repository.findBySeqs(query.tenantId(), wanted)) {
                bySeq.put(statement.seq(), statement);
            }
            query.checkDeadline();
        }
        for (long seq : seqs) {
            StoredStatement statement = bySeq.get(seq);
            if (statement != null && !statement.voided() && withinTime(query, statement)) {
                result.add(statement);
            }
        }
    }

    private static boolean withinTime(IndexQuery query, StoredStatement statement) {
        return (query.since() == null || statement.stored().isAfter(query.since()))
                && (query.until() == null || !statement.stored().isAfter(query.until()));
    }
}
