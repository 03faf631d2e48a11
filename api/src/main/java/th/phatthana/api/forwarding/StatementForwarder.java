package th.phatthana.api.forwarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import th.phatthana.api.store.EmbeddedStore;
import th.phatthana.lrs.statements.StatementStream;
import th.phatthana.lrs.statements.StatementsStored;
import th.phatthana.lrs.statements.StoredStatement;
import th.phatthana.schema.xapi.XapiVerbs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes stored statements on to the enabled forwarding targets, each organisation's stream in
 * store order, at least once.
 *
 * <p>One background thread does all the work: it wakes on {@link StatementsStored} (after a short
 * gathering pause) and polls every second for streams ahead of a target's position (statements of
 * another instance, or stored before a restart). For each target and organisation it takes a lease
 * on the position document (so no two instances send the same stream), reads the stream from the
 * position in batches, posts each batch and only then saves the new position (at most once a
 * second, renewing the lease with it, and when the pass ends): a crash in between sends those
 * statements again, which an LRS accepts (same ids, same content). The statements come
 * from {@link RecentStatements} when this instance stored them lately (as its writers published
 * them), and otherwise from the store through {@link StatementStream}.
 *
 * <p>A refusal of a batch (4xx) is narrowed down by sending its statements one by one; each one
 * refused is dead-lettered and passed over. Any other failure (5xx, timeouts, no connection,
 * 401/403/429) leaves the position where it is and waits, doubling the wait from
 * {@code firstRetry} up to {@code maxRetry}; the failure is logged once when it starts and once
 * when the target recovers, with the target's id and the kind of failure only: never a statement,
 * an actor or the receiver's answer.
 */
@Component
@EnableConfigurationProperties(ForwardingProperties.class)
public class StatementForwarder {

    private static final Logger log = LoggerFactory.getLogger(StatementForwarder.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final long GATHER_MILLIS = 200;
    static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    private final StatementStream statements;
    private final ForwardingStore store;
    private final ForwardingProperties properties;
    private final ReceivingLrs receiver;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean singleWriter;
    private final String owner = "forwarder-" + UUID.randomUUID();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "statement-forwarder");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Where a missing number was first seen, per target and organisation (several instances on one MongoDB). */
    private final Map<String, Map.Entry<Long, Instant>> gaps = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** Whether any target exists: the StatementsStored listener costs nothing without one. */
    private volatile boolean anyTarget;
    /** The enabled targets as last read: whose statements to keep in {@link #recent}, and when to let them go. */
    private volatile List<ForwardingTarget> enabledTargets = List.of();
    private final RecentStatements recent;
    /** The position each target reached in each organisation's stream, as this instance last saved or read it. */
    private final Map<String, Long> reached = new ConcurrentHashMap<>();

    @Autowired
    StatementForwarder(StatementStream statements, ForwardingStore store, ForwardingProperties properties, EmbeddedStore embeddedStore,
            JsonMapper json, Clock clock) {
        this.statements = statements;
        this.store = store;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.singleWriter = embeddedStore.active();
        this.receiver = new ReceivingLrs(properties.timeout(), json, clock);
        this.recent = new RecentStatements(properties.recentStatements().toBytes());
    }

    @PostConstruct
    void start() {
        if (!properties.enabled()) {
            return;
        }
        if (singleWriter) {
            store.clearLeases(); // held by this store's previous process, which is gone
        }
        List<ForwardingTarget> all = store.all();
        anyTarget = !all.isEmpty();
        enabledTargets = all.stream().filter(ForwardingTarget::enabled).toList();
        executor.scheduleWithFixedDelay(this::runQuietly, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    @EventListener
    void onStored(StatementsStored stored) {
        if (!properties.enabled() || !anyTarget) {
            return;
        }
        if (enabledTargets.stream().anyMatch(target -> covers(target, stored.tenantId()))) {
            recent.add(stored.tenantId(), stored.written());
        }
        if (queued.compareAndSet(false, true)) {
            executor.schedule(() -> {
                queued.set(false);
                runQuietly();
            }, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A target was added, changed or removed: look at it soon. */
    void changed() {
        anyTarget = true;
        if (properties.enabled() && !stopping) {
            executor.execute(this::runQuietly);
        }
    }

    void forget(String targetId) {
        receiver.forget(targetId);
        reached.keySet().removeIf(key -> key.startsWith(targetId + "|"));
    }

    RecentStatements recent() {
        return recent;
    }

    ReceivingLrs receiver() {
        return receiver;
    }

    // ---- the loop -------------------------------------------------------------------------------

    /** The kind of the last pass's failure (the store's, not a receiver's), logged once until a pass succeeds. */
    private volatile String passFailure;

    private void runQuietly() {
        try {
            runOnce();
            if (passFailure != null) {
                log.info("Statement forwarding: passes succeed again");
                passFailure = null;
            }
        } catch (RuntimeException e) {
            String kind = e.getClass().getSimpleName();
            if (!stopping && !kind.equals(passFailure)) { // the next poll tries again
                log.warn("Statement forwarding: a pass failed ({}); retrying every second, quietly until it works", kind);
            }
            passFailure = kind;
        }
    }

    /** One pass over every enabled target whose wait after a failure is over. */
    void runOnce() {
        List<ForwardingTarget> all = store.all();
        anyTarget = !all.isEmpty();
        enabledTargets = all.stream().filter(ForwardingTarget::enabled).toList();
        Instant now = clock.instant();
        for (ForwardingTarget target : all) {
            if (stopping) {
                return;
            }
            if (!target.enabled() || target.nextAttemptAt() != null && now.isBefore(target.nextAttemptAt())) {
                continue;
            }
            forwardTarget(target);
        }
    }

    private static boolean covers(ForwardingTarget target, String tenantId) {
        return target.scope() == ForwardingTarget.Scope.DEPLOYMENT || tenantId.equals(target.tenantId());
    }

    /** Notes how far a target has come in a stream, and lets go of the statements every enabled target is past. */
    private void reached(ForwardingTarget target, String tenantId, long position) {
        reached.put(target.id() + "|" + tenantId, position);
        long passedByAll = Long.MAX_VALUE;
        for (ForwardingTarget other : enabledTargets) {
            if (covers(other, tenantId)) {
                passedByAll = Math.min(passedByAll, reached.getOrDefault(other.id() + "|" + tenantId, 0L));
            }
        }
        if (passedByAll > 0 && passedByAll != Long.MAX_VALUE) {
            recent.dropThrough(tenantId, passedByAll);
        }
    }

    private void forwardTarget(ForwardingTarget target) {
        List<String> tenants = target.scope() == ForwardingTarget.Scope.ORGANISATION
                ? List.of(target.tenantId())
                : statements.tenantsAhead(store.positions(target.id()));
        boolean sent = false;
        for (String tenantId : tenants) {
            try {
                sent |= forwardTenant(target, tenantId);
            } catch (DeliveryFailure failure) {
                failed(target, failure.getMessage());
                return;
            }
        }
        if (sent || target.consecutiveFailures() > 0) {
            if (target.consecutiveFailures() > 0) {
                log.info("Statement forwarding to target {} recovered after {} failed attempt(s)", target.id(), target.consecutiveFailures());
            }
            store.succeeded(target.id(), clock.instant());
        }
    }

    private void failed(ForwardingTarget target, String error) {
        int failures = target.consecutiveFailures() + 1;
        long factor = 1L << Math.min(20, failures - 1);
        Duration wait = properties.firstRetry().multipliedBy(factor);
        if (wait.compareTo(properties.maxRetry()) > 0) {
            wait = properties.maxRetry();
        }
        Instant now = clock.instant();
        store.failed(target.id(), now, error, failures, now.plus(wait));
        if (failures == 1) {
            log.warn("Statement forwarding to target {} failed ({}); retrying with backoff, quietly until it recovers", target.id(), error);
        }
    }

    /** Forwards one organisation's stream as far as it goes; true when anything was passed on. Throws when the receiver must be retried later. */
    private boolean forwardTenant(ForwardingTarget target, String tenantId) {
        long last = statements.lastSequence(tenantId);
        long position = store.position(target.id(), tenantId);
        reached(target, tenantId, position);
        if (position >= last || !lease(target, tenantId)) {
            return false;
        }
        long saved = position;
        Instant savedAt = clock.instant();
        boolean moved = false;
        try {
            while (position < last && !stopping) {
                int count = (int) Math.min(properties.batch(), last - position);
                List<StoredStatement> batch = recent.run(tenantId, position + 1, count);
                long through = position + batch.size();
                if (batch.isEmpty()) { // not (or no longer) held in memory: read from the store
                    if (statements.inFlight(tenantId, position + 1)) {
                        return moved; // being written by this instance: its StatementsStored brings it here
                    }
                    List<StoredStatement> found = statements.read(tenantId, position + 1, count);
                    Map<Long, StoredStatement> bySeq = new HashMap<>();
                    found.forEach(statement -> bySeq.put(statement.seq(), statement));
                    Set<Long> holes = found.size() < count ? statements.holes(tenantId, position + 1, count) : Set.of();
                    batch = new ArrayList<>(found.size());
                    for (long seq = position + 1; seq <= position + count; seq++) {
                        StoredStatement statement = bySeq.get(seq);
                        if (statement != null) {
                            batch.add(statement);
                        } else if (!holes.contains(seq) && !abandoned(target, tenantId, seq)) {
                            break;
                        }
                        through = seq;
                    }
                    if (through == position) {
                        return moved; // a statement still being written: its StatementsStored brings the forwarder back
                    }
                }
                send(target, tenantId, batch);
                position = through;
                moved = true;
                // The position is saved (and the lease renewed with it) at most every SAVE_EVERY and at the end:
                // a crash in between sends those statements again, which the receiver accepts.
                Instant now = clock.instant();
                if (Duration.between(savedAt, now).compareTo(SAVE_EVERY) >= 0) {
                    if (!store.advance(target.id(), tenantId, owner, position, now.plus(LEASE))) {
                        return moved; // another instance took the stream over
                    }
                    saved = position;
                    savedAt = now;
                    reached(target, tenantId, position);
                }
            }
            return moved;
        } finally {
            if (store.advance(target.id(), tenantId, owner, position, null) && position > saved) {
                reached(target, tenantId, position);
            }
        }
    }

    /** Sends those of the statements that pass the target's filter. */
    private void send(ForwardingTarget target, String tenantId, List<StoredStatement> statements) {
        List<StoredStatement> selected = target.filtered() ? statements.stream().filter(s -> matches(target, s)).toList() : statements;
        if (!selected.isEmpty()) {
            deliver(target, tenantId, selected);
        }
    }

    private boolean lease(ForwardingTarget target, String tenantId) {
        Instant now = clock.instant();
        return store.lease(target.id(), tenantId, owner, now.plus(LEASE), now);
    }

    /** Sends the statements; a refused batch is sent again one by one and each refused statement dead-lettered. */
    private void deliver(ForwardingTarget target, String tenantId, List<StoredStatement> batch) {
        ReceivingLrs.Outcome outcome = receiver.send(target, batch);
        switch (outcome) {
            case ReceivingLrs.Accepted accepted -> {
            }
            case ReceivingLrs.Failed failed -> throw new DeliveryFailure(failed.error());
            case ReceivingLrs.Refused refused -> {
                if (batch.size() == 1) {
                    StoredStatement statement = batch.get(0);
                    store.deadLetter(target.id(), tenantId, statement.statementId(), statement.seq(), refused.status(), refused.reason(),
                            clock.instant());
                } else {
                    for (StoredStatement statement : batch) {
                        deliver(target, tenantId, List.of(statement));
                    }
                }
            }
        }
    }

    /** Sends one dead-lettered statement again now: its outcome. */
    ReceivingLrs.Outcome retry(ForwardingTarget target, StoredStatement statement) {
        return receiver.send(target, List.of(statement));
    }

    /**
     * Whether a missing number will never be written: no write of this process holds it and read
     * again it is still missing; where several instances share a MongoDB, only after the gap grace.
     */
    private boolean abandoned(ForwardingTarget target, String tenantId, long seq) {
        if (statements.inFlight(tenantId, seq) || !statements.read(tenantId, seq, 1).isEmpty()) {
            return false;
        }
        if (!statements.holes(tenantId, seq, 1).isEmpty() || singleWriter) {
            return true;
        }
        String key = target.id() + "|" + tenantId;
        Instant now = clock.instant();
        Map.Entry<Long, Instant> gap = gaps.get(key);
        if (gap == null || gap.getKey() != seq) {
            gaps.put(key, Map.entry(seq, now));
            return false;
        }
        if (Duration.between(gap.getValue(), now).compareTo(properties.gapGrace()) < 0) {
            return false;
        }
        gaps.remove(key);
        return true;
    }

    /**
     * The target's filter: one of the verbs (when given) and one of the activities (when given) as
     * the object or a context activity. A voiding statement goes where the statement it voids went:
     * it passes when that statement passes (so the receiver voids what it holds, and is not sent
     * voids of statements it never got).
     */
    boolean matches(ForwardingTarget target, StoredStatement stored) {
        JsonNode statement = json.readTree(stored.jsonUtf8());
        if (XapiVerbs.VOIDED.equals(statement.path("verb").path("id").asString(""))) {
            return statements.find(stored.tenantId(), statement.path("object").path("id").asString(""))
                    .map(voided -> matches(target, json.readTree(voided.jsonUtf8()))).orElse(false);
        }
        return matches(target, statement);
    }

    /** The filter on the statement itself (a voiding statement's verb and StatementRef match no filter of their own). */
    static boolean matches(ForwardingTarget target, JsonNode statement) {
        String verb = statement.path("verb").path("id").asString("");
        if (!target.verbs().isEmpty() && !target.verbs().contains(verb)) {
            return false;
        }
        if (target.activityIds().isEmpty()) {
            return true;
        }
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asString("Activity");
        if ("Activity".equals(objectType) && target.activityIds().contains(object.path("id").asString(""))) {
            return true;
        }
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        for (String kind : List.of("parent", "grouping", "category", "other")) {
            JsonNode list = contextActivities.path(kind);
            if (list.isObject() && target.activityIds().contains(list.path("id").asString(""))) {
                return true;
            }
            if (list.isArray()) {
                for (JsonNode activity : list) {
                    if (target.activityIds().contains(activity.path("id").asString(""))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The status figures of a target: per-organisation positions, statements behind, and the age of the oldest one. */
    record Lag(Map<String, Long> positions, long statements, long seconds) {
    }

    Lag lag(ForwardingTarget target) {
        Map<String, Long> positions = store.positions(target.id());
        List<String> tenants = target.scope() == ForwardingTarget.Scope.ORGANISATION ? List.of(target.tenantId())
                : statements.tenantsAhead(positions);
        long behind = 0;
        Instant oldest = null;
        for (String tenantId : tenants) {
            long position = positions.getOrDefault(tenantId, 0L);
            long last = statements.lastSequence(tenantId);
            if (last > position) {
                behind += last - position;
                List<StoredStatement> first = statements.read(tenantId, position + 1, 1);
                if (!first.isEmpty() && (oldest == null || first.get(0).stored().isBefore(oldest))) {
                    oldest = first.get(0).stored();
                }
            }
        }
        long seconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
        if (target.scope() == ForwardingTarget.Scope.ORGANISATION) {
            positions.putIfAbsent(target.tenantId(), 0L);
        }
        return new Lag(positions, behind, seconds);
    }

    private static final class DeliveryFailure extends RuntimeException {
        DeliveryFailure(String error) {
            super(error, null, false, false);
        }
    }
}
