package th.phatthana.api.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanContent.ActivityMatch;
import th.phatthana.api.plans.PlanContent.CompletionRule;

/**
 * The courses of one tenant's approved plans that statements can count for, by xAPI activity id:
 * which (plan, course) a statement about an activity matches, and the completion rule that decides
 * whether it qualifies. Immutable: the projector swaps in a new one when a plan changes.
 */
final class CourseIndex {

    /** One course of one plan version, as the projector applies it. */
    record CourseRef(String planId, int planVersion, String courseKey, List<String> activityIds, CompletionRule rule) {

        /** Whether the statement meets the verb condition: its duration counts for the course's hours. */
        boolean verbMatches(StatementFacts facts) {
            return facts.verbId() != null && rule.verbs().contains(facts.verbId());
        }

        /** Whether the statement meets every condition of the rule (verb, success, completion, score). */
        boolean qualifies(StatementFacts facts) {
            return verbMatches(facts)
                    && (!rule.requireSuccess() || Boolean.TRUE.equals(facts.success()))
                    && (!rule.requireCompletion() || Boolean.TRUE.equals(facts.completion()))
                    && (rule.minScaledScore() == null || facts.scaled() != null && facts.scaled() >= rule.minScaledScore());
        }

        boolean allMatch() {
            return rule.activityMatch() == ActivityMatch.ALL;
        }
    }

    /** A plan as indexed: the version whose courses count. */
    record IndexedPlan(String planId, int version, List<CourseRef> courses) {
    }

    private final Map<String, IndexedPlan> plans;
    private final Map<String, List<CourseRef>> byActivity;

    CourseIndex(Map<String, IndexedPlan> plans) {
        this.plans = Map.copyOf(plans);
        Map<String, List<CourseRef>> index = new HashMap<>();
        for (IndexedPlan plan : plans.values()) {
            for (CourseRef course : plan.courses()) {
                for (String activity : course.activityIds()) {
                    List<CourseRef> refs = index.computeIfAbsent(activity, a -> new ArrayList<>());
                    if (!refs.contains(course)) {
                        refs.add(course);
                    }
                }
            }
        }
        this.byActivity = index;
    }

    static final CourseIndex EMPTY = new CourseIndex(Map.of());

    static IndexedPlan plan(String planId, int version, PlanContent content) {
        List<CourseRef> courses = new ArrayList<>();
        for (PlanContent.Course course : content.courses()) {
            if (course.xapi() == null || course.xapi().activityIds().isEmpty()) {
                continue;
            }
            courses.add(new CourseRef(planId, version, course.key(), List.copyOf(course.xapi().activityIds()),
                    course.xapi().completion()));
        }
        return new IndexedPlan(planId, version, List.copyOf(courses));
    }

    Map<String, IndexedPlan> plans() {
        return plans;
    }

    /** The courses a statement about these activities matches, each once, in a stable order. */
    List<CourseRef> matching(Iterable<String> activityIds) {
        Map<String, CourseRef> found = new LinkedHashMap<>();
        for (String activity : activityIds) {
            for (CourseRef ref : byActivity.getOrDefault(activity, List.of())) {
                found.putIfAbsent(ref.planId() + "\n" + ref.courseKey(), ref);
            }
        }
        return List.copyOf(found.values());
    }

    /** Like {@link #matching} restricted to one plan. */
    List<CourseRef> matching(Iterable<String> activityIds, String planId) {
        return matching(activityIds).stream().filter(ref -> Objects.equals(ref.planId(), planId)).toList();
    }
}
