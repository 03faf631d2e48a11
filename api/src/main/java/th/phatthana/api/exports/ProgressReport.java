package th.phatthana.api.exports;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A progress report as the export writers see it, independent of the progress engine: the title
 * block and the tables, in display order. Every writer (XLSX, CSV, PDF) renders the same report,
 * so the three formats always carry the same figures.
 *
 * @param title            e.g. "รายงานความก้าวหน้าการพัฒนาบุคลากร"
 * @param organisationName the organisation's Thai name
 * @param organisationCode its code (รหัสองค์กรปกครองส่วนท้องถิ่น)
 * @param planTitle        the 3-year development plan's title
 * @param planFirstYear    first fiscal year of the plan (Buddhist Era)
 * @param planLastYear     last fiscal year of the plan (Buddhist Era)
 * @param fiscalYear       the fiscal year reported (Buddhist Era, e.g. 2567)
 * @param generatedAt      when the report was made, in Asia/Bangkok
 * @param tables           summary, goals, courses, divisions, targetGroups, staff (any of them, in order)
 */
public record ProgressReport(
        String title,
        String organisationName,
        String organisationCode,
        String planTitle,
        int planFirstYear,
        int planLastYear,
        int fiscalYear,
        ZonedDateTime generatedAt,
        List<ReportTable> tables) {

    public ProgressReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(generatedAt, "generatedAt");
        organisationCode = organisationCode == null ? "" : organisationCode;
        planTitle = planTitle == null ? "" : planTitle;
        tables = List.copyOf(tables);
    }

    public Optional<ReportTable> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** A file name without extension, ASCII only: progress-<code>-<fiscal year>. */
    public String fileStem() {
        String code = organisationCode.replaceAll("[^A-Za-z0-9_-]", "");
        return "progress-" + (code.isEmpty() ? "report" : code) + "-" + fiscalYear;
    }
}
