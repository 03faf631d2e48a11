package th.phatthana.api.staff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import th.phatthana.api.spreadsheets.Spreadsheets;
import th.phatthana.schema.Message;
import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.staff.StaffRoster;

/**
 * Reads a roster file through the shared reader ({@link Spreadsheets}: CSV UTF-8 or the first
 * sheet of an XLSX workbook, date cells as ISO dates, whole numbers without ".0"). The first row
 * holds the headers: the Thai headers of the template or the English keys, in any order; unknown
 * headers refuse the file, missing optional columns are fine.
 */
final class RosterFiles {

    private RosterFiles() {
    }

    /** The file cannot be read at all (not CSV/XLSX, bad encoding, bad header). */
    static class UnreadableFileException extends RuntimeException {
        private final Message text;
        private final List<StaffRoster.RowError> errors;

        UnreadableFileException(Message text, List<StaffRoster.RowError> errors) {
            super(text.en());
            this.text = text;
            this.errors = errors;
        }

        Message text() {
            return text;
        }

        List<StaffRoster.RowError> errors() {
            return errors;
        }
    }

    static List<StaffRoster.Row> read(String filename, byte[] content) {
        Spreadsheets.Table table;
        try {
            table = Spreadsheets.readTable(filename, content);
        } catch (Spreadsheets.UnreadableFileException e) {
            throw new UnreadableFileException(e.text(), List.of());
        }
        List<String> headers = new ArrayList<>(table.headers());
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isBlank()) {
            headers.remove(headers.size() - 1);
        }
        List<RosterColumn> columns = header(headers);
        List<StaffRoster.Row> rows = new ArrayList<>(table.rows().size());
        for (Spreadsheets.TableRow row : table.rows()) {
            rows.add(row(row.number(), columns, row.cells()));
        }
        return rows;
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
            throw new UnreadableFileException(Message.of("แถวหัวคอลัมน์ไม่ใช่ของทะเบียนบุคลากร (ดูแบบฟอร์ม)",
                    "the header row is not that of a staff roster (see the template)"), errors);
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
