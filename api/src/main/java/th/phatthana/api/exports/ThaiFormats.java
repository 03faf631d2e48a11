package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import th.phatthana.schema.FiscalYears;

/** Thai text for dates, years and numbers as the exports show them: Buddhist Era, Thai month names, Arabic digits. */
public final class ThaiFormats {

    static final List<String> MONTHS = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");

    private ThaiFormats() {
    }

    public static int buddhistYear(LocalDate date) {
        return date.getYear() + FiscalYears.BUDDHIST_ERA_OFFSET;
    }

    /** "1 ตุลาคม 2566". */
    public static String date(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS.get(date.getMonthValue() - 1) + " " + buddhistYear(date);
    }

    /** "5 พฤศจิกายน 2567 เวลา 14:05 น." (the time as given, normally Asia/Bangkok). */
    public static String dateTime(ZonedDateTime at) {
        return date(at.toLocalDate()) + " เวลา " + String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute()) + " น.";
    }

    /** "ปีงบประมาณ พ.ศ. 2567". */
    public static String fiscalYear(int fiscalYear) {
        return "ปีงบประมาณ พ.ศ. " + fiscalYear;
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
            case DATE -> date((LocalDate) value);
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
            case DATE -> date((LocalDate) value);
        };
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
