package th.phatthana.api.learningrecords;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The date forms of completion lists. */
class LearningDatesTest {

    @Test
    void readsTheFormsThaiListsUse() {
        LocalDate jan15 = LocalDate.of(2026, 1, 15);
        assertThat(LearningDates.parse("2026-01-15")).isEqualTo(jan15);
        assertThat(LearningDates.parse("2569-01-15")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15/01/2569")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15/1/2026")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15-01-69")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15.01.2569 13:45")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15 มกราคม 2569")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15 ม.ค. 69")).isEqualTo(jan15);
        assertThat(LearningDates.parse("15 ม.ค. พ.ศ. 2569")).isEqualTo(jan15);
        assertThat(LearningDates.parse("๑๕/๐๑/๒๕๖๙")).isEqualTo(jan15);
        assertThat(LearningDates.parse("46037")).isEqualTo(jan15);
        assertThat(LearningDates.parse("2 กุมภาพันธ์ 2569")).isEqualTo(LocalDate.of(2026, 2, 2));
    }

    @Test
    void refusesWhatIsNotADate() {
        assertThat(LearningDates.parse("31/02/2569")).isNull();
        assertThat(LearningDates.parse("15 มกรา 2569")).isNull();
        assertThat(LearningDates.parse("เมื่อวาน")).isNull();
        assertThat(LearningDates.parse("123")).isNull();
        assertThat(LearningDates.parse("")).isNull();
    }

    @Test
    void namesAreMatchedWithoutTitlesOrSpaces() {
        assertThat(ThaiNames.candidates("นางสาว สุดารัตน์  ทองดี")).contains("สุดารัตน์ทองดี");
        assertThat(ThaiNames.candidates("นางมาลี ศรีสุข")).contains("มาลีศรีสุข");
        assertThat(ThaiNames.candidates("น.ส.สุดารัตน์ ทองดี")).contains("สุดารัตน์ทองดี");
    }

    @Test
    void statementIdsAreNameBasedVersion5() {
        String id = LearningImportService.statementId("t1", ImportSource.DLA_ELEARNING, "t1/s1", "https://x.example/a", LocalDate.of(2026, 1, 15));
        assertThat(id).isEqualTo(LearningImportService.statementId("t1", ImportSource.DLA_ELEARNING, "t1/s1", "https://x.example/a",
                LocalDate.of(2026, 1, 15)));
        assertThat(id.charAt(14)).isEqualTo('5');
        assertThat(id).isNotEqualTo(LearningImportService.statementId("t1", ImportSource.DLA_ELEARNING, "t1/s1", "https://x.example/a",
                LocalDate.of(2026, 1, 16)));
        assertThat(LearningImportService.duration(1.5)).isEqualTo("PT1H30M0S");
    }
}
