package th.phatthana.tenants.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a staff member is stored (collection {@code staff}). Dates are ISO strings (yyyy-MM-dd),
 * which compare in date order and never shift with the server's time zone. {@code identityKeys}
 * holds every key statements may use for the person ({@link XapiIdentity#lookupKeys()}), and
 * {@code lineOfWorkKey} the line of work's Thai name without spaces, for filters. Every index
 * starts with {@code tenantId}.
 */
@Document("staff")
@CompoundIndexes({
        @CompoundIndex(name = "tenant_staffNumber", def = "{'tenantId': 1, 'staffNumber': 1}", unique = true),
        @CompoundIndex(name = "tenant_identityKeys", def = "{'tenantId': 1, 'identityKeys': 1}"),
        @CompoundIndex(name = "tenant_citizenIdHash", def = "{'tenantId': 1, 'citizenIdHash': 1}"),
        @CompoundIndex(name = "tenant_division", def = "{'tenantId': 1, 'divisionId': 1}"),
        @CompoundIndex(name = "tenant_supervisor", def = "{'tenantId': 1, 'supervisorId': 1}")
})
record StaffDocument(
        @Id String id,
        String tenantId,
        String staffNumber,
        String title,
        String firstNameTh,
        String lastNameTh,
        PersonnelType personnelType,
        String positionTitle,
        PositionType positionType,
        String lineOfWorkCode,
        String lineOfWorkName,
        String lineOfWorkKey,
        String level,
        String divisionId,
        String appointmentDate,
        String probationEndDate,
        EmploymentStatus status,
        List<XapiIdentity> xapiIdentities,
        List<String> identityKeys,
        String citizenIdHash,
        Instant createdAt,
        Instant updatedAt,
        List<StoredPeriod> history,
        List<StoredRole> headRoles,
        String supervisorId) {

    /** A period of the register's history; dates as ISO strings like the other dates. */
    record StoredPeriod(String from, StaffChange change, String divisionId, String positionTitle, PositionType positionType,
            String lineOfWorkCode, String lineOfWorkName, String level, EmploymentStatus status) {

        static StoredPeriod of(StaffPeriod period) {
            LineOfWork line = period.lineOfWork();
            return new StoredPeriod(period.from().toString(), period.change(), period.divisionId(), period.positionTitle(),
                    period.positionType(), line == null ? null : line.code(), line == null ? null : line.nameTh(), period.level(),
                    period.status());
        }

        StaffPeriod toPeriod() {
            return new StaffPeriod(LocalDate.parse(from), change, divisionId, positionTitle, positionType,
                    lineOfWorkName == null ? null : new LineOfWork(lineOfWorkCode, lineOfWorkName), level, status);
        }
    }

    /** A role heading a unit; {@code until} null while it lasts. Filters compare the ISO dates (target group ๓). */
    record StoredRole(String titleTh, boolean acting, String from, String until) {

        static StoredRole of(HeadRole role) {
            return new StoredRole(role.titleTh(), role.acting(), role.from().toString(), role.until() == null ? null : role.until().toString());
        }

        HeadRole toRole() {
            return new HeadRole(titleTh, acting, LocalDate.parse(from), until == null ? null : LocalDate.parse(until));
        }
    }

    static StaffDocument of(Staff staff, String citizenIdHash) {
        LineOfWork line = staff.lineOfWork();
        return new StaffDocument(staff.id(), staff.tenantId(), staff.staffNumber(), staff.title(), staff.firstNameTh(),
                staff.lastNameTh(), staff.personnelType(), staff.positionTitle(), staff.positionType(),
                line == null ? null : line.code(), line == null ? null : line.nameTh(),
                line == null ? null : LineOfWork.compact(line.nameTh()), staff.level(), staff.divisionId(),
                staff.appointmentDate().toString(), staff.probationEndDate() == null ? null : staff.probationEndDate().toString(),
                staff.status(), staff.xapiIdentities(),
                staff.xapiIdentities().stream().flatMap(identity -> identity.lookupKeys().stream()).distinct().toList(),
                citizenIdHash, staff.createdAt(), staff.updatedAt(), staff.history().stream().map(StoredPeriod::of).toList(),
                staff.headRoles().stream().map(StoredRole::of).toList(), staff.supervisorId());
    }

    Staff toStaff() {
        return new Staff(id, tenantId, staffNumber, title, firstNameTh, lastNameTh, personnelType, positionTitle, positionType,
                lineOfWorkName == null ? null : new LineOfWork(lineOfWorkCode, lineOfWorkName), level, divisionId,
                LocalDate.parse(appointmentDate), probationEndDate == null ? null : LocalDate.parse(probationEndDate), status,
                xapiIdentities, citizenIdHash != null, createdAt, updatedAt,
                history == null ? List.of() : history.stream().map(StoredPeriod::toPeriod).toList(),
                headRoles == null ? List.of() : headRoles.stream().map(StoredRole::toRole).toList(), supervisorId);
    }
}
