package th.phatthana.tenants.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of a tenant's audit trail: who did what to which thing, when, and from where. Never
 * holds a secret: callers pass descriptions, not values.
 *
 * @param tenantId  the tenant the change belongs to, or null for national changes (tenant register)
 * @param actor     subject of the caller (user id, token subject, "system")
 * @param actorName display name of the caller
 * @param action    stable verb, e.g. {@code xapiCredential.rotate}, {@code plan.submit}
 * @param target    what was changed, e.g. {@code xapiCredential:…}
 * @param details   small, secret-free facts about the change
 * @param origin    client address, when the change came over HTTP
 */
@Document("audit_events")
@CompoundIndex(name = "tenant_at", def = "{'tenantId': 1, 'at': -1}")
public record AuditEvent(@Id String id, String tenantId, Instant at, String actor, String actorName, String action,
        String target, Map<String, String> details, String origin) {
}
