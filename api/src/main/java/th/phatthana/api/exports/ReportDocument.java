package th.phatthana.api.exports;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A report as every writer (XLSX, CSV, PDF) renders it: its title, the lines of its heading (what,
 * whose, which plan and version, who approved it, the data's date), its tables, and the signature
 * block it ends with. The progress report of one organisation and the province roll-up are both
 * made into one.
 *
 * @param title       e.g. "รายงานความก้าวหน้าการพัฒนาบุคลากร"
 * @param heading     label and value, in order; a value is text or a Buddhist-Era year ({@link Long})
 * @param tables      the tables, in order
 * @param signatories the positions that sign at the end (ผู้รายงาน, ปลัด…, นายก…), in order; none for no block
 * @param footer      the text at the foot of every PDF page, beside the page number
 * @param generatedAt when the data was read ("ข้อมูล ณ วันที่"), in Asia/Bangkok
 * @param fileStem    the file name without extension, ASCII
 * @param sections    numbered sections of running text after the tables (the plan document), each a heading, paragraphs
 *                    and tables; none in the progress reports
 */
public record ReportDocument(String title, List<Line> heading, List<ReportTable> tables, List<String> signatories, String footer,
        ZonedDateTime generatedAt, String fileStem, List<Section> sections) {

    /** A report of tables only (the progress reports). */
    public ReportDocument(String title, List<Line> heading, List<ReportTable> tables, List<String> signatories, String footer,
            ZonedDateTime generatedAt, String fileStem) {
        this(title, heading, tables, signatories, footer, generatedAt, fileStem, List.of());
    }

    /** A section: its heading, then its paragraphs (each may hold line breaks), then its tables. */
    public record Section(String heading, List<String> paragraphs, List<ReportTable> tables) {
        public Section {
            Objects.requireNonNull(heading, "heading");
            paragraphs = paragraphs.stream().filter(p -> p != null && !p.isBlank()).toList();
            tables = List.copyOf(tables);
        }
    }

    /** Every table, the report's and the sections'. */
    public List<ReportTable> allTables() {
        List<ReportTable> all = new java.util.ArrayList<>(tables);
        sections.forEach(section -> all.addAll(section.tables()));
        return all;
    }

    /** The label of the heading line that gives the data's date. */
    public static final String DATA_AS_OF = th.phatthana.schema.Glossary.DATA_AS_OF;

    /** One line of the heading. */
    public record Line(String label, Object value) {
        public Line {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }

        public String text() {
            return value.toString();
        }
    }

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        heading = List.copyOf(heading);
        tables = List.copyOf(tables);
        signatories = List.copyOf(signatories);
        sections = sections == null ? List.of() : List.copyOf(sections);
        footer = footer == null ? "" : footer;
    }
}
