package th.phatthana.api.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * "The progress of this tenant changed": one multicast sink per tenant, fed by the projector after
 * every applied chunk and plan recomputation, read by the {@code planProgressChanged} subscription.
 * Best effort: a slow subscriber misses signals, never blocks the projector (the next one carries
 * the then current state anyway).
 */
@Component
class ProgressEvents {

    private final Map<String, Sinks.Many<String>> sinks = new ConcurrentHashMap<>();

    void changed(String tenantId) {
        Sinks.Many<String> sink = sinks.get(tenantId);
        if (sink != null) {
            sink.tryEmitNext(tenantId);
        }
    }

    Flux<String> changes(String tenantId) {
        return sinks.computeIfAbsent(tenantId, t -> Sinks.many().multicast().directBestEffort()).asFlux();
    }
}
