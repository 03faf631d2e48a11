package th.phatthana.tenants.staff;

import java.time.LocalDate;
import java.util.List;

/**
 * What a staff member should be, as given by a person (GraphQL input, a roster row): checked by
 * {@link StaffService} before anything is written.
 *
 * @param divisionId  a division of the same organisation, or null
 * @param status      null means {@link EmploymentStatus#ACTIVE}
 * @param citizenId   what to do with the citizen ID on file
 * @param supervisorId another staff member of the same organisation whom this person reports to, or null
 */
public record StaffDraft(
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
        CitizenIdChange citizenId,
        String supervisorId) {

    /** A draft without a supervisor. */
    public StaffDraft(String staffNumber, String title, String firstNameTh, String lastNameTh, PersonnelType personnelType,
            String positionTitle, PositionType positionType, LineOfWork lineOfWork, String level, String divisionId,
            LocalDate appointmentDate, LocalDate probationEndDate, EmploymentStatus status, List<XapiIdentity> xapiIdentities,
            CitizenIdChange citizenId) {
        this(staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType, lineOfWork, level, divisionId,
                appointmentDate, probationEndDate, status, xapiIdentities, citizenId, null);
    }

    public StaffDraft {
        xapiIdentities = xapiIdentities == null ? List.of() : xapiIdentities;
        citizenId = citizenId == null ? CitizenIdChange.KEEP : citizenId;
    }

    /** The draft of an existing staff member, to change a few fields of. */
    public static StaffDraft of(Staff staff) {
        return new StaffDraft(staff.staffNumber(), staff.title(), staff.firstNameTh(), staff.lastNameTh(), staff.personnelType(),
                staff.positionTitle(), staff.positionType(), staff.lineOfWork(), staff.level(), staff.divisionId(),
                staff.appointmentDate(), staff.probationEndDate(), staff.status(), staff.xapiIdentities(), CitizenIdChange.KEEP,
                staff.supervisorId());
    }

    public StaffDraft withStatus(EmploymentStatus newStatus) {
        return new StaffDraft(staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType, lineOfWork,
                level, divisionId, appointmentDate, probationEndDate, newStatus, xapiIdentities, citizenId, supervisorId);
    }

    public StaffDraft withDivision(String newDivisionId) {
        return new StaffDraft(staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType, lineOfWork,
                level, newDivisionId, appointmentDate, probationEndDate, status, xapiIdentities, citizenId, supervisorId);
    }

    public StaffDraft withXapiIdentities(List<XapiIdentity> identities) {
        return new StaffDraft(staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType, lineOfWork,
                level, divisionId, appointmentDate, probationEndDate, status, identities, citizenId, supervisorId);
    }

    public StaffDraft withSupervisor(String newSupervisorId) {
        return new StaffDraft(staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType, lineOfWork,
                level, divisionId, appointmentDate, probationEndDate, status, xapiIdentities, citizenId, newSupervisorId);
    }

    /** What to do with the citizen ID: keep what is on file, remove it, or set it from a number. */
    public sealed interface CitizenIdChange {
        CitizenIdChange KEEP = new Keep();
        CitizenIdChange CLEAR = new Clear();

        static CitizenIdChange set(String citizenId) {
            return new Set(citizenId);
        }

        record Keep() implements CitizenIdChange {
        }

        record Clear() implements CitizenIdChange {
        }

        /** @param citizenId the number as written (never stored, never logged) */
        record Set(String citizenId) implements CitizenIdChange {
            @Override
            public String toString() {
                return "Set[citizenId hidden]";
            }
        }
    }
}
