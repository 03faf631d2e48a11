package th.phatthana.api.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import th.phatthana.schema.FiscalYears;

/**
 * The application's "now" in tests: the system clock until a test sets it, and again after
 * {@link #reset()}. Primary, so it is the {@link Clock} every feature that asks for one gets.
 */
@Component
@Primary
public class SettableClock extends Clock {

    private volatile Instant fixed;

    /** Sets "now" to a local date-time in Asia/Bangkok. */
    public void setBangkok(LocalDateTime localDateTime) {
        this.fixed = localDateTime.atZone(FiscalYears.BANGKOK).toInstant();
    }

    public void set(Instant instant) {
        this.fixed = instant;
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant value = fixed;
        return value != null ? value : Instant.now();
    }
}
