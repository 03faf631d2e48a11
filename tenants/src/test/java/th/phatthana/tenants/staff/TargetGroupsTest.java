package th.phatthana.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.tenants.staff.TargetGroup.DIRECTOR_LEVEL;
import static th.phatthana.tenants.staff.TargetGroup.EXECUTIVE;
import static th.phatthana.tenants.staff.TargetGroup.EXPERIENCED;
import static th.phatthana.tenants.staff.TargetGroup.NEWLY_APPOINTED;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The §4.2 target-group rules, with their boundary dates. */
class TargetGroupsTest {

    static Staff staff(PersonnelType type, PositionType positionType, LineOfWork line, String appointed, String probationEnd) {
        return new Staff("t/1", "t", "1", "นาย", "ทดสอบ", "ระบบ", type, "ตำแหน่ง", positionType, line, null, null,
                LocalDate.parse(appointed), probationEnd == null ? null : LocalDate.parse(probationEnd), EmploymentStatus.ACTIVE,
                List.of(), false, null, null, List.of(), List.of());
    }

    static TargetGroups.Assignment groups(Staff staff, String asOf) {
        return TargetGroups.of(staff, LocalDate.parse(asOf));
    }

    @Nested
    class LocalOfficials {

        // appointed 15 March 2022, probation of six months ending (last day) 14 September 2022
        final Staff official = staff(PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, null, "2022-03-15", "2022-09-14");

        @Test
        void onTheDayOfAppointmentAndThroughProbationOnlyNewlyAppointed() {
            assertThat(groups(official, "2022-03-15").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(official, "2022-09-14").all()).containsExactly(NEWLY_APPOINTED);
        }

        @Test
        void theDayAfterProbationAlsoExperiencedButPrimarilyNewlyAppointed() {
            TargetGroups.Assignment assignment = groups(official, "2022-09-15");
            assertThat(assignment.all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            assertThat(assignment.primary()).isEqualTo(NEWLY_APPOINTED);
        }

        @Test
        void onTheSecondAnniversaryStillNewlyAppointedAndTheDayAfterOnlyExperienced() {
            assertThat(groups(official, "2024-03-15").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            TargetGroups.Assignment after = groups(official, "2024-03-16");
            assertThat(after.all()).containsExactly(EXPERIENCED);
            assertThat(after.primary()).isEqualTo(EXPERIENCED);
        }

        @Test
        void withoutARecordedProbationOnlyTheTwoYearsCount() {
            Staff noProbation = staff(PersonnelType.LOCAL_OFFICIAL, PositionType.GENERAL, null, "2022-03-15", null);
            assertThat(groups(noProbation, "2024-03-14").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(noProbation, "2024-03-15").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            assertThat(groups(noProbation, "2024-03-16").all()).containsExactly(EXPERIENCED);
        }

        @Test
        void aProbationLongerThanTwoYearsKeepsThePersonNewlyAppointed() {
            Staff extended = staff(PersonnelType.LOCAL_OFFICIAL, PositionType.GENERAL, null, "2022-03-15", "2024-06-30");
            assertThat(groups(extended, "2024-06-30").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            assertThat(groups(extended, "2024-07-01").all()).containsExactly(EXPERIENCED);
        }

        @Test
        void beforeTheAppointmentNoGroupAtAll() {
            TargetGroups.Assignment before = groups(official, "2022-03-14");
            assertThat(before.all()).isEmpty();
            assertThat(before.primary()).isNull();
        }

        @Test
        void appointedOnTheTwentyNinthOfFebruaryCountsTwoYearsFromTheFirstOfMarch() {
            Staff leap = staff(PersonnelType.LOCAL_OFFICIAL, PositionType.GENERAL, null, "2024-02-29", null);
            // cutoff of 2026-02-28 is 2024-02-28: appointed after it, so less than two full years
            assertThat(groups(leap, "2026-02-28").all()).containsExactly(NEWLY_APPOINTED);
            // cutoff of 2026-03-01 is 2024-03-01: appointed before it
            assertThat(groups(leap, "2026-03-01").all()).containsExactly(EXPERIENCED);
        }
    }

    @Nested
    class Teachers {

        @Test
        void newlyAppointedUntilTheIntensivePreparationEnds() {
            Staff teacher = staff(PersonnelType.TEACHER, null, new LineOfWork(null, "ครู"), "2023-05-16", "2025-05-15");
            assertThat(groups(teacher, "2025-05-15").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(teacher, "2025-05-16").all()).containsExactly(EXPERIENCED);
        }

        @Test
        void throughPreparationEarlyMeansExperiencedEvenWithinTwoYears() {
            Staff teacher = staff(PersonnelType.TEACHER, null, new LineOfWork(null, "ครู"), "2024-05-16", "2025-05-15");
            assertThat(groups(teacher, "2025-06-01").all()).containsExactly(EXPERIENCED);
        }

        @Test
        void withoutARecordedPreparationEndTheTwoYearsCount() {
            Staff teacher = staff(PersonnelType.TEACHER, null, new LineOfWork(null, "ครู"), "2023-05-16", null);
            assertThat(groups(teacher, "2025-05-15").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(teacher, "2025-05-16").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            assertThat(groups(teacher, "2025-05-17").all()).containsExactly(EXPERIENCED);
        }

        @Test
        void schoolAdministratorsAndHeadsOfChildDevelopmentCentresAreDirectorLevelByLineOfWork() {
            Staff head = staff(PersonnelType.TEACHER, null, new LineOfWork(null, "หัวหน้าศูนย์พัฒนาเด็กเล็ก"), "2010-06-01", null);
            Staff principal = staff(PersonnelType.TEACHER, null, new LineOfWork("X1", "ผู้บริหาร สถานศึกษา"), "2005-06-01", null);
            assertThat(groups(head, "2026-01-01").all()).containsExactly(DIRECTOR_LEVEL, EXPERIENCED);
            assertThat(groups(head, "2026-01-01").primary()).isEqualTo(DIRECTOR_LEVEL);
            assertThat(groups(principal, "2026-01-01").primary()).isEqualTo(DIRECTOR_LEVEL);
        }
    }

    @Nested
    class Employees {

        @Test
        void contractEmployeesAreAlwaysNewlyAppointedAndAlsoExperiencedAfterTwoYears() {
            Staff contract = staff(PersonnelType.CONTRACT_EMPLOYEE, null, null, "2020-10-01", null);
            assertThat(groups(contract, "2020-10-01").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(contract, "2022-09-30").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(contract, "2022-10-01").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            assertThat(groups(contract, "2030-01-01").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
            assertThat(groups(contract, "2030-01-01").primary()).isEqualTo(NEWLY_APPOINTED);
            assertThat(groups(contract, "2020-09-30").all()).isEmpty();
        }

        @Test
        void permanentEmployeesCountByServiceOnly() {
            Staff permanent = staff(PersonnelType.PERMANENT_EMPLOYEE, null, null, "1998-04-01", "1998-09-30");
            assertThat(groups(permanent, "2026-01-01").all()).containsExactly(EXPERIENCED);
            assertThat(groups(permanent, "1998-10-01").all()).containsExactly(NEWLY_APPOINTED);
            assertThat(groups(permanent, "2000-04-01").all()).containsExactly(NEWLY_APPOINTED, EXPERIENCED);
        }
    }

    @Nested
    class Positions {

        @Test
        void executivesComeFirst() {
            Staff palat = staff(PersonnelType.LOCAL_OFFICIAL, PositionType.EXECUTIVE, new LineOfWork("1101", "นักบริหารงานท้องถิ่น"),
                    "2003-06-02", "2003-12-01");
            assertThat(groups(palat, "2026-01-01").all()).containsExactly(EXECUTIVE, EXPERIENCED);
            assertThat(groups(palat, "2026-01-01").primary()).isEqualTo(EXECUTIVE);
        }

        @Test
        void directorsBeforeNewlyAppointed() {
            Staff director = staff(PersonnelType.LOCAL_OFFICIAL, PositionType.DIRECTOR, new LineOfWork("2102", "นักบริหารงานการคลัง"),
                    "2025-01-06", "2025-07-05");
            assertThat(groups(director, "2025-03-01").all()).containsExactly(DIRECTOR_LEVEL, NEWLY_APPOINTED);
            assertThat(groups(director, "2025-03-01").primary()).isEqualTo(DIRECTOR_LEVEL);
        }

        @Test
        void precedenceIsExecutiveDirectorNewlyExperienced() {
            assertThat(TargetGroups.PRECEDENCE).containsExactly(EXECUTIVE, DIRECTOR_LEVEL, NEWLY_APPOINTED, EXPERIENCED);
        }
    }
}
