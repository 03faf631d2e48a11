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

    private final org.springframework.data.mongodb.core.MongoTemplate mongo;

    public AuditTrail(AuditEventRepository events, org.springframework.data.mongodb.core.MongoTemplate mongo,
            java.util.Optional<Clock> clock) {
        this.events = events;
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public AuditEvent record(String tenantId, Caller caller, String action, String target, Map<String, String> details,
            String origin) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), tenantId, clock.instant(),
                caller == null ? "system" : caller.subject(), caller == null ? "system" : caller.displayName(), action, target,
                details == null ? Map.of() : Map.copyOf(details), origin);
        return events.insert(event);
    }

    /**
     * Removes one detail from the tenant's events about a target (PDPA erasure: the staff number of
     * an erased person); what was done, when and by whom stays. Returns how many events changed.
     */
    public long forgetDetail(String tenantId, String target, String detail) {
        return mongo.updateMulti(
                org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query.Criteria
                        .where("tenantId").is(tenantId).and("target").is(target).and("details." + detail).exists(true)),
                new org.springframework.data.mongodb.core.query.Update().unset("details." + detail), AuditEvent.class)
                .getModifiedCount();
    }

    /** The newest events of a tenant before {@code before} (null: now), newest first. */
    public List<AuditEvent> recent(String tenantId, Instant before, int limit) {
        return events.findByTenantIdAndAtBeforeOrderByAtDesc(tenantId, before == null ? clock.instant().plusSeconds(1) : before,
                Limit.of(limit));
    }
}
