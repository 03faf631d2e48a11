package th.phatthana.api.idp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;
import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Outcome;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;

/**
 * Individual development plans over GraphQL. Reads: the roles of the plan's own organisation
 * (TENANT_ADMIN, HR_OFFICER, VIEWER); anyone else gets NOT_FOUND, as for a plan that does not exist.
 * Writes: TENANT_ADMIN, HR_OFFICER; agreements as {@link AgreementRights} decides.
 */
@Controller
class IndividualPlanController {

    private final IndividualPlanService plans;
    private final StaffService staff;

    IndividualPlanController(IndividualPlanService plans, StaffService staff) {
        this.plans = plans;
        this.staff = staff;
    }

    record Payload(IndividualPlan individualPlan, List<UserError> userErrors) {
        static Payload of(Outcome<IndividualPlan> outcome) {
            return new Payload(outcome.value(), UserError.ofInput(outcome.problems()));
        }
    }

    /** An item as GraphQL reads it: its own fields and whether it is done or overdue. */
    record ItemView(String key, String competencyCode, IndividualPlan.ItemKind kind, String planId, String courseKey,
            List<String> activityIds, String titleTh, LocalDate targetDate, String note, boolean done, boolean overdue) {

        static ItemView of(IndividualPlan.Item item, boolean done, boolean overdue) {
            return new ItemView(item.key(), item.competencyCode(), item.kind(), item.planId(), item.courseKey(), item.activityIds(),
                    item.titleTh(), item.targetDate(), item.note(), done, overdue);
        }
    }

    record ProgressView(int items, int done, double share, int overdue) {
    }

    // ---- queries -----------------------------------------------------------------------------

    @QueryMapping
    IndividualPlan individualPlan(@Argument String id, @ContextValue Caller caller) {
        return plans.read(id, caller);
    }

    @QueryMapping
    List<IndividualPlan> individualPlans(@Argument Map<String, Object> filter, @ContextValue Caller caller) {
        String tenantId = readableTenant(caller);
        Map<String, Object> given = filter == null ? Map.of() : filter;
        Object status = given.get("status");
        return plans.list(tenantId, new IndividualPlanService.Filter((Integer) given.get("fiscalYear"), (String) given.get("divisionId"),
                status == null ? null : IndividualPlan.Status.valueOf(status.toString()), (String) given.get("staffId")));
    }


    @QueryMapping
    List<IndividualPlanService.RosterRow> individualPlanRoster(@Argument Integer fiscalYear, @Argument String divisionId,
            @ContextValue Caller caller) {
        String tenantId = readableTenant(caller);
        return plans.roster(tenantId, fiscalYear != null ? fiscalYear : FiscalYears.of(plans.today()), divisionId);
    }

    private static String readableTenant(Caller caller) {
        return IndividualPlanService.readableTenant(caller);
    }

    static ApiException notFound() {
        return IndividualPlanService.notFoundException();
    }

    // ---- fields ------------------------------------------------------------------------------

    /** A person's plan on their record; the record was only handed out to a caller who may read that person. */
    @SchemaMapping(typeName = "PersonRecord", field = "individualPlan")
    IndividualPlan recordPlan(th.phatthana.api.selfservice.DevelopmentRecords.PersonRecord record, @Argument Integer fiscalYear) {
        int year = fiscalYear != null ? fiscalYear : th.phatthana.schema.FiscalYears.of(plans.today());
        return plans.findFor(record.staff().tenantId(), record.staff().id(), year).orElse(null);
    }

    @SchemaMapping(typeName = "IndividualPlan")
    Staff staff(IndividualPlan plan) {
        return staff.find(plan.tenantId(), plan.staffId()).orElse(null);
    }

    @SchemaMapping(typeName = "IndividualPlan")
    Staff supervisor(IndividualPlan plan) {
        return staff.find(plan.tenantId(), plan.staffId()).map(Staff::supervisorId)
                .flatMap(id -> staff.find(plan.tenantId(), id)).orElse(null);
    }

    @SchemaMapping(typeName = "IndividualPlan")
    List<IndividualPlan.GapSnapshot> gaps(IndividualPlan plan) {
        return plan.gaps();
    }

    @SchemaMapping(typeName = "IndividualPlanGap")
    int gap(IndividualPlan.GapSnapshot gap) {
        return gap.gap();
    }

    @SchemaMapping(typeName = "IndividualPlan")
    List<ItemView> items(IndividualPlan plan, DataFetchingEnvironment environment) {
        IndividualPlanService.Progress progress = progressOf(plan, environment);
        LocalDate today = plans.today();
        List<ItemView> views = new ArrayList<>();
        for (IndividualPlan.Item item : plan.items()) {
            boolean done = progress.doneKeys().contains(item.key());
            views.add(ItemView.of(item, done, !done && item.targetDate() != null && item.targetDate().isBefore(today)));
        }
        return views;
    }

    @SchemaMapping(typeName = "IndividualPlan")
    ProgressView progress(IndividualPlan plan, DataFetchingEnvironment environment) {
        IndividualPlanService.Progress progress = progressOf(plan, environment);
        return new ProgressView(progress.items(), progress.done(), progress.share() * 100, progress.overdue());
    }

    /** Read once per plan and request, whichever of items and progress asks first. */
    private IndividualPlanService.Progress progressOf(IndividualPlan plan, DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().computeIfAbsent("individualPlanProgress:" + plan.id() + ":" + plan.updatedAt(),
                key -> plans.progress(plan));
    }

    @SchemaMapping(typeName = "IndividualPlanAgreement")
    Staff signer(IndividualPlan.Agreement agreement) {
        String tenantId = ScopedIds.tenantOf(agreement.signerStaffId());
        return tenantId == null ? null : staff.find(tenantId, agreement.signerStaffId()).orElse(null);
    }

    /** The share of the fiscal year's staff with an agreed plan, read once per progress and request. */
    private IndividualPlanService.Share shareOf(PlanProgress progress, DataFetchingEnvironment environment) {
        String tenantId = ScopedIds.tenantOf(progress.planId());
        return environment.getGraphQlContext().computeIfAbsent("individualPlanShare:" + tenantId + ":" + progress.fiscalYear(),
                key -> plans.agreedShare(tenantId, progress.fiscalYear()));
    }

    @SchemaMapping(typeName = "PlanProgress")
    int individualPlansAgreed(PlanProgress progress, DataFetchingEnvironment environment) {
        return shareOf(progress, environment).agreed();
    }

    @SchemaMapping(typeName = "PlanProgress")
    double individualPlanAgreedShare(PlanProgress progress, DataFetchingEnvironment environment) {
        return shareOf(progress, environment).share() * 100;
    }

    // ---- mutations ---------------------------------------------------------------------------

    @MutationMapping
    Payload createIndividualPlan(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = writableTenant(caller);
        return Payload.of(plans.create(tenantId, (String) input.get("staffId"), (Integer) input.get("fiscalYear"),
                (LocalDate) input.get("planDate"), items(input.get("items")), caller, origin));
    }

    @MutationMapping
    Payload updateIndividualPlan(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = writableTenant(caller);
        String id = (String) input.get("id");
        plans.find(tenantId, id).orElseThrow(IndividualPlanController::notFound);
        return Payload.of(plans.update(tenantId, id, (LocalDate) input.get("planDate"),
                input.containsKey("items") ? items(input.get("items")) : null, caller, origin));
    }

    @MutationMapping
    Payload agreeIndividualPlan(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        Callers.require(caller);
        String tenantId = caller.tenantId();
        String id = (String) input.get("id");
        if (tenantId == null) {
            throw notFound();
        }
        plans.find(tenantId, id).orElseThrow(IndividualPlanController::notFound);
        return Payload.of(plans.agree(tenantId, id, IndividualPlan.Party.valueOf(input.get("party").toString()),
                (LocalDate) input.get("agreedOn"), caller, origin));
    }

    private static String writableTenant(Caller caller) {
        Callers.require(caller);
        Callers.requireWrite(caller, caller.tenantId(), AgreementRights.RECORDERS);
        return caller.tenantId();
    }

    @SuppressWarnings("unchecked")
    private static List<IndividualPlanService.ItemDraft> items(Object value) {
        List<IndividualPlanService.ItemDraft> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> item = (Map<String, Object>) entry;
                items.add(new IndividualPlanService.ItemDraft((String) item.get("competencyCode"), (String) item.get("courseKey"),
                        (List<String>) item.get("activityIds"), (String) item.get("titleTh"), (LocalDate) item.get("targetDate"),
                        (String) item.get("note")));
            }
        }
        return items;
    }
}
