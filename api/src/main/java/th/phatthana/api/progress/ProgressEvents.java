package th.phatthana.api.progress;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * "The progress of this tenant changed": one multicast sink per tenant, read by the
 * {@code planProgressChanged} subscription. Fed two ways: at once by this instance's projector
 * (after every applied chunk and plan recomputation) and by spend entries made here; and, for
 * changes made by another instance (which projected the tenant under its lease, or took a spend
 * entry), by a watcher that reads the progress state of every tenant with a subscriber here once a
 * second. Best effort: a slow subscriber misses signals, never blocks the projector (the next one
 * carries the then current state anyway).
 */
@Component
class ProgressEvents {

    private static final Logger log = LoggerFactory.getLogger(ProgressEvents.class);

    private final Map<String, Sinks.Many<String>> sinks = new ConcurrentHashMap<>();
    /** The progress state the watcher last read, per tenant with a subscriber. */
    private final Map<String, ProgressStore.TenantState> lastSeen = new ConcurrentHashMap<>();
    private final ProgressStore store;
    private final RecurringFailures failures;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-watcher");
        thread.setDaemon(true);
        return thread;
    });

    ProgressEvents(ProgressStore store, Clock clock) {
        this.store = store;
        this.failures = new RecurringFailures(log, clock);
    }

    @PostConstruct
    void start() {
        watcher.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }

    void changed(String tenantId) {
        Sinks.Many<String> sink = sinks.get(tenantId);
        if (sink != null) {
            sink.tryEmitNext(tenantId);
        }
    }

    Flux<String> changes(String tenantId) {
        return sinks.computeIfAbsent(tenantId, t -> Sinks.many().multicast().directBestEffort()).asFlux();
    }

    /**
     * One read for all tenants someone here is subscribed to. A tenant seen for the first time is
     * signalled too: a change made elsewhere between a subscriber's first read and now is not lost.
     */
    void watch() {
        try {
            Set<String> watched = sinks.entrySet().stream().filter(e -> e.getValue().currentSubscriberCount() > 0)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            lastSeen.keySet().retainAll(watched);
            if (watched.isEmpty()) {
                return;
            }
            Map<String, ProgressStore.TenantState> states = store.progressStates(watched);
            for (String tenantId : watched) {
                ProgressStore.TenantState state = states.getOrDefault(tenantId, ProgressStore.TenantState.NONE);
                ProgressStore.TenantState before = lastSeen.put(tenantId, state);
                if (!state.equals(before)) {
                    changed(tenantId);
                }
            }
            failures.succeeded("subscription watch");
        } catch (RuntimeException e) {
            failures.failed("subscription watch", e);
        }
    }
}
