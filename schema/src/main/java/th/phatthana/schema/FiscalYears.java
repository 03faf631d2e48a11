package th.phatthana.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Thai fiscal years (ปีงบประมาณ): 1 October to 30 September, named by the Buddhist-Era year in
 * which they end. Local time is Asia/Bangkok.
 */
public final class FiscalYears {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    public static final int BUDDHIST_ERA_OFFSET = 543;

    private FiscalYears() {
    }

    /** The fiscal year of a local date: 2023-10-01 is FY 2567, 2024-09-30 is FY 2567, 2024-10-01 is FY 2568. */
    public static int of(LocalDate date) {
        int endYear = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
        return endYear + BUDDHIST_ERA_OFFSET;
    }

    /** The fiscal year of an instant, by its date in Asia/Bangkok. */
    public static int of(Instant instant) {
        return of(ZonedDateTime.ofInstant(instant, BANGKOK).toLocalDate());
    }

    public static LocalDate firstDay(int fiscalYear) {
        return LocalDate.of(fiscalYear - BUDDHIST_ERA_OFFSET - 1, 10, 1);
    }

    public static LocalDate lastDay(int fiscalYear) {
        return LocalDate.of(fiscalYear - BUDDHIST_ERA_OFFSET, 9, 30);
    }

    /** A year that can only be meant as a Buddhist-Era fiscal year of this system's lifetime. */
    public static boolean plausible(int fiscalYear) {
        return fiscalYear >= 2500 && fiscalYear <= 2700;
    }
}
