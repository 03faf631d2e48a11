package th.phatthana.api.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The text of one revision of a 3-year development plan: the six sections of §15(2) (rationale,
 * goals, courses, methods and duration, budget, monitoring and evaluation) and the committee that
 * prepares it (§14.1). Budget totals are never stored: they are derived from the courses.
 *
 * <p>Every list is non-null (empty when absent), so readers need no null checks. Target groups and
 * position types are the names of the staff feature's GraphQL enums {@code TargetGroup} and
 * {@code PositionType}, kept as strings so this record does not depend on that feature's classes.
 */
public record PlanContent(
        String rationale,
        List<Goal> goals,
        List<Course> courses,
        MethodsAndDuration methodsAndDuration,
        Budget budget,
        Monitoring monitoring,
        Committee committee) {

    public PlanContent {
        goals = list(goals);
        courses = list(courses);
        methodsAndDuration = methodsAndDuration == null ? new MethodsAndDuration(null) : methodsAndDuration;
        budget = budget == null ? new Budget(null) : budget;
        monitoring = monitoring == null ? new Monitoring(null, List.of()) : monitoring;
        committee = committee == null ? new Committee(null, null, List.of()) : committee;
    }

    public static PlanContent empty() {
        return new PlanContent(null, List.of(), List.of(), null, null, null, null);
    }

    public PlanContent withRationale(String value) {
        return new PlanContent(value, goals, courses, methodsAndDuration, budget, monitoring, committee);
    }

    public PlanContent withGoals(List<Goal> value) {
        return new PlanContent(rationale, value, courses, methodsAndDuration, budget, monitoring, committee);
    }

    public PlanContent withCourses(List<Course> value) {
        return new PlanContent(rationale, goals, value, methodsAndDuration, budget, monitoring, committee);
    }

    public PlanContent withMethodsAndDuration(MethodsAndDuration value) {
        return new PlanContent(rationale, goals, courses, value, budget, monitoring, committee);
    }

    public PlanContent withBudget(Budget value) {
        return new PlanContent(rationale, goals, courses, methodsAndDuration, value, monitoring, committee);
    }

    public PlanContent withMonitoring(Monitoring value) {
        return new PlanContent(rationale, goals, courses, methodsAndDuration, budget, value, committee);
    }

    public PlanContent withCommittee(Committee value) {
        return new PlanContent(rationale, goals, courses, methodsAndDuration, budget, monitoring, value);
    }

    public java.util.Optional<Course> course(String key) {
        return courses.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The methods used by the courses, in enum order. */
    public List<DevelopmentMethod> methodsUsed() {
        Set<DevelopmentMethod> used = EnumSet.noneOf(DevelopmentMethod.class);
        courses.forEach(course -> used.addAll(course.methods()));
        return List.copyOf(used);
    }

    /** The budget of one fiscal year: the sum over the courses, never typed twice. */
    public YearTotals totals(int fiscalYear) {
        long amount = 0;
        int participants = 0;
        int count = 0;
        for (Course course : courses) {
            boolean scheduled = course.schedule() != null && course.schedule().fiscalYears().contains(fiscalYear);
            for (CourseYear year : course.yearly()) {
                if (year.fiscalYear() == fiscalYear) {
                    amount += year.budget();
                    participants += year.plannedParticipants();
                    scheduled = true;
                }
            }
            if (scheduled) {
                count++;
            }
        }
        return new YearTotals(fiscalYear, amount, participants, count);
    }

    /** Budget, participants and courses of one fiscal year, derived from the courses. */
    public record YearTotals(int fiscalYear, long amount, int plannedParticipants, int courseCount) {
    }

    // ---- (2) goals ------------------------------------------------------------------------------

    /** A development goal (เป้าหมายการพัฒนา) with its indicators. */
    public record Goal(String key, String title, String description, List<Indicator> indicators) {
        public Goal {
            indicators = list(indicators);
        }
    }

    /** An indicator (ตัวชี้วัด): what is measured, its unit, and a target per fiscal year. */
    public record Indicator(String key, String description, IndicatorMetric metric, IndicatorUnit unit,
            TargetComparator comparator, List<IndicatorTarget> targets) {
        public Indicator {
            metric = metric == null ? IndicatorMetric.OTHER : metric;
            comparator = comparator == null ? TargetComparator.AT_LEAST : comparator;
            targets = list(targets);
        }
    }

    public record IndicatorTarget(int fiscalYear, double value) {
    }

    public enum IndicatorMetric {
        STAFF_DEVELOPED_SHARE, HOURS_PER_PERSON, COURSE_COMPLETION_SHARE, COURSES_RUN_SHARE, BUDGET_SPENT_SHARE, OTHER
    }

    public enum IndicatorUnit {
        PERCENT, HOURS, PERSONS, COURSES, BAHT, SCORE, OTHER
    }

    public enum TargetComparator {
        AT_LEAST, AT_MOST, EQUAL
    }

    // ---- (3) courses ----------------------------------------------------------------------------

    /**
     * A course (หลักสูตรการพัฒนา). {@code key} is stable across revisions, so versions can be
     * compared course by course.
     */
    public record Course(String key, String titleTh, String titleEn, String description, CourseCategory category,
            List<String> competencyCodes, List<DevelopmentMethod> methods, Provider provider, Target target,
            Schedule schedule, List<CourseYear> yearly, Xapi xapi) {
        public Course {
            competencyCodes = list(competencyCodes);
            methods = list(methods);
            yearly = list(yearly);
        }

        public Course withKey(String value) {
            return new Course(value, titleTh, titleEn, description, category, competencyCodes, methods, provider, target,
                    schedule, yearly, xapi);
        }

        /** Total planned budget over all years, in baht. */
        public long totalBudget() {
            return yearly.stream().mapToLong(CourseYear::budget).sum();
        }

        public java.util.Optional<CourseYear> year(int fiscalYear) {
            return yearly.stream().filter(y -> y.fiscalYear() == fiscalYear).findFirst();
        }
    }

    /** The five course categories of §11. */
    public enum CourseCategory {
        BASIC_GOVERNMENT_KNOWLEDGE("หลักสูตรความรู้พื้นฐานในการปฏิบัติราชการ"),
        JOB_DUTIES("หลักสูตรการพัฒนาเกี่ยวกับงานในหน้าที่รับผิดชอบ"),
        POSITION_SPECIFIC("หลักสูตรความรู้และทักษะเฉพาะของงานในแต่ละตำแหน่ง"),
        MANAGEMENT("หลักสูตรด้านการบริหาร"),
        ETHICS("หลักสูตรด้านคุณธรรมและจริยธรรม");

        private final String thaiName;

        CourseCategory(String thaiName) {
            this.thaiName = thaiName;
        }

        public String thaiName() {
            return thaiName;
        }
    }

    /** The development methods of §12; {@link #group()} is the §12 item number. */
    public enum DevelopmentMethod {
        ORIENTATION(1), TRAINING(2), STUDY(3), STUDY_VISIT(3), MEETING(4), WORKSHOP(4), SEMINAR(4), COACHING(5),
        ON_THE_JOB_TRAINING(5), MENTORING(5), CONSULTING(5), JOB_ROTATION(5), SELF_LEARNING(5), E_LEARNING(5), OTHER(5);

        private final int group;

        DevelopmentMethod(int group) {
            this.group = group;
        }

        public int group() {
            return group;
        }
    }

    public record Provider(ProviderKind kind, String name) {
    }

    public enum ProviderKind {
        OWN_ORGANISATION, NATIONAL_OFFICE, PROVINCIAL_OFFICE, OTHER_AGENCY
    }

    /**
     * Who a course is for: everyone ({@code allStaff}), named staff, or the staff matching every
     * non-empty criterion (any value within one criterion).
     */
    public record Target(boolean allStaff, List<String> targetGroups, List<String> positionTypes, List<String> linesOfWork,
            List<String> divisionIds, List<String> staffIds, String description) {
        public Target {
            targetGroups = list(targetGroups);
            positionTypes = list(positionTypes);
            linesOfWork = list(linesOfWork);
            divisionIds = list(divisionIds);
            staffIds = list(staffIds);
        }

        /** Whether the target names anyone at all. */
        public boolean namesAnyone() {
            return allStaff || !targetGroups.isEmpty() || !positionTypes.isEmpty() || !linesOfWork.isEmpty()
                    || !divisionIds.isEmpty() || !staffIds.isEmpty();
        }

        /**
         * Whether the target names the staff member (as the register gives them, target groups as of
         * the day): all staff, or the named staff, or every criterion given holds (any value of a list).
         */
        public boolean names(th.phatthana.tenants.staff.Staff member, java.time.LocalDate asOf) {
            if (allStaff || !namesAnyone()) {
                return true;
            }
            if (!staffIds.isEmpty()) {
                return staffIds.contains(member.id());
            }
            if (!targetGroups.isEmpty() && member.targetGroups(asOf).all().stream().noneMatch(g -> targetGroups.contains(g.name()))) {
                return false;
            }
            if (!positionTypes.isEmpty() && (member.positionType() == null || !positionTypes.contains(member.positionType().name()))) {
                return false;
            }
            if (!linesOfWork.isEmpty() && (member.lineOfWork() == null || linesOfWork.stream().noneMatch(member.lineOfWork()::matches))) {
                return false;
            }
            return divisionIds.isEmpty() || divisionIds.contains(member.divisionId());
        }
    }

    /** When a course runs: fiscal years and calendar months (1–12) in each. */
    public record Schedule(List<Integer> fiscalYears, List<Integer> months, String note) {
        public Schedule {
            fiscalYears = list(fiscalYears);
            months = list(months);
        }
    }

    /** Planned participants and budget (whole baht) of a course in one fiscal year. */
    public record CourseYear(int fiscalYear, int plannedParticipants, long budget) {
    }

    /** The xAPI activities that count for a course and its completion rule. */
    public record Xapi(List<String> activityIds, CompletionRule completion) {
        public Xapi {
            activityIds = list(activityIds);
            completion = completion == null ? CompletionRule.DEFAULT : completion;
        }
    }

    /**
     * When a course counts as completed by a person in a fiscal year: non-voided statements about
     * the course's activities (any one, or all of them) with one of the verbs and meeting every set
     * condition; hours are the sum of result.duration of those statements.
     */
    public record CompletionRule(List<String> verbs, ActivityMatch activityMatch, boolean requireSuccess,
            boolean requireCompletion, Double minScaledScore, Double minHours) {

        public static final String COMPLETED = th.phatthana.schema.xapi.XapiVerbs.COMPLETED;
        public static final String PASSED = th.phatthana.schema.xapi.XapiVerbs.PASSED;
        public static final String ATTENDED = th.phatthana.schema.xapi.XapiVerbs.ATTENDED;
        public static final CompletionRule DEFAULT = new CompletionRule(List.of(COMPLETED), ActivityMatch.ANY, false, false, null,
                null);

        public CompletionRule {
            verbs = verbs == null || verbs.isEmpty() ? List.of(COMPLETED) : List.copyOf(verbs);
            activityMatch = activityMatch == null ? ActivityMatch.ANY : activityMatch;
        }
    }

    public enum ActivityMatch {
        ANY, ALL
    }

    // ---- (4), (5), (6) --------------------------------------------------------------------------

    /** Section (4): the narrative; the methods used are derived from the courses. */
    public record MethodsAndDuration(String description) {
    }

    /** Section (5): the narrative (source of funds); the totals are derived from the courses. */
    public record Budget(String description) {
    }

    /** Section (6): how and when the indicators are checked, as PDCA checkpoints. */
    public record Monitoring(String description, List<Checkpoint> checkpoints) {
        public Monitoring {
            checkpoints = list(checkpoints);
        }
    }

    public record Checkpoint(PdcaPhase phase, String description, List<Integer> months, String responsible) {
        public Checkpoint {
            months = list(months);
        }
    }

    public enum PdcaPhase {
        PLAN, DO, CHECK, ACT
    }

    // ---- committee (§14.1) ----------------------------------------------------------------------

    /** The committee appointed by order of the chief executive to prepare the plan. */
    public record Committee(String appointmentOrderNumber, LocalDate appointmentDate, List<Member> members) {
        public Committee {
            members = list(members);
        }

        public long count(CommitteeRole role) {
            return members.stream().filter(m -> m.role() == role).count();
        }
    }

    /** A member named from the staff register, by name, or by position only. */
    public record Member(String key, CommitteeRole role, String staffId, String name, String position) {
    }

    public enum CommitteeRole {
        CHAIR, MEMBER, SECRETARY, ASSISTANT_SECRETARY
    }

    private static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            if (value != null) {
                copy.add(value);
            }
        }
        return List.copyOf(copy);
    }
}
