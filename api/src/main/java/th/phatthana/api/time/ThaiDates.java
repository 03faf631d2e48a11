package th.phatthana.api.time;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import th.phatthana.schema.FiscalYears;

/** Dates and years as Thai readers write them: Buddhist Era, Thai month names, Arabic digits. */
public final class ThaiDates {

    static final List<String> MONTHS = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");

    private ThaiDates() {
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
        return th.phatthana.schema.Glossary.FISCAL_YEAR + " พ.ศ. " + fiscalYear;
    }
}
