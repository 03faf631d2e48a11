package th.phatthana.api.competencies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.divisions.ScopedIds;

/** Records assessments and finds each staff member's latest assessed levels. Every query names the tenant first. */
@Service
public class AssessmentService {

    private final MongoTemplate mongo;
    private final Clock clock;

    AssessmentService(MongoTemplate mongo, Optional<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Records an assessment as given (the caller checks rights and input; the demo seed records through this too). */
    public Assessment record(String tenantId, String staffId, String code, int level, LocalDate assessedOn, String assessor, String note,
            Caller by) {
        Assessment assessment = new Assessment(ScopedIds.newId(tenantId), tenantId, staffId, code, level, assessedOn.toString(),
                assessor, note, clock.instant(), by.subject(), by.displayName());
        return mongo.insert(assessment);
    }

    /** A deleted staff member's assessments go with them (erasure under the PDPA). */
    @org.springframework.context.event.EventListener
    void onStaffDeleted(th.phatthana.tenants.staff.StaffService.StaffDeleted deleted) {
        deleteAllOf(deleted.tenantId(), deleted.staffId());
    }

    /** Removes every assessment of a staff member; returns how many there were. */
    public long deleteAllOf(String tenantId, String staffId) {
        return mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("staffId").is(staffId)), Assessment.class)
                .getDeletedCount();
    }

    /** A staff member's assessments, newest first (by date, then by recording time); {@code code} null: of every item. */
    public List<Assessment> history(String tenantId, String staffId, String code, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId).and("staffId").is(staffId);
        if (code != null) {
            criteria = criteria.and("code").is(code);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.desc("assessedOn"), Sort.Order.desc("recordedAt"))).limit(limit),
                Assessment.class);
    }

    /** The latest assessment on or before {@code asOf} per staff member and code, for these staff (one query). */
    public Map<String, Map<String, Assessment>> latest(String tenantId, Collection<String> staffIds, LocalDate asOf) {
        Map<String, Map<String, Assessment>> latest = new HashMap<>();
        if (staffIds.isEmpty()) {
            return latest;
        }
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        criteria = staffIds.size() == 1 ? criteria.and("staffId").is(staffIds.iterator().next()) : criteria.and("staffId").in(staffIds);
        criteria = criteria.and("assessedOn").lte(asOf.toString());
        for (Assessment assessment : mongo.find(Query.query(criteria), Assessment.class)) {
            latest.computeIfAbsent(assessment.staffId(), k -> new HashMap<>())
                    .merge(assessment.code(), assessment, (a, b) -> b.supersedes(a) ? b : a);
        }
        return latest;
    }

    /** Whether any assessment of the organisation is of this code. */
    boolean anyFor(String tenantId, String code) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("code").is(code)), Assessment.class);
    }
}
