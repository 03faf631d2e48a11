package th.phatthana.api.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * What one statement added to one course-year for its actor; recorded on the statement's fact so
 * that a void later takes back exactly this.
 *
 * @param qualifyingActivities for a qualifying statement of an {@code ActivityMatch.ALL} course,
 *                             the indexes (in the course) of the course activities it is about
 */
record Contribution(String courseYearId, String planId, String courseKey, int fiscalYear, String actorKey, boolean qualifies,
        long millis, List<Integer> qualifyingActivities) {

    /** What the statement adds to each of these courses (those its activities match), filed under the actor key. */
    static List<Contribution> of(StatementFacts facts, String actorKey, List<CourseIndex.CourseRef> courses) {
        List<Contribution> result = new ArrayList<>(courses.size());
        for (CourseIndex.CourseRef course : courses) {
            boolean qualifies = course.qualifies(facts);
            List<Integer> activities = new ArrayList<>();
            if (qualifies && course.allMatch()) {
                for (int i = 0; i < course.activityIds().size(); i++) {
                    if (facts.activityIds().contains(course.activityIds().get(i))) {
                        activities.add(i);
                    }
                }
            }
            result.add(new Contribution(CourseYear.id(course.planId(), facts.fiscalYear(), course.courseKey()), course.planId(),
                    course.courseKey(), facts.fiscalYear(), actorKey, qualifies, course.verbMatches(facts) ? facts.millis() : 0L,
                    List.copyOf(activities)));
        }
        return result;
    }
}
