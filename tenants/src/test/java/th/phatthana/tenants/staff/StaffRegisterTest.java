package th.phatthana.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The effective-dated register, on its boundaries: who counts in a fiscal year (employed on at
 * least one of its days), with the values of their last such day; and roles heading a unit that put
 * a person in target group ๓ for their period.
 */
class StaffRegisterTest {

    private static final LocalDate APPOINTED = LocalDate.parse("2020-06-01");
    /** "Today" well after the years the tests read. */
    private static final LocalDate LATER = LocalDate.parse("2030-01-01");

    private static Staff staff(List<StaffPeriod> history, List<HeadRole> roles) {
        StaffPeriod latest = history.get(history.size() - 1);
        return new Staff("t/1", "t", "1", "นาย", "ทดสอบ", "ระบบ", PersonnelType.LOCAL_OFFICIAL, latest.positionTitle(),
                latest.positionType(), latest.lineOfWork(), latest.level(), latest.divisionId(), APPOINTED, null, latest.status(), List.of(),
                false, Instant.parse("2020-06-01T03:00:00Z"), Instant.parse("2025-01-01T03:00:00Z"), history, roles);
    }

    private static StaffPeriod period(String from, StaffChange change, String division, PositionType type, EmploymentStatus status) {
        return new StaffPeriod(LocalDate.parse(from), change, division, "ตำแหน่ง", type, new LineOfWork(null, "นักทรัพยากรบุคคล"), "ปฏิบัติการ",
                status);
    }

    @Test
    void aPersonWhoLeftOnTheFirstDayOfAFiscalYearCountsInItAndNotInTheNext() {
        // FY 2568 runs 2024-10-01 .. 2025-09-30
        Staff member = staff(List.of(period("2020-06-01", StaffChange.APPOINTED, "d1", PositionType.ACADEMIC, EmploymentStatus.ACTIVE),
                period("2024-10-02", StaffChange.TRANSFERRED_OUT, "d1", PositionType.ACADEMIC, EmploymentStatus.TRANSFERRED_OUT)), List.of());
        assertThat(member.inFiscalYear(2568, LATER)).get().extracting(Staff.InFiscalYear::asOf).isEqualTo(LocalDate.parse("2024-10-01"));
        assertThat(member.inFiscalYear(2569, LATER)).isEmpty();
        assertThat(member.inFiscalYear(2567, LATER)).get().extracting(Staff.InFiscalYear::asOf).isEqualTo(LocalDate.parse("2024-09-30"));
    }

    @Test
    void aPersonAppointedOnTheLastDayOfAFiscalYearCountsInIt() {
        Staff member = staff(List.of(new StaffPeriod(LocalDate.parse("2025-09-30"), StaffChange.APPOINTED, "d1", "ตำแหน่ง",
                PositionType.GENERAL, null, null, EmploymentStatus.ACTIVE)), List.of());
        assertThat(member.inFiscalYear(2568, LATER)).isPresent();
        assertThat(member.inFiscalYear(2567, LATER)).as("not yet appointed").isEmpty();
    }

    @Test
    void aTransferBetweenDivisionsMidYearCountsWhereThePersonWasOnTheYearsLastDay() {
        Staff member = staff(List.of(period("2020-06-01", StaffChange.APPOINTED, "finance", PositionType.ACADEMIC, EmploymentStatus.ACTIVE),
                period("2025-03-16", StaffChange.MOVED, "works", PositionType.ACADEMIC, EmploymentStatus.ACTIVE)), List.of());
        assertThat(member.inFiscalYear(2568, LATER).orElseThrow().staff().divisionId()).isEqualTo("works");
        assertThat(member.inFiscalYear(2567, LATER).orElseThrow().staff().divisionId()).as("a past year keeps its division").isEqualTo("finance");
        assertThat(member.periodOn(LocalDate.parse("2025-03-15")).orElseThrow().divisionId()).isEqualTo("finance");
        assertThat(member.periodOn(LocalDate.parse("2025-03-16")).orElseThrow().divisionId()).isEqualTo("works");
    }

    @Test
    void someoneWhoLeftMidYearCountsWithTheValuesOfTheirLastDay() {
        Staff member = staff(List.of(period("2020-06-01", StaffChange.APPOINTED, "d1", PositionType.ACADEMIC, EmploymentStatus.ACTIVE),
                period("2025-01-10", StaffChange.POSITION_CHANGED, "d1", PositionType.DIRECTOR, EmploymentStatus.ACTIVE),
                period("2025-05-01", StaffChange.RETIRED, "d1", PositionType.DIRECTOR, EmploymentStatus.RETIRED)), List.of());
        Staff.InFiscalYear in2568 = member.inFiscalYear(2568, LATER).orElseThrow();
        assertThat(in2568.asOf()).isEqualTo(LocalDate.parse("2025-04-30"));
        assertThat(in2568.staff().positionType()).isEqualTo(PositionType.DIRECTOR);
        assertThat(in2568.staff().status()).isEqualTo(EmploymentStatus.ACTIVE);
        assertThat(member.inFiscalYear(2569, LATER)).isEmpty();
    }

    @Test
    void theYearUnderWayReadsTheRegisterOfToday() {
        Staff member = staff(List.of(period("2020-06-01", StaffChange.APPOINTED, "d1", PositionType.ACADEMIC, EmploymentStatus.ACTIVE)),
                List.of());
        LocalDate today = LocalDate.parse("2025-03-10");
        assertThat(member.inFiscalYear(2568, today)).get().extracting(Staff.InFiscalYear::asOf).isEqualTo(today);
        assertThat(member.inFiscalYear(2569, today)).as("a year not begun: today's register").get()
                .extracting(Staff.InFiscalYear::asOf).isEqualTo(today);
    }

    @Test
    void leaveAndSuspensionKeepThePersonOnTheRegister() {
        Staff member = staff(List.of(period("2020-06-01", StaffChange.APPOINTED, "d1", PositionType.ACADEMIC, EmploymentStatus.ACTIVE),
                period("2024-09-01", StaffChange.LEAVE, "d1", PositionType.ACADEMIC, EmploymentStatus.ON_LEAVE)), List.of());
        assertThat(member.inFiscalYear(2568, LATER)).get().extracting(e -> e.staff().status()).isEqualTo(EmploymentStatus.ON_LEAVE);
    }

    @Test
    void anActingHeadOfOneMonthIsInGroupThreeForThatMonthOnly() {
        HeadRole acting = new HeadRole("รักษาราชการแทนผู้อำนวยการกองคลัง", true, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"));
        Staff member = staff(List.of(period("2020-06-01", StaffChange.APPOINTED, "d1", PositionType.ACADEMIC, EmploymentStatus.ACTIVE)),
                List.of(acting));
        assertThat(TargetGroups.of(member, LocalDate.parse("2025-02-28")).all()).doesNotContain(TargetGroup.DIRECTOR_LEVEL);
        assertThat(TargetGroups.of(member, LocalDate.parse("2025-03-01")).all()).contains(TargetGroup.DIRECTOR_LEVEL);
        assertThat(TargetGroups.of(member, LocalDate.parse("2025-03-31")).primary()).isEqualTo(TargetGroup.DIRECTOR_LEVEL);
        assertThat(TargetGroups.of(member, LocalDate.parse("2025-04-01")).all()).doesNotContain(TargetGroup.DIRECTOR_LEVEL);
    }

    @Test
    void aRecordFromBeforeTheHistoryHasItsValuesSinceAppointmentAndItsEndWhenItLastChanged() {
        Staff old = new Staff("t/1", "t", "1", "นาย", "ทดสอบ", "ระบบ", PersonnelType.LOCAL_OFFICIAL, "ตำแหน่ง", PositionType.ACADEMIC, null,
                null, "d1", APPOINTED, null, EmploymentStatus.LEFT, List.of(), false, Instant.parse("2020-06-01T03:00:00Z"),
                Instant.parse("2025-02-10T03:00:00Z"), List.of(), List.of());
        assertThat(old.periods()).hasSize(2);
        assertThat(old.inFiscalYear(2568, LATER)).get().extracting(Staff.InFiscalYear::asOf).isEqualTo(LocalDate.parse("2025-02-09"));
        assertThat(old.inFiscalYear(2569, LATER)).isEmpty();
    }
}
