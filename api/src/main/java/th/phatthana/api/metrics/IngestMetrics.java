package th.phatthana.api.metrics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import th.phatthana.lrs.statements.StatementsStored;

/**
 * Statements stored, deployment-wide. Deliberately without a tenant tag: with ~7,850 organisations a
 * label per tenant would multiply every series by thousands; per-request latency and refusals by
 * status come from Spring's {@code http.server.requests} (tagged by URI template and status, e.g.
 * {@code uri="/xapi/statements", status="409"}).
 */
@Component
class IngestMetrics {

    private final Counter stored;

    IngestMetrics(MeterRegistry registry) {
        this.stored = Counter.builder("phatthana.xapi.statements.stored").description("Statements stored (all organisations)")
                .register(registry);
    }

    @EventListener
    void onStored(StatementsStored event) {
        stored.increment(event.count());
    }
}
