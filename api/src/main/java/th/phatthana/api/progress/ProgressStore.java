package th.phatthana.api.progress;

import java.time.Instant;
import java.util.ArrayList;
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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;

/**
 * The progress read model in MongoDB, through the driver: checkpoints, facts, course aggregates,
 * actors and spend. Every document carries {@code tenantId} and every index starts with it.
 *
 * <p>Exactly once without transactions: an aggregate or actor document remembers the {@code seq}
 * of the last statement applied to it, and an update for a statement is filtered on a lower one
 * and upserts; when the document already has that statement the filter misses, the upsert collides
 * with the existing {@code _id} and the duplicate key is ignored. Reprocessing a chunk after a crash
 * therefore changes nothing it already changed.
 */
@Repository
class ProgressStore {

    static final String CHECKPOINTS = "progress_checkpoints";
    static final String FACTS = "progress_facts";
    static final String COURSE_ACTOR = "progress_course_actor";
    static final String ACTORS = "progress_actors";
    static final String SPEND = "progress_spend";
    /** The LRS's per-tenant sequence counters ({@code _id} tenantId, {@code seq} the last given out). */
    static final String STATEMENT_COUNTERS = "statement_counters";

    private final MongoTemplate mongo;
    MongoCollection<Document> checkpoints;
    MongoCollection<Document> facts;
    MongoCollection<Document> courseActor;
    MongoCollection<Document> actors;
    MongoCollection<Document> spend;

    ProgressStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        checkpoints = mongo.getCollection(CHECKPOINTS);
        facts = mongo.getCollection(FACTS);
        courseActor = mongo.getCollection(COURSE_ACTOR);
        actors = mongo.getCollection(ACTORS);
        spend = mongo.getCollection(SPEND);
        facts.createIndex(Indexes.ascending("tenantId", "seq"), new IndexOptions().name("tenant_seq"));
        courseActor.createIndex(Indexes.ascending("tenantId", "planId", "fiscalYear"), new IndexOptions().name("tenant_plan_year"));
        actors.createIndex(Indexes.ascending("tenantId", "lastSeen"), new IndexOptions().name("tenant_last_seen"));
        spend.createIndex(Indexes.ascending("tenantId", "planId", "fiscalYear"), new IndexOptions().name("tenant_plan_year"));
    }

    // ---- checkpoints and leases -----------------------------------------------------------------

    long checkpoint(String tenantId) {
        Document document = checkpoints.find(Filters.eq("_id", tenantId)).first();
        return document == null || document.get("seq") == null ? 0 : document.get("seq", Number.class).longValue();
    }

    void saveCheckpoint(String tenantId, long seq) {
        checkpoints.updateOne(Filters.eq("_id", tenantId), Updates.combine(Updates.set("seq", seq), Updates.set("tenantId", tenantId)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Takes (or renews) the right to project the tenant for a while: one instance at a time, so
     * two instances never apply the same statements concurrently. False when another holds it.
     */
    boolean lease(String tenantId, String owner, Instant until, Instant now) {
        Bson free = Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", Date.from(now)), Filters.eq("owner", owner));
        try {
            checkpoints.findOneAndUpdate(Filters.and(Filters.eq("_id", tenantId), free),
                    Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(until)),
                            Updates.set("tenantId", tenantId)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return true;
        } catch (MongoWriteException | com.mongodb.MongoCommandException e) {
            if (duplicate(e)) {
                return false;
            }
            throw e;
        }
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

    List<String> tenantsWithCheckpoint() {
        List<String> ids = new ArrayList<>();
        checkpoints.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    // ---- facts ----------------------------------------------------------------------------------

    static String factId(String tenantId, String statementId) {
        return tenantId + "/" + statementId;
    }

    /** Inserts the fact unless it exists (a reprocessed statement); returns the stored fact. */
    Document upsertFact(String tenantId, StatementFacts f) {
        Document values = new Document("tenantId", tenantId)
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
                .append("voided", false)
                .append("contrib", List.of());
        return facts.findOneAndUpdate(Filters.eq("_id", factId(tenantId, f.statementId())), new Document("$setOnInsert", values),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }

    Document fact(String tenantId, String statementId) {
        return facts.find(Filters.eq("_id", factId(tenantId, statementId))).first();
    }

    void setContributions(String factId, List<Document> contributions) {
        facts.updateOne(Filters.eq("_id", factId), Updates.set("contrib", contributions));
    }

    void markVoided(String factId) {
        facts.updateOne(Filters.eq("_id", factId), Updates.set("voided", true));
    }

    /** The tenant's facts in stream order. */
    Iterable<Document> facts(String tenantId) {
        return facts.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("seq"));
    }

    static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    // ---- aggregates -----------------------------------------------------------------------------

    /**
     * Adds (sign 1) or takes back (sign -1) one statement's contribution to a course aggregate, once
     * per statement {@code seq}. An aggregate left with no statements is removed, and activity
     * counters left at zero are unset, so the documents equal those of a rebuild.
     */
    void applyAggregate(String tenantId, Document c, int sign, long seq) {
        String id = c.getString("a");
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("tenantId", tenantId));
        updates.add(Updates.set("planId", c.getString("planId")));
        updates.add(Updates.set("courseKey", c.getString("courseKey")));
        updates.add(Updates.set("fiscalYear", c.getInteger("fiscalYear")));
        updates.add(Updates.set("actorKey", c.getString("actorKey")));
        updates.add(Updates.set("seq", seq));
        updates.add(Updates.inc("statements", sign));
        updates.add(Updates.inc("qualifying", sign * c.getInteger("q", 0)));
        updates.add(Updates.inc("millis", sign * c.get("ms", Number.class).longValue()));
        List<Integer> qa = c.getList("qa", Integer.class, List.of());
        for (Integer index : qa) {
            updates.add(Updates.inc("qa." + index, sign));
        }
        if (!upsertOnce(courseActor, id, seq, Updates.combine(updates))) {
            return;
        }
        if (sign < 0) {
            courseActor.deleteOne(Filters.and(Filters.eq("_id", id), Filters.lte("statements", 0)));
            Document left = courseActor.find(Filters.eq("_id", id)).first();
            if (left != null && left.get("qa") instanceof Document counters) {
                List<Bson> unset = new ArrayList<>();
                counters.forEach((k, v) -> {
                    if (v instanceof Number n && n.longValue() <= 0) {
                        unset.add(Updates.unset("qa." + k));
                    }
                });
                if (!unset.isEmpty() && unset.size() == counters.size()) {
                    courseActor.updateOne(Filters.eq("_id", id), Updates.unset("qa"));
                } else if (!unset.isEmpty()) {
                    courseActor.updateOne(Filters.eq("_id", id), Updates.combine(unset));
                }
            }
        }
    }

    /** Records a statement by an actor, once per statement. */
    void touchActor(String tenantId, String actorKey, String displayKey, String name, Instant when, long seq) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("tenantId", tenantId), Updates.set("actorKey", actorKey),
                Updates.set("displayKey", displayKey), Updates.set("seq", seq), Updates.inc("statements", 1),
                Updates.max("lastSeen", Date.from(when))));
        if (name != null) {
            updates.add(Updates.set("name", name));
        }
        upsertOnce(actors, tenantId + "/" + actorKey, seq, Updates.combine(updates));
    }

    /**
     * Applies the update unless the document has seen this seq already; false when it had.
     *
     * <p>Looked up by {@code _id} alone and the seq compared here, because the embedded store only
     * uses an index for a filter on exactly the indexed keys (a filter on {@code _id} and {@code seq}
     * scanned the whole collection on every write). One projector per tenant (the checkpoint lease)
     * makes this read-then-write safe.
     */
    private static boolean upsertOnce(MongoCollection<Document> collection, String id, long seq, Bson update) {
        Document existing = collection.find(Filters.eq("_id", id)).projection(new Document("seq", 1)).first();
        if (existing != null && existing.get("seq") instanceof Number applied && applied.longValue() >= seq) {
            return false;
        }
        collection.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
        return true;
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

    List<Document> aggregates(String tenantId, String planId, Integer fiscalYear) {
        Bson filter = Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("planId", planId));
        if (fiscalYear != null) {
            filter = Filters.and(filter, Filters.eq("fiscalYear", fiscalYear));
        }
        return courseActor.find(filter).into(new ArrayList<>());
    }

    List<Document> allAggregates(String tenantId) {
        return courseActor.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    List<Document> actors(String tenantId) {
        return actors.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("lastSeen")).into(new ArrayList<>());
    }

    void dropPlan(String tenantId, String planId) {
        courseActor.deleteMany(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("planId", planId)));
    }

    /** Forgets everything projected for the tenant (spend entries are not projected and stay). */
    void dropTenant(String tenantId) {
        facts.deleteMany(Filters.eq("tenantId", tenantId));
        courseActor.deleteMany(Filters.eq("tenantId", tenantId));
        actors.deleteMany(Filters.eq("tenantId", tenantId));
        saveCheckpoint(tenantId, 0);
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
