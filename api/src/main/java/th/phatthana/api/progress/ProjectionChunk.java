package th.phatthana.api.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** A statement of the chunk, what progress reads of it, and the courses its activities match. */
    private record Parsed(StoredStatement stored, StatementFacts facts, List<CourseIndex.CourseRef> courses) {
    }

    private final String tenantId;
    /** By statement id. */
    private final Map<String, Fact> facts;
    /** By course-year id. */
    private final Map<String, CourseYear> courseYears;
    /** By actor key. */
    private final Map<String, ProgressActor> actors;
    private final Set<String> changedFacts = new HashSet<>();
    private final Set<String> changedCourseYears = new HashSet<>();
    private final Set<String> changedActors = new HashSet<>();

    private ProjectionChunk(String tenantId, Map<String, Fact> facts, Map<String, CourseYear> courseYears,
            Map<String, ProgressActor> actors) {
        this.tenantId = tenantId;
        this.facts = facts;
        this.courseYears = courseYears;
        this.actors = actors;
    }

    /** Applies the statements (consecutive, in stream order) and writes the result. */
    static void apply(ProgressStore store, String tenantId, List<StoredStatement> statements, CourseIndex index, JsonMapper json,
            Clock clock) {
        List<Parsed> parsed = new ArrayList<>(statements.size());
        Set<String> statementIds = new HashSet<>();
        Set<String> actorKeys = new HashSet<>();
        for (StoredStatement statement : statements) {
            StatementFacts facts = StatementFacts.of(json.readTree(statement.json()), statement.seq(), clock);
            parsed.add(new Parsed(statement, facts, index.matching(facts.activityIds())));
            statementIds.add(facts.statementId());
            if (facts.voidedStatementId() != null) {
                statementIds.add(facts.voidedStatementId());
            }
            if (facts.actorKey() != null) {
                actorKeys.add(facts.actorKey());
            }
        }
        Map<String, Fact> facts = store.facts(tenantId, statementIds);

        // every course-year the chunk can touch: what its statements match, and what the facts it voids recorded
        Set<String> courseYearIds = new HashSet<>();
        for (Parsed p : parsed) {
            if (p.facts().actorKey() != null) {
                for (CourseIndex.CourseRef course : p.courses()) {
                    courseYearIds.add(CourseYear.id(course.planId(), p.facts().fiscalYear(), course.courseKey()));
                }
            }
            Fact target = p.facts().voidedStatementId() == null ? null : facts.get(p.facts().voidedStatementId());
            if (target != null) {
                target.contributions().forEach(c -> courseYearIds.add(c.courseYearId()));
            }
        }
        ProjectionChunk chunk = new ProjectionChunk(tenantId, facts, store.courseYears(courseYearIds), store.actors(tenantId, actorKeys));
        for (Parsed p : parsed) {
            chunk.apply(p);
        }
        store.writeChunk(tenantId, chunk.changedCourseYears.stream().map(chunk.courseYears::get).toList(),
                chunk.changedActors.stream().map(chunk.actors::get).toList(), chunk.changedFacts.stream().map(chunk.facts::get).toList());
    }

    private void apply(Parsed p) {
        StatementFacts f = p.facts();
        Fact fact = facts.get(f.statementId());
        if (fact == null) {
            fact = new Fact(f, p.stored().voided() && f.voidedStatementId() == null, List.of());
            put(fact);
        }
        String actorKey = f.actorKey();
        if (actorKey != null) {
            ProgressActor before = actors.get(actorKey);
            ProgressActor after = ProgressActor.counted(before, actorKey, f);
            if (after != before) {
                actors.put(actorKey, after);
                changedActors.add(actorKey);
            }
        }
        if (f.voidedStatementId() != null) {
            Fact target = facts.get(f.voidedStatementId());
            if (target != null && !target.voided()) {
                for (Contribution contribution : target.contributions()) {
                    applyContribution(contribution, -1, f.seq());
                }
                put(target.asVoided());
            }
            return;
        }
        if (fact.voided() || actorKey == null) {
            return;
        }
        List<Contribution> contributions = Contribution.of(f, actorKey, p.courses());
        if (contributions.isEmpty()) {
            return;
        }
        put(fact.withContributions(contributions));
        for (Contribution contribution : contributions) {
            applyContribution(contribution, 1, f.seq());
        }
    }

    private void put(Fact fact) {
        facts.put(fact.statement().statementId(), fact);
        changedFacts.add(fact.statement().statementId());
    }

    /** Adds (sign 1) or takes back (sign -1) one statement's contribution to a course-year, once per statement seq. */
    private void applyContribution(Contribution c, int sign, long seq) {
        CourseYear courseYear = courseYears.get(c.courseYearId());
        if (courseYear != null && courseYear.seq() >= seq) {
            return;
        }
        courseYears.put(c.courseYearId(), (courseYear == null ? CourseYear.empty(tenantId, c) : courseYear).applied(c, sign, seq));
        changedCourseYears.add(c.courseYearId());
    }
}
