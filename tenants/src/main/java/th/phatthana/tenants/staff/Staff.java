package th.phatthana.tenants.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import th.phatthana.schema.FiscalYears;

/**
 * A staff member (บุคลากรท้องถิ่น) of one organisation. The citizen ID is never part of it: only
 * whether one is on file ({@link #hasCitizenId()}).
 *
 * @param id               {@code <tenantId>/<uuid>}
 * @param staffNumber      the organisation's own number for the person (เลขประจำตัว), unique within the
 *                         organisation; the key of roster imports
 * @param title            คำนำหน้าชื่อ (นาย, นาง, นางสาว, ว่าที่ร้อยตรี, …)
 * @param appointmentDate  date of first appointment into local government service (วันที่บรรจุแต่งตั้ง), which
 *                         the target groups count service from; a promotion does not change it
 * @param probationEndDate last day of probation (ทดลองปฏิบัติหน้าที่ราชการ); for teachers the last day of the
 *                         intensive preparation (เตรียมความพร้อมและพัฒนาอย่างเข้ม); null when not recorded
 * @param history          the register's dated history, oldest first (see {@link #periods()}); the fields above
 *                         (division, position, line of work, level, status) are its present values
 * @param headRoles        roles heading a unit, with their dates (target group ๓)
 * @param supervisorId     the staff member this person reports to (ผู้บังคับบัญชา: the supervisor who agrees their
 *                         individual development plan), another staff member of the same organisation, or null. A plain
 *                         present value, not part of the dated history: a new supervisor replaces the old one.
 */
public record Staff(
        String id,
        String tenantId,
        String staffNumber,
        String title,
        String firstNameTh,
        String lastNameTh,
        PersonnelType personnelType,
        String positionTitle,
        PositionType positionType,
        LineOfWork lineOfWork,
        String level,
        String divisionId,
        LocalDate appointmentDate,
        LocalDate probationEndDate,
        EmploymentStatus status,
        List<XapiIdentity> xapiIdentities,
        boolean hasCitizenId,
        Instant createdAt,
        Instant updatedAt,
        List<StaffPeriod> history,
        List<HeadRole> headRoles,
        String supervisorId) {

    /** A staff member without a supervisor on record. */
    public Staff(String id, String tenantId, String staffNumber, String title, String firstNameTh, String lastNameTh,
            PersonnelType personnelType, String positionTitle, PositionType positionType, LineOfWork lineOfWork, String level,
            String divisionId, LocalDate appointmentDate, LocalDate probationEndDate, EmploymentStatus status,
            List<XapiIdentity> xapiIdentities, boolean hasCitizenId, Instant createdAt, Instant updatedAt, List<StaffPeriod> history,
            List<HeadRole> headRoles) {
        this(id, tenantId, staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType, lineOfWork, level,
                divisionId, appointmentDate, probationEndDate, status, xapiIdentities, hasCitizenId, createdAt, updatedAt, history,
                headRoles, null);
    }

    public Staff {
        xapiIdentities = xapiIdentities == null ? List.of() : List.copyOf(xapiIdentities);
        history = history == null ? List.of() : List.copyOf(history);
        headRoles = headRoles == null ? List.of() : List.copyOf(headRoles);
    }

    /**
     * The register's history, oldest first. A record made before the register kept history has
     * its present values since its appointment date, and, when it is no longer employed, its status
     * since the day the record last changed.
     */
    public List<StaffPeriod> periods() {
        if (!history.isEmpty()) {
            return history;
        }
        StaffPeriod now = StaffPeriod.of(appointmentDate, StaffChange.APPOINTED, this);
        if (now.employed() || updatedAt == null) {
            return List.of(now);
        }
        LocalDate changed = LocalDate.ofInstant(updatedAt, FiscalYears.BANGKOK);
        if (!changed.isAfter(appointmentDate)) {
            return List.of(now);
        }
        StaffPeriod working = new StaffPeriod(appointmentDate, StaffChange.APPOINTED, divisionId, positionTitle, positionType, lineOfWork,
                level, EmploymentStatus.ACTIVE);
        return List.of(working, now.from(changed, StaffChange.between(working, now)));
    }

    /** The register's values on a day; empty before the first period. */
    public Optional<StaffPeriod> periodOn(LocalDate day) {
        StaffPeriod found = null;
        for (StaffPeriod period : periods()) {
            if (period.from().isAfter(day)) {
                break;
            }
            found = period;
        }
        return Optional.ofNullable(found);
    }

    /** A staff member as the register stood for a fiscal year, and the day it was read on. */
    public record InFiscalYear(Staff staff, LocalDate asOf) {
    }

    /**
     * The staff member as the register stood for a fiscal year: employed on at least one of its
     * days up to today, with the values of the last such day (division, position, line of work,
     * status; target groups are read as of that day too); empty when not employed on any of them.
     * A year that has not begun reads the register of today.
     */
    public Optional<InFiscalYear> inFiscalYear(int fiscalYear, LocalDate today) {
        LocalDate first = FiscalYears.firstDay(fiscalYear);
        LocalDate last = FiscalYears.lastDay(fiscalYear);
        if (today.isBefore(first)) {
            return periodOn(today).filter(StaffPeriod::employed).map(period -> new InFiscalYear(with(period), today));
        }
        if (today.isBefore(last)) {
            last = today;
        }
        List<StaffPeriod> periods = periods();
        for (int i = periods.size() - 1; i >= 0; i--) {
            StaffPeriod period = periods.get(i);
            LocalDate end = i + 1 < periods.size() ? periods.get(i + 1).from().minusDays(1) : LocalDate.MAX;
            LocalDate lastDay = end.isAfter(last) ? last : end;
            if (period.employed() && !lastDay.isBefore(first) && !lastDay.isBefore(period.from())) {
                return Optional.of(new InFiscalYear(with(period), lastDay));
            }
        }
        return Optional.empty();
    }

    /** This record with a period's values. */
    public Staff with(StaffPeriod period) {
        return new Staff(id, tenantId, staffNumber, title, firstNameTh, lastNameTh, personnelType, period.positionTitle(),
                period.positionType(), period.lineOfWork(), period.level(), period.divisionId(), appointmentDate, probationEndDate,
                period.status(), xapiIdentities, hasCitizenId, createdAt, updatedAt, history, headRoles, supervisorId);
    }

    /** Whether a role heading a unit is held on the day. */
    public boolean headsAUnitOn(LocalDate day) {
        return headRoles.stream().anyMatch(role -> role.activeOn(day));
    }

    /** Title, first and last name, as Thai documents write it: นางสาวสุดา ใจดี. */
    public String fullNameTh() {
        return (title == null ? "" : title) + firstNameTh + " " + lastNameTh;
    }

    /** The target groups as of a date (see {@link TargetGroups}). */
    public TargetGroups.Assignment targetGroups(LocalDate asOf) {
        return TargetGroups.of(this, asOf);
    }
}
