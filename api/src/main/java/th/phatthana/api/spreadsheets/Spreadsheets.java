package th.phatthana.api.spreadsheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an uploaded CSV (UTF-8, with or without BOM) or XLSX file into rows keyed by the header of
 * the first line. Row numbers are those a person sees in Excel (header = row 1).
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** One data row: its number as shown in a spreadsheet program, and its cells by header. */
    public record SheetRow(int number, Map<String, String> cells) {
        public String get(String header) {
            String value = cells.get(header);
            return value == null ? "" : value.trim();
        }
    }

    public static class UnreadableFileException extends RuntimeException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    public static List<SheetRow> read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
        if (name.endsWith(".xlsx") || zip) {
            return readXlsx(content);
        }
        return readCsv(content);
    }

    private static List<SheetRow> readCsv(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get().parse(reader)) {
            List<SheetRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (String header : parser.getHeaderNames()) {
                    cells.put(header.trim(), record.isMapped(header) && record.isSet(header) ? record.get(header) : "");
                }
                rows.add(new SheetRow((int) record.getRecordNumber() + 1, cells));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableFileException("the file is not a readable CSV: " + e.getMessage());
        }
    }

    private static List<SheetRow> readXlsx(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                return List.of();
            }
            List<String> headers = new ArrayList<>();
            for (Cell cell : headerRow) {
                while (headers.size() < cell.getColumnIndex()) {
                    headers.add("");
                }
                headers.add(formatter.formatCellValue(cell).trim());
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    String value = cell == null ? "" : formatter.formatCellValue(cell).trim();
                    any |= !value.isEmpty();
                    cells.put(headers.get(c), value);
                }
                if (any) {
                    rows.add(new SheetRow(r + 1, cells));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("the file is not a readable XLSX workbook: " + e.getMessage());
        }
    }
}
