package th.phatthana.api.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import jakarta.annotation.PostConstruct;

/**
 * The progress read model in MongoDB, through the driver: checkpoints, facts, course-year
 * aggregates, actors and spend. Every document carries {@code tenantId} and every index starts
 * with it; every read and write on the projection's hot path goes by {@code _id} (the embedded
 * store only uses unique indexes, so anything else would scan).
 *
 * <p>A course-year document ({@code _id} {@code planId/fiscalYear/courseKey}) holds, per actor key,
 * what that actor's statements added to the course in the year. The projector reads the documents
 * a chunk of statements touches, applies the chunk in memory and writes them back whole.
 *
 * <p>Exactly once without transactions: each aggregate and actor document remembers the
 * {@code seq} of the last statement applied to it, and a statement is applied to a document only
 * when its seq is higher. Documents are written before the facts that record what was applied,
 * and the checkpoint last, so reprocessing a chunk after a crash changes nothing already changed.
 */
@Repository
class ProgressStore {

    static final String CHECKPOINTS = "progress_checkpoints";
    static final String FACTS = "progress_facts";
    static final String COURSE_YEARS = "progress_course_years";
    static final String ACTORS = "progress_actors";
    static final String SPEND = "progress_spend";
    /** The LRS's per-tenant sequence counters ({@code _id} tenantId, {@code seq} the last given out). */
    static final String STATEMENT_COUNTERS = "statement_counters";

    private final MongoTemplate mongo;
    MongoCollection<Document> checkpoints;
    MongoCollection<Document> facts;
    MongoCollection<Document> courseYears;
    MongoCollection<Document> actors;
    MongoCollection<Document> spend;

    ProgressStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        checkpoints = mongo.getCollection(CHECKPOINTS);
        facts = mongo.getCollection(FACTS);
        courseYears = mongo.getCollection(COURSE_YEARS);
        actors = mongo.getCollection(ACTORS);
        spend = mongo.getCollection(SPEND);
        facts.createIndex(Indexes.ascending("tenantId", "seq"), new IndexOptions().name("tenant_seq"));
        courseYears.createIndex(Indexes.ascending("tenantId", "planId", "fiscalYear"), new IndexOptions().name("tenant_plan_year"));
        actors.createIndex(Indexes.ascending("tenantId", "lastSeen"), new IndexOptions().name("tenant_last_seen"));
        spend.createIndex(Indexes.ascending("tenantId", "planId", "fiscalYear"), new IndexOptions().name("tenant_plan_year"));
        migrateFromCourseActorDocuments();
    }

    /**
     * Earlier versions kept one aggregate per course, year and actor. Their read model is dropped
     * and every tenant's checkpoint reset, so the projector rebuilds it from the statements.
     */
    private void migrateFromCourseActorDocuments() {
        MongoCollection<Document> old = mongo.getCollection("progress_course_actor");
        if (old.find().first() == null) {
            return;
        }
        facts.deleteMany(new Document());
        actors.deleteMany(new Document());
        courseYears.deleteMany(new Document());
        checkpoints.updateMany(new Document(), Updates.combine(Updates.set("seq", 0L), Updates.unset("plans")));
        old.drop();
    }

    // ---- checkpoints and leases -----------------------------------------------------------------

    long checkpoint(String tenantId) {
        Document document = checkpoints.find(Filters.eq("_id", tenantId)).first();
        return document == null || document.get("seq") == null ? 0 : document.get("seq", Number.class).longValue();
    }

    void saveCheckpoint(String tenantId, long seq) {
        if (crashPoint.writesBeforeCrash(CHECKPOINTS, 1) == 0) {
            throw new SimulatedCrash(CHECKPOINTS, 0);
        }
        checkpoints.updateOne(Filters.eq("_id", tenantId), Updates.combine(Updates.set("seq", seq), Updates.set("tenantId", tenantId)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Takes (or renews) the right to project the tenant for a while: one instance at a time, so
     * two instances never apply the same statements concurrently. False when another holds it.
     */
    boolean lease(String tenantId, String owner, Instant until, Instant now) {
        Bson free = Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", Date.from(now)), Filters.eq("owner", owner));
        Bson take = Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(until)), Updates.set("tenantId", tenantId));
        if (checkpoints.updateOne(Filters.and(Filters.eq("_id", tenantId), free), take).getMatchedCount() > 0) {
            return true;
        }
        if (checkpoints.find(Filters.eq("_id", tenantId)).projection(new Document("_id", 1)).first() != null) {
            return false; // held by another instance
        }
        try {
            checkpoints.insertOne(new Document("_id", tenantId).append("tenantId", tenantId).append("seq", 0L)
                    .append("owner", owner).append("leaseUntil", Date.from(until)));
            return true;
        } catch (MongoWriteException e) {
            if (duplicate(e)) {
                return false; // another instance created it a moment ago
            }
            throw e;
        }
    }

    /**
     * What a subscriber's view depends on, per tenant: the checkpoint, the plan versions applied
     * and the count of other changes (spend entries). Equal states mean nothing changed.
     */
    Map<String, Document> progressStates(Collection<String> tenantIds) {
        Map<String, Document> states = new HashMap<>();
        for (Document document : checkpoints.find(Filters.in("_id", tenantIds))
                .projection(new Document("seq", 1).append("plans", 1).append("changes", 1))) {
            states.put(document.getString("_id"), document);
        }
        return states;
    }

    /** Records a change to the tenant's progress that is not in its statement stream (a spend entry), for other instances' subscribers. */
    void markChanged(String tenantId) {
        checkpoints.updateOne(Filters.eq("_id", tenantId), Updates.combine(Updates.inc("changes", 1L), Updates.set("tenantId", tenantId)),
                new UpdateOptions().upsert(true));
    }

    /** Forgets every lease: at the start of the only process of an embedded store, all were held by a process that is gone. */
    void clearLeases() {
        checkpoints.updateMany(Filters.exists("leaseUntil"), Updates.unset("leaseUntil"));
    }

    void release(String tenantId, String owner) {
        checkpoints.updateOne(Filters.and(Filters.eq("_id", tenantId), Filters.eq("owner", owner)), Updates.unset("leaseUntil"));
    }

    /** The plan versions the tenant's aggregates were computed with, by plan id. */
    Map<String, Integer> appliedPlans(String tenantId) {
        Document document = checkpoints.find(Filters.eq("_id", tenantId)).first();
        Map<String, Integer> applied = new HashMap<>();
        if (document != null) {
            for (Document plan : document.getList("plans", Document.class, List.of())) {
                applied.put(plan.getString("planId"), plan.getInteger("version"));
            }
        }
        return applied;
    }

    void saveAppliedPlans(String tenantId, Map<String, Integer> plans) {
        List<Document> list = new ArrayList<>();
        plans.forEach((planId, version) -> list.add(new Document("planId", planId).append("version", version)));
        checkpoints.updateOne(Filters.eq("_id", tenantId), Updates.combine(Updates.set("plans", list), Updates.set("tenantId", tenantId)),
                new UpdateOptions().upsert(true));
    }

    /** The approved version number of every approved plan of these tenants, by tenant and plan (a small projection of plans). */
    Map<String, Map<String, Integer>> approvedPlanVersions(java.util.Collection<String> tenantIds) {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        for (Document plan : mongo.getCollection("plans").find(Filters.in("tenantId", tenantIds))
                .projection(new Document("tenantId", 1).append("currentVersion", 1))) {
            Map<String, Integer> ofTenant = result.computeIfAbsent(plan.getString("tenantId"), t -> new HashMap<>());
            Number version = plan.get("currentVersion", Number.class);
            if (version != null) {
                ofTenant.put(plan.get("_id").toString(), version.intValue());
            }
        }
        return result;
    }

    /** Tenants whose statement stream has moved past their checkpoint. */
    List<String> tenantsBehind() {
        Map<String, Long> done = new HashMap<>();
        for (Document document : checkpoints.find().projection(new Document("seq", 1))) {
            Number seq = document.get("seq", Number.class);
            done.put(document.getString("_id"), seq == null ? 0 : seq.longValue());
        }
        List<String> behind = new ArrayList<>();
        for (Document counter : mongo.getCollection(STATEMENT_COUNTERS).find()) {
            Number seq = counter.get("seq", Number.class);
            if (seq != null && seq.longValue() > done.getOrDefault(counter.getString("_id"), 0L)) {
                behind.add(counter.getString("_id"));
            }
        }
        return behind;
    }

    // ---- facts ----------------------------------------------------------------------------------

    static String factId(String tenantId, String statementId) {
        return tenantId + "/" + statementId;
    }

    /** A new fact document for a statement (not stored yet). */
    static Document newFact(String tenantId, StatementFacts f, boolean voided) {
        return new Document("_id", factId(tenantId, f.statementId()))
                .append("tenantId", tenantId)
                .append("statementId", f.statementId())
                .append("seq", f.seq())
                .append("actorKey", f.actorKey())
                .append("actorKeys", f.actorKeys())
                .append("verbId", f.verbId())
                .append("activityIds", new ArrayList<>(f.activityIds()))
                .append("success", f.success())
                .append("completion", f.completion())
                .append("scaled", f.scaled())
                .append("millis", millis(f.seconds()))
                .append("fiscalYear", f.fiscalYear())
                .append("timestamp", Date.from(f.timestamp()))
                .append("voids", f.voidedStatementId())
                .append("voided", voided)
                .append("contrib", List.of());
    }

    /** The tenant's stored facts with these statement ids, by fact {@code _id}. */
    Map<String, Document> factsByStatementIds(String tenantId, Collection<String> statementIds) {
        return byIds(facts, statementIds.stream().map(id -> factId(tenantId, id)).toList());
    }

    /** The tenant's facts in stream order. */
    Iterable<Document> facts(String tenantId) {
        return facts.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("seq"));
    }

    static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    // ---- course-year aggregates and actors -------------------------------------------------------

    /** {@code planId/fiscalYear/courseKey}: plan ids start with the tenant id. */
    static String courseYearId(String planId, int fiscalYear, String courseKey) {
        return planId + "/" + fiscalYear + "/" + courseKey;
    }

    static String actorId(String tenantId, String actorKey) {
        return tenantId + "/" + actorKey;
    }

    Map<String, Document> courseYearsByIds(Collection<String> ids) {
        return byIds(courseYears, ids);
    }

    Map<String, Document> actorsByIds(Collection<String> ids) {
        return byIds(actors, ids);
    }

    /**
     * The course-year documents of these courses of a plan in a fiscal year, by course key: one
     * look-up by {@code _id}, whatever the number of statements.
     */
    Map<String, Document> courseYears(String tenantId, String planId, int fiscalYear, Collection<String> courseKeys) {
        Map<String, Document> byCourse = new HashMap<>();
        for (Document document : byIds(courseYears, courseKeys.stream().map(key -> courseYearId(planId, fiscalYear, key)).toList())
                .values()) {
            if (tenantId.equals(document.getString("tenantId"))) {
                byCourse.put(document.getString("courseKey"), document);
            }
        }
        return byCourse;
    }

    private static Map<String, Document> byIds(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : collection.find(Filters.in("_id", ids)).batchSize(Math.max(ids.size(), 2))) {
            found.put(document.getString("_id"), document);
        }
        return found;
    }

    /**
     * Writes what a chunk changed: aggregate and actor documents first (each whole, or deleted when
     * null), then facts. The order matters for a crash in between, see the class comment.
     */
    void writeChunk(Map<String, Document> changedCourseYears, Map<String, Document> changedActors, Map<String, Document> changedFacts) {
        replaceAll(courseYears, changedCourseYears);
        replaceAll(actors, changedActors);
        replaceAll(facts, changedFacts);
    }

    private void replaceAll(MongoCollection<Document> collection, Map<String, Document> documents) {
        List<WriteModel<Document>> all = new ArrayList<>(documents.size());
        documents.forEach((id, document) -> all.add(document == null ? new DeleteOneModel<>(Filters.eq("_id", id))
                : new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true))));
        int allowed = crashPoint.writesBeforeCrash(collection.getNamespace().getCollectionName(), all.size());
        List<WriteModel<Document>> writes = allowed < 0 ? all : all.subList(0, Math.min(allowed, all.size()));
        for (int from = 0; from < writes.size(); from += 1000) {
            collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + 1000)), new BulkWriteOptions().ordered(false));
        }
        if (allowed >= 0) {
            throw new SimulatedCrash(collection.getNamespace().getCollectionName(), allowed);
        }
    }

    /**
     * For tests of crash recovery only: how many of a bulk write's documents are written before
     * the projector "crashes" ({@code -1}: all, no crash), as a bulk write cut short by a process
     * that dies leaves some of its documents written and others not.
     */
    interface CrashPoint {
        CrashPoint NONE = (collection, writes) -> -1;

        int writesBeforeCrash(String collection, int writes);
    }

    /** The projector died here (a test's {@link CrashPoint}). */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String collection, int written) {
            super("simulated crash after " + written + " writes to " + collection);
        }
    }

    private volatile CrashPoint crashPoint = CrashPoint.NONE;

    /** Tests only (through a method: the bean is a proxy). */
    void crashAt(CrashPoint point) {
        crashPoint = point;
    }

    List<Document> actors(String tenantId) {
        return actors.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("lastSeen")).into(new ArrayList<>());
    }

    void dropPlan(String tenantId, String planId) {
        courseYears.deleteMany(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("planId", planId)));
    }

    /** Forgets everything projected for the tenant (spend entries are not projected and stay). */
    void dropTenant(String tenantId) {
        facts.deleteMany(Filters.eq("tenantId", tenantId));
        courseYears.deleteMany(Filters.eq("tenantId", tenantId));
        actors.deleteMany(Filters.eq("tenantId", tenantId));
        saveCheckpoint(tenantId, 0);
    }

    private static boolean duplicate(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof com.mongodb.MongoCommandException command) {
            return ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    }

    // ---- spend ----------------------------------------------------------------------------------

    void insertSpend(Document entry) {
        spend.insertOne(entry);
    }

    List<Document> spend(String tenantId, String planId, int fiscalYear) {
        return spend.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("planId", planId), Filters.eq("fiscalYear", fiscalYear)))
                .into(new ArrayList<>());
    }
}
