package th.phatthana.api.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the progress queries return, shaped as the GraphQL types of progress.graphqls. */
public final class ProgressViews {

    private ProgressViews() {
    }

    /** Progress of one plan in one fiscal year. */
    public record PlanProgress(String planId, int fiscalYear, Integer planVersion, int staffCount, int staffDeveloped,
            double staffDevelopedShare, double totalHours, double hoursPerPerson, List<IndicatorProgress> indicators,
            List<CourseProgress> courses, BudgetProgress budget, List<GroupProgress> byDivision, List<GroupProgress> byTargetGroup,
            List<GroupProgress> byPositionType, List<CompetencyProgress> byCompetency, long statementsThrough) {
    }

    public record IndicatorProgress(String goalKey, String goalTitle, String indicatorKey, String description, String metric,
            String unit, String comparator, Double target, Double value, Boolean met) {
    }

    /**
     * @param participantsCompleted                 every current staff member who completed, in the target or not
     * @param participantsCompletedInTarget         those of them the course's target names
     * @param participantsCompletedOutsideTarget    the others (นอกกลุ่มเป้าหมาย), shown on their own
     * @param completionRate                        participantsCompletedInTarget / targetParticipants, 0–100
     */
    public record CourseProgress(String courseKey, String titleTh, boolean planned, int plannedParticipants,
            int targetParticipants, int participantsStarted, int participantsCompleted, int participantsCompletedInTarget,
            int participantsCompletedOutsideTarget, double completionRate, double totalHours, double averageHours, boolean delivered,
            long budgetPlanned, double budgetSpent, List<String> competencyCodes) {
    }

    public record BudgetProgress(long planned, double spent, double spentShare) {
    }

    /** One division, target group or position type: its current staff, how many were developed, hours. */
    public record GroupProgress(String key, String name, int staffCount, int staffDeveloped, double share, double totalHours,
            double hoursPerPerson) {
    }

    public record CompetencyProgress(String code, String nameTh, int staffCount, int staffCompleted, double share,
            List<String> courseKeys) {
    }

    public record StaffProgress(String staffId, String name, String planId, int fiscalYear, double hours, int coursesCompleted,
            List<StaffCourse> courses, List<RemainingGap> remainingGaps) {
    }

    public record StaffCourse(String courseKey, String titleTh, boolean targeted, boolean started, boolean completed,
            double hours, int statements) {
    }

    /** A competency gap not addressed by a course completed this fiscal year that is linked to the competency. */
    public record RemainingGap(String code, String nameTh, int requiredLevel, int assessedLevel, int gap) {
    }

    public record UnmatchedActor(String actorKey, String displayKey, String name, long statements, Instant lastSeen) {
    }

    public record SpendEntry(String id, String planId, String courseKey, int fiscalYear, double amount, LocalDate date,
            String note, String recordedBy, Instant recordedAt) {
    }
}
