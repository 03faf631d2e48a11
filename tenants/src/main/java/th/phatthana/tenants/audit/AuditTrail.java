package th.phatthana.tenants.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.access.Caller;

/** Records and reads the audit trail that every administrative change and workflow transition lands in. */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    private final MongoTemplate mongo;

    public AuditTrail(AuditEventRepository events, MongoTemplate mongo, Optional<Clock> clock) {
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
                Query.query(Criteria
                        .where("tenantId").is(tenantId).and("target").is(target).and("details." + detail).exists(true)),
                new Update().unset("details." + detail), AuditEvent.class)
                .getModifiedCount();
    }

    /** Asia/Bangkok: the days of the audit filter's {@code from} and {@code to}. */
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    /**
     * Which of a tenant's events to list; a null part keeps everything.
     *
     * @param action the exact action name, e.g. {@code competency.add}
     * @param actor  the exact actor (user or token id, or "system")
     * @param from   the first day (Asia/Bangkok), inclusive
     * @param to     the last day (Asia/Bangkok), inclusive
     */
    public record Filter(String action, String actor, LocalDate from, LocalDate to) {
    }

    /**
     * The newest events of a tenant before {@code before} (null: now) that match the filter, newest first. The
     * filter is part of the database query, so a page holds {@code limit} matching events (not fewer after paging).
     */
    public List<AuditEvent> search(String tenantId, Filter filter, Instant before, int limit) {
        // Always the one tenant: the filters only narrow its events down.
        Criteria criteria = Criteria.where("tenantId").is(Objects.requireNonNull(tenantId, "tenantId"));
        if (filter.action() != null) {
            criteria.and("action").is(filter.action());
        }
        if (filter.actor() != null) {
            criteria.and("actor").is(filter.actor());
        }
        Instant upper = before == null ? clock.instant().plusSeconds(1) : before;
        if (filter.to() != null) {
            Instant dayAfter = filter.to().plusDays(1).atStartOfDay(BANGKOK).toInstant();
            upper = dayAfter.isBefore(upper) ? dayAfter : upper;
        }
        Criteria at = criteria.and("at").lt(upper);
        if (filter.from() != null) {
            at.gte(filter.from().atStartOfDay(BANGKOK).toInstant());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), AuditEvent.class);
    }

    /** The action names that occur in a tenant's trail, in alphabetical order (for a filter's choices). */
    public List<String> actions(String tenantId) {
        Query ofTenant = Query.query(Criteria.where("tenantId").is(Objects.requireNonNull(tenantId, "tenantId")));
        return mongo.findDistinct(ofTenant, "action", AuditEvent.class, String.class).stream().filter(Objects::nonNull).sorted().toList();
    }
}
