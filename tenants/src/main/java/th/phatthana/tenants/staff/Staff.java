package th.phatthana.tenants.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
        Instant updatedAt) {

    public Staff {
        xapiIdentities = xapiIdentities == null ? List.of() : List.copyOf(xapiIdentities);
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
