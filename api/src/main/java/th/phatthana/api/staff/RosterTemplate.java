package th.phatthana.api.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import th.phatthana.api.spreadsheets.FormulaGuard;
import th.phatthana.tenants.staff.RosterColumn;

/**
 * The roster template: the Thai headers of {@link RosterColumn} and one example row; the XLSX also
 * has a sheet คำอธิบาย saying what each column holds and which are required, and keeps the text
 * columns as text so staff numbers and citizen IDs are not turned into numbers.
 */
final class RosterTemplate {

    static final String SHEET = "บุคลากร";
    static final String HELP_SHEET = "คำอธิบาย";

    private RosterTemplate() {
    }

    /** UTF-8 with a byte-order mark, so Excel shows the Thai text. */
    static byte[] csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            for (RosterColumn column : RosterColumn.values()) {
                printer.print(FormulaGuard.text(column.header()));
            }
            printer.println();
            for (RosterColumn column : RosterColumn.values()) {
                printer.print(FormulaGuard.text(column.example()));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        return withBom;
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));

            Sheet sheet = workbook.createSheet(SHEET);
            Row headers = sheet.createRow(0);
            Row example = sheet.createRow(1);
            RosterColumn[] columns = RosterColumn.values();
            for (int c = 0; c < columns.length; c++) {
                headers.createCell(c).setCellValue(columns[c].header());
                headers.getCell(c).setCellStyle(header);
                example.createCell(c).setCellValue(columns[c].example());
                example.getCell(c).setCellStyle(text);
                sheet.setDefaultColumnStyle(c, text);
                sheet.setColumnWidth(c, Math.min(60, Math.max(14, columns[c].header().length() + 6)) * 256);
            }
            sheet.createFreezePane(0, 1);

            Sheet help = workbook.createSheet(HELP_SHEET);
            Row helpHeader = help.createRow(0);
            String[] titles = {"คอลัมน์", "ชื่อภาษาอังกฤษ (ใช้แทนได้)", "จำเป็น", "คำอธิบาย", "ตัวอย่าง"};
            for (int c = 0; c < titles.length; c++) {
                helpHeader.createCell(c).setCellValue(titles[c]);
                helpHeader.getCell(c).setCellStyle(header);
            }
            for (int r = 0; r < columns.length; r++) {
                Row row = help.createRow(r + 1);
                row.createCell(0).setCellValue(columns[r].header());
                row.createCell(1).setCellValue(columns[r].key());
                row.createCell(2).setCellValue(columns[r].required() ? "จำเป็น" : "");
                row.createCell(3).setCellValue(columns[r].description());
                row.createCell(4).setCellValue(columns[r].example());
            }
            int[] widths = {34, 24, 10, 90, 30};
            for (int c = 0; c < widths.length; c++) {
                help.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
