package th.phatthana.tenants.staff;

import java.time.LocalDate;

/**
 * How a change of a staff member's dated values (division, position, line of work, level, status)
 * enters the register's history: from a day (today when null) as a kind of change (read from what
 * changed when null); or, as a correction, it rewrites the latest period instead (a value entered
 * wrongly, not a change that happened).
 */
public record RegisterChange(LocalDate effectiveOn, StaffChange kind, boolean correction) {

    /** Takes effect today, its kind read from what changed. */
    public static final RegisterChange TODAY = new RegisterChange(null, null, false);

    /** Rewrites the latest period. */
    public static final RegisterChange CORRECTION = new RegisterChange(null, null, true);

    public static RegisterChange on(LocalDate effectiveOn, StaffChange kind) {
        return new RegisterChange(effectiveOn, kind, false);
    }
}
