package th.phatthana.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import th.phatthana.schema.Problem;

/** The checks of a staff draft that need no store, and the normalisation of what passes. */
class StaffChecksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static StaffDraft draft(List<XapiIdentity> identities, StaffDraft.CitizenIdChange citizenId) {
        return new StaffDraft(" 6431501-0001 ", "นาย", " สมชาย ", "ใจดี", PersonnelType.LOCAL_OFFICIAL, "นักจัดการงานทั่วไป",
                PositionType.ACADEMIC, new LineOfWork("3103", "นักจัดการ งานทั่วไป"), "ปฏิบัติการ", null, LocalDate.of(2025, 6, 2),
                LocalDate.of(2025, 12, 1), null, identities, citizenId);
    }

    @Test
    void aGoodDraftIsNormalised() {
        StaffChecks.Checked checked = StaffChecks.check(draft(List.of(XapiIdentity.ofMbox("Somchai.J@sangkhom.go.th"),
                XapiIdentity.ofAccount("https://elearning.dla.go.th", " somchai.j ")), null), TODAY);
        assertThat(checked.problems()).isEmpty();
        StaffDraft draft = checked.draft();
        assertThat(draft.staffNumber()).isEqualTo("6431501-0001");
        assertThat(draft.firstNameTh()).isEqualTo("สมชาย");
        assertThat(draft.status()).isEqualTo(EmploymentStatus.ACTIVE);
        assertThat(draft.xapiIdentities()).containsExactly(XapiIdentity.ofMbox("mailto:Somchai.J@sangkhom.go.th"),
                XapiIdentity.ofAccount("https://elearning.dla.go.th", "somchai.j"));
        assertThat(draft.citizenId()).isEqualTo(StaffDraft.CitizenIdChange.KEEP);
    }

    @Test
    void anInvalidCitizenIdNamesTheField() {
        List<Problem> problems = StaffChecks.check(draft(List.of(), StaffDraft.CitizenIdChange.set("1103702345678")), TODAY).problems();
        assertThat(problems).extracting(Problem::field, Problem::code).containsExactly(org.assertj.core.groups.Tuple.tuple("citizenId", "INVALID"));
    }

    @Test
    void identitiesNeedExactlyOneWellFormedIfiAndNoRepeats() {
        List<Problem> problems = StaffChecks.check(draft(List.of(
                new XapiIdentity("a@b.go.th", "0".repeat(40), null, null),
                XapiIdentity.ofMbox("not an address"),
                new XapiIdentity(null, "XYZ", null, null),
                XapiIdentity.ofAccount("elearning.dla.go.th", ""),
                XapiIdentity.ofMbox("mailto:a@b.go.th"),
                new XapiIdentity(null, th.phatthana.schema.xapi.ActorKey.sha1Hex("mailto:a@b.go.th"), null, null)), null), TODAY).problems();
        assertThat(problems).extracting(Problem::field).containsExactly("xapiIdentities.0", "xapiIdentities.1.mbox",
                "xapiIdentities.2.mboxSha1sum", "xapiIdentities.3.account.homePage", "xapiIdentities.3.account.name",
                "xapiIdentities.5");
        assertThat(problems.get(5).code()).isEqualTo("DUPLICATE");
    }

    @Test
    void requiredFieldsAndDates() {
        StaffDraft empty = new StaffDraft(" ", null, "", null, null, null, null, new LineOfWork("3103", " "), null, null, null,
                null, null, null, null);
        assertThat(StaffChecks.check(empty, TODAY).problems()).extracting(Problem::field)
                .containsExactly("staffNumber", "firstNameTh", "lastNameTh", "personnelType", "positionTitle", "lineOfWork.nameTh",
                        "appointmentDate");
        StaffDraft backwards = new StaffDraft("1", null, "ก", "ข", PersonnelType.CONTRACT_EMPLOYEE, "คนงาน", null, null, null, null,
                LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1), null, null, null);
        assertThat(StaffChecks.check(backwards, TODAY).problems()).extracting(Problem::field).containsExactly("probationEndDate");
        StaffDraft buddhistEra = new StaffDraft("1", null, "ก", "ข", PersonnelType.CONTRACT_EMPLOYEE, "คนงาน", null, null, null, null,
                LocalDate.of(2568, 6, 2), null, null, null, null);
        assertThat(StaffChecks.check(buddhistEra, TODAY).problems()).extracting(Problem::field).containsExactly("appointmentDate");
    }

    @Test
    void rosterDatesAreIsoOrDayMonthYearInEitherEra() {
        assertThat(StaffRoster.parseDate("2025-06-02")).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(StaffRoster.parseDate("02/06/2568")).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(StaffRoster.parseDate("2/6/2025")).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(StaffRoster.parseDate("2568-06-02")).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(StaffRoster.parseDate("31/02/2568")).isNull();
        assertThat(StaffRoster.parseDate("02/06/68")).isNull();
        assertThat(StaffRoster.parseDate("June 2")).isNull();
    }

    @Test
    void thaiWordsNameEnumValues() {
        assertThat(PersonnelType.parse("พนักงานจ้างตามภารกิจ")).isEqualTo(PersonnelType.CONTRACT_EMPLOYEE);
        assertThat(PersonnelType.parse("ข้าราชการหรือพนักงาน ส่วนท้องถิ่น")).isEqualTo(PersonnelType.LOCAL_OFFICIAL);
        assertThat(PersonnelType.parse("permanent employee")).isEqualTo(PersonnelType.PERMANENT_EMPLOYEE);
        // names Thai registers use that were refused before
        assertThat(PersonnelType.parse("พนักงานเมืองพัทยา")).isEqualTo(PersonnelType.LOCAL_OFFICIAL);
        assertThat(PersonnelType.parse("พนักงานส่วนจังหวัด")).isEqualTo(PersonnelType.LOCAL_OFFICIAL);
        assertThat(PersonnelType.parse("พนักงานครูเทศบาล")).isEqualTo(PersonnelType.TEACHER);
        assertThat(PersonnelType.parse("พนักงานครูองค์การบริหารส่วนตำบล")).isEqualTo(PersonnelType.TEACHER);
        assertThat(PersonnelType.parse("ลูกจ้างประจำเทศบาล")).isEqualTo(PersonnelType.PERMANENT_EMPLOYEE);
        assertThat(PersonnelType.parse("พนักงานจ้างตามภารกิจ (ผู้มีคุณวุฒิ)")).isEqualTo(PersonnelType.CONTRACT_EMPLOYEE);
        assertThat(PersonnelType.parse("นักการเมือง")).isNull();
        assertThat(PositionType.parse("ประเภทอำนวยการท้องถิ่น")).isEqualTo(PositionType.DIRECTOR);
        assertThat(EmploymentStatus.parse("on-leave")).isEqualTo(EmploymentStatus.ON_LEAVE);
        assertThat(EmploymentStatus.parse("ลาออก")).isEqualTo(EmploymentStatus.LEFT);
        assertThat(RosterColumn.byHeader("\uFEFFรหัสบุคลากร")).isEqualTo(RosterColumn.STAFF_NUMBER);
        assertThat(RosterColumn.byHeader("StaffNumber")).isEqualTo(RosterColumn.STAFF_NUMBER);
    }
}
