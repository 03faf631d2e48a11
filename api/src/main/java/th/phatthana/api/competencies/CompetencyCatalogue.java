package th.phatthana.api.competencies;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The competency catalogue: the national items (read-only, from {@link NationalCatalogue}) and each
 * organisation's local items. Every read names the organisation whose local items it may see.
 */
@Service
public class CompetencyCatalogue {

    private static final Logger log = LoggerFactory.getLogger(CompetencyCatalogue.class);

    private final MongoTemplate mongo;
    private final NationalCatalogue national;
    private final Clock clock;

    CompetencyCatalogue(MongoTemplate mongo, NationalCatalogue national, Optional<Clock> clock) {
        this.mongo = mongo;
        this.national = national;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Writes every national item (insert or replace) and drops national items no longer shipped. Idempotent. */
    void seedNational() {
        List<Competency> items = national.items();
        items.forEach(mongo::save);
        Set<String> codes = items.stream().map(Competency::code).collect(Collectors.toSet());
        long dropped = mongo.remove(Query.query(Criteria.where("tenantId").is(Competency.NATIONAL).and("code").nin(codes)),
                Competency.class).getDeletedCount();
        log.info("National competency catalogue: {} items upserted{}", items.size(),
                dropped > 0 ? ", " + dropped + " items no longer in the master plan removed" : "");
    }

    /** A national item, or a local item of this organisation (null: national items only). */
    public Optional<Competency> find(String tenantId, String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Competency> nationalItem = national.find(code);
        if (nationalItem.isPresent() || tenantId == null || !code.startsWith(CompetencyKind.LOCAL.codePrefix())) {
            return nationalItem;
        }
        return Optional.ofNullable(mongo.findById(Competency.id(tenantId, code), Competency.class));
    }

    /** The national items in catalogue order. */
    public List<Competency> nationalItems() {
        return national.items();
    }

    /** The generic proficiency scale 0–5. */
    public List<ProficiencyLevel> genericLevels() {
        return national.levels();
    }

    /**
     * One page of the catalogue in catalogue order: national items and the local items of {@code tenantId}
     * (null: national only), after the item with sort key {@code after}.
     *
     * @param search part of the code, the Thai name or the English name (English case-insensitive)
     * @param limit  how many to return at most
     */
    public List<Competency> page(String tenantId, CompetencyKind kind, String search, String after, int limit) {
        Query query = Query.query(filter(tenantId, kind, search, after)).with(Sort.by("sortKey")).limit(limit);
        return mongo.find(query, Competency.class);
    }

    /** How many items the same filter matches over all pages. */
    public long count(String tenantId, CompetencyKind kind, String search) {
        return mongo.count(Query.query(filter(tenantId, kind, search, null)), Competency.class);
    }

    private static Criteria filter(String tenantId, CompetencyKind kind, String search, String after) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(tenantId == null ? Criteria.where("tenantId").is(Competency.NATIONAL)
                : Criteria.where("tenantId").in(Competency.NATIONAL, tenantId));
        if (kind != null) {
            filters.add(Criteria.where("kind").is(kind));
        }
        if (search != null && !search.isBlank()) {
            String pattern = escapeRegex(search.strip());
            filters.add(new Criteria().orOperator(Criteria.where("code").regex(pattern, "i"),
                    Criteria.where("nameTh").regex(pattern, "i"), Criteria.where("nameEn").regex(pattern, "i")));
        }
        if (after != null) {
            filters.add(Criteria.where("sortKey").gt(after));
        }
        return new Criteria().andOperator(filters);
    }

    /** The local items of an organisation in code order. */
    public List<Competency> localItems(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("sortKey")), Competency.class);
    }

    /** Adds a local item; the code must be free (else {@link DuplicateKeyException}). */
    Competency addLocal(String tenantId, String code, String nameTh, String nameEn, String description, List<ProficiencyLevel> levels) {
        Instant now = clock.instant();
        Competency item = new Competency(Competency.id(tenantId, code), tenantId, code, CompetencyKind.LOCAL,
                CompetencyKind.LOCAL.sortKey(code), nameTh, nameEn, description, null, levels, now, now);
        return mongo.insert(item);
    }

    /** Replaces the texts of a local item. */
    Competency updateLocal(Competency item, String nameTh, String nameEn, String description, List<ProficiencyLevel> levels) {
        if (item.isNational()) {
            throw new IllegalStateException("national items are read-only");
        }
        return mongo.save(new Competency(item.id(), item.tenantId(), item.code(), item.kind(), item.sortKey(), nameTh, nameEn,
                description, item.source(), levels, item.createdAt(), clock.instant()));
    }

    void removeLocal(Competency item) {
        if (item.isNational()) {
            throw new IllegalStateException("national items are read-only");
        }
        mongo.remove(Query.query(Criteria.where("_id").is(item.id()).and("tenantId").is(item.tenantId())), Competency.class);
    }

    /** The first free code L-001, L-002, … of an organisation. */
    String nextLocalCode(String tenantId) {
        Set<String> taken = localItems(tenantId).stream().map(Competency::code).collect(Collectors.toSet());
        for (int n = taken.size() + 1;; n++) {
            String code = String.format("%s%03d", CompetencyKind.LOCAL.codePrefix(), n);
            if (!taken.contains(code)) {
                return code;
            }
        }
    }

    private static String escapeRegex(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
