package th.phatthana.api.staff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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

import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.staff.StaffRoster;

/**
 * Reads a roster file: CSV (UTF-8, with or without byte-order mark; comma-separated) or XLSX (the
 * first sheet). The first row holds the headers: the Thai headers of the template or the English
 * keys, in any order; unknown headers refuse the file, missing optional columns are fine. Row
 * numbers are those a spreadsheet program shows (header = 1). In XLSX, date cells become ISO dates
 * and whole numbers lose their ".0".
 */
final class RosterFiles {

    private RosterFiles() {
    }

    /** The file cannot be read at all (not CSV/XLSX, bad encoding, bad header). */
    static class UnreadableFileException extends RuntimeException {
        private final List<StaffRoster.RowError> errors;

        UnreadableFileException(String message) {
            this(message, List.of());
        }

        UnreadableFileException(String message, List<StaffRoster.RowError> errors) {
            super(message);
            this.errors = errors;
        }

        List<StaffRoster.RowError> errors() {
            return errors;
        }
    }

    static List<StaffRoster.Row> read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip || name.endsWith(".xlsx")) {
            return readXlsx(content);
        }
        if (name.endsWith(".xls")) {
            throw new UnreadableFileException("old .xls workbooks are not read: save the file as .xlsx or CSV UTF-8");
        }
        return readCsv(content);
    }

    private static List<StaffRoster.Row> readCsv(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF
                ? 3 : 0;
        try {
            // refuse text that is not UTF-8 (e.g. a CSV saved as TIS-620/Windows-874) instead of reading it garbled
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content, offset, content.length - offset));
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("the CSV file is not UTF-8: in Excel save it as 'CSV UTF-8 (Comma delimited)'");
        }
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            List<StaffRoster.Row> rows = new ArrayList<>();
            List<RosterColumn> columns = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // the header is row 1 and blank lines count, as a spreadsheet program shows them
                rows.add(row((int) record.getRecordNumber(), columns, cells));
            }
            if (columns == null) {
                throw new UnreadableFileException("the file is empty: the first row must hold the column headers");
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("the file is not a readable CSV: " + e.getMessage());
        }
    }

    private static List<StaffRoster.Row> readXlsx(byte[] content) {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("the file is not a readable XLSX workbook");
        }
        try (workbook) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw new UnreadableFileException("the first sheet is empty: its first row must hold the column headers");
            }
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                headers.add(text(headerRow.getCell(c), formatter));
            }
            while (!headers.isEmpty() && headers.get(headers.size() - 1).isBlank()) {
                headers.remove(headers.size() - 1);
            }
            List<RosterColumn> columns = header(headers);
            List<StaffRoster.Row> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(row(r + 1, columns, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("the XLSX workbook could not be read: " + e.getMessage());
        }
    }

    /** A cell as text: dates as yyyy-MM-dd, whole numbers without decimals (citizen IDs, staff numbers), else as shown. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
                return date.toString();
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return BigDecimal.valueOf(value).toBigInteger().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static List<RosterColumn> header(List<String> headers) {
        List<RosterColumn> columns = new ArrayList<>(headers.size());
        List<StaffRoster.RowError> errors = new ArrayList<>();
        for (String header : headers) {
            if (header == null || header.isBlank()) {
                columns.add(null);
                continue;
            }
            RosterColumn column = RosterColumn.byHeader(header);
            if (column == null) {
                errors.add(new StaffRoster.RowError(1, null, "UNKNOWN_COLUMN", "ไม่รู้จักคอลัมน์ '" + header.strip() + "'", "unknown column '" + header.strip() + "'"));
            } else if (columns.contains(column)) {
                errors.add(new StaffRoster.RowError(1, column, "REPEATED_COLUMN", "คอลัมน์นี้ซ้ำกัน", "the column appears twice"));
            }
            columns.add(column);
        }
        for (RosterColumn column : RosterColumn.values()) {
            if (column.required() && !columns.contains(column)) {
                errors.add(new StaffRoster.RowError(1, column, "MISSING_COLUMN", "ไม่มีคอลัมน์ที่ต้องมี", "the required column is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnreadableFileException("the header row is not that of a staff roster (see the template)", errors);
        }
        return columns;
    }

    private static StaffRoster.Row row(int number, List<RosterColumn> columns, List<String> cells) {
        Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < columns.size(); i++) {
            RosterColumn column = columns.get(i);
            if (column != null) {
                values.put(column, i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "");
            }
        }
        return new StaffRoster.Row(number, values);
    }
}
