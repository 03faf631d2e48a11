package th.phatthana.lrs.statements.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import th.phatthana.lrs.statements.StatementRepository;

/**
 * A statement that targets another by StatementRef meets a query's filter conditions when its
 * target does, condition by condition and recursively (xAPI Communication 2.1.3). So a referrer
 * holds its target's query keys in its own {@code keys}: taken when it is stored, and added when
 * its target arrives later or gains keys itself. The keys live in the store, the same on MongoDB
 * and on the embedded store; only how the referrers of a statement are found differs
 * ({@link ReferrerLookup}). Keys are only ever added ({@code $addToSet}), so concurrent writers
 * cannot undo each other.
 */
final class ReferrerKeys {

    /** Finds stored statements (with {@link #PROJECTION}) whose {@code statementRef} is one of these statement ids. */
    @FunctionalInterface
    interface ReferrerLookup {
        List<Document> referrersOf(String tenantId, Collection<String> statementIds);
    }

    /**
     * @param earlierWithNewKeys statements stored before this batch whose keys grew (with their keys after)
     * @param targets            the stored statements the batch's referrers target, by statement id, as
     *                           stored after the batch (so a voided target reads {@code voided: true})
     */
    record Outcome(List<Document> earlierWithNewKeys, Map<String, Document> targets) {
    }

    static final Document PROJECTION = new Document("statementId", 1).append("statementRef", 1).append("keys", 1)
            .append("seq", 1).append("voided", 1);

    private final MongoCollection<Document> statements;

    ReferrerKeys(MongoCollection<Document> statements) {
        this.statements = statements;
    }

    /** Gives the batch's referrers, and every statement referring to the batch, the keys they inherit; updates {@code inserted} in place. */
    Outcome propagate(String tenantId, List<Document> inserted, ReferrerLookup lookup) {
        Map<String, Document> inPlay = new HashMap<>();
        for (Document document : inserted) {
            inPlay.put(document.getString("statementId"), document);
        }
        Set<String> insertedIds = new java.util.HashSet<>(inPlay.keySet());

        // 1. Referrers of the batch take their targets' keys as stored now.
        Map<String, Document> targets = new HashMap<>();
        List<String> targetKeys = inserted.stream().map(d -> d.getString("statementRef")).filter(java.util.Objects::nonNull)
                .distinct().map(id -> StatementRepository.key(tenantId, id)).toList();
        Map<String, Set<String>> added = new LinkedHashMap<>();
        if (!targetKeys.isEmpty()) {
            for (Document target : statements.find(Filters.in("_id", targetKeys)).projection(PROJECTION)) {
                targets.put(target.getString("statementId"), target);
            }
            for (Document referrer : inserted) {
                Document target = targets.get(referrer.getString("statementRef"));
                if (target != null) {
                    addKeys(referrer, keys(target), added);
                }
            }
            // Written before anyone looks for referrers, so a referrer stored concurrently reads them.
            write(added);
        }

        // 2. Whoever targets a statement whose keys are new or grew takes them too, round by round.
        Map<String, Document> earlier = new LinkedHashMap<>();
        Map<String, Document> changed = new LinkedHashMap<>(inPlay);
        while (!changed.isEmpty()) {
            Map<String, Document> next = new LinkedHashMap<>();
            Map<String, Set<String>> grown = new LinkedHashMap<>();
            for (Document found : lookup.referrersOf(tenantId, changed.keySet())) {
                Document referrer = inPlay.computeIfAbsent(found.getString("statementId"), id -> found);
                Document target = changed.get(referrer.getString("statementRef"));
                if (target != null && addKeys(referrer, keys(target), grown)) {
                    next.put(referrer.getString("statementId"), referrer);
                    if (!insertedIds.contains(referrer.getString("statementId"))) {
                        earlier.put(referrer.getString("_id"), referrer);
                    }
                }
            }
            write(grown);
            changed = next;
        }
        return new Outcome(new ArrayList<>(earlier.values()), targets);
    }

    static List<String> keys(Document document) {
        return document.getList("keys", String.class, List.of());
    }

    /** Adds to the document the keys it lacks; notes them for the store. Whether any were missing. */
    private static boolean addKeys(Document document, List<String> keys, Map<String, Set<String>> added) {
        Set<String> own = new LinkedHashSet<>(keys(document));
        List<String> missing = keys.stream().filter(key -> !own.contains(key)).toList();
        if (missing.isEmpty()) {
            return false;
        }
        own.addAll(missing);
        document.put("keys", new ArrayList<>(own));
        added.computeIfAbsent(document.getString("_id"), id -> new LinkedHashSet<>()).addAll(missing);
        return true;
    }

    private void write(Map<String, Set<String>> added) {
        added.forEach((id, keys) -> statements.updateOne(Filters.eq("_id", id), Updates.addEachToSet("keys", new ArrayList<>(keys))));
        added.clear();
    }
}
