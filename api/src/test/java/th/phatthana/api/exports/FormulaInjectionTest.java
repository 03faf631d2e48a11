package th.phatthana.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * CSV injection (OWASP): a staff member, a division or a plan named like a formula must come out of
 * every export as text that Excel or LibreOffice shows and never runs.
 */
class FormulaInjectionTest {

    /** Every leading character a spreadsheet reads as the start of a formula, and a Thai name that is harmless. */
    static final List<String> NAMES = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"คลิก\")", "@SUM(1+1)*cmd|' /C calc'!A0",
            "+66 81 234 5678", "-2+3+cmd|' /C calc'!A0", "\tนายสมชาย", "\r=1+1", "นางสาวญาณิศา ฐิติพันธุ์");

    private static ProgressReport report() {
        ReportTable.Builder staff = ReportTable.builder("staff", "บุคลากร").text("ชื่อ-สกุล").decimal("ผลต่างงบประมาณ (บาท)");
        for (String name : NAMES) {
            staff.row(name, new BigDecimal("-1250.50"));
        }
        return new ProgressReport("=รายงาน", "@องค์กร", "+CODE", "-แผน", 2567, 2569, 2567, 0, "=มติ", java.time.ZonedDateTime.parse("2024-10-01T10:00:00+07:00[Asia/Bangkok]"), List.of("-ผู้รายงาน"),
                List.of(staff.build()));
    }

    @Test
    void csvCellsThatWouldRunAsFormulasStartWithAnApostropheAndNumbersStayNumbers() throws IOException {
        Map<String, byte[]> files = ExportWritersTest.unzip(new CsvReportWriter().bytes(report()));
        List<CSVRecord> rows = parse(files.get("staff.csv"));
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            String expected = name.startsWith("นาง") ? name : "'" + name;
            assertThat(rows.get(i + 1).get(0)).as("name %d", i).isEqualTo(expected);
            assertThat(rows.get(i + 1).get(1)).as("a negative amount is a number, not text").isEqualTo("-1250.5");
        }
        List<CSVRecord> info = parse(files.get("report.csv"));
        assertThat(info.stream().map(record -> record.get(1)).toList()).contains("'=รายงาน", "'@องค์กร", "'+CODE", "'-แผน (ปีงบประมาณ พ.ศ. 2567–2569)", "'=มติ", "'-ผู้รายงาน");
    }

    @Test
    void xlsxKeepsSuchNamesAsTextCellsNotFormulas() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new XlsxReportWriter().bytes(report())))) {
            Sheet sheet = workbook.getSheet("บุคลากร");
            for (int i = 0; i < NAMES.size(); i++) {
                var cell = sheet.getRow(i + 1).getCell(0);
                assertThat(cell.getCellType()).as("name %d", i).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(NAMES.get(i));
            }
        }
    }

    private static List<CSVRecord> parse(byte[] file) throws IOException {
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.parse(new java.io.StringReader(text)).getRecords();
    }
}
