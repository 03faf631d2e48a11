package th.phatthana.tenants.staff;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The register's values for a staff member from a date until the next period of their history
 * begins: where they worked, in which position and line of work, and whether they were employed.
 *
 * @param from   the first day these values hold
 * @param change what happened on that day
 */
public record StaffPeriod(LocalDate from, StaffChange change, String divisionId, String positionTitle, PositionType positionType,
        LineOfWork lineOfWork, String level, EmploymentStatus status) {

    public StaffPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(change, "change");
        status = status == null ? EmploymentStatus.ACTIVE : status;
    }

    /** The staff member's present values, from a date. */
    static StaffPeriod of(LocalDate from, StaffChange change, Staff staff) {
        return new StaffPeriod(from, change, staff.divisionId(), staff.positionTitle(), staff.positionType(), staff.lineOfWork(),
                staff.level(), staff.status());
    }

    /** On the organisation's register in this period (working, on leave or suspended): counted in its staff. */
    public boolean employed() {
        return status.current();
    }

    /** Whether the register's values are those of another period (the dates and kinds aside). */
    boolean sameValues(StaffPeriod other) {
        return Objects.equals(divisionId, other.divisionId) && Objects.equals(positionTitle, other.positionTitle)
                && positionType == other.positionType && Objects.equals(lineOfWork, other.lineOfWork) && Objects.equals(level, other.level)
                && status == other.status;
    }

    StaffPeriod from(LocalDate day, StaffChange kind) {
        return new StaffPeriod(day, kind, divisionId, positionTitle, positionType, lineOfWork, level, status);
    }
}
