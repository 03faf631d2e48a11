package th.phatthana.api.plans;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import th.phatthana.api.graphql.Pages;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.plans.PlanInputs.AddCourseInput;
import th.phatthana.api.plans.PlanInputs.AmendInput;
import th.phatthana.api.plans.PlanInputs.AnnounceInput;
import th.phatthana.api.plans.PlanInputs.ApproveInput;
import th.phatthana.api.plans.PlanInputs.CreatePlanInput;
import th.phatthana.api.plans.PlanInputs.PlanRef;
import th.phatthana.api.plans.PlanInputs.RemoveCourseInput;
import th.phatthana.api.plans.PlanInputs.ReturnInput;
import th.phatthana.api.plans.PlanInputs.UpdateCourseInput;
import th.phatthana.api.plans.PlanInputs.UpdatePlanInput;
import th.phatthana.api.plans.PlanService.Outcome;
import th.phatthana.api.plans.PlanViews.CalendarView;
import th.phatthana.api.plans.PlanViews.ContentView;
import th.phatthana.api.plans.PlanViews.RevisionView;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.tenant.Tenant;

/** The plans part of the GraphQL API: thin mappings onto {@link PlanService}. */
@Controller
class PlanController {

    private final PlanService service;
    private final PlanningCalendar calendar;

    PlanController(PlanService service, PlanningCalendar calendar) {
        this.service = service;
        this.calendar = calendar;
    }

    record PlanPayload(Plan plan, List<UserError> userErrors) {
        static PlanPayload of(Outcome outcome) {
            return new PlanPayload(outcome.plan(), UserError.of(outcome.problems()));
        }
    }

    record PlanCoursePayload(Plan plan, PlanContent.Course course, List<UserError> userErrors) {
    }

    record DiscardPlanDraftPayload(Plan plan, String deletedPlanId, List<UserError> userErrors) {
    }

    // ---- queries --------------------------------------------------------------------------------

    @QueryMapping
    Plan plan(@Argument String id, @ContextValue Caller caller) {
        return service.read(id, caller);
    }

    @QueryMapping
    graphql.execution.DataFetcherResult<Window<Plan>> plans(@Argument String organisationId, @Argument List<PlanStatus> status, @Argument Integer fiscalYear,
            ScrollSubrange subrange, @ContextValue Caller caller) {
        Tenant tenant = service.readableTenant(organisationId, caller);
        LocalDate today = service.today();
        List<Plan> matching = service.plansOf(tenant, caller).stream()
                .filter(p -> status == null || status.isEmpty() || status.contains(p.statusOn(today)))
                .filter(p -> fiscalYear == null || p.covers(fiscalYear))
                .toList();
        return Pages.connection(matching, subrange);
    }

    @QueryMapping
    Plan planInForce(@Argument String organisationId, @Argument LocalDate date, @ContextValue Caller caller) {
        Tenant tenant = service.readableTenant(organisationId, caller);
        return service.inForce(tenant.id(), date != null ? date : service.today()).map(PlanService.InForce::plan).orElse(null);
    }

    @QueryMapping
    graphql.execution.DataFetcherResult<Window<Plan>> planReviewQueue(ScrollSubrange subrange, @ContextValue Caller caller) {
        List<Plan> queue = service.reviewQueue(caller);
        return Pages.connection(queue, subrange);
    }

    @QueryMapping
    CalendarView planningCalendar(@Argument String organisationId, @ContextValue Caller caller) {
        return calendar.of(service.readableTenant(organisationId, caller), caller);
    }

    // ---- Plan fields ----------------------------------------------------------------------------

    @SchemaMapping(typeName = "Plan")
    Tenant organisation(Plan plan) {
        return service.tenant(plan);
    }

    @SchemaMapping(typeName = "Plan")
    PlanStatus status(Plan plan) {
        return plan.statusOn(service.today());
    }

    @SchemaMapping(typeName = "Plan")
    String approvingCommittee(Plan plan) {
        return PlanService.committeeName(service.tenant(plan));
    }

    @SchemaMapping(typeName = "Plan")
    ContentView content(Plan plan) {
        PlanContent content = service.currentVersion(plan).map(PlanVersion::content)
                .orElseGet(() -> plan.draft() == null ? PlanContent.empty() : plan.draft().content());
        return new ContentView(plan.fiscalYears(), content);
    }

    @SchemaMapping(typeName = "Plan")
    RevisionView currentVersion(Plan plan) {
        return service.currentVersion(plan).map(v -> RevisionView.of(plan, v)).orElse(null);
    }

    @SchemaMapping(typeName = "Plan")
    RevisionView draft(Plan plan, @ContextValue Caller caller) {
        return service.visibleDraft(plan, caller).map(d -> RevisionView.of(plan, d)).orElse(null);
    }

    @SchemaMapping(typeName = "Plan")
    List<RevisionView> versions(Plan plan) {
        return service.versions(plan).stream().map(v -> RevisionView.of(plan, v)).toList();
    }

    @SchemaMapping(typeName = "Plan")
    RevisionView version(Plan plan, @Argument int number, @ContextValue Caller caller) {
        return service.visibleDraft(plan, caller).filter(d -> d.number() == number).map(d -> RevisionView.of(plan, d))
                .or(() -> service.version(plan, number).map(v -> RevisionView.of(plan, v))).orElse(null);
    }

    @SchemaMapping(typeName = "Plan")
    List<RevisionView> amendments(Plan plan, @ContextValue Caller caller) {
        List<RevisionView> all = new java.util.ArrayList<>(
                service.versions(plan).stream().filter(v -> v.number() > 0).map(v -> RevisionView.of(plan, v)).toList());
        service.visibleDraft(plan, caller).filter(d -> d.number() > 0).ifPresent(d -> all.add(RevisionView.of(plan, d)));
        return all;
    }

    @SchemaMapping(typeName = "Plan")
    PlanDiff diff(Plan plan, @Argument int from, @Argument Integer to, @ContextValue Caller caller) {
        return service.diff(plan, from, to, caller);
    }

    @SchemaMapping(typeName = "Plan")
    List<UserError> gaps(Plan plan, @ContextValue Caller caller) {
        return service.visibleDraft(plan, caller).isPresent() ? UserError.of(service.gaps(plan)) : List.of();
    }

    @SchemaMapping(typeName = "Plan")
    Window<PlanEvent> auditTrail(Plan plan, ScrollSubrange subrange) {
        return Pages.page(service.events(plan), subrange);
    }

    // ---- mutations ------------------------------------------------------------------------------

    @MutationMapping
    PlanPayload createPlan(@Argument CreatePlanInput input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.create(caller, input, false, origin));
    }

    @MutationMapping
    PlanPayload createPlanFromMasterPlan(@Argument CreatePlanInput input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.create(caller, input, true, origin));
    }

    @MutationMapping
    PlanPayload updatePlan(@Argument UpdatePlanInput input, @ContextValue Caller caller, @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.update(caller, input, origin));
    }

    @MutationMapping
    PlanCoursePayload addPlanCourse(@Argument AddCourseInput input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        Outcome outcome = service.addCourse(caller, input, origin);
        return new PlanCoursePayload(outcome.plan(), outcome.course(), UserError.of(outcome.problems()));
    }

    @MutationMapping
    PlanCoursePayload updatePlanCourse(@Argument UpdateCourseInput input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        Outcome outcome = service.updateCourse(caller, input, origin);
        return new PlanCoursePayload(outcome.plan(), outcome.course(), UserError.of(outcome.problems()));
    }

    @MutationMapping
    PlanPayload removePlanCourse(@Argument RemoveCourseInput input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.removeCourse(caller, input, origin));
    }

    @MutationMapping
    PlanPayload submitPlan(@Argument PlanRef input, @ContextValue Caller caller, @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.submit(caller, input.planId(), origin));
    }

    @MutationMapping
    PlanPayload approvePlan(@Argument ApproveInput input, @ContextValue Caller caller, @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.approve(caller, input, origin));
    }

    @MutationMapping
    PlanPayload returnPlan(@Argument ReturnInput input, @ContextValue Caller caller, @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.returnToOrganisation(caller, input, origin));
    }

    @MutationMapping
    PlanPayload announcePlan(@Argument AnnounceInput input, @ContextValue Caller caller, @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.announce(caller, input, origin));
    }

    @MutationMapping
    PlanPayload startPlanAmendment(@Argument AmendInput input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        return PlanPayload.of(service.startAmendment(caller, input, origin));
    }

    @MutationMapping
    DiscardPlanDraftPayload discardPlanDraft(@Argument PlanRef input, @ContextValue Caller caller,
            @ContextValue(required = false) String origin) {
        Outcome outcome = service.discardDraft(caller, input.planId(), origin);
        return new DiscardPlanDraftPayload(outcome.plan(), outcome.deletedPlanId(), UserError.of(outcome.problems()));
    }

    @SchemaMapping(typeName = "PlanCourse")
    long totalBudget(PlanContent.Course course) {
        return course.totalBudget();
    }

    /** A milestone's description in the request's language (Thai unless English is asked for). */
    @SchemaMapping(typeName = "PlanningMilestone", field = "description")
    String milestoneDescription(PlanViews.Milestone milestone, graphql.GraphQLContext context) {
        return milestone.description().in(th.phatthana.api.graphql.Languages.of(context));
    }
}
