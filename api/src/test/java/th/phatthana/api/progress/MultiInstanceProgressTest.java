package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

import graphql.ExecutionResult;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.TokenCheck;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.lrs.statements.StatementRepository;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;

/**
 * Several instances on one MongoDB, each with its projector: a second projector ("instance B",
 * built here on the same store) projects a tenant under its lease while this application's
 * projector is kept out by that lease. What a user of this instance sees must not depend on which
 * instance did the work.
 */
class MultiInstanceProgressTest extends ProgressTestSupport {

    private static final String B = "instance-b";

    @Autowired
    ProgressStore store;
    @Autowired
    StatementRepository statementRepository;
    @Autowired
    PlanService planService;
    @Autowired
    th.phatthana.api.plans.PlanVersions planVersions;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @Autowired
    java.time.Clock clock;
    @Autowired
    ExecutionGraphQlService graphQl;
    @Autowired
    AccessTokenService tokens;

    private ProgressProjector instanceB() {
        return new ProgressProjector(statementRepository, store, planService, planVersions, new ProgressEvents(store, clock), json, clock, false,
                false, Duration.ofSeconds(30), B);
    }

    /** Takes the tenant's lease for instance B, waiting while this application's projector holds it. */
    private void leaseToB(String tenantId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!store.lease(tenantId, B, Instant.now().plus(Duration.ofMinutes(1)), Instant.now())) {
            assertThat(System.nanoTime() < deadline).as("the lease is free within 20 s").isTrue();
            Thread.sleep(20);
        }
    }

    @Test
    void anInstanceThatLoadedThePlansBeforeAnAmendmentProjectsWithTheAmendedCourses() throws Exception {
        int year = FiscalYears.of(Instant.now());
        Org org = new Org("อบต.สองเครื่อง");
        org.staff("สมใจ", PositionType.ACADEMIC, XapiIdentity.ofMbox("mailto:somjai@example.go.th"));
        String planId = org.plan(year - 1, List.of(course("old", List.of(ACTIVITIES + "old"), PlanContent.CompletionRule.DEFAULT, year,
                List.of())), List.of());
        ProgressProjector b = instanceB();
        leaseToB(org.tenant.id());
        b.catchUp(org.tenant.id()); // B loads the plan as approved now
        org.amend(planId, 1, List.of(course("new", List.of(ACTIVITIES + "new"), PlanContent.CompletionRule.DEFAULT, year, List.of())),
                List.of());
        org.catchUp(); // this instance notices the amendment first and recomputes

        leaseToB(org.tenant.id());
        org.post(statement(UUID.randomUUID().toString(), mbox("somjai@example.go.th"), COMPLETED, ACTIVITIES + "new", Instant.now().toString(),
                null));
        b.catchUp(org.tenant.id()); // B projects the statement

        assertThat(store.checkpoint(org.tenant.id())).isEqualTo(statementRepository.lastSequence(org.tenant.id()));
        JsonNode progress = org.progress(planId, year);
        assertThat(progress.path("planVersion").asInt()).isEqualTo(1);
        assertThat(course(progress, "new").path("participantsCompleted").asInt()).as("the amended course counts the statement B projected")
                .isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubscriberHereSeesProgressThatAnotherInstanceProjected() throws Exception {
        int year = FiscalYears.of(Instant.now());
        Org org = new Org("อบต.ดูสด");
        org.staff("สมศรี", PositionType.ACADEMIC, XapiIdentity.ofMbox("mailto:somsri@example.go.th"));
        String planId = org.plan(year - 1, List.of(course("live", List.of(ACTIVITIES + "live-b"), PlanContent.CompletionRule.DEFAULT, year,
                List.of())), List.of());
        org.catchUp();
        Caller viewer = ((TokenCheck.Valid) tokens.check(tenants.token(org.tenant, Role.VIEWER))).caller();
        DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(
                "subscription($p: ID!) { planProgressChanged(planId: $p) { courses { courseKey participantsCompleted } } }", null,
                Map.of("p", planId), null, UUID.randomUUID().toString(), null);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of("caller", viewer, "origin", "test")).build());
        org.reactivestreams.Publisher<ExecutionResult> publisher = graphQl.execute(request).block().getData();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Disposable subscription = Flux.from(publisher).map(result -> {
            Map<String, Object> progress = (Map<String, Object>) ((Map<String, Object>) result.getData()).get("planProgressChanged");
            List<Map<String, Object>> courses = (List<Map<String, Object>>) progress.get("courses");
            return ((Number) courses.get(0).get("participantsCompleted")).intValue();
        }).subscribe(seen::add);
        try {
            await(() -> !seen.isEmpty(), "the first state");
            assertThat(seen).containsExactly(0);
            Thread.sleep(1500); // the watcher has seen the tenant

            leaseToB(org.tenant.id());
            org.post(statement(UUID.randomUUID().toString(), mbox("somsri@example.go.th"), COMPLETED, ACTIVITIES + "live-b",
                    Instant.now().toString(), null));
            instanceB().catchUp(org.tenant.id());
            await(() -> seen.contains(1), "the change B projected");

            int before = seen.size();
            store.markChanged(org.tenant.id()); // another instance took a spend entry
            await(() -> seen.size() > before, "a change recorded by another instance");
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void rebuildWaitsForAnotherInstancesLeaseToEnd() throws Exception {
        Org org = new Org("อบต.รอคิว");
        org.staff("สมหมาย", PositionType.GENERAL, XapiIdentity.ofMbox("mailto:sommai@example.go.th"));
        org.post(statement(UUID.randomUUID().toString(), mbox("sommai@example.go.th"), COMPLETED, ACTIVITIES + "q", Instant.now().toString(),
                null));
        org.catchUp();
        leaseToB(org.tenant.id());
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.release(org.tenant.id(), B);
        });
        release.start();
        JsonNode rebuilt = data(org.admin.execute("mutation { rebuildProgress { statementsThrough userErrors { code } } }"), "rebuildProgress");
        release.join();
        assertThat(rebuilt.path("statementsThrough").asLong()).isEqualTo(statementRepository.lastSequence(org.tenant.id()));
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("%s within 10 s", what).isTrue();
            Thread.sleep(50);
        }
    }
}
