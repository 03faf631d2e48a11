package th.phatthana.api.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as people read it in messages: Asia/Bangkok time, the Thai date in the Buddhist Era. */
public final class BangkokTime {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy '(Bangkok time)'",
            Locale.ENGLISH);

    private BangkokTime() {
    }

    /** "6 ธันวาคม 2569 เวลา 14:05 น.". */
    public static String thai(Instant at) {
        return ThaiDates.dateTime(at.atZone(BANGKOK));
    }

    /** "14:05 on 6 December 2026 (Bangkok time)". */
    public static String english(Instant at) {
        return ENGLISH.format(at.atZone(BANGKOK));
    }
}
