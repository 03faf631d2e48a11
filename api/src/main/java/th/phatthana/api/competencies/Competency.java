package th.phatthana.api.competencies;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item of the competency catalogue: knowledge, a skill or a competency. National items (the master
 * plan's §8–§10) are held under the reserved owner {@link #NATIONAL} and are read-only; an organisation's
 * local items carry its tenant id. Codes are unique per owner.
 *
 * @param id          {@code owner/code}: lookups by code use the primary key, and owners never collide
 * @param tenantId    the organisation, or {@link #NATIONAL}
 * @param code        stable code, e.g. C01 or L-001
 * @param kind        what it is
 * @param sortKey     catalogue order (kind, then code); the keyset of catalogue pages
 * @param nameTh      Thai name; for national items the master plan's exact words
 * @param nameEn      English name
 * @param description what it covers (local items)
 * @param source      where the master plan names it, e.g. "§10 (๑) ๑)"; null for local items
 * @param levels      the proficiency scale 0–5 with descriptions
 * @param createdAt   when a local item was added; null for national items
 * @param updatedAt   when a local item was last changed; null for national items
 */
@Document("competencies")
@CompoundIndexes({
        @CompoundIndex(name = "tenant_code", def = "{'tenantId': 1, 'code': 1}", unique = true),
        @CompoundIndex(name = "tenant_sort", def = "{'tenantId': 1, 'sortKey': 1}", unique = true) })
public record Competency(@Id String id, String tenantId, String code, CompetencyKind kind, String sortKey, String nameTh,
        String nameEn, String description, String source, List<ProficiencyLevel> levels, Instant createdAt, Instant updatedAt) {

    /** The owner of the national catalogue items (never a tenant id: those are UUIDs). */
    public static final String NATIONAL = "national";

    public Competency {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    static String id(String owner, String code) {
        return owner + "/" + code;
    }

    public boolean isNational() {
        return NATIONAL.equals(tenantId);
    }
}
