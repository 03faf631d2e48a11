package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of a {@link ProgressReport}: an XLSX sheet, a CSV file, a table in the PDF.
 *
 * @param key     stable English key, also the CSV file name: summary, goals, courses, divisions, targetGroups, staff
 * @param titleTh the Thai title (sheet name, PDF heading)
 * @param columns the columns, each with its Thai header and type
 * @param rows    the rows; each cell is null (empty) or of its column's Java type (see {@link CellType})
 */
public record ReportTable(String key, String titleTh, List<Column> columns, List<List<Object>> rows) {

    /**
     * The type of a column, and the Java type of its cells.
     */
    public enum CellType {
        /** {@link String}. */
        TEXT,
        /** {@link Long} (any {@link Number} is accepted and converted). */
        INTEGER,
        /** {@link BigDecimal} (any {@link Number} is accepted); an int or long stays a {@link Long}, a whole number (a count) shown without decimals. */
        DECIMAL,
        /** {@link BigDecimal} percentage points, 0–100: 87.5 means 87.5 %. */
        PERCENT,
        /** {@link LocalDate} (Christian Era; the writers show it in the Buddhist Era). */
        DATE,
        /** {@link Long}: a Buddhist-Era year such as 2567, written as a plain number without grouping. */
        YEAR
    }

    public record Column(String headerTh, CellType type) {
        public Column {
            Objects.requireNonNull(headerTh, "headerTh");
            Objects.requireNonNull(type, "type");
        }

        public boolean numeric() {
            return type == CellType.INTEGER || type == CellType.DECIMAL || type == CellType.PERCENT || type == CellType.YEAR;
        }
    }

    public ReportTable {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(titleTh, "titleTh");
        columns = List.copyOf(columns);
        List<List<Object>> checked = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(key + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            List<Object> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(normalise(columns.get(i), row.get(i)));
            }
            checked.add(java.util.Collections.unmodifiableList(cells));
        }
        rows = List.copyOf(checked);
    }

    private static Object normalise(Column column, Object cell) {
        if (cell == null) {
            return null;
        }
        return switch (column.type()) {
            case TEXT -> cell.toString();
            case INTEGER, YEAR -> {
                if (!(cell instanceof Number n)) {
                    throw new IllegalArgumentException(column.headerTh() + ": not a number: " + cell);
                }
                yield n.longValue();
            }
            case DECIMAL, PERCENT -> {
                if (!(cell instanceof Number n)) {
                    throw new IllegalArgumentException(column.headerTh() + ": not a number: " + cell);
                }
                if (column.type() == CellType.DECIMAL && (n instanceof Integer || n instanceof Long || n instanceof Short)) {
                    yield n.longValue(); // a count in a column of mixed figures: shown as a whole number ("41 คน", not "41.00")
                }
                yield n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            }
            case DATE -> {
                if (!(cell instanceof LocalDate)) {
                    throw new IllegalArgumentException(column.headerTh() + ": not a date: " + cell);
                }
                yield cell;
            }
        };
    }

    /** A table builder: {@code ReportTable.builder("courses", "หลักสูตร").text("หลักสูตร").integer("ผู้เข้ารับการพัฒนา").row(...)}. */
    public static Builder builder(String key, String titleTh) {
        return new Builder(key, titleTh);
    }

    public static final class Builder {
        private final String key;
        private final String titleTh;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String key, String titleTh) {
            this.key = key;
            this.titleTh = titleTh;
        }

        public Builder column(String headerTh, CellType type) {
            columns.add(new Column(headerTh, type));
            return this;
        }

        public Builder text(String headerTh) {
            return column(headerTh, CellType.TEXT);
        }

        public Builder integer(String headerTh) {
            return column(headerTh, CellType.INTEGER);
        }

        public Builder decimal(String headerTh) {
            return column(headerTh, CellType.DECIMAL);
        }

        public Builder percent(String headerTh) {
            return column(headerTh, CellType.PERCENT);
        }

        public Builder date(String headerTh) {
            return column(headerTh, CellType.DATE);
        }

        public Builder year(String headerTh) {
            return column(headerTh, CellType.YEAR);
        }

        public Builder row(Object... cells) {
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public ReportTable build() {
            return new ReportTable(key, titleTh, columns, rows);
        }
    }
}
