package th.phatthana.api.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import th.phatthana.api.plans.PlanContent.DevelopmentMethod;
import th.phatthana.api.plans.PlanContent.YearTotals;
import th.phatthana.tenants.tenant.Tenant;

/** What the GraphQL types read: plan content with its derived totals, and revisions of either kind. */
public final class PlanViews {

    private PlanViews() {
    }

    /** The GraphQL {@code PlanContent}: the stored sections plus what is derived from the courses. */
    public record ContentView(List<Integer> fiscalYears, PlanContent content) {

        public String rationale() {
            return content.rationale();
        }

        public List<PlanContent.Goal> goals() {
            return content.goals();
        }

        public List<PlanContent.Course> courses() {
            return content.courses();
        }

        public MethodsView methodsAndDuration() {
            return new MethodsView(content.methodsAndDuration().description(), content.methodsUsed());
        }

        public BudgetView budget() {
            List<YearTotals> years = fiscalYears.stream().map(content::totals).toList();
            return new BudgetView(content.budget().description(), years, years.stream().mapToLong(YearTotals::amount).sum());
        }

        public PlanContent.Monitoring monitoring() {
            return content.monitoring();
        }

        public PlanContent.Committee committee() {
            return content.committee();
        }
    }

    public record MethodsView(String description, List<DevelopmentMethod> methodsUsed) {
    }

    public record BudgetView(String description, List<YearTotals> byFiscalYear, long total) {
    }

    /**
     * The GraphQL {@code PlanRevision}: an approved version or the open draft.
     *
     * @param effectiveFrom from when this version governs the plan (null before approval)
     */
    public record RevisionView(int number, String reason, Plan.RevisionStatus status, ContentView content, Instant submittedAt,
            Plan.Actor submittedBy, List<Plan.Review> reviews, Plan.Review approval, LocalDate announcementDate,
            LocalDate effectiveFrom, Instant createdAt, Plan.Actor createdBy) {

        public String label() {
            return label(number);
        }

        public static String label(int number) {
            return th.phatthana.schema.Glossary.versionLabel(number);
        }

        static RevisionView of(Plan plan, PlanVersion version) {
            LocalDate effective = version.number() == 0 ? plan.inForceFrom() : version.approval().resolutionDate();
            return new RevisionView(version.number(), version.reason(), Plan.RevisionStatus.APPROVED,
                    new ContentView(plan.fiscalYears(), version.content()), version.submittedAt(), version.submittedBy(),
                    version.reviews(), version.approval(),
                    plan.announcement(version.number()).map(Plan.Announcement::date).orElse(null), effective, version.createdAt(),
                    version.createdBy());
        }

        static RevisionView of(Plan plan, Plan.Revision draft) {
            return new RevisionView(draft.number(), draft.reason(), draft.status(), new ContentView(plan.fiscalYears(), draft.content()),
                    draft.submittedAt(), draft.submittedBy(), draft.reviews(), null, null, null, draft.createdAt(), draft.createdBy());
        }
    }

    /** The GraphQL {@code PlanningCalendar}. */
    public record CalendarView(Tenant organisation, LocalDate today, int currentFiscalYear, Plan currentPlan,
            int nextPlanFiscalYearStart, Plan nextPlan, List<Milestone> milestones) {

        public boolean overdue() {
            return milestones.stream().anyMatch(Milestone::overdue);
        }
    }

    public enum MilestoneKind {
        DRAFTING_START, SUBMISSION, IN_FORCE
    }

    public record Milestone(MilestoneKind kind, LocalDate dueDate, boolean done, boolean overdue, th.phatthana.schema.Message description) {
    }
}
