package th.phatthana.api.spreadsheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import th.phatthana.schema.Message;

/**
 * Reads an uploaded file of rows, the one reader of every import (the staff roster, completion
 * lists, the national register of organisations): CSV in UTF-8 (with or without byte-order mark;
 * a file in another encoding, such as a CSV saved as Windows-874, is refused rather than read
 * garbled) or the first sheet of an XLSX workbook (an old .xls is refused with what to do). The
 * first row holds the headers; blank rows are left out; row numbers are those a spreadsheet
 * program shows (header = 1). In XLSX, date-formatted cells become ISO dates (yyyy-MM-dd) and
 * whole numbers lose their ".0" (citizen IDs, staff numbers, codes); a date typed as a plain
 * number stays a number (an Excel serial date, for the importer to read).
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** The headers (stripped) and the data rows, cells as text. */
    public record Table(List<String> headers, List<TableRow> rows) {
    }

    /** One data row: its number as a spreadsheet program shows it, and its cells by column. */
    public record TableRow(int number, List<String> cells) {
        public String cell(int column) {
            return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column).strip() : "";
        }
    }

    /** One data row with its cells by header. */
    public record SheetRow(int number, Map<String, String> cells) {
        public String get(String header) {
            String value = cells.get(header);
            return value == null ? "" : value.strip();
        }
    }

    /** The file cannot be read at all; {@link #text()} says why in Thai and English. */
    public static class UnreadableFileException extends RuntimeException {
        private final Message text;

        public UnreadableFileException(Message text) {
            super(text.en());
            this.text = text;
        }

        public Message text() {
            return text;
        }
    }

    /** The file as rows with their cells by header (columns without a header are left out). */
    public static List<SheetRow> read(String filename, byte[] content) {
        Table table = readTable(filename, content);
        List<SheetRow> rows = new ArrayList<>(table.rows().size());
        for (TableRow row : table.rows()) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < table.headers().size(); c++) {
                if (!table.headers().get(c).isBlank()) {
                    cells.putIfAbsent(table.headers().get(c), row.cell(c));
                }
            }
            rows.add(new SheetRow(row.number(), cells));
        }
        return rows;
    }

    public static Table readTable(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip || name.endsWith(".xlsx")) {
            return readXlsx(content);
        }
        if (name.endsWith(".xls")) {
            throw unreadable("ไม่รองรับไฟล์ .xls รุ่นเก่า กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8",
                    "old .xls workbooks are not read: save the file as .xlsx or CSV UTF-8");
        }
        return readCsv(content);
    }

    private static Table readCsv(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF
                ? 3 : 0;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content, offset, content.length - offset));
        } catch (CharacterCodingException e) {
            throw unreadable("ไฟล์ CSV ไม่ได้เข้ารหัส UTF-8: ใน Excel ให้บันทึกเป็น 'CSV UTF-8 (Comma delimited)'",
                    "the CSV file is not UTF-8: in Excel save it as 'CSV UTF-8 (Comma delimited)'");
        }
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            List<String> headers = null;
            List<TableRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (headers == null) {
                    headers = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // the header is row 1 and blank lines count, as a spreadsheet program shows them
                rows.add(new TableRow((int) record.getRecordNumber(), cells));
            }
            if (headers == null) {
                throw empty();
            }
            return new Table(headers, rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw unreadable("อ่านไฟล์ CSV ไม่ได้", "the file is not a readable CSV");
        }
    }

    private static Table readXlsx(byte[] content) {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw unreadable("อ่านไฟล์ XLSX ไม่ได้", "the file is not a readable XLSX workbook");
        }
        try (workbook) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw empty();
            }
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                headers.add(text(headerRow.getCell(c), formatter));
            }
            List<TableRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>(headers.size());
                for (int c = 0; c < headers.size(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new TableRow(r + 1, cells));
            }
            return new Table(headers, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw unreadable("อ่านไฟล์ XLSX ไม่ได้", "the XLSX workbook could not be read");
        }
    }

    private static UnreadableFileException empty() {
        return unreadable("ไฟล์ว่าง: แถวแรกต้องเป็นหัวคอลัมน์", "the file is empty: its first row must hold the column headers");
    }

    private static UnreadableFileException unreadable(String th, String en) {
        return new UnreadableFileException(Message.of(th, en));
    }

    /** A cell as text: date cells as yyyy-MM-dd, whole numbers without decimals, else as shown. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return BigDecimal.valueOf(value).toBigInteger().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }
}
