package th.phatthana.api.progress;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.schema.xapi.XapiVerbs;
import th.phatthana.tenants.staff.Staff;

/**
 * What one person completed in a fiscal year, from the same read model as plan progress (an
 * individual development plan's items): a plan course by its completion rule over the course-year
 * aggregates, exactly as {@link ProgressService#staffProgress} counts it; any other activity by a
 * completing statement about it (verb completed or passed, not voided) in the read model's facts.
 */
@Service
public class PersonCompletions {

    /** The rule an activity outside the plan is completed by: a completed or passed statement about it. */
    static final PlanContent.CompletionRule ACTIVITY_RULE = new PlanContent.CompletionRule(List.of(XapiVerbs.COMPLETED, XapiVerbs.PASSED),
            PlanContent.ActivityMatch.ANY, false, false, null, null);

    private final ProgressStore store;
    private final PlanService plans;

    PersonCompletions(ProgressStore store, PlanService plans) {
        this.store = store;
        this.plans = plans;
    }

    /** The keys of the plan's courses (of its version in force, else its draft) the person completed in the fiscal year. */
    public Set<String> completedCourses(String tenantId, String planId, Staff member, int fiscalYear) {
        Set<String> done = new HashSet<>();
        Plan plan = plans.plansOf(tenantId).stream().filter(p -> p.id().equals(planId)).findFirst().orElse(null);
        if (plan == null) {
            return done;
        }
        PlanContent content = plans.currentVersion(plan).map(PlanVersion::content)
                .orElse(plan.draft() != null ? plan.draft().content() : PlanContent.empty());
        Map<String, String> byKey = ProgressService.staffByKey(List.of(member));
        Map<String, PlanContent.Course> courses = new java.util.HashMap<>();
        content.courses().forEach(course -> courses.put(course.key(), course));
        store.courseYears(tenantId, planId, fiscalYear, courses.keySet()).forEach((courseKey, courseYear) -> {
            ProgressService.CourseState state = new ProgressService.CourseState();
            courseYear.tallies().forEach((actorKey, tally) -> {
                if (byKey.containsKey(actorKey)) {
                    state.add(tally);
                }
            });
            PlanContent.Course course = courses.get(courseKey);
            if (course != null && course.xapi() != null && state.statements > 0 && state.completed(course)) {
                done.add(courseKey);
            }
        });
        return done;
    }

    /** The activity IRIs among {@code activityIds} the person completed in the fiscal year (a completed or passed statement about it). */
    public Set<String> completedActivities(String tenantId, Staff member, int fiscalYear, Collection<String> activityIds) {
        Set<String> keys = ProgressService.staffByKey(List.of(member)).keySet();
        Set<String> done = new HashSet<>();
        CourseIndex.CourseRef rule = new CourseIndex.CourseRef(null, 0, null, List.copyOf(activityIds), ACTIVITY_RULE);
        for (Fact fact : store.facts(tenantId, keys, fiscalYear, activityIds)) {
            if (rule.qualifies(fact.statement())) {
                fact.statement().activityIds().stream().filter(activityIds::contains).forEach(done::add);
            }
        }
        return done;
    }
}
