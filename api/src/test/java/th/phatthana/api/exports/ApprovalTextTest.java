package th.phatthana.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import th.phatthana.api.plans.Plan;

/** The approval line of a report's heading, as committees record resolution numbers either way. */
class ApprovalTextTest {

    private static Plan.Review review(String number) {
        return new Plan.Review(Plan.ReviewDecision.APPROVED, null, number, LocalDate.of(2026, 9, 18), "ก.อบต.จังหวัดหนองคาย", null, null);
    }

    @Test
    void theWordForTheResolutionNumberIsWrittenOnce() {
        String expected = "ก.อบต.จังหวัดหนองคาย มติครั้งที่ 9/2569 เมื่อ 18 กันยายน 2569";
        assertThat(PlanProgressReportSource.approval(review("9/2569"))).isEqualTo(expected);
        assertThat(PlanProgressReportSource.approval(review("ครั้งที่ 9/2569"))).isEqualTo(expected);
        assertThat(PlanProgressReportSource.approval(review(" ครั้งที่9/2569 "))).isEqualTo(expected);
        assertThat(PlanProgressReportSource.approval(null)).isEmpty();
    }
}
