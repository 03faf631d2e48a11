package th.phatthana.api.learningrecords;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.phatthana.schema.FiscalYears;

/**
 * The dates of completion lists, as Thai systems and people write them: ISO (2026-01-15, and
 * 2569-01-15 in the Buddhist Era), day first with '/', '-' or '.' (15/01/2569, 15/1/2026, 15-01-69:
 * a year from 2400 on, or of two digits, is Buddhist Era), Thai month names, full or short (15
 * มกราคม 2569, 15 ม.ค. 69, with or without "พ.ศ."), and Excel serial dates (46037 = 2026-01-15).
 * A time after the date (15/01/2569 13:45) is ignored.
 */
final class LearningDates {

    private static final List<String> MONTHS = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");
    private static final List<String> SHORT_MONTHS = List.of("มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})(?:\\s.*)?");
    private static final Pattern THAI_MONTH = Pattern.compile("(\\d{1,2})\\s*([\\p{IsThai}.]+)\\s*(?:พ\\.?\\s*ศ\\.?)?\\s*(\\d{2}|\\d{4})(?:\\s.*)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private LearningDates() {
    }

    /** The date written, or null when it is not one of the forms above. */
    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String value = toArabicDigits(text.strip());
        try {
            Matcher m = ISO.matcher(value);
            if (m.matches()) {
                return LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = DAY_FIRST.matcher(value);
            if (m.matches()) {
                return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = THAI_MONTH.matcher(value);
            if (m.matches()) {
                int month = month(m.group(2));
                return month == 0 ? null : LocalDate.of(year(m.group(3)), month, Integer.parseInt(m.group(1)));
            }
            if (SERIAL.matcher(value).matches()) {
                long days = (long) Double.parseDouble(value);
                return days >= 20_000 && days <= 80_000 ? EXCEL_EPOCH.plusDays(days) : null;
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int month(String written) {
        String name = written.replace(".", "").replace(" ", "");
        int full = MONTHS.indexOf(name);
        if (full >= 0) {
            return full + 1;
        }
        return SHORT_MONTHS.indexOf(name) + 1;
    }

    /** A year as written: from 2400 on Buddhist Era; two digits are the Buddhist Era's 25xx (69 = 2569). */
    private static int year(String written) {
        int year = Integer.parseInt(written);
        if (written.length() == 2) {
            year += 2500;
        }
        return year >= 2400 ? year - FiscalYears.BUDDHIST_ERA_OFFSET : year;
    }

    static String toArabicDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
        }
        return out.toString();
    }
}
