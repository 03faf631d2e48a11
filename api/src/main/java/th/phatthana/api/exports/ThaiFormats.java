package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

import th.phatthana.api.time.ThaiDates;

/** Cells as the exports show them: numbers with Arabic digits, dates as {@link ThaiDates} writes them. */
public final class ThaiFormats {

    private ThaiFormats() {
    }

    /** A cell as text (PDF, CSV): grouping for counts, two decimals for decimals, "87.5%" for percentages, Thai dates. */
    public static String cell(ReportTable.CellType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> value.toString();
            case YEAR -> Long.toString((Long) value);
            case INTEGER -> pattern("#,##0").format(value);
            case DECIMAL -> pattern(value instanceof Long ? "#,##0" : "#,##0.00").format(value);
            case PERCENT -> pattern("#,##0.#").format(((BigDecimal) value).setScale(1, RoundingMode.HALF_UP)) + "%";
            case DATE -> ThaiDates.date((LocalDate) value);
        };
    }

    /** A cell for CSV: numbers plain (no grouping, '.' decimal point) so spreadsheets read them as numbers; Thai dates. */
    public static String plain(ReportTable.CellType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> value.toString();
            case INTEGER, YEAR -> Long.toString((Long) value);
            case DECIMAL, PERCENT -> value instanceof Long count ? Long.toString(count) : ((BigDecimal) value).stripTrailingZeros().toPlainString();
            case DATE -> ThaiDates.date((LocalDate) value);
        };
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
