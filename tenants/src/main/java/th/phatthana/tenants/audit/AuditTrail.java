package th.phatthana.tenants.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.access.Caller;

/** Records and reads the audit trail that every administrative change and workflow transition lands in. */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditTrail(AuditEventRepository events, java.util.Optional<Clock> clock) {
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public AuditEvent record(String tenantId, Caller caller, String action, String target, Map<String, String> details,
            String origin) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), tenantId, clock.instant(),
                caller == null ? "system" : caller.subject(), caller == null ? "system" : caller.displayName(), action, target,
                details == null ? Map.of() : Map.copyOf(details), origin);
        return events.insert(event);
    }

    /** The newest events of a tenant before {@code before} (null: now), newest first. */
    public List<AuditEvent> recent(String tenantId, Instant before, int limit) {
        return events.findByTenantIdAndAtBeforeOrderByAtDesc(tenantId, before == null ? clock.instant().plusSeconds(1) : before,
                Limit.of(limit));
    }
}
