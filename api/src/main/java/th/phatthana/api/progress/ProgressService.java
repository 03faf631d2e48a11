package th.phatthana.api.progress;

import th.phatthana.schema.Glossary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import th.phatthana.api.access.Callers;
import th.phatthana.api.competencies.CompetencyCatalogue;
import th.phatthana.api.competencies.CompetencyGaps;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent.ActivityMatch;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.progress.ProgressViews.BudgetProgress;
import th.phatthana.api.progress.ProgressViews.CompetencyProgress;
import th.phatthana.api.progress.ProgressViews.CourseProgress;
import th.phatthana.api.progress.ProgressViews.GroupProgress;
import th.phatthana.api.progress.ProgressViews.IndicatorProgress;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.api.progress.ProgressViews.RemainingGap;
import th.phatthana.api.progress.ProgressViews.StaffCourse;
import th.phatthana.api.progress.ProgressViews.StaffProgress;
import th.phatthana.api.progress.ProgressViews.UnmatchedActor;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.TargetGroup;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;

/**
 * Reads progress: the course aggregates of a plan and fiscal year, attributed to staff at read time
 * through their xAPI identities (so linking an identity re-attributes past statements with no
 * recomputation), set against the staff register. Never reads statements or facts.
 */
@Service
public class ProgressService {

    private static final double HOUR_MILLIS = 3_600_000.0;

    private final ProgressStore store;
    private final PlanService plans;
    private final StaffService staff;
    private final DivisionService divisions;
    private final CompetencyCatalogue catalogue;
    private final CompetencyGaps gaps;

    ProgressService(ProgressStore store, PlanService plans, StaffService staff, DivisionService divisions,
            CompetencyCatalogue catalogue, CompetencyGaps gaps) {
        this.store = store;
        this.plans = plans;
        this.staff = staff;
        this.divisions = divisions;
        this.catalogue = catalogue;
        this.gaps = gaps;
    }

    /** What one staff member did in one course in the year, merged over all their actor keys. */
    static final class CourseState {
        long statements;
        long qualifying;
        long millis;
        final Map<Integer, Long> activities = new HashMap<>();

        void add(ActorTallies.Tally tally) {
            statements += tally.statements;
            qualifying += tally.qualifying;
            millis += tally.millis;
            tally.qualifyingByActivity.forEach((activity, count) -> activities.merge(activity, count, Long::sum));
        }

        boolean completed(PlanContent.Course course) {
            PlanContent.CompletionRule rule = course.xapi().completion();
            boolean activitiesMet = rule.activityMatch() == ActivityMatch.ALL
                    ? java.util.stream.IntStream.range(0, course.xapi().activityIds().size())
                            .allMatch(i -> activities.getOrDefault(i, 0L) > 0)
                    : qualifying > 0;
            return activitiesMet && (rule.minHours() == null || millis >= rule.minHours() * HOUR_MILLIS);
        }
    }

    /** The plan and the version whose courses count, read with the caller's rights. */
    record PlanUnderReview(Plan plan, Tenant tenant, PlanContent content, Integer version) {
    }

    PlanUnderReview readPlan(String planId, Caller caller) {
        Plan plan = plans.read(planId, caller);
        Tenant tenant = Callers.requireRead(caller, plans.tenant(plan));
        PlanVersion version = plans.currentVersion(plan).orElse(null);
        PlanContent content = version != null ? version.content()
                : plan.draft() != null ? plan.draft().content() : PlanContent.empty();
        return new PlanUnderReview(plan, tenant, content, version == null ? null : version.number());
    }

    /** Staff id by every lookup key of their identities. */
    static Map<String, String> staffByKey(List<Staff> members) {
        Map<String, String> byKey = new HashMap<>();
        for (Staff member : members) {
            for (XapiIdentity identity : member.xapiIdentities()) {
                for (String key : identity.lookupKeys()) {
                    byKey.putIfAbsent(key, member.id());
                }
            }
        }
        return byKey;
    }

    /** Course state by course key and staff id, from the plan's course-year documents (read by {@code _id}). */
    Map<String, Map<String, CourseState>> states(String tenantId, String planId, int fiscalYear, PlanContent content,
            Map<String, String> staffByKey) {
        List<String> courseKeys = content.courses().stream().map(PlanContent.Course::key).toList();
        Map<String, Map<String, CourseState>> states = new HashMap<>();
        store.courseYears(tenantId, planId, fiscalYear, courseKeys).forEach((courseKey, courseYear) -> {
            courseYear.tallies().forEach((actorKey, tally) -> {
                String staffId = staffByKey.get(actorKey);
                if (staffId != null) {
                    states.computeIfAbsent(courseKey, k -> new HashMap<>()).computeIfAbsent(staffId, k -> new CourseState()).add(tally);
                }
            });
        });
        return states;
    }

    /** The fiscal year of today (Asia/Bangkok, by the application's clock). */
    public int currentFiscalYear() {
        return FiscalYears.of(plans.today());
    }

    public PlanProgress planProgress(String planId, Integer fiscalYearOrNull, Caller caller) {
        PlanUnderReview under = readPlan(planId, caller);
        int fiscalYear = fiscalYearOrNull != null ? fiscalYearOrNull : FiscalYears.of(plans.today());
        return planProgress(under, fiscalYear);
    }

    PlanProgress planProgress(PlanUnderReview under, int fiscalYear) {
        String tenantId = under.plan().tenantId();
        List<Staff> everyone = staff.all(tenantId);
        // the register as it stood for the fiscal year: each person with the values (and target groups) of their last day in it
        Map<String, LocalDate> asOfById = new HashMap<>();
        List<Staff> current = new ArrayList<>();
        for (Staff member : everyone) {
            member.inFiscalYear(fiscalYear, plans.today()).ifPresent(entry -> {
                current.add(entry.staff());
                asOfById.put(member.id(), entry.asOf());
            });
        }
        Map<String, String> byKey = staffByKey(everyone);
        Map<String, Map<String, CourseState>> states = states(tenantId, under.plan().id(), fiscalYear, under.content(), byKey);
        Map<String, Double> spent = spentByCourse(tenantId, under.plan().id(), fiscalYear);

        Set<String> currentIds = new HashSet<>();
        current.forEach(s -> currentIds.add(s.id()));
        Map<String, Set<String>> completedBy = new HashMap<>();
        Map<String, Long> millisBy = new HashMap<>();
        List<CourseProgress> courses = new ArrayList<>();
        for (PlanContent.Course course : under.content().courses()) {
            Map<String, CourseState> ofCourse = states.getOrDefault(course.key(), Map.of());
            List<Staff> targeted = current.stream().filter(s -> targeted(course.target(), s, asOfById.get(s.id()))).toList();
            Set<String> targetedIds = new HashSet<>();
            targeted.forEach(s -> targetedIds.add(s.id()));
            int started = 0;
            int completed = 0;
            int completedInTarget = 0;
            long millis = 0;
            for (Map.Entry<String, CourseState> entry : ofCourse.entrySet()) {
                if (!currentIds.contains(entry.getKey())) {
                    continue;
                }
                CourseState state = entry.getValue();
                if (state.statements > 0) {
                    started++;
                }
                millis += state.millis;
                millisBy.merge(entry.getKey(), state.millis, Long::sum);
                if (course.xapi() != null && state.completed(course)) {
                    completed++;
                    if (targetedIds.contains(entry.getKey())) {
                        completedInTarget++;
                    }
                    completedBy.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(course.key());
                }
            }
            PlanContent.CourseYear year = course.year(fiscalYear).orElse(null);
            boolean planned = year != null || course.schedule() != null && course.schedule().fiscalYears().contains(fiscalYear);
            double hours = millis / HOUR_MILLIS;
            courses.add(new CourseProgress(course.key(), course.titleTh(), planned, year == null ? 0 : year.plannedParticipants(),
                    targeted.size(), started, completed, completedInTarget, completed - completedInTarget,
                    share(completedInTarget, targeted.size()), hours, started == 0 ? 0 : hours / started,
                    completed > 0, year == null ? 0 : year.budget(), spent.getOrDefault(course.key(), 0.0), course.competencyCodes()));
        }

        int developed = (int) current.stream().filter(s -> completedBy.containsKey(s.id())).count();
        double totalHours = millisBy.values().stream().mapToLong(Long::longValue).sum() / HOUR_MILLIS;
        long budgetPlanned = courses.stream().mapToLong(CourseProgress::budgetPlanned).sum();
        double budgetSpent = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        BudgetProgress budget = new BudgetProgress(budgetPlanned, budgetSpent, share(budgetSpent, budgetPlanned));

        List<IndicatorProgress> indicators = new ArrayList<>();
        for (PlanContent.Goal goal : under.content().goals()) {
            for (PlanContent.Indicator indicator : goal.indicators()) {
                Double target = indicator.targets().stream().filter(t -> t.fiscalYear() == fiscalYear).map(t -> t.value()).findFirst()
                        .orElse(null);
                Double value = switch (indicator.metric()) {
                    case STAFF_DEVELOPED_SHARE -> share(developed, current.size());
                    case HOURS_PER_PERSON -> current.isEmpty() ? 0.0 : totalHours / current.size();
                    case COURSE_COMPLETION_SHARE -> share(courses.stream().mapToInt(CourseProgress::participantsCompletedInTarget).sum(),
                            courses.stream().mapToInt(CourseProgress::targetParticipants).sum());
                    case COURSES_RUN_SHARE -> share(courses.stream().filter(c -> c.planned() && c.delivered()).count(),
                            courses.stream().filter(CourseProgress::planned).count());
                    case BUDGET_SPENT_SHARE -> budget.spentShare();
                    case OTHER -> null;
                };
                Boolean met = target == null || value == null ? null : switch (indicator.comparator()) {
                    case AT_LEAST -> value >= target;
                    case AT_MOST -> value <= target;
                    case EQUAL -> Math.abs(value - target) < 1e-9;
                };
                indicators.add(new IndicatorProgress(goal.key(), goal.title(), indicator.key(), indicator.description(),
                        indicator.metric().name(), indicator.unit() == null ? null : indicator.unit().name(),
                        indicator.comparator().name(), target, value, met));
            }
        }

        Map<String, String> divisionNames = new HashMap<>();
        for (Division division : divisions.list(tenantId)) {
            divisionNames.put(division.id(), division.nameTh());
        }
        List<GroupProgress> byDivision = groups(current, s -> s.divisionId() == null ? List.of() : List.of(s.divisionId()),
                key -> divisionNames.getOrDefault(key, key), completedBy, millisBy);
        List<GroupProgress> byTargetGroup = groups(current,
                s -> s.targetGroups(asOfById.get(s.id())).all().stream().map(TargetGroup::name).toList(),
                key -> TargetGroup.valueOf(key).thaiName(), completedBy, millisBy);
        List<GroupProgress> byPositionType = groups(current,
                s -> s.positionType() == null ? List.of() : List.of(s.positionType().name()),
                key -> th.phatthana.tenants.staff.PositionType.valueOf(key).thaiName(), completedBy, millisBy);

        Map<String, List<String>> coursesByCompetency = new LinkedHashMap<>();
        for (PlanContent.Course course : under.content().courses()) {
            for (String code : course.competencyCodes()) {
                coursesByCompetency.computeIfAbsent(code, c -> new ArrayList<>()).add(course.key());
            }
        }
        List<CompetencyProgress> byCompetency = new ArrayList<>();
        coursesByCompetency.forEach((code, keys) -> {
            int completedIt = (int) current.stream()
                    .filter(s -> completedBy.getOrDefault(s.id(), Set.of()).stream().anyMatch(keys::contains)).count();
            String name = catalogue.find(tenantId, code).map(c -> c.nameTh()).orElse(null);
            byCompetency.add(new CompetencyProgress(code, name, current.size(), completedIt, share(completedIt, current.size()),
                    List.copyOf(keys)));
        });

        return new PlanProgress(under.plan().id(), fiscalYear, under.version(), current.size(), developed,
                share(developed, current.size()), totalHours, current.isEmpty() ? 0 : totalHours / current.size(), indicators, courses,
                budget, byDivision, byTargetGroup, byPositionType, byCompetency, store.checkpoint(tenantId));
    }

    private static List<GroupProgress> groups(List<Staff> current, java.util.function.Function<Staff, List<String>> keysOf,
            java.util.function.Function<String, String> nameOf, Map<String, Set<String>> completedBy, Map<String, Long> millisBy) {
        Map<String, List<Staff>> members = new java.util.TreeMap<>();
        for (Staff member : current) {
            for (String key : keysOf.apply(member)) {
                members.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
            }
        }
        List<GroupProgress> result = new ArrayList<>();
        members.forEach((key, list) -> {
            int developed = (int) list.stream().filter(s -> completedBy.containsKey(s.id())).count();
            double hours = list.stream().mapToLong(s -> millisBy.getOrDefault(s.id(), 0L)).sum() / HOUR_MILLIS;
            result.add(new GroupProgress(key, nameOf.apply(key), list.size(), developed, share(developed, list.size()), hours,
                    list.isEmpty() ? 0 : hours / list.size()));
        });
        return result;
    }

    /** Courses completed and hours of one staff member in a plan's fiscal year. */
    public record StaffTotals(int coursesCompleted, double hours) {
    }

    /**
     * {@link StaffTotals} of every staff member with any, by staff id: the course-years read once
     * for everyone (the export's staff sheet), where {@link #staffProgress} reads them per person.
     */
    public Map<String, StaffTotals> staffTotals(String planId, Integer fiscalYearOrNull, Caller caller) {
        PlanUnderReview under = readPlan(planId, caller);
        String tenantId = under.plan().tenantId();
        int fiscalYear = fiscalYearOrNull != null ? fiscalYearOrNull : FiscalYears.of(plans.today());
        Map<String, Map<String, CourseState>> states = states(tenantId, planId, fiscalYear, under.content(),
                staffByKey(staff.all(tenantId)));
        Map<String, Integer> completed = new HashMap<>();
        Map<String, Long> millis = new HashMap<>();
        for (PlanContent.Course course : under.content().courses()) {
            states.getOrDefault(course.key(), Map.of()).forEach((staffId, state) -> {
                millis.merge(staffId, state.millis, Long::sum);
                completed.merge(staffId, course.xapi() != null && state.completed(course) ? 1 : 0, Integer::sum);
            });
        }
        Map<String, StaffTotals> totals = new HashMap<>();
        millis.forEach((staffId, ms) -> totals.put(staffId, new StaffTotals(completed.getOrDefault(staffId, 0), ms / HOUR_MILLIS)));
        return totals;
    }

    public StaffProgress staffProgress(String planId, Integer fiscalYearOrNull, String staffId, Caller caller) {
        PlanUnderReview under = readPlan(planId, caller);
        String tenantId = under.plan().tenantId();
        Staff recorded = staff.find(tenantId, staffId).orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff"));
        int fiscalYear = fiscalYearOrNull != null ? fiscalYearOrNull : FiscalYears.of(plans.today());
        // as the register stood for the year; someone not employed in it is targeted by nothing, as of its last day
        Staff.InFiscalYear inYear = recorded.inFiscalYear(fiscalYear, plans.today()).orElse(null);
        Staff member = inYear == null ? recorded : inYear.staff();
        LocalDate asOf = inYear == null ? asOf(fiscalYear) : inYear.asOf();
        Map<String, String> byKey = staffByKey(List.of(member));
        Map<String, Map<String, CourseState>> states = states(tenantId, planId, fiscalYear, under.content(), byKey);
        List<StaffCourse> courses = new ArrayList<>();
        Set<String> coveredCompetencies = new HashSet<>();
        long millis = 0;
        int completed = 0;
        for (PlanContent.Course course : under.content().courses()) {
            CourseState state = states.getOrDefault(course.key(), Map.of()).get(member.id());
            boolean targeted = inYear != null && targeted(course.target(), member, asOf);
            if (state == null && !targeted) {
                continue;
            }
            boolean done = state != null && course.xapi() != null && state.completed(course);
            if (done) {
                completed++;
                coveredCompetencies.addAll(course.competencyCodes());
            }
            long ms = state == null ? 0 : state.millis;
            millis += ms;
            courses.add(new StaffCourse(course.key(), course.titleTh(), targeted, state != null && state.statements > 0, done,
                    ms / HOUR_MILLIS, state == null ? 0 : (int) state.statements));
        }
        List<RemainingGap> remaining = new ArrayList<>();
        for (CompetencyGaps.Gap gap : gaps.of(member, plans.today()).gaps()) {
            if (!coveredCompetencies.contains(gap.competency().code())) {
                remaining.add(new RemainingGap(gap.competency().code(), gap.competency().nameTh(), gap.requiredLevel(),
                        gap.assessedLevel(), gap.gap()));
            }
        }
        return new StaffProgress(member.id(), member.fullNameTh(), planId, fiscalYear, millis / HOUR_MILLIS, completed, courses,
                remaining);
    }

    /** Actors of the organisation's statements whom no staff identity matches, most recently seen first. */
    /** Actor keys of the pseudonymous accounts that replace erased people (PDPA). */
    private static final String ERASED_ACTOR = "account|" + th.phatthana.lrs.statements.ErasedPerson.ERASED_HOME_PAGE + "|";

    public List<UnmatchedActor> unmatchedActors(String organisationId, Integer first, Caller caller) {
        Tenant tenant = plans.readableTenant(organisationId, caller);
        int limit = first == null ? 20 : Math.max(1, Math.min(first, 100));
        Map<String, String> byKey = staffByKey(staff.all(tenant.id()));
        List<UnmatchedActor> result = new ArrayList<>();
        for (ProgressActor actor : store.actors(tenant.id())) {
            if (byKey.containsKey(actor.actorKey()) || actor.actorKey().startsWith(ERASED_ACTOR)) {
                continue; // a staff member, or a person erased under the PDPA: nobody to link
            }
            result.add(new UnmatchedActor(actor.actorKey(), actor.displayKey(), actor.name(), actor.statements(), actor.lastSeen()));
            if (result.size() >= limit) {
                break;
            }
        }
        result.sort(Comparator.comparing(UnmatchedActor::lastSeen).reversed().thenComparing(UnmatchedActor::actorKey));
        return result;
    }

    private Map<String, Double> spentByCourse(String tenantId, String planId, int fiscalYear) {
        Map<String, Double> spent = new HashMap<>();
        for (CourseSpend entry : store.spend(tenantId, planId, fiscalYear)) {
            spent.merge(entry.courseKey(), entry.amount(), Double::sum);
        }
        return spent;
    }

    /** The date the register is read as of for a fiscal year: today, or the year's last day once it is over. */
    private LocalDate asOf(int fiscalYear) {
        LocalDate today = plans.today();
        LocalDate last = FiscalYears.lastDay(fiscalYear);
        return today.isAfter(last) ? last : today;
    }

    /** Whether the course target names the staff member (see {@link PlanContent.Target#names}). */
    static boolean targeted(PlanContent.Target target, Staff member, LocalDate asOf) {
        return target == null || target.names(member, asOf);
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
