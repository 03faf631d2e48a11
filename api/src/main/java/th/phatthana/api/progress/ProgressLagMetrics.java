package th.phatthana.api.progress;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import th.phatthana.lrs.statements.StatementStream;
import th.phatthana.lrs.statements.StoredStatement;

/**
 * How far the progress read model is behind the statement stream, sampled every 5 seconds from the
 * store (so it is the same whichever instance projects): the tenants behind, and the worst of them
 * in statements and in seconds (the age of its oldest statement not yet projected). Worst-of rather
 * than per tenant, to keep the series few; the alert "projector lag > 60 s" reads the seconds.
 */
@Component
class ProgressLagMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProgressLagMetrics.class);
    /** At most this many tenants are measured per sample (the worst is among those behind anyway). */
    static final int MEASURED = 200;

    private final ProgressStore store;
    private final StatementStream statements;
    private final Clock clock;
    private final AtomicLong tenantsBehind = new AtomicLong();
    private final AtomicLong worstStatements = new AtomicLong();
    private final AtomicLong worstMillis = new AtomicLong();
    private final RecurringFailures failures;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-lag-metrics");
        thread.setDaemon(true);
        return thread;
    });

    ProgressLagMetrics(ProgressStore store, StatementStream statements, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.statements = statements;
        this.clock = clock;
        this.failures = new RecurringFailures(log, clock);
        Gauge.builder("phatthana.progress.tenants.behind", tenantsBehind, AtomicLong::get)
                .description("Organisations whose progress has not yet taken in every stored statement").register(registry);
        Gauge.builder("phatthana.progress.lag.statements", worstStatements, AtomicLong::get).baseUnit("statements")
                .description("Statements stored but not yet in progress, of the organisation furthest behind").register(registry);
        Gauge.builder("phatthana.progress.lag.seconds", worstMillis, millis -> millis.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest statement not yet in progress, of the organisation furthest behind").register(registry);
    }

    @PostConstruct
    void start() {
        sampler.scheduleWithFixedDelay(this::sample, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sampler.shutdownNow();
    }

    void sample() {
        try {
            Map<String, Long> checkpoints = store.checkpoints();
            List<String> behind = statements.tenantsAhead(checkpoints);
            long statementsBehind = 0;
            long millisBehind = 0;
            for (String tenantId : behind.subList(0, Math.min(MEASURED, behind.size()))) {
                long checkpoint = checkpoints.getOrDefault(tenantId, 0L);
                statementsBehind = Math.max(statementsBehind, statements.lastSequence(tenantId) - checkpoint);
                List<StoredStatement> next = statements.read(tenantId, checkpoint + 1, 1);
                if (!next.isEmpty()) {
                    millisBehind = Math.max(millisBehind, Math.max(0, Duration.between(next.get(0).stored(), clock.instant()).toMillis()));
                }
            }
            tenantsBehind.set(behind.size());
            worstStatements.set(statementsBehind);
            worstMillis.set(millisBehind);
            failures.succeeded("lag metrics");
        } catch (RuntimeException e) {
            failures.failed("lag metrics", e);
        }
    }
}
