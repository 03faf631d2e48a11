package th.phatthana.api.forwarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Forwarding targets, their positions (one document per target and organisation: the sequence
 * number passed on, and a lease so two instances never forward the same stream at once) and
 * their dead letters, in MongoDB through the driver.
 */
@Component
class ForwardingStore {

    static final String TARGETS = "forwarding_targets";
    static final String POSITIONS = "forwarding_positions";
    static final String DEAD_LETTERS = "forwarding_dead_letters";

    private final MongoCollection<Document> targets;
    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> deadLetters;

    ForwardingStore(MongoTemplate mongo) {
        targets = mongo.getCollection(TARGETS);
        positions = mongo.getCollection(POSITIONS);
        deadLetters = mongo.getCollection(DEAD_LETTERS);
        targets.createIndex(Indexes.ascending("tenantId"));
        positions.createIndex(Indexes.ascending("targetId"));
        deadLetters.createIndex(Indexes.ascending("targetId", "seq"));
    }

    // ---- targets --------------------------------------------------------------------------------

    void insert(ForwardingTarget target) {
        targets.insertOne(toDocument(target));
    }

    List<ForwardingTarget> all() {
        List<ForwardingTarget> all = new ArrayList<>();
        for (Document document : targets.find().sort(Sorts.ascending("createdAt"))) {
            all.add(toTarget(document));
        }
        return all;
    }

    Optional<ForwardingTarget> find(String id) {
        return Optional.ofNullable(targets.find(Filters.eq("_id", id)).first()).map(ForwardingStore::toTarget);
    }

    void setEnabled(String id, boolean enabled) {
        targets.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("enabled", enabled), Updates.unset("nextAttemptAt"),
                Updates.set("failures", 0)));
    }

    void delete(String id) {
        targets.deleteOne(Filters.eq("_id", id));
        positions.deleteMany(Filters.eq("targetId", id));
        deadLetters.deleteMany(Filters.eq("targetId", id));
    }

    void succeeded(String id, Instant at) {
        targets.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("lastForwardedAt", Date.from(at)), Updates.set("failures", 0),
                Updates.unset("nextAttemptAt")));
    }

    void failed(String id, Instant at, String error, int failures, Instant nextAttempt) {
        targets.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("lastErrorAt", Date.from(at)), Updates.set("lastError", error),
                Updates.set("failures", failures), Updates.set("nextAttemptAt", Date.from(nextAttempt))));
    }

    // ---- positions and leases -------------------------------------------------------------------

    private static String positionId(String targetId, String tenantId) {
        return targetId + "|" + tenantId;
    }

    /** The sequence number passed on, per organisation, for a target. */
    Map<String, Long> positions(String targetId) {
        Map<String, Long> result = new HashMap<>();
        for (Document document : positions.find(Filters.eq("targetId", targetId))) {
            result.put(document.getString("tenantId"), document.get("seq", Number.class).longValue());
        }
        return result;
    }

    long position(String targetId, String tenantId) {
        Document document = positions.find(Filters.eq("_id", positionId(targetId, tenantId))).first();
        return document == null ? 0 : document.get("seq", Number.class).longValue();
    }

    /**
     * Saves the position of the lease's holder and renews its lease to {@code until}, or lets go of
     * it ({@code until} null); false when another instance holds the lease now (nothing saved).
     */
    boolean advance(String targetId, String tenantId, String owner, long seq, Instant until) {
        Bson lease = until == null ? Updates.unset("leaseUntil") : Updates.set("leaseUntil", Date.from(until));
        return positions.updateOne(Filters.and(Filters.eq("_id", positionId(targetId, tenantId)), Filters.eq("owner", owner)),
                Updates.combine(Updates.set("seq", seq), lease)).getMatchedCount() > 0;
    }

    /** Takes or renews the lease on a target's position for one organisation. */
    boolean lease(String targetId, String tenantId, String owner, Instant until, Instant now) {
        String id = positionId(targetId, tenantId);
        Bson free = Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", Date.from(now)), Filters.eq("owner", owner));
        Bson take = Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(until)));
        if (positions.updateOne(Filters.and(Filters.eq("_id", id), free), take).getMatchedCount() > 0) {
            return true;
        }
        if (positions.find(Filters.eq("_id", id)).projection(new Document("_id", 1)).first() != null) {
            return false; // held by another instance
        }
        try {
            positions.insertOne(new Document("_id", id).append("targetId", targetId).append("tenantId", tenantId).append("seq", 0L)
                    .append("owner", owner).append("leaseUntil", Date.from(until)));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            return false; // another instance inserted it first
        }
    }

    /** At the start of the only process of an embedded store: every lease was held by a process that is gone. */
    void clearLeases() {
        positions.updateMany(Filters.exists("leaseUntil"), Updates.unset("leaseUntil"));
    }

    // ---- dead letters ---------------------------------------------------------------------------

    /** Records a refused statement (again: one refused twice, after a crash, is one dead letter). */
    void deadLetter(String targetId, String tenantId, String statementId, long seq, int status, String reason, Instant at) {
        String id = targetId + "|" + tenantId + "|" + seq;
        deadLetters.updateOne(Filters.eq("_id", id), Updates.combine(Updates.setOnInsert("firstFailedAt", Date.from(at)),
                Updates.set("targetId", targetId), Updates.set("tenantId", tenantId), Updates.set("statementId", statementId),
                Updates.set("seq", seq), Updates.set("status", status), Updates.set("reason", reason), Updates.set("lastTriedAt", Date.from(at)),
                Updates.inc("attempts", 1)), new UpdateOptions().upsert(true));
    }

    List<DeadLetter> deadLetters(String targetId, int limit) {
        List<DeadLetter> result = new ArrayList<>();
        for (Document document : deadLetters.find(Filters.eq("targetId", targetId)).sort(Sorts.ascending("seq")).limit(limit)) {
            result.add(toDeadLetter(document));
        }
        return result;
    }

    long deadLetterCount(String targetId) {
        return deadLetters.countDocuments(Filters.eq("targetId", targetId));
    }

    Optional<DeadLetter> deadLetter(String id) {
        return Optional.ofNullable(deadLetters.find(Filters.eq("_id", id)).first()).map(ForwardingStore::toDeadLetter);
    }

    void removeDeadLetter(String id) {
        deadLetters.deleteOne(Filters.eq("_id", id));
    }

    // ---- mapping --------------------------------------------------------------------------------

    private static Document toDocument(ForwardingTarget t) {
        return new Document("_id", t.id()).append("name", t.name()).append("endpoint", t.endpoint()).append("version", t.version().name())
                .append("scope", t.scope().name()).append("tenantId", t.tenantId()).append("authKind", t.authKind().name())
                .append("authUser", t.authUser()).append("secret", t.secret()).append("tokenUrl", t.tokenUrl())
                .append("oauthScope", t.oauthScope()).append("verbs", t.verbs()).append("activityIds", t.activityIds())
                .append("enabled", t.enabled()).append("createdAt", Date.from(t.createdAt())).append("failures", 0);
    }

    private static ForwardingTarget toTarget(Document d) {
        return new ForwardingTarget(d.getString("_id"), d.getString("name"), d.getString("endpoint"),
                ForwardingTarget.Version.valueOf(d.getString("version")), ForwardingTarget.Scope.valueOf(d.getString("scope")),
                d.getString("tenantId"), ForwardingTarget.AuthKind.valueOf(d.getString("authKind")), d.getString("authUser"),
                d.getString("secret"), d.getString("tokenUrl"), d.getString("oauthScope"), d.getList("verbs", String.class, List.of()),
                d.getList("activityIds", String.class, List.of()), d.getBoolean("enabled", false), instant(d, "createdAt"),
                instant(d, "lastForwardedAt"), instant(d, "lastErrorAt"), d.getString("lastError"),
                d.get("failures", Number.class) == null ? 0 : d.get("failures", Number.class).intValue(), instant(d, "nextAttemptAt"));
    }

    private static DeadLetter toDeadLetter(Document d) {
        return new DeadLetter(d.getString("_id"), d.getString("targetId"), d.getString("tenantId"), d.getString("statementId"),
                d.get("seq", Number.class).longValue(), d.get("status", Number.class).intValue(), d.getString("reason"),
                instant(d, "firstFailedAt"), instant(d, "lastTriedAt"), d.get("attempts", Number.class).intValue());
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

}
