package th.phatthana.api.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.plans.PlanVersionApproved;
import th.phatthana.api.plans.PlanVersions;
import th.phatthana.api.store.EmbeddedStore;
import th.phatthana.lrs.statements.StatementStream;
import th.phatthana.lrs.statements.StatementsStored;
import th.phatthana.lrs.statements.StoredStatement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the progress read model up to date from the per-tenant statement stream.
 *
 * <p>All work runs on one background thread, so the HTTP request that stored statements is not
 * slowed and no two projections of a tenant ever interleave in this instance; a lease on the
 * tenant's checkpoint keeps other instances out meanwhile. The thread wakes on
 * {@link StatementsStored} and also polls every second for tenants whose stream is ahead of their
 * checkpoint (statements stored by another instance, or before a restart).
 *
 * <p>The stream is read in chunks of up to 500 consecutive sequence numbers; a chunk is applied in
 * memory and written in a few bulk writes ({@link ProjectionChunk}), then the checkpoint is saved.
 * The checkpoint never passes a number whose statement may still be being written
 * ({@link StreamGaps}). When a plan's approved version changes (an amendment is approved) or a plan
 * is approved, that plan's aggregates are recomputed from the facts: at once on
 * {@link PlanVersionApproved} of this instance, and within {@link #PLAN_CHECK} for an approval made
 * by another instance (events are per process).
 *
 * <p>It reads statements only through the LRS's {@link StatementStream} and plan versions only
 * through {@link PlanVersions}.
 */
@Component
@EnableConfigurationProperties(ProgressProperties.class)
public class ProgressProjector {

    private static final Logger log = LoggerFactory.getLogger(ProgressProjector.class);
    static final int CHUNK = 500;
    /**
     * How long a lease lasts unless renewed (after every chunk). Another instance takes over a
     * dead instance's tenants this long after its last renewal; on the embedded store there is no
     * other instance, and leases left by a crashed process are cleared at start.
     */
    static final Duration LEASE = Duration.ofSeconds(15);
    /**
     * How often the approved plan versions are compared with those loaded: the fallback for
     * approvals made by another instance, whose {@link PlanVersionApproved} this one never hears.
     */
    static final Duration PLAN_CHECK = Duration.ofSeconds(15);

    private final StatementStream statements;
    private final ProgressStore store;
    private final PlanService plans;
    private final PlanVersions planVersions;
    private final ProgressEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean enabled;
    private final String owner;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-projector");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CourseIndex> indexes = new ConcurrentHashMap<>();
    private volatile Instant lastPlanCheck = Instant.EPOCH;
    private final StreamGaps gaps;

    private final boolean singleWriter;
    private final RecurringFailures failures;

    @Autowired
    ProgressProjector(StatementStream statements, ProgressStore store, PlanService plans, PlanVersions planVersions, ProgressEvents events,
            EmbeddedStore embeddedStore, ProgressProperties properties, JsonMapper json, Clock clock) {
        this(statements, store, plans, planVersions, events, json, clock, embeddedStore.active(), properties.projector().enabled(),
                properties.gapGrace(), "projector-" + UUID.randomUUID());
    }

    /** A projector with a known lease owner: the tests' second instance. */
    ProgressProjector(StatementStream statements, ProgressStore store, PlanService plans, PlanVersions planVersions, ProgressEvents events,
            JsonMapper json, Clock clock, boolean singleWriter, boolean enabled, Duration gapGrace, String owner) {
        this.owner = owner;
        this.statements = statements;
        this.store = store;
        this.plans = plans;
        this.planVersions = planVersions;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.enabled = enabled;
        this.singleWriter = singleWriter;
        this.gaps = new StreamGaps(gapGrace, singleWriter, clock);
        this.failures = new RecurringFailures(log, clock);
    }

    @PostConstruct
    void start() {
        if (enabled) {
            if (singleWriter) {
                store.clearLeases(); // held by this store's previous process, which is gone
            }
            executor.scheduleWithFixedDelay(() -> safely("poll", this::poll), 1, 1, TimeUnit.SECONDS);
        }
    }

    private volatile boolean stopping;

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    /** Tenants with a catch-up queued and not started yet: a burst of writes queues one, not one per write. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    /**
     * Observations (traces, when tracing is on) of the requests that queued each tenant's catch-up:
     * the catch-up runs as a child of the first, so one trace goes from an xAPI POST through the
     * store write to the chunk that applies it.
     */
    private volatile io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.NOOP;

    @Autowired(required = false)
    void observations(io.micrometer.observation.ObservationRegistry registry) {
        this.observations = registry;
    }

    /**
     * How long a catch-up waits after the first write that asked for it: the writes arriving
     * meanwhile are projected in the same chunk, so a provider posting many small batches a second
     * costs a few projections a second, not one per batch (each rewrites the course-years it touches).
     */
    static final long GATHER_MILLIS = 200;

    @EventListener
    void onStored(StatementsStored stored) {
        String tenantId = stored.tenantId();
        if (enabled && queued.add(tenantId)) {
            io.micrometer.observation.Observation storing = observations.getCurrentObservation();
            executor.schedule(() -> {
                queued.remove(tenantId);
                io.micrometer.observation.Observation.createNotStarted("phatthana.progress.catch-up", observations)
                        .parentObservation(storing)
                        .lowCardinalityKeyValue("trigger", "statements-stored")
                        .observe(() -> safely(tenantId, () -> catchUp(tenantId)));
            }, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** An approval of this instance: that tenant's plans are loaded again and the changed plan recomputed, on the projector thread. */
    @EventListener
    void onPlanApproved(PlanVersionApproved approved) {
        String tenantId = approved.tenantId();
        if (enabled) {
            executor.execute(() -> safely(tenantId, () -> refreshPlansLeased(tenantId)));
        }
    }

    // ---- public commands (each runs on the projector thread) ------------------------------------

    /**
     * Brings the tenant's progress up to the end of its statement stream as it is now, with its
     * approved plans as they are now: done here, or by another instance that holds the tenant's
     * lease meanwhile (then this waits for it, at most a minute).
     */
    public CompletableFuture<Void> catchUpNow(String tenantId) {
        long end = statements.lastSequence(tenantId);
        boolean[] first = { true };
        return retrying(Duration.ofMinutes(1), "the progress did not reach the end of the statement stream within a minute", () -> {
            if (first[0]) {
                indexes.remove(tenantId); // the plans are read again
                first[0] = false;
            }
            catchUp(tenantId);
            return store.checkpoint(tenantId) >= end
                    && store.appliedPlans(tenantId).equals(planVersions.approved(Set.of(tenantId)).getOrDefault(tenantId, Map.of()));
        });
    }

    /**
     * Drops the tenant's facts, aggregates and actors and replays its statement stream from the
     * start; waits for another instance's lease on the tenant to end (at most a lease and a bit).
     */
    public CompletableFuture<Void> rebuild(String tenantId) {
        return retrying(LEASE.plusSeconds(5), "another instance is projecting this organisation; try again in a minute", () -> {
            if (!lease(tenantId)) {
                return false;
            }
            try {
                store.dropTenant(tenantId);
                Map<String, CourseIndex.IndexedPlan> fresh = loadPlans(tenantId);
                indexes.put(tenantId, new CourseIndex(fresh));
                store.saveAppliedPlans(tenantId, versionsOf(fresh));
                catchUpLeased(tenantId);
            } finally {
                store.release(tenantId, owner);
            }
            log.info("Progress of tenant {} rebuilt from its statement stream", tenantId);
            return true;
        });
    }

    /**
     * Runs the attempt on the projector thread, again every 50 ms until it returns true; fails
     * after the patience. The thread is free for other tenants between attempts.
     */
    private CompletableFuture<Void> retrying(Duration patience, String failure, java.util.function.BooleanSupplier attempt) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + patience.toNanos();
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            try {
                if (attempt.getAsBoolean()) {
                    done.complete(null);
                } else if (System.nanoTime() - deadline > 0) {
                    done.completeExceptionally(new IllegalStateException(failure));
                } else {
                    executor.schedule(step[0], 50, TimeUnit.MILLISECONDS);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        try {
            executor.execute(step[0]);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Runs projection work; a failure is retried by the next poll and logged once per kind, with a count, not per attempt. */
    private void safely(String what, Runnable work) {
        try {
            work.run();
            failures.succeeded(what);
        } catch (RuntimeException e) {
            if (!stopping) { // at shutdown the store may close under the running task
                failures.failed(what, e);
            }
        }
    }

    // ---- the loop -------------------------------------------------------------------------------

    private void poll() {
        Instant now = clock.instant();
        if (Duration.between(lastPlanCheck, now).compareTo(PLAN_CHECK) >= 0) {
            lastPlanCheck = now;
            checkPlanVersions();
        }
        for (String tenantId : statements.tenantsAhead(store.checkpoints())) {
            safely(tenantId, () -> catchUp(tenantId));
        }
    }

    /** One cheap query for every tenant this instance has indexed: any approved version changed? */
    private void checkPlanVersions() {
        if (indexes.isEmpty()) {
            return;
        }
        Map<String, Map<String, Integer>> current = planVersions.approved(Set.copyOf(indexes.keySet()));
        for (String tenantId : Set.copyOf(indexes.keySet())) {
            Map<String, Integer> now = current.getOrDefault(tenantId, Map.of());
            if (!now.equals(versionsOf(indexes.get(tenantId).plans()))) {
                safely(tenantId, () -> refreshPlansLeased(tenantId));
            }
        }
    }

    /** Loads the tenant's plans again and recomputes what changed, under the lease (skipped while another instance holds it: it does the same). */
    private void refreshPlansLeased(String tenantId) {
        if (lease(tenantId)) {
            try {
                refreshPlans(tenantId, true);
            } finally {
                store.release(tenantId, owner);
            }
        }
    }

    /** Takes or renews the tenant's lease for {@link #LEASE}. */
    private boolean lease(String tenantId) {
        Instant now = clock.instant();
        return store.lease(tenantId, owner, now.plus(LEASE), now);
    }

    void catchUp(String tenantId) {
        if (!lease(tenantId)) {
            return;
        }
        try {
            refreshPlans(tenantId, false);
            catchUpLeased(tenantId);
        } finally {
            store.release(tenantId, owner);
        }
    }

    private void catchUpLeased(String tenantId) {
        CourseIndex index = indexes.getOrDefault(tenantId, CourseIndex.EMPTY);
        long checkpoint = store.checkpoint(tenantId);
        long last = statements.lastSequence(tenantId);
        while (checkpoint < last) {
            int count = (int) Math.min(CHUNK, last - checkpoint);
            List<StoredStatement> found = statements.read(tenantId, checkpoint + 1, count);
            Map<Long, StoredStatement> bySeq = new HashMap<>();
            found.forEach(statement -> bySeq.put(statement.seq(), statement));
            Set<Long> holes = found.size() < count ? statements.holes(tenantId, checkpoint + 1, count) : Set.of();
            List<StoredStatement> ready = new ArrayList<>(found.size());
            long through = checkpoint;
            int abandoned = 0;
            for (long seq = checkpoint + 1; seq <= checkpoint + count; seq++) {
                StoredStatement statement = bySeq.get(seq);
                if (statement != null) {
                    ready.add(statement);
                } else if (!holes.contains(seq)) {
                    if (!abandoned(tenantId, seq)) {
                        break;
                    }
                    abandoned++;
                }
                through = seq;
            }
            if (abandoned > 0) {
                log.info("Progress of tenant {}: passed over {} sequence number(s) before {} that no write will fill "
                        + "(a write lost in a crash before it was acknowledged)", tenantId, abandoned, through + 1);
            }
            if (through == checkpoint) {
                return; // a statement still being written: its writer's StatementsStored brings the projector back
            }
            if (!ready.isEmpty()) {
                ProjectionChunk.apply(store, tenantId, ready, index, json, clock);
            }
            checkpoint = through;
            store.saveCheckpoint(tenantId, checkpoint);
            events.changed(tenantId);
            lease(tenantId);
        }
    }

    /**
     * Whether a number missing from the stream will never be written: no write of this process
     * holds it, and read again after that check it is still neither a statement nor a hole (a
     * write that ends between the first read and the check has written one or the other).
     */
    private boolean abandoned(String tenantId, long seq) {
        if (statements.inFlight(tenantId, seq)) {
            return false;
        }
        if (!statements.read(tenantId, seq, 1).isEmpty()) {
            return false; // just written: the next pass applies it in order
        }
        return !statements.holes(tenantId, seq, 1).isEmpty() || gaps.passable(tenantId, seq);
    }

    // ---- plans ----------------------------------------------------------------------------------

    /**
     * Loads the tenant's approved plans when not loaded, when forced, or when the aggregates were
     * made with other plan versions than the loaded ones (another instance noticed an approval
     * first: projecting with the older plans now would count statements against courses the
     * aggregates no longer hold, and nothing would correct it); then recomputes from the facts
     * every plan whose approved version differs from the one its aggregates were made with.
     */
    private void refreshPlans(String tenantId, boolean force) {
        Map<String, Integer> applied = store.appliedPlans(tenantId);
        CourseIndex loaded = indexes.get(tenantId);
        if (!force && loaded != null && versionsOf(loaded.plans()).equals(applied)) {
            return;
        }
        Map<String, CourseIndex.IndexedPlan> fresh = loadPlans(tenantId);
        CourseIndex index = new CourseIndex(fresh);
        indexes.put(tenantId, index);
        Map<String, Integer> now = versionsOf(fresh);
        if (applied.equals(now)) {
            return;
        }
        Set<String> changed = new HashSet<>(applied.keySet());
        changed.addAll(now.keySet());
        changed.removeIf(planId -> Objects.equals(applied.get(planId), now.get(planId)));
        for (String planId : changed) {
            recomputePlan(tenantId, planId, index);
        }
        store.saveAppliedPlans(tenantId, now);
        events.changed(tenantId);
    }

    /** The tenant's approved plans, each with the courses of its latest approved version. */
    private Map<String, CourseIndex.IndexedPlan> loadPlans(String tenantId) {
        Map<String, CourseIndex.IndexedPlan> result = new HashMap<>();
        for (Plan plan : plans.plansOf(tenantId)) {
            if (!plan.isApproved()) {
                continue;
            }
            PlanVersion version = plans.currentVersion(plan).orElse(null);
            if (version != null) {
                result.put(plan.id(), CourseIndex.plan(plan.id(), version.number(), version.content()));
            }
        }
        return result;
    }

    private static Map<String, Integer> versionsOf(Map<String, CourseIndex.IndexedPlan> plans) {
        Map<String, Integer> versions = new HashMap<>();
        plans.forEach((id, plan) -> versions.put(id, plan.version()));
        return versions;
    }

    /**
     * Recomputes one plan's aggregates from the facts, in stream order, with the plan's current
     * courses; records the new contributions on the facts so later voids take back exactly them.
     */
    private void recomputePlan(String tenantId, String planId, CourseIndex index) {
        store.dropPlan(tenantId, planId);
        Map<String, CourseYear> courseYears = new HashMap<>();
        List<Fact> changedFacts = new ArrayList<>();
        for (Fact fact : store.facts(tenantId)) {
            List<Contribution> contributions = new ArrayList<>();
            for (Contribution contribution : fact.contributions()) {
                if (!planId.equals(contribution.planId())) {
                    contributions.add(contribution);
                }
            }
            boolean added = false;
            if (fact.counts()) {
                StatementFacts facts = fact.statement();
                for (Contribution contribution : Contribution.of(facts, facts.actorKey(), index.matching(facts.activityIds(), planId))) {
                    CourseYear courseYear = courseYears.get(contribution.courseYearId());
                    courseYears.put(contribution.courseYearId(),
                            (courseYear == null ? CourseYear.empty(tenantId, contribution) : courseYear).applied(contribution, 1, facts.seq()));
                    contributions.add(contribution);
                    added = true;
                }
            }
            if (added || contributions.size() != fact.contributions().size()) {
                changedFacts.add(fact.withContributions(contributions));
            }
        }
        store.writeChunk(tenantId, courseYears.values(), List.of(), changedFacts);
        log.info("Progress of plan {} recomputed from facts", planId);
    }
}
