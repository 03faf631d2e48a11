package th.phatthana.lrs.documents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

import th.phatthana.lrs.xapi.XapiException;

/** The {@code since} parameter: an ISO 8601 timestamp (as xAPI requires), or leniently an HTTP date. */
final class Timestamps {

    /** ISO 8601 with an offset written +07:00, +0700 or +07, or Z. */
    private static final DateTimeFormatter ISO_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    static Instant parse(String name, String value) {
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text, ISO_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            // No offset: xAPI timestamps should carry one; read as UTC rather than refuse.
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw XapiException.badRequest("parameter '" + name + "' must be an ISO 8601 timestamp such as "
                    + "2024-03-15T09:30:00.000Z, not '" + value + "'");
        }
    }
}
