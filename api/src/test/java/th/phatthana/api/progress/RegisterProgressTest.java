package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.RegisterChange;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;

/**
 * Progress for a fiscal year reads the register as it stood for that year: people hired since do
 * not appear, people who left since still count, each in the division they were in on their last
 * day of the year; a change after the year leaves its report as it was.
 */
class RegisterProgressTest extends ProgressTestSupport {

    @Autowired
    DivisionService divisions;

    @Test
    void aPastYearsProgressCountsTheRegisterOfThatYear() throws Exception {
        Org org = new Org("อบต.ทะเบียนย้อนหลัง");
        String finance = divisions.create(org.tenant.id(), new DivisionService.Draft("กองคลัง", null, 1)).value().id();
        String works = divisions.create(org.tenant.id(), new DivisionService.Draft("กองช่าง", null, 2)).value().id();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Staff stays = hire(org, "อยู่", "2015-01-01", finance, "stays-" + tag);
        Staff leaves = hire(org, "ย้ายออก", "2015-01-01", finance, "leaves-" + tag);
        Staff joins = hire(org, "มาใหม่", "2024-10-15", finance, "joins-" + tag);
        // FY 2567 runs 2023-10-01 .. 2024-09-30
        change(org, stays, StaffDraft.of(stays).withDivision(works), "2024-03-01");
        change(org, leaves, StaffDraft.of(leaves).withStatus(EmploymentStatus.TRANSFERRED_OUT), "2024-05-01");

        String activity = ACTIVITIES + "register-" + tag;
        String planId = org.plan(2567, List.of(course("all", List.of(activity), PlanContent.CompletionRule.DEFAULT, 2567, List.of())),
                List.of());
        for (Staff member : List.of(stays, leaves)) {
            org.post(statement(UUID.randomUUID().toString(), mbox(member.xapiIdentities().get(0).mbox().substring(7)), COMPLETED, activity,
                    "2024-02-01T10:00:00+07:00", null));
        }
        org.post(statement(UUID.randomUUID().toString(), mbox(joins.xapiIdentities().get(0).mbox().substring(7)), COMPLETED, activity,
                "2024-11-01T10:00:00+07:00", null));
        org.catchUp();

        JsonNode fy2567 = org.progress(planId, 2567);
        assertThat(fy2567.path("staffCount").asInt()).as("who was on the register in FY 2567").isEqualTo(2);
        assertThat(fy2567.path("staffDeveloped").asInt()).as("one of them left in May, her completion counts").isEqualTo(2);
        assertThat(division(fy2567, works)).as("moved in March: counted where she was on 30 September").isEqualTo(1);
        assertThat(division(fy2567, finance)).as("left in May from the finance division").isEqualTo(1);

        JsonNode fy2568 = org.progress(planId, 2568);
        assertThat(fy2568.path("staffCount").asInt()).as("the new hire, not the one who left").isEqualTo(2);
        assertThat(fy2568.path("staffDeveloped").asInt()).isEqualTo(1);

        // a change after the year leaves the year's report as it was
        Staff moved = staffService.find(org.tenant.id(), stays.id()).orElseThrow();
        change(org, moved, StaffDraft.of(moved).withDivision(finance), "2025-01-15");
        assertThat(org.progress(planId, 2567)).isEqualTo(fy2567);
    }

    private Staff hire(Org org, String name, String appointed, String divisionId, String mailbox) {
        StaffDraft draft = new StaffDraft("R-" + mailbox, "นาง", name, "ทดสอบ", PersonnelType.LOCAL_OFFICIAL, "นักวิชาการเงินและบัญชี",
                PositionType.ACADEMIC, new LineOfWork(null, "นักวิชาการเงินและบัญชี"), "ปฏิบัติการ", divisionId, LocalDate.parse(appointed),
                null, EmploymentStatus.ACTIVE, List.of(XapiIdentity.ofMbox("mailto:" + mailbox + "@example.go.th")), null);
        var outcome = staffService.create(org.tenant.id(), draft);
        assertThat(outcome.problems()).isEmpty();
        return outcome.value();
    }

    private void change(Org org, Staff member, StaffDraft draft, String effectiveOn) {
        var outcome = staffService.update(org.tenant.id(), member.id(), draft, RegisterChange.on(LocalDate.parse(effectiveOn), null));
        assertThat(outcome.problems()).isEmpty();
    }

    private static int division(JsonNode progress, String divisionId) {
        for (JsonNode group : progress.path("byDivision")) {
            if (group.path("key").asString().equals(divisionId)) {
                return group.path("staffCount").asInt();
            }
        }
        return 0;
    }
}
