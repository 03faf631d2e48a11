package th.phatthana.api.progress;

import java.time.Duration;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.progress.ProgressCommands.OfflineOutcome;
import th.phatthana.api.progress.ProgressCommands.RecordCourseSpendInput;
import th.phatthana.api.progress.ProgressCommands.RecordOfflineDevelopmentInput;
import th.phatthana.api.progress.ProgressCommands.SpendOutcome;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.api.progress.ProgressViews.StaffProgress;
import th.phatthana.api.progress.ProgressViews.UnmatchedActor;
import th.phatthana.tenants.access.Caller;

/** The progress fields of the GraphQL schema (progress.graphqls). */
@Controller
class ProgressController {

    private final ProgressService progress;
    private final ProgressCommands commands;
    private final ProgressEvents events;

    ProgressController(ProgressService progress, ProgressCommands commands, ProgressEvents events) {
        this.progress = progress;
        this.commands = commands;
        this.events = events;
    }

    @QueryMapping
    PlanProgress planProgress(@Argument String planId, @Argument Integer fiscalYear, @ContextValue Caller caller) {
        return progress.planProgress(planId, fiscalYear, caller);
    }

    @QueryMapping
    StaffProgress staffProgress(@Argument String planId, @Argument Integer fiscalYear, @Argument String staffId,
            @ContextValue Caller caller) {
        return progress.staffProgress(planId, fiscalYear, staffId, caller);
    }

    @QueryMapping
    List<UnmatchedActor> unmatchedActors(@Argument String organisationId, @Argument Integer first, @ContextValue Caller caller) {
        return progress.unmatchedActors(organisationId, first, caller);
    }

    record RebuildProgressInput(String organisationId) {
    }

    record RebuildProgressPayload(String organisationId, Long statementsThrough, List<UserError> userErrors) {
    }

    @MutationMapping
    RebuildProgressPayload rebuildProgress(@Argument RebuildProgressInput input, @ContextValue Caller caller) {
        String organisationId = input == null ? null : input.organisationId();
        long through = commands.rebuild(organisationId, caller);
        return new RebuildProgressPayload(organisationId != null ? organisationId : caller.tenantId(), through, List.of());
    }

    record RecordCourseSpendPayload(ProgressViews.SpendEntry entry, List<UserError> userErrors) {
    }

    @MutationMapping
    RecordCourseSpendPayload recordCourseSpend(@Argument RecordCourseSpendInput input, @ContextValue Caller caller) {
        SpendOutcome outcome = commands.recordCourseSpend(input, caller);
        return new RecordCourseSpendPayload(outcome.entry(), UserError.of(outcome.problems()));
    }

    @MutationMapping
    OfflineOutcome recordOfflineDevelopment(@Argument RecordOfflineDevelopmentInput input, @ContextValue Caller caller) {
        return commands.recordOfflineDevelopment(input, caller);
    }

    /**
     * The plan's progress now, then again whenever the projector applied statements or recomputed
     * plans of its organisation (at most twice a second).
     */
    @SubscriptionMapping
    Flux<PlanProgress> planProgressChanged(@Argument String planId, @Argument Integer fiscalYear, @ContextValue Caller caller,
            @ContextValue(name = LiveCaller.CONTEXT_KEY, required = false) LiveCaller live) {
        ProgressService.PlanUnderReview first = progress.readPlan(planId, caller);
        int year = fiscalYear != null ? fiscalYear : progress.currentFiscalYear();
        Flux<PlanProgress> updates = Flux.concat(Flux.just(planId), events.changes(first.plan().tenantId()).sample(Duration.ofMillis(500)))
                .publishOn(Schedulers.boundedElastic())
                .map(signal -> progress.planProgress(progress.readPlan(planId, caller), year));
        return live == null ? updates : live.guard(updates);
    }
}
