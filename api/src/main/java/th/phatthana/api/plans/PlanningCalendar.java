package th.phatthana.api.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import th.phatthana.api.plans.PlanViews.CalendarView;
import th.phatthana.api.plans.PlanViews.Milestone;
import th.phatthana.api.plans.PlanViews.MilestoneKind;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Message;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.tenant.Tenant;

/**
 * The planning cycle of §18 as of today: which plan is in force, which plan comes next, and its
 * due dates. The next plan is the one after the plan in force; when no plan is in force for the
 * current fiscal year it is the plan that should be (then its due dates are past, and overdue).
 *
 * <ul>
 * <li>DRAFTING_START: 1 October of the last fiscal year before the next plan; met once a next plan exists.</li>
 * <li>SUBMISSION: 30 September before its first fiscal year; met once submitted (or approved).</li>
 * <li>IN_FORCE: 1 October of its first fiscal year; met once approved and announced. Overdue from that day.</li>
 * </ul>
 */
@Component
class PlanningCalendar {

    private final PlanService service;

    PlanningCalendar(PlanService service) {
        this.service = service;
    }

    CalendarView of(Tenant tenant, Caller caller) {
        LocalDate today = service.today();
        int fiscalYear = FiscalYears.of(today);
        List<Plan> all = service.plansOf(tenant.id());
        Plan current = all.stream().filter(p -> p.statusOn(today) == PlanStatus.IN_FORCE).findFirst().orElse(null);
        Optional<Plan> coveringNow = all.stream().filter(p -> p.covers(fiscalYear)).findFirst();
        int nextStart;
        if (coveringNow.isPresent() && coveringNow.get().statusOn(today) == PlanStatus.IN_FORCE) {
            nextStart = coveringNow.get().fiscalYearEnd() + 1;
        } else if (coveringNow.isPresent()) {
            nextStart = coveringNow.get().fiscalYearStart();
        } else {
            nextStart = fiscalYear;
        }
        final int start = nextStart;
        Plan next = all.stream().filter(p -> p.covers(start)).findFirst().orElse(null);

        LocalDate draftingStart = FiscalYears.firstDay(start - 1);
        LocalDate submissionDue = FiscalYears.lastDay(start - 1);
        LocalDate inForceDue = FiscalYears.firstDay(start);
        boolean drafted = next != null;
        boolean submitted = next != null && (next.isApproved() || next.draft().status() == Plan.RevisionStatus.SUBMITTED);
        boolean inForce = next != null && next.isApproved() && next.announcementDate() != null;
        String years = start + "–" + (start + Plan.YEARS - 1);
        List<Milestone> milestones = List.of(
                new Milestone(MilestoneKind.DRAFTING_START, draftingStart, drafted, !drafted && today.isAfter(draftingStart),
                        Message.of("เริ่มจัดทำร่างแผนพัฒนาบุคลากร ๓ ปี รอบถัดไป ปีงบประมาณ " + years,
                                "start drafting the plan for " + years)),
                new Milestone(MilestoneKind.SUBMISSION, submissionDue, submitted, !submitted && today.isAfter(submissionDue),
                        Message.of("เสนอร่างแผนปีงบประมาณ " + years + " ต่อ " + PlanService.committeeName(tenant) + " ภายในเดือนกันยายน",
                                "submit the plan for " + years + " by " + submissionDue)),
                new Milestone(MilestoneKind.IN_FORCE, inForceDue, inForce, !inForce && !today.isBefore(inForceDue),
                        Message.of("แผนปีงบประมาณ " + years + " ได้รับความเห็นชอบ ประกาศ และมีผลบังคับใช้",
                                "plan for " + years + " approved, announced and in force from " + inForceDue)));
        Plan visibleNext = next != null && service.visible(next, caller) ? next : null;
        return new CalendarView(tenant, today, fiscalYear, current, start, visibleNext, milestones);
    }
}
