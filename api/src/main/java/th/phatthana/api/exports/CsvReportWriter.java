package th.phatthana.api.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import th.phatthana.api.spreadsheets.FormulaGuard;
import th.phatthana.api.time.ThaiDates;

/**
 * A {@link ProgressReport} as CSV: one file per table, {@code <key>.csv} (summary.csv, goals.csv,
 * …) plus {@code report.csv} with the title block, zipped. Each file is UTF-8 with a byte-order
 * mark (so Excel opens Thai correctly), RFC 4180 with CRLF line ends, Thai headers in the first
 * row. Numbers are plain (no grouping, '.' as decimal point, percentages as percentage points:
 * 87.5), years Buddhist Era, dates Thai text in the Buddhist Era. Text that a spreadsheet would
 * read as a formula is neutralised ({@link FormulaGuard}).
 */
public final class CsvReportWriter {

    /** The UTF-8 byte-order mark. */
    public static final String BOM = "\uFEFF";
    public static final String INFO_FILE = "report.csv";

    public void write(ReportDocument report, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, INFO_FILE, info(report));
        for (ReportTable table : report.tables()) {
            entry(zip, table.key() + ".csv", csv(table));
        }
        zip.finish();
    }

    public byte[] bytes(ProgressReport report) {
        return bytes(report.document());
    }

    public byte[] bytes(ReportDocument report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One table as CSV bytes, BOM first. */
    public static byte[] csv(ReportTable table) throws IOException {
        List<String> header = table.columns().stream().map(ReportTable.Column::headerTh).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                ReportTable.CellType type = table.columns().get(c).type();
                String text = ThaiFormats.plain(type, row.get(c));
                cells.add(type == ReportTable.CellType.TEXT ? FormulaGuard.text(text) : text);
            }
            rows.add(cells);
        }
        return print(header, rows);
    }

    /** The title, the heading lines, and a line per signatory (the signing is done on paper). */
    static byte[] info(ReportDocument report) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("รายงาน", FormulaGuard.text(report.title())));
        for (ReportDocument.Line line : report.heading()) {
            rows.add(List.of(FormulaGuard.text(line.label()), FormulaGuard.text(line.text())));
        }
        for (String signatory : report.signatories()) {
            rows.add(List.of("ลงนาม", FormulaGuard.text(signatory)));
        }
        return print(List.of("รายการ", "ค่า"), rows);
    }

    private static byte[] print(List<String> header, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write(BOM);
            printer.printRecord(header.stream().map(FormulaGuard::text).toList());
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
