package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.XapiIdentity;

/**
 * A course's completion rate is completions within its target divided by its target, never more
 * than 100 %; staff outside the target who complete it are counted on their own
 * (นอกกลุ่มเป้าหมาย). The demo showed 600 % before.
 */
class CompletionShareTest extends ProgressTestSupport {

    @Test
    void completionsOutsideTheTargetAreCountedApartAndNeverRaiseTheRate() throws Exception {
        Org org = new Org("อบต.นอกเป้า");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String activity = ACTIVITIES + tag + "/procurement";
        String[] mails = new String[5];
        for (int i = 0; i < mails.length; i++) {
            mails[i] = "p" + i + "-" + tag + "@example.go.th";
            // one director (the course's whole target), four general staff outside it
            org.staff("คน" + i, i == 0 ? PositionType.DIRECTOR : PositionType.GENERAL, XapiIdentity.ofMbox("mailto:" + mails[i]));
        }
        PlanContent.Course base = course("procurement", List.of(activity), PlanContent.CompletionRule.DEFAULT, 2567, List.of());
        PlanContent.Course directorsOnly = new PlanContent.Course(base.key(), base.titleTh(), base.titleEn(), base.description(),
                base.category(), base.competencyCodes(), base.methods(), base.provider(),
                new PlanContent.Target(false, null, List.of("DIRECTOR"), null, null, null, null), base.schedule(), base.yearly(), base.xapi());
        String planId = org.plan(2567, List.of(directorsOnly), List.of());
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < mails.length; i++) {
            batch.append(i == 0 ? "" : ",").append(statement(UUID.randomUUID().toString(), mbox(mails[i]), COMPLETED, activity,
                    "2024-03-01T10:00:00+07:00", null));
        }
        org.post(batch.append(']').toString());
        org.catchUp();

        JsonNodeCourse course = new JsonNodeCourse(course(org.progress(planId, 2567), "procurement"));
        assertThat(course.get("targetParticipants")).isEqualTo(1);
        assertThat(course.get("participantsCompleted")).isEqualTo(5);
        assertThat(course.get("participantsCompletedInTarget")).isEqualTo(1);
        assertThat(course.get("participantsCompletedOutsideTarget")).isEqualTo(4);
        assertThat(course.node.path("completionRate").asDouble()).isEqualTo(100.0);
    }

    private record JsonNodeCourse(tools.jackson.databind.JsonNode node) {
        int get(String field) {
            return node.path(field).asInt();
        }
    }
}
