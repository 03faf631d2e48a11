package th.phatthana.api.progress;

import java.time.Instant;
import java.time.LocalDate;

/** Money spent on a course in a fiscal year ({@code recordCourseSpend}); not projected, kept by rebuilds. */
record CourseSpend(String id, String tenantId, String planId, String courseKey, int fiscalYear, double amount, LocalDate date,
        String note, String recordedBy, Instant recordedAt) {
}
