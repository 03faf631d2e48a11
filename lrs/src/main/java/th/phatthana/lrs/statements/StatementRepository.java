package th.phatthana.lrs.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;

/**
 * Statements in MongoDB, through the driver directly: the hot path of the LRS, so no mapping
 * layer. Every document and every index is led by {@code tenantId}; the document {@code _id} is
 * {@code tenantId/statementId}, so lookups by id hit the primary key on any MongoDB.
 */
@Repository
public class StatementRepository implements StatementStream {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementRepository.class);

    static final String STATEMENTS = "statements";
    static final String COUNTERS = "statement_counters";
    static final String VOIDS = "statement_voids";
    /** Sequence numbers that were reserved and will never hold a statement (the write was refused or lost). */
    static final String HOLES = "statement_stream_holes";

    private final MongoTemplate mongo;
    private MongoCollection<Document> statements;
    private MongoCollection<Document> counters;
    private MongoCollection<Document> voids;
    private MongoCollection<Document> holes;
    private final java.util.concurrent.ConcurrentHashMap<String, Object> sequenceLocks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per tenant, the ranges reserved by writes of this process still under way: first number → last. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.TreeMap<Long, Long>> reservations = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.time.Clock clock;

    public StatementRepository(MongoTemplate mongo, java.time.Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        statements = mongo.getCollection(STATEMENTS);
        counters = mongo.getCollection(COUNTERS);
        voids = mongo.getCollection(VOIDS);
        holes = mongo.getCollection(HOLES);
        statements.createIndex(Indexes.ascending("tenantId", "seq"), new IndexOptions().unique(true).name("tenant_seq"));
        // The statement query indexes belong to the query path: MongoStatementIndex makes them on MongoDB.
        backfillStreamKeys();
        createStreamIndex();
        backfillQueryKeys();
    }

    /**
     * Statements stored before documents had {@code keys} get them, once: their own keys from the
     * separate query fields they have, then, for those that target another statement by
     * StatementRef, the keys of their targets, repeated until nothing changes (chains of references).
     */
    private void backfillQueryKeys() {
        runOnce("statements.keys", () -> {
            long migrated = setWhereMissing("keys", new Document("verbId", 1).append("activityId", 1).append("agents", 1)
                    .append("relatedAgents", 1).append("relatedActivities", 1).append("registration", 1), QueryKeys::ofLegacyDocument);
            if (migrated > 0) {
                inheritTargetKeys();
                log.info("statements: query keys given to {} statements stored before they existed", migrated);
            }
        });
    }

    /** Runs a migration of the stored data unless the store records it as done; then records it. */
    private void runOnce(String migration, Runnable work) {
        MongoCollection<Document> migrations = mongo.getCollection("schema_migrations");
        if (migrations.find(Filters.eq("_id", migration)).first() != null) {
            return;
        }
        work.run();
        migrations.insertOne(new Document("_id", migration).append("at", Date.from(clock.instant())));
    }

    /** Sets {@code field} on every statement that lacks it, to {@code value} of the statement read with {@code projection}; how many. */
    private long setWhereMissing(String field, Document projection, java.util.function.Function<Document, Object> value) {
        List<com.mongodb.client.model.WriteModel<Document>> updates = new ArrayList<>();
        long count = 0;
        for (Document document : statements.find(Filters.exists(field, false)).projection(projection).batchSize(1000)) {
            updates.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", document.get("_id")),
                    Updates.set(field, value.apply(document))));
            count++;
            if (updates.size() == 1000) {
                statements.bulkWrite(updates);
                updates.clear();
            }
        }
        if (!updates.isEmpty()) {
            statements.bulkWrite(updates);
        }
        return count;
    }

    private void inheritTargetKeys() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Document referrer : statements.find(Filters.exists("statementRef")).projection(new Document("tenantId", 1)
                    .append("statementRef", 1).append("keys", 1)).batchSize(1000)) {
                Document target = statements.find(Filters.eq("_id", key(referrer.getString("tenantId"), referrer.getString("statementRef"))))
                        .projection(new Document("keys", 1)).first();
                if (target == null) {
                    continue;
                }
                List<String> own = referrer.getList("keys", String.class, List.of());
                List<String> missing = target.getList("keys", String.class, List.of()).stream().filter(k -> !own.contains(k)).toList();
                if (!missing.isEmpty()) {
                    statements.updateOne(Filters.eq("_id", referrer.get("_id")), Updates.addEachToSet("keys", missing));
                    changed = true;
                }
            }
        }
    }

    /**
     * The statement stream is read by {@code streamKey} with {@code $in}: one indexed round trip per
     * chunk on MongoDB and on the embedded server alike (the embedded server uses only unique
     * indexes, and a compound one only for plain equality, so a {@code tenantId, seq} range scans
     * there). A sharded cluster refuses a unique index that does not begin with the shard key; the
     * key is unique by construction (tenant and reserved sequence number), so there it is made
     * without the constraint.
     */
    private void createStreamIndex() {
        try {
            statements.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true).name("tenant_stream"));
        } catch (com.mongodb.MongoCommandException e) {
            if (!e.getErrorMessage().contains("shard key")) {
                throw e;
            }
            log.info("statements is sharded: index tenant_stream made without the unique constraint ({})", e.getErrorMessage());
            statements.createIndex(Indexes.ascending("streamKey"), new IndexOptions().name("tenant_stream"));
        }
    }

    /** Statements stored before the stream key existed get it, once. */
    private void backfillStreamKeys() {
        runOnce("statements.streamKey", () -> setWhereMissing("streamKey", new Document("tenantId", 1).append("seq", 1),
                document -> streamKey(document.getString("tenantId"), document.get("seq", Number.class).longValue())));
    }

    /** {@code tenantId/} and the sequence number in 19 digits, so the keys also sort in stream order. */
    static String streamKey(String tenantId, long seq) {
        return tenantId + "/" + String.format(java.util.Locale.ROOT, "%019d", seq);
    }

    public static String key(String tenantId, String statementId) {
        return tenantId + "/" + statementId;
    }

    /** Sequence numbers reserved for a batch, and the {@code stored} time its statements get. */
    public record Reservation(long firstSeq, Instant stored) {
    }

    /**
     * Reserves {@code count} consecutive sequence numbers for the tenant, and the batch's
     * {@code stored} time: {@code began}, or the latest stored time given out for the tenant if that
     * is later. So {@code stored} never decreases as {@code seq} increases within a tenant, also
     * across instances and restarts (the counter document keeps it), and since/until map to a seq
     * range (see "Reading statements" in docs/architecture.md). The caller must end the
     * reservation with {@link #endReservation} whatever happens.
     *
     * <p>On MongoDB the update of findOneAndUpdate is atomic. The embedded server's is not:
     * under concurrent batches it handed out overlapping ranges (and the unique seq index then
     * refused a valid batch). Reservations of one tenant are therefore also serialised within this
     * process; it costs nothing measurable and several instances only ever share a real MongoDB.
     * The range is registered as in flight under the same lock, so whoever sees the counter moved
     * also sees the reservation ({@link #inFlight}).
     */
    public Reservation reserveSequence(String tenantId, int count, Instant began) {
        synchronized (sequenceLock(tenantId)) {
            Document counter = counters.findOneAndUpdate(Filters.eq("_id", tenantId),
                    Updates.combine(Updates.inc("seq", (long) count), Updates.max("stored", Date.from(began))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long first = counter.get("seq", Number.class).longValue() - count + 1;
            reservations.computeIfAbsent(tenantId, k -> new java.util.TreeMap<>()).put(first, first + count - 1);
            return new Reservation(first, counter.getDate("stored").toInstant());
        }
    }

    /** Reserves {@code count} consecutive sequence numbers for the tenant; returns the first (end it with {@link #endReservation}). */
    public long reserveSequence(String tenantId, int count) {
        return reserveSequence(tenantId, count, clock.instant()).firstSeq();
    }

    /**
     * Ends a reservation: the numbers of {@code first} to {@code first + count - 1} that hold no
     * statement ({@code unused}: the write was refused, failed, or found its statements already
     * stored) are recorded as holes, so the statement stream never waits for them.
     */
    public void endReservation(String tenantId, long first, int count, Collection<Long> unused) {
        try {
            recordHoles(tenantId, unused);
        } finally {
            synchronized (sequenceLock(tenantId)) {
                java.util.TreeMap<Long, Long> ofTenant = reservations.get(tenantId);
                if (ofTenant != null) {
                    ofTenant.remove(first);
                }
            }
        }
    }

    /** Records numbers that hold no statement (any more) as holes of the stream; a number recorded already is skipped. */
    void recordHoles(String tenantId, Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        List<Document> entries = new ArrayList<>(seqs.size());
        for (long seq : seqs) {
            entries.add(new Document("_id", streamKey(tenantId, seq)).append("tenantId", tenantId).append("seq", seq));
        }
        try {
            holes.insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // some already recorded: the others were inserted all the same (unordered)
        }
    }

    @Override
    public boolean inFlight(String tenantId, long seq) {
        synchronized (sequenceLock(tenantId)) {
            java.util.TreeMap<Long, Long> ofTenant = reservations.get(tenantId);
            if (ofTenant == null) {
                return false;
            }
            Map.Entry<Long, Long> range = ofTenant.floorEntry(seq);
            return range != null && range.getValue() >= seq;
        }
    }

    @Override
    public java.util.Set<Long> holes(String tenantId, long fromSeq, int count) {
        java.util.Set<Long> found = new java.util.HashSet<>();
        for (Document hole : holes.find(Filters.in("_id", streamKeys(tenantId, fromSeq, count))).batchSize(Math.max(count, 2))) {
            found.add(hole.get("seq", Number.class).longValue());
        }
        return found;
    }

    private Object sequenceLock(String tenantId) {
        return sequenceLocks.computeIfAbsent(tenantId, k -> new Object());
    }

    /** How many statements a credential has stored in its tenant. */
    public long countByCredential(String tenantId, String credentialId) {
        return statements.countDocuments(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("credentialId", credentialId)));
    }

    @Override
    public long lastSequence(String tenantId) {
        Document counter = counters.find(Filters.eq("_id", tenantId)).first();
        return counter == null ? 0 : counter.get("seq", Number.class).longValue();
    }

    @Override
    public List<String> tenantsAhead(Map<String, Long> checkpoints) {
        List<String> ahead = new ArrayList<>();
        for (Document counter : counters.find().projection(new Document("seq", 1))) {
            Number seq = counter.get("seq", Number.class);
            if (seq != null && seq.longValue() > checkpoints.getOrDefault(counter.getString("_id"), 0L)) {
                ahead.add(counter.getString("_id"));
            }
        }
        return ahead;
    }

    /**
     * Which of these statement ids are stored in the tenant (voided or not): lets a writer that
     * makes deterministic ids (the learning-record import) leave out what it wrote before.
     */
    public java.util.Set<String> storedIds(String tenantId, Collection<String> statementIds) {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (statementIds.isEmpty()) {
            return found;
        }
        List<String> keys = statementIds.stream().map(id -> key(tenantId, id.toLowerCase(java.util.Locale.ROOT))).toList();
        for (Document document : statements.find(Filters.in("_id", keys)).projection(new Document("statementId", 1))) {
            found.add(document.getString("statementId"));
        }
        return found;
    }

    /** The stored statements with these ids, by id. */
    Map<String, StoredStatement> findByIds(String tenantId, Collection<String> statementIds) {
        List<String> keys = statementIds.stream().map(id -> key(tenantId, id)).toList();
        Map<String, StoredStatement> found = new HashMap<>();
        for (Document document : statements.find(Filters.in("_id", keys))) {
            StoredStatement statement = toStored(document);
            found.put(statement.statementId(), statement);
        }
        return found;
    }

    @Override
    public java.util.Optional<StoredStatement> find(String tenantId, String statementId) {
        return java.util.Optional.ofNullable(findById(tenantId, statementId.toLowerCase(java.util.Locale.ROOT)));
    }

    StoredStatement findById(String tenantId, String statementId) {
        Document document = statements.find(Filters.eq("_id", key(tenantId, statementId))).first();
        return document == null ? null : toStored(document);
    }

    /** Ids among these that a stored voiding statement already targets. */
    List<String> alreadyVoided(String tenantId, Collection<String> statementIds) {
        List<String> keys = statementIds.stream().map(id -> key(tenantId, id)).toList();
        List<String> voided = new ArrayList<>();
        for (Document document : voids.find(Filters.in("_id", keys))) {
            voided.add(document.getString("statementId"));
        }
        return voided;
    }

    /**
     * Inserts the statements. Returns the ones not inserted because a statement with the same id
     * was stored meanwhile (by a concurrent request): the caller decides whether that is the same
     * statement again or a conflict. Any other failure removes what this call inserted and throws.
     */
    List<Document> insertNew(List<Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        try {
            statements.insertMany(documents, new InsertManyOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Document> taken = new ArrayList<>();
            boolean otherFailure = e.getWriteErrors().isEmpty(); // e.g. a write concern error
            java.util.Set<Integer> failed = new java.util.HashSet<>();
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                failed.add(error.getIndex());
                if (error.getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY && error.getMessage().contains("_id_")) {
                    taken.add(documents.get(error.getIndex()));
                } else {
                    otherFailure = true;
                }
            }
            if (otherFailure) {
                List<Document> inserted = new ArrayList<>();
                for (int i = 0; i < documents.size(); i++) {
                    if (!failed.contains(i)) {
                        inserted.add(documents.get(i));
                    }
                }
                remove(inserted);
                throw e;
            }
            return taken;
        }
    }

    /** Removes statements a refused request inserted: a refused batch keeps nothing. */
    void remove(List<Document> inserted) {
        if (!inserted.isEmpty()) {
            statements.deleteMany(Filters.in("_id", inserted.stream().map(d -> d.get("_id")).toList()));
        }
    }

    // ---- erasure (PDPA) --------------------------------------------------------------------------

    /** Every statement of the tenant with what an erasure looks at: id, seq, related agents, attachments, JSON. */
    Iterable<Document> allOfTenant(String tenantId) {
        return statements.find(Filters.eq("tenantId", tenantId))
                .projection(new Document("statementId", 1).append("seq", 1).append("keys", 1).append("attachments", 1)
                        .append("json", 1))
                .batchSize(500);
    }

    /** Removes statements of the tenant by id. */
    void deleteAll(String tenantId, Collection<String> statementIds) {
        if (!statementIds.isEmpty()) {
            statements.deleteMany(Filters.and(Filters.eq("tenantId", tenantId),
                    Filters.in("_id", statementIds.stream().map(id -> key(tenantId, id)).toList())));
        }
    }

    /** Replaces a statement's JSON and the query fields drawn from it; its attachments are dropped. */
    /** Replaces a statement's JSON and query keys in place (erasure); its attachments go. */
    void rewrite(String tenantId, String statementId, List<String> keys, byte[] json) {
        statements.updateOne(Filters.and(Filters.eq("_id", key(tenantId, statementId)), Filters.eq("tenantId", tenantId)),
                Updates.combine(Updates.set("json", new org.bson.types.Binary(json)), Updates.set("keys", keys),
                        Updates.unset("attachments")));
    }

    /** Replaces a statement's query keys (erasure: the keys it took over from a statement it refers to). */
    void setKeys(String tenantId, String statementId, List<String> keys) {
        statements.updateOne(Filters.and(Filters.eq("_id", key(tenantId, statementId)), Filters.eq("tenantId", tenantId)),
                Updates.set("keys", keys));
    }

    /** Records that {@code voidingId} voids {@code targetId}, and marks the target if stored. */
    void markVoided(String tenantId, String targetId, String voidingId) {
        voids.updateOne(Filters.eq("_id", key(tenantId, targetId)),
                Updates.combine(Updates.set("tenantId", tenantId), Updates.set("statementId", targetId),
                        Updates.set("voidingStatementId", voidingId)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        statements.updateOne(Filters.eq("_id", key(tenantId, targetId)), Updates.set("voided", true));
    }

    /** The collection itself, for the statement index (package {@code index}). */
    public MongoCollection<Document> collection() {
        return statements;
    }

    /** What {@link #toStored} reads: a query's page needs nothing else (not the keys, say). */
    private static final Document STORED_FIELDS = new Document("tenantId", 1).append("statementId", 1).append("seq", 1)
            .append("stored", 1).append("voided", 1).append("credentialId", 1).append("json", 1);

    /** The tenant's statements with these sequence numbers, by the unique stream key; absent numbers are left out. */
    public List<StoredStatement> findBySeqs(String tenantId, Collection<Long> seqs) {
        List<String> keys = new ArrayList<>(seqs.size());
        for (long seq : seqs) {
            keys.add(streamKey(tenantId, seq));
        }
        List<StoredStatement> result = new ArrayList<>(seqs.size());
        for (Document document : statements.find(Filters.in("streamKey", keys)).projection(STORED_FIELDS)
                .batchSize(Math.max(2, keys.size()))) {
            result.add(toStored(document));
        }
        return result;
    }

    @Override
    public List<StoredStatement> read(String tenantId, long fromSeq, int count) {
        List<StoredStatement> result = new ArrayList<>(count);
        for (Document document : statements.find(Filters.in("streamKey", streamKeys(tenantId, fromSeq, count))).batchSize(Math.max(count, 2))) {
            result.add(toStored(document));
        }
        result.sort(java.util.Comparator.comparingLong(StoredStatement::seq));
        return result;
    }

    private static List<String> streamKeys(String tenantId, long fromSeq, int count) {
        List<String> keys = new ArrayList<>(count);
        for (long seq = fromSeq; seq < fromSeq + count; seq++) {
            keys.add(streamKey(tenantId, seq));
        }
        return keys;
    }

    public static StoredStatement toStored(Document document) {
        Date stored = document.getDate("stored");
        return new StoredStatement(document.getString("tenantId"), document.getString("statementId"),
                document.get("seq", Number.class).longValue(), stored == null ? null : stored.toInstant(),
                document.getBoolean("voided", false), document.getString("credentialId"), json(document.get("json")));
    }

    /** The statement's exact JSON: UTF-8 bytes (a BSON binary) since they are stored so, a string in older documents. */
    private static byte[] json(Object stored) {
        return stored instanceof org.bson.types.Binary binary ? binary.getData()
                : ((String) stored).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param json the statement exactly as it is returned, in UTF-8: stored as bytes, so extension
     *             keys with {@code .} or {@code $} can never act as field paths or operators, and
     *             the text is not converted on the way in
     */
    static Document toDocument(String tenantId, String statementId, long seq, Instant stored, boolean voided,
            String credentialId, QueryFields fields, byte[] json, List<String> attachmentHashes) {
        Document document = new Document("_id", key(tenantId, statementId))
                .append("tenantId", tenantId)
                .append("statementId", statementId)
                .append("seq", seq)
                .append("streamKey", streamKey(tenantId, seq))
                .append("stored", Date.from(stored))
                .append("voided", voided)
                .append("credentialId", credentialId)
                .append("keys", QueryKeys.of(fields));
        if (fields.statementRef() != null) {
            document.append("statementRef", fields.statementRef());
        }
        if (fields.voidedTarget() != null) {
            document.append("voids", fields.voidedTarget());
        }
        if (!attachmentHashes.isEmpty()) {
            document.append("attachments", attachmentHashes);
        }
        return document.append("json", new org.bson.types.Binary(json));
    }
}
