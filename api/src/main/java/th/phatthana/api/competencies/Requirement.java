package th.phatthana.api.competencies;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import th.phatthana.tenants.staff.PositionType;

/**
 * The competencies required for one position type or line of work: a national default (owner
 * {@link Competency#NATIONAL}) or an organisation's own, which replaces the default for it.
 *
 * @param id           {@code owner/key}
 * @param tenantId     the organisation, or {@link Competency#NATIONAL}
 * @param key          {@link RequirementTarget#key()}
 * @param scope        what it applies to
 * @param positionType for a position type
 * @param lineOfWork   for a line of work
 * @param items        the required items and levels, in the order given
 * @param updatedAt    when an organisation last set it; null for national defaults
 * @param updatedBy    who did (display name); null for national defaults
 */
@Document("competency_requirements")
@CompoundIndex(name = "tenant_key", def = "{'tenantId': 1, 'key': 1}", unique = true)
public record Requirement(@Id String id, String tenantId, String key, RequirementScope scope, PositionType positionType,
        String lineOfWork, List<RequiredLevel> items, Instant updatedAt, String updatedBy) {

    public Requirement {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static Requirement of(String owner, RequirementTarget target, List<RequiredLevel> items, Instant updatedAt, String updatedBy) {
        return new Requirement(owner + "/" + target.key(), owner, target.key(), target.scope(), target.positionType(),
                target.lineOfWork(), items, updatedAt, updatedBy);
    }

    static Requirement national(RequirementTarget target, List<RequiredLevel> items) {
        return of(Competency.NATIONAL, target, items, null, null);
    }

    public RequirementTarget target() {
        return new RequirementTarget(scope, positionType, lineOfWork);
    }

    public boolean isNational() {
        return Competency.NATIONAL.equals(tenantId);
    }
}
