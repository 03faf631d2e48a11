package th.phatthana.api.progress;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import th.phatthana.lrs.statements.StoredStatement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one chunk of a tenant's statement stream to the progress read model in memory, then
 * writes what changed in three bulk writes: a few round trips per chunk instead of several per
 * statement.
 *
 * <p>Per statement, in stream order: its fact (kept when it exists already, a reprocessed
 * statement), the actor's counters, and either the statement's contribution to each course-year it
 * matches or, for a voiding statement, the taking back of exactly the contributions recorded on its
 * target's fact. A statement that was voided before it reached the projector (the void was stored
 * first) gets a voided fact and counts for nothing.
 */
final class ProjectionChunk {

    private final String tenantId;
    private final ProgressStore store;
    private final Map<String, Document> facts;
    private final Map<String, CourseYear> courseYears = new HashMap<>();
    private final Map<String, Document> actors;
    private final Set<String> changedFacts = new HashSet<>();
    private final Set<String> changedCourseYears = new HashSet<>();
    private final Set<String> changedActors = new HashSet<>();

    /** A course-year document: its head fields, and its actor tallies by actor key. */
    private record CourseYear(Document head, TreeMap<String, ActorTallies.Tally> entries) {

        static CourseYear of(Document document) {
            TreeMap<String, ActorTallies.Tally> entries = tallies(document);
            document.remove("actors");
            return new CourseYear(document, entries);
        }

        Document toDocument() {
            return ProjectionChunk.toDocument(head, entries);
        }
    }

    /** The actor tallies a stored course-year document holds. */
    static TreeMap<String, ActorTallies.Tally> tallies(Document courseYear) {
        return ActorTallies.decode(courseYear.get("actors") instanceof org.bson.types.Binary binary ? binary.getData() : null);
    }

    /** The fields of a new course-year document, from a contribution to it. */
    static Document head(String tenantId, Document contribution) {
        return new Document("_id", contribution.getString("a")).append("tenantId", tenantId).append("planId", contribution.getString("planId"))
                .append("courseKey", contribution.getString("courseKey")).append("fiscalYear", contribution.getInteger("fiscalYear"));
    }

    static Document toDocument(Document head, TreeMap<String, ActorTallies.Tally> entries) {
        return new Document(head).append("actors", new org.bson.types.Binary(ActorTallies.encode(entries)));
    }

    /** A statement of the chunk, what progress reads of it, and the courses its activities match. */
    private record Parsed(StoredStatement stored, StatementFacts facts, List<CourseIndex.CourseRef> courses) {
    }

    private ProjectionChunk(String tenantId, ProgressStore store, Map<String, Document> facts,
            Map<String, Document> actors) {
        this.tenantId = tenantId;
        this.store = store;
        this.facts = facts;
        this.actors = actors;
    }

    /** Applies the statements (consecutive, in stream order) and writes the result. */
    static void apply(ProgressStore store, String tenantId, List<StoredStatement> statements, CourseIndex index, JsonMapper json) {
        List<Parsed> parsed = new ArrayList<>(statements.size());
        Set<String> statementIds = new HashSet<>();
        Set<String> actorIds = new HashSet<>();
        for (StoredStatement statement : statements) {
            StatementFacts facts = StatementFacts.of(json.readTree(statement.json()), statement.seq());
            parsed.add(new Parsed(statement, facts, index.matching(facts.activityIds())));
            statementIds.add(facts.statementId());
            if (facts.voidedStatementId() != null) {
                statementIds.add(facts.voidedStatementId());
            }
            if (facts.actorKey() != null) {
                actorIds.add(ProgressStore.actorId(tenantId, facts.actorKey()));
            }
        }
        Map<String, Document> facts = store.factsByStatementIds(tenantId, statementIds);

        // every course-year the chunk can touch: what its statements match, and what the facts it voids recorded
        Set<String> courseYearIds = new HashSet<>();
        for (Parsed p : parsed) {
            if (p.facts().actorKey() != null) {
                for (CourseIndex.CourseRef course : p.courses()) {
                    courseYearIds.add(ProgressStore.courseYearId(course.planId(), p.facts().fiscalYear(), course.courseKey()));
                }
            }
            if (p.facts().voidedStatementId() != null) {
                Document target = facts.get(ProgressStore.factId(tenantId, p.facts().voidedStatementId()));
                if (target != null) {
                    target.getList("contrib", Document.class, List.of()).forEach(c -> courseYearIds.add(c.getString("a")));
                }
            }
        }
        ProjectionChunk chunk = new ProjectionChunk(tenantId, store, facts, store.actorsByIds(actorIds));
        store.courseYearsByIds(courseYearIds).forEach((id, document) -> chunk.courseYears.put(id, CourseYear.of(document)));

        for (Parsed p : parsed) {
            chunk.apply(p);
        }
        chunk.write();
    }

    private void apply(Parsed p) {
        StoredStatement stored = p.stored();
        StatementFacts f = p.facts();
        String factId = ProgressStore.factId(tenantId, f.statementId());
        Document fact = facts.get(factId);
        if (fact == null) {
            fact = ProgressStore.newFact(tenantId, f, stored.voided() && f.voidedStatementId() == null);
            facts.put(factId, fact);
            changedFacts.add(factId);
        }
        String actorKey = f.actorKey();
        if (actorKey != null) {
            touchActor(f, actorKey);
        }
        if (f.voidedStatementId() != null) {
            String targetId = ProgressStore.factId(tenantId, f.voidedStatementId());
            Document target = facts.get(targetId);
            if (target != null && !target.getBoolean("voided", false)) {
                for (Document contribution : target.getList("contrib", Document.class, List.of())) {
                    applyContribution(contribution, -1, f.seq());
                }
                target.put("voided", true);
                changedFacts.add(targetId);
            }
            return;
        }
        if (fact.getBoolean("voided", false) || actorKey == null) {
            return;
        }
        List<Document> contributions = ProgressProjector.contributions(f, actorKey, p.courses());
        if (contributions.isEmpty()) {
            return;
        }
        fact.put("contrib", contributions);
        changedFacts.add(factId);
        for (Document contribution : contributions) {
            applyContribution(contribution, 1, f.seq());
        }
    }

    /** Counts the statement for its actor, once per statement seq. */
    private void touchActor(StatementFacts f, String actorKey) {
        String id = ProgressStore.actorId(tenantId, actorKey);
        Document actor = actors.get(id);
        if (actor != null && actor.get("seq", Number.class).longValue() >= f.seq()) {
            return;
        }
        if (actor == null) {
            actor = new Document("_id", id).append("tenantId", tenantId).append("actorKey", actorKey).append("statements", 0L);
            actors.put(id, actor);
        }
        actor.put("displayKey", f.displayKey());
        actor.put("seq", f.seq());
        actor.put("statements", actor.get("statements", Number.class).longValue() + 1);
        Date when = Date.from(f.timestamp());
        Date lastSeen = actor.getDate("lastSeen");
        if (lastSeen == null || when.after(lastSeen)) {
            actor.put("lastSeen", when);
        }
        if (f.actorName() != null) {
            actor.put("name", f.actorName());
        }
        changedActors.add(id);
    }

    /**
     * Adds (sign 1) or takes back (sign -1) one statement's contribution to a course-year, once per
     * statement seq. Entries left with no statements, counters left at zero and documents left
     * with no entries are removed, so the documents equal those of a rebuild.
     */
    private void applyContribution(Document c, int sign, long seq) {
        String id = c.getString("a");
        CourseYear courseYear = courseYears.get(id);
        if (courseYear != null && courseYear.head().get("seq", Number.class).longValue() >= seq) {
            return;
        }
        if (courseYear == null) {
            courseYear = new CourseYear(head(tenantId, c), new TreeMap<>());
            courseYears.put(id, courseYear);
        }
        courseYear.head().put("seq", seq);
        changedCourseYears.add(id);
        add(courseYear.entries(), c, sign);
    }

    /** One contribution added to (or taken from) the actor's tally in a course-year. */
    static void add(Map<String, ActorTallies.Tally> entries, Document c, int sign) {
        String actorKey = c.getString("actorKey");
        ActorTallies.Tally tally = entries.computeIfAbsent(actorKey, k -> new ActorTallies.Tally());
        tally.statements += sign;
        tally.qualifying += sign * c.getInteger("q", 0);
        tally.millis += sign * c.get("ms", Number.class).longValue();
        for (Integer activity : c.getList("qa", Integer.class, List.of())) {
            tally.qualifyingByActivity.merge(activity, (long) sign, Long::sum);
        }
        tally.qualifyingByActivity.values().removeIf(count -> count <= 0);
        if (tally.statements <= 0) {
            entries.remove(actorKey);
        }
    }

    private void write() {
        Map<String, Document> courseYearWrites = new HashMap<>();
        for (String id : changedCourseYears) {
            CourseYear courseYear = courseYears.get(id);
            courseYearWrites.put(id, courseYear.entries().isEmpty() ? null : courseYear.toDocument());
        }
        Map<String, Document> actorWrites = new HashMap<>();
        changedActors.forEach(id -> actorWrites.put(id, actors.get(id)));
        Map<String, Document> factWrites = new HashMap<>();
        changedFacts.forEach(id -> factWrites.put(id, facts.get(id)));
        store.writeChunk(courseYearWrites, actorWrites, factWrites);
    }
}
