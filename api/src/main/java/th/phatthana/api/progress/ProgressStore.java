package th.phatthana.api.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
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
 *
 * <p>The only place that knows the documents: everything else sees the model ({@link Fact},
 * {@link Contribution}, {@link CourseYear}, {@link ProgressActor}). A contribution keeps its short
 * field names ({@code a} course-year id, {@code q} qualifies 0/1, {@code ms} millis, {@code qa}
 * qualifying activities): every fact holds one per course it counted for, and facts are the
 * largest collection of the read model (one per statement).
 */
@Repository
class ProgressStore {

    static final String CHECKPOINTS = "progress_checkpoints";
    static final String FACTS = "progress_facts";
    static final String COURSE_YEARS = "progress_course_years";
    static final String ACTORS = "progress_actors";
    static final String SPEND = "progress_spend";

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
        facts.createIndex(Indexes.ascending("tenantId", "actorKey", "fiscalYear"), new IndexOptions().name("tenant_actor_year"));
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
        if (crashPoint.writesBeforeCrash(tenantId, CHECKPOINTS, 1) == 0) {
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

    /** What a subscriber's view depends on: equal states mean nothing changed. */
    record TenantState(long seq, Map<String, Integer> plans, long changes) {
        static final TenantState NONE = new TenantState(0, Map.of(), 0);
    }

    /** The checkpoint, the plan versions applied and the count of other changes (spend entries), per tenant. */
    Map<String, TenantState> progressStates(Collection<String> tenantIds) {
        Map<String, TenantState> states = new HashMap<>();
        for (Document document : checkpoints.find(Filters.in("_id", tenantIds))
                .projection(new Document("seq", 1).append("plans", 1).append("changes", 1))) {
            Number seq = document.get("seq", Number.class);
            Number changes = document.get("changes", Number.class);
            states.put(document.getString("_id"), new TenantState(seq == null ? 0 : seq.longValue(), plans(document),
                    changes == null ? 0 : changes.longValue()));
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
        return document == null ? new HashMap<>() : plans(document);
    }

    private static Map<String, Integer> plans(Document checkpoint) {
        Map<String, Integer> applied = new HashMap<>();
        for (Document plan : checkpoint.getList("plans", Document.class, List.of())) {
            applied.put(plan.getString("planId"), plan.getInteger("version"));
        }
        return applied;
    }

    void saveAppliedPlans(String tenantId, Map<String, Integer> plans) {
        List<Document> list = new ArrayList<>();
        plans.forEach((planId, version) -> list.add(new Document("planId", planId).append("version", version)));
        checkpoints.updateOne(Filters.eq("_id", tenantId), Updates.combine(Updates.set("plans", list), Updates.set("tenantId", tenantId)),
                new UpdateOptions().upsert(true));
    }

    /** Every tenant's checkpoint, by tenant id. */
    Map<String, Long> checkpoints() {
        Map<String, Long> done = new HashMap<>();
        for (Document document : checkpoints.find().projection(new Document("seq", 1))) {
            Number seq = document.get("seq", Number.class);
            done.put(document.getString("_id"), seq == null ? 0 : seq.longValue());
        }
        return done;
    }

    // ---- facts ----------------------------------------------------------------------------------

    private static String factId(String tenantId, String statementId) {
        return tenantId + "/" + statementId;
    }

    /** The tenant's stored facts of these statements, by statement id. */
    Map<String, Fact> facts(String tenantId, Collection<String> statementIds) {
        Map<String, Fact> found = new HashMap<>();
        byIds(facts, statementIds.stream().map(id -> factId(tenantId, id)).toList())
                .forEach((id, document) -> found.put(document.getString("statementId"), fact(document)));
        return found;
    }

    /** The tenant's facts in stream order. */
    Iterable<Fact> facts(String tenantId) {
        return facts.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("seq")).map(ProgressStore::fact);
    }

    /**
     * The tenant's facts of one fiscal year filed under these actor keys and about one of these
     * activities (object, parent or grouping), voided ones left out: what an individual development
     * plan reads for its activities outside the plan.
     */
    List<Fact> facts(String tenantId, Collection<String> actorKeys, int fiscalYear, Collection<String> activityIds) {
        List<Fact> found = new ArrayList<>();
        if (actorKeys.isEmpty() || activityIds.isEmpty()) {
            return found;
        }
        facts.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.in("actorKey", actorKeys), Filters.eq("fiscalYear", fiscalYear),
                Filters.in("activityIds", activityIds))).map(ProgressStore::fact).forEach(fact -> {
                    if (fact.counts()) {
                        found.add(fact);
                    }
                });
        return found;
    }

    static Document document(String tenantId, Fact fact) {
        StatementFacts f = fact.statement();
        List<Document> contributions = new ArrayList<>(fact.contributions().size());
        fact.contributions().forEach(c -> contributions.add(document(c)));
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
                .append("millis", f.millis())
                .append("fiscalYear", f.fiscalYear())
                .append("timestamp", Date.from(f.timestamp()))
                .append("voids", f.voidedStatementId())
                .append("voided", fact.voided())
                .append("contrib", contributions);
    }

    /** A stored fact back as the model (the actor's name is not kept: the actor documents hold it). */
    static Fact fact(Document document) {
        Number scaled = document.get("scaled", Number.class);
        Number millis = document.get("millis", Number.class);
        StatementFacts f = new StatementFacts(document.getString("statementId"), document.get("seq", Number.class).longValue(),
                document.getList("actorKeys", String.class, List.of()), null, document.getString("verbId"),
                new LinkedHashSet<>(document.getList("activityIds", String.class, List.of())), document.getBoolean("success"),
                document.getBoolean("completion"), scaled == null ? null : scaled.doubleValue(),
                millis == null ? 0 : millis.longValue() / 1000.0, document.getInteger("fiscalYear"),
                document.getDate("timestamp").toInstant(), document.getString("voids"));
        List<Contribution> contributions = new ArrayList<>();
        for (Document c : document.getList("contrib", Document.class, List.of())) {
            contributions.add(contribution(c));
        }
        return new Fact(f, document.getBoolean("voided", false), contributions);
    }

    static Document document(Contribution c) {
        return new Document("a", c.courseYearId())
                .append("planId", c.planId())
                .append("courseKey", c.courseKey())
                .append("fiscalYear", c.fiscalYear())
                .append("actorKey", c.actorKey())
                .append("q", c.qualifies() ? 1 : 0)
                .append("ms", c.millis())
                .append("qa", c.qualifyingActivities());
    }

    static Contribution contribution(Document c) {
        return new Contribution(c.getString("a"), c.getString("planId"), c.getString("courseKey"), c.getInteger("fiscalYear"),
                c.getString("actorKey"), c.getInteger("q", 0) == 1, c.get("ms", Number.class).longValue(),
                List.copyOf(c.getList("qa", Integer.class, List.of())));
    }

    // ---- course-year aggregates and actors -------------------------------------------------------

    private static String actorId(String tenantId, String actorKey) {
        return tenantId + "/" + actorKey;
    }

    /** Course-years by id. */
    Map<String, CourseYear> courseYears(Collection<String> ids) {
        Map<String, CourseYear> found = new HashMap<>();
        byIds(courseYears, ids).forEach((id, document) -> found.put(id, courseYear(document)));
        return found;
    }

    /** The tenant's actors with these keys, by actor key. */
    Map<String, ProgressActor> actors(String tenantId, Collection<String> actorKeys) {
        Map<String, ProgressActor> found = new HashMap<>();
        byIds(actors, actorKeys.stream().map(key -> actorId(tenantId, key)).toList())
                .forEach((id, document) -> found.put(document.getString("actorKey"), actor(document)));
        return found;
    }

    /**
     * The course-years of these courses of a plan in a fiscal year, by course key: one look-up by
     * {@code _id}, whatever the number of statements.
     */
    Map<String, CourseYear> courseYears(String tenantId, String planId, int fiscalYear, Collection<String> courseKeys) {
        Map<String, CourseYear> byCourse = new HashMap<>();
        for (Document document : byIds(courseYears, courseKeys.stream().map(key -> CourseYear.id(planId, fiscalYear, key)).toList())
                .values()) {
            if (tenantId.equals(document.getString("tenantId"))) {
                byCourse.put(document.getString("courseKey"), courseYear(document));
            }
        }
        return byCourse;
    }

    static Document document(CourseYear courseYear) {
        return new Document("_id", courseYear.id()).append("tenantId", courseYear.tenantId()).append("planId", courseYear.planId())
                .append("courseKey", courseYear.courseKey()).append("fiscalYear", courseYear.fiscalYear())
                .append("seq", courseYear.seq()).append("actors", new Binary(ActorTallies.encode(courseYear.tallies())));
    }

    static CourseYear courseYear(Document document) {
        Number seq = document.get("seq", Number.class);
        return new CourseYear(document.getString("_id"), document.getString("tenantId"), document.getString("planId"),
                document.getString("courseKey"), document.getInteger("fiscalYear"), seq == null ? 0 : seq.longValue(),
                ActorTallies.decode(document.get("actors") instanceof Binary binary ? binary.getData() : null));
    }

    static Document document(String tenantId, ProgressActor actor) {
        Document document = new Document("_id", actorId(tenantId, actor.actorKey())).append("tenantId", tenantId)
                .append("actorKey", actor.actorKey()).append("statements", actor.statements()).append("displayKey", actor.displayKey())
                .append("seq", actor.seq()).append("lastSeen", actor.lastSeen() == null ? null : Date.from(actor.lastSeen()));
        if (actor.name() != null) {
            document.append("name", actor.name());
        }
        return document;
    }

    static ProgressActor actor(Document document) {
        Date lastSeen = document.getDate("lastSeen");
        Number seq = document.get("seq", Number.class);
        return new ProgressActor(document.getString("actorKey"), document.getString("displayKey"), document.getString("name"),
                document.get("statements", Number.class).longValue(), lastSeen == null ? null : lastSeen.toInstant(),
                seq == null ? 0 : seq.longValue());
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
     * Writes what a chunk changed: course-years and actors first (each whole; a course-year left
     * with no actor is deleted), then facts. The order matters for a crash in between, see the
     * class comment.
     */
    void writeChunk(String tenantId, Collection<CourseYear> changedCourseYears, Collection<ProgressActor> changedActors,
            Collection<Fact> changedFacts) {
        Map<String, Document> courseYearWrites = new HashMap<>();
        changedCourseYears.forEach(c -> courseYearWrites.put(c.id(), c.tallies().isEmpty() ? null : document(c)));
        Map<String, Document> actorWrites = new HashMap<>();
        changedActors.forEach(a -> actorWrites.put(actorId(tenantId, a.actorKey()), document(tenantId, a)));
        Map<String, Document> factWrites = new HashMap<>();
        changedFacts.forEach(f -> factWrites.put(factId(tenantId, f.statement().statementId()), document(tenantId, f)));
        replaceAll(tenantId, courseYears, courseYearWrites);
        replaceAll(tenantId, actors, actorWrites);
        replaceAll(tenantId, facts, factWrites);
    }

    private void replaceAll(String tenantId, MongoCollection<Document> collection, Map<String, Document> documents) {
        List<WriteModel<Document>> all = new ArrayList<>(documents.size());
        documents.forEach((id, document) -> all.add(document == null ? new DeleteOneModel<>(Filters.eq("_id", id))
                : new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true))));
        int allowed = crashPoint.writesBeforeCrash(tenantId, collection.getNamespace().getCollectionName(), all.size());
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
        CrashPoint NONE = (tenantId, collection, writes) -> -1;

        int writesBeforeCrash(String tenantId, String collection, int writes);
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

    /** The tenant's actors, most recently seen first. */
    List<ProgressActor> actors(String tenantId) {
        List<ProgressActor> result = new ArrayList<>();
        actors.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("lastSeen")).forEach(d -> result.add(actor(d)));
        return result;
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

    void insertSpend(CourseSpend entry) {
        spend.insertOne(new Document("_id", entry.id()).append("tenantId", entry.tenantId()).append("planId", entry.planId())
                .append("courseKey", entry.courseKey()).append("fiscalYear", entry.fiscalYear()).append("amount", entry.amount())
                .append("date", entry.date() == null ? null : entry.date().toString()).append("note", entry.note())
                .append("recordedBy", entry.recordedBy()).append("recordedAt", Date.from(entry.recordedAt())));
    }

    List<CourseSpend> spend(String tenantId, String planId, int fiscalYear) {
        List<CourseSpend> result = new ArrayList<>();
        for (Document d : spend.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("planId", planId),
                Filters.eq("fiscalYear", fiscalYear)))) {
            String date = d.getString("date");
            Date at = d.getDate("recordedAt");
            result.add(new CourseSpend(d.getString("_id"), d.getString("tenantId"), d.getString("planId"), d.getString("courseKey"),
                    d.getInteger("fiscalYear"), d.get("amount", Number.class).doubleValue(), date == null ? null : LocalDate.parse(date),
                    d.getString("note"), d.getString("recordedBy"), at == null ? null : at.toInstant()));
        }
        return result;
    }
}
