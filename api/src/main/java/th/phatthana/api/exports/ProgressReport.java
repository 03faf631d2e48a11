package th.phatthana.api.exports;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import th.phatthana.schema.Glossary;
import th.phatthana.api.time.ThaiDates;

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
 * @param planVersion      the plan version the figures are computed with (0 the plan as first approved, N its N-th amendment; null not approved)
 * @param approval         who approved that version, e.g. "ก.อบต.จังหวัดหนองคาย มติครั้งที่ 1/2567 เมื่อ 1 กันยายน 2566"; empty if unknown
 * @param generatedAt      when the data was read (Glossary.DATA_AS_OF), in Asia/Bangkok
 * @param signatories      the positions that sign the report (ผู้รายงาน, the organisation's ปลัด and chief executive)
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
        Integer planVersion,
        String approval,
        ZonedDateTime generatedAt,
        List<String> signatories,
        List<ReportTable> tables) {

    public ProgressReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(generatedAt, "generatedAt");
        organisationCode = organisationCode == null ? "" : organisationCode;
        planTitle = planTitle == null ? "" : planTitle;
        approval = approval == null ? "" : approval;
        signatories = List.copyOf(signatories);
        tables = List.copyOf(tables);
    }

    /** "ฉบับปรับปรุง ครั้งที่ 2", "ฉบับแรก" for the plan as first approved. */
    public static String versionLabel(Integer version) {
        if (version == null) {
            return "ยังไม่ได้รับความเห็นชอบ";
        }
        return th.phatthana.schema.Glossary.versionLabel(version);
    }

    /** The report as the writers render it. */
    public ReportDocument document() {
        return new ReportDocument(title, List.of(
                new ReportDocument.Line("องค์กรปกครองส่วนท้องถิ่น", organisationName),
                new ReportDocument.Line("รหัสองค์กร", organisationCode),
                new ReportDocument.Line(Glossary.PLAN, planTitle + " (ปีงบประมาณ พ.ศ. " + planFirstYear + "–" + planLastYear + ")"),
                new ReportDocument.Line("ฉบับที่ใช้", versionLabel(planVersion)),
                new ReportDocument.Line("ความเห็นชอบ", approval),
                new ReportDocument.Line(Glossary.FISCAL_YEAR + "ที่รายงาน (พ.ศ.)", (long) fiscalYear),
                new ReportDocument.Line(ReportDocument.DATA_AS_OF, ThaiDates.dateTime(generatedAt))),
                tables, signatories, organisationName + " · " + ThaiDates.fiscalYear(fiscalYear), generatedAt, fileStem());
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
