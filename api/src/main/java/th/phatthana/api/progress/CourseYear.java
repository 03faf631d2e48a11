package th.phatthana.api.progress;

import java.util.TreeMap;

/**
 * What every actor's statements added to one course of one plan in one fiscal year, by actor key,
 * and the {@code seq} of the last statement applied (a statement is applied only when its seq is
 * higher, so reprocessing after a crash counts nothing twice).
 *
 * @param tallies mutable: a chunk applies its statements to it in place
 */
record CourseYear(String id, String tenantId, String planId, String courseKey, int fiscalYear, long seq,
        TreeMap<String, ActorTallies.Tally> tallies) {

    /** {@code planId/fiscalYear/courseKey}: plan ids start with the tenant id. */
    static String id(String planId, int fiscalYear, String courseKey) {
        return planId + "/" + fiscalYear + "/" + courseKey;
    }

    /** A course-year nothing has been applied to yet, the one a contribution goes to. */
    static CourseYear empty(String tenantId, Contribution c) {
        return new CourseYear(c.courseYearId(), tenantId, c.planId(), c.courseKey(), c.fiscalYear(), 0, new TreeMap<>());
    }

    /**
     * Adds (sign 1) or takes back (sign -1) one statement's contribution, as the statement with this
     * seq. An actor left with no statements is removed, and so is a zero activity counter, so the
     * tallies equal those of a rebuild.
     */
    CourseYear applied(Contribution c, int sign, long statementSeq) {
        ActorTallies.Tally tally = tallies.computeIfAbsent(c.actorKey(), k -> new ActorTallies.Tally());
        tally.statements += sign;
        tally.qualifying += sign * (c.qualifies() ? 1 : 0);
        tally.millis += sign * c.millis();
        for (Integer activity : c.qualifyingActivities()) {
            tally.qualifyingByActivity.merge(activity, (long) sign, Long::sum);
        }
        tally.qualifyingByActivity.values().removeIf(count -> count <= 0);
        if (tally.statements <= 0) {
            tallies.remove(c.actorKey());
        }
        return new CourseYear(id, tenantId, planId, courseKey, fiscalYear, statementSeq, tallies);
    }
}
