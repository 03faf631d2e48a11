package th.phatthana.api.competencies;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import th.phatthana.schema.Problem;
import th.phatthana.tenants.staff.PositionType;

/**
 * Which competencies, at which levels, each position type and line of work requires: the national
 * defaults, each replaced for one organisation by the organisation's own requirement where it has one.
 */
@Service
public class CompetencyRequirements {

    private static final Logger log = LoggerFactory.getLogger(CompetencyRequirements.class);

    private final MongoTemplate mongo;
    private final NationalCatalogue national;
    private final CompetencyCatalogue catalogue;
    private final Clock clock;

    CompetencyRequirements(MongoTemplate mongo, NationalCatalogue national, CompetencyCatalogue catalogue, Optional<Clock> clock) {
        this.mongo = mongo;
        this.national = national;
        this.catalogue = catalogue;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Writes the national defaults (insert or replace) and drops national defaults no longer shipped. Idempotent. */
    void seedNational() {
        List<Requirement> defaults = national.requirements();
        defaults.forEach(mongo::save);
        Set<String> keys = defaults.stream().map(Requirement::key).collect(Collectors.toSet());
        long dropped = mongo.remove(Query.query(Criteria.where("tenantId").is(Competency.NATIONAL).and("key").nin(keys)),
                Requirement.class).getDeletedCount();
        log.info("National competency requirements: {} upserted{}", defaults.size(), dropped > 0 ? ", " + dropped + " removed" : "");
    }

    /** The requirements in effect for an organisation: its own where set, else the national defaults; position types first. */
    public List<Requirement> effective(String tenantId) {
        return forTenant(tenantId).all();
    }

    /** Everything needed to say what any staff member of the organisation must have (one read). */
    public Effective forTenant(String tenantId) {
        Map<String, Requirement> byKey = new LinkedHashMap<>();
        national.requirements().forEach(r -> byKey.put(r.key(), r));
        mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)), Requirement.class).forEach(r -> byKey.put(r.key(), r));
        return new Effective(byKey);
    }

    /** The requirement in effect for one target: the organisation's own or the national default (or none). */
    public Optional<Requirement> effective(String tenantId, RequirementTarget target) {
        Requirement own = mongo.findById(tenantId + "/" + target.key(), Requirement.class);
        if (own != null) {
            return Optional.of(own);
        }
        return national.requirements().stream().filter(r -> r.key().equals(target.key())).findFirst();
    }

    /** Checks the items against §10's rules and the organisation's catalogue; errors name {@code input.items…}. */
    List<Problem> check(String tenantId, RequirementTarget target, List<RequiredLevel> items) {
        return RequirementRules.check(target, items, code -> catalogue.find(tenantId, code), national.items());
    }

    /** Sets the organisation's own requirement for the target (replacing the national default for it). Check first. */
    Requirement set(String tenantId, RequirementTarget target, List<RequiredLevel> items, String by) {
        return mongo.save(Requirement.of(tenantId, target, items, clock.instant(), by));
    }

    /** Drops the organisation's own requirement for the target; the national default (if any) applies again. */
    boolean reset(String tenantId, RequirementTarget target) {
        return mongo.remove(Query.query(Criteria.where("_id").is(tenantId + "/" + target.key()).and("tenantId").is(tenantId)),
                Requirement.class).getDeletedCount() > 0;
    }

    /** Whether any requirement of the organisation names this code. */
    boolean uses(String tenantId, String code) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("items.code").is(code)), Requirement.class);
    }

    /** The requirements in effect for one organisation, resolved per staff member without further reads. */
    public static final class Effective {

        private final Map<String, Requirement> byKey;

        Effective(Map<String, Requirement> byKey) {
            this.byKey = byKey;
        }

        /** Position types in their order, then lines of work by name, then the other lines of work. */
        public List<Requirement> all() {
            return byKey.values().stream().sorted(Comparator.comparing((Requirement r) -> r.scope().ordinal())
                    .thenComparing(r -> r.positionType() == null ? 0 : r.positionType().ordinal())
                    .thenComparing(r -> r.lineOfWork() == null ? "" : r.lineOfWork())).toList();
        }

        /**
         * What a staff member of this position type and line of work must have: the position type's items and
         * the line's (or the other lines' when the line has none of its own); an item in both at the higher level.
         * A staff member without a position type is held to GENERAL.
         */
        public List<RequiredLevel> requiredFor(PositionType positionType, String lineOfWork) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            PositionType type = positionType == null ? PositionType.GENERAL : positionType;
            Optional.ofNullable(byKey.get(new RequirementTarget(RequirementScope.POSITION_TYPE, type, null).key()))
                    .ifPresent(r -> r.items().forEach(i -> levels.merge(i.code(), i.level(), Math::max)));
            String line = RequirementTarget.normalise(lineOfWork);
            Requirement forLine = line == null ? null : byKey.get(new RequirementTarget(RequirementScope.LINE_OF_WORK, null, line).key());
            if (forLine == null) {
                forLine = byKey.get(RequirementTarget.otherLinesOfWork().key());
            }
            if (forLine != null) {
                forLine.items().forEach(i -> levels.merge(i.code(), i.level(), Math::max));
            }
            List<RequiredLevel> required = new ArrayList<>();
            levels.forEach((code, level) -> required.add(new RequiredLevel(code, level)));
            return required;
        }
    }
}
