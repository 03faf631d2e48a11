package th.phatthana.tenants.divisions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import th.phatthana.schema.Outcome;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.text.Text;

/**
 * The divisions (ส่วนราชการ) of each organisation. Every query names the tenant first; a division
 * of another tenant is simply not found.
 */
@Service
public class DivisionService {

    static final int MAX_NAME = 200;

    private final MongoTemplate mongo;
    private final ObjectProvider<DivisionUsage> usages;
    private final Clock clock;

    public DivisionService(MongoTemplate mongo, ObjectProvider<DivisionUsage> usages, Optional<Clock> clock) {
        this.mongo = mongo;
        this.usages = usages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What a division should be: Thai name (required), English name, position in lists (null: last). */
    public record Draft(String nameTh, String nameEn, Integer sortOrder) {
    }

    private static final Comparator<Division> ORDER = Comparator.comparingInt(Division::sortOrder)
            .thenComparing(Division::nameTh);

    /** The divisions of a tenant in display order. */
    public List<Division> list(String tenantId) {
        List<Division> divisions = new ArrayList<>(mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)), Division.class));
        divisions.sort(ORDER);
        return divisions;
    }

    /** The divisions of several tenants in one query, each list in display order. */
    public Map<String, List<Division>> listOf(Collection<String> tenantIds) {
        Map<String, List<Division>> byTenant = new LinkedHashMap<>();
        tenantIds.forEach(id -> byTenant.put(id, new ArrayList<>()));
        if (tenantIds.isEmpty()) {
            return byTenant;
        }
        for (Division division : mongo.find(Query.query(Criteria.where("tenantId").in(tenantIds)), Division.class)) {
            byTenant.computeIfAbsent(division.tenantId(), k -> new ArrayList<>()).add(division);
        }
        byTenant.values().forEach(list -> list.sort(ORDER));
        return byTenant;
    }

    public Optional<Division> find(String tenantId, String id) {
        if (!ScopedIds.belongsTo(id, tenantId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), Division.class));
    }

    /** Divisions of one tenant by id, in one query; ids of other tenants are left out. */
    public Map<String, Division> findAll(String tenantId, Collection<String> ids) {
        List<String> own = ids.stream().filter(id -> ScopedIds.belongsTo(id, tenantId)).distinct().toList();
        Map<String, Division> found = new LinkedHashMap<>();
        if (own.isEmpty()) {
            return found;
        }
        for (Division division : mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("_id").in(own)), Division.class)) {
            found.put(division.id(), division);
        }
        return found;
    }

    /** A tenant's division by its Thai name (exact, trimmed), for imports. */
    public Optional<Division> findByName(String tenantId, String nameTh) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId).and("nameTh").is(nameTh.trim())),
                Division.class));
    }

    public Outcome<Division> create(String tenantId, Draft draft) {
        List<Problem> problems = check(tenantId, null, draft);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        int sortOrder = draft.sortOrder() != null ? draft.sortOrder() : nextSortOrder(tenantId);
        Instant now = clock.instant();
        Division division = new Division(ScopedIds.newId(tenantId), tenantId, draft.nameTh().trim(), Text.blankToNull(draft.nameEn()),
                sortOrder, now, now);
        try {
            return Outcome.done(mongo.insert(division));
        } catch (DuplicateKeyException e) {
            return Outcome.refused(duplicateName(draft.nameTh()));
        }
    }

    public Outcome<Division> update(String tenantId, String id, Draft draft) {
        Optional<Division> existing = find(tenantId, id);
        if (existing.isEmpty()) {
            return Outcome.refused(new Problem("id", "NOT_FOUND", "ไม่พบส่วนราชการนี้", "no such division"));
        }
        List<Problem> problems = check(tenantId, id, draft);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        Division old = existing.get();
        Division changed = new Division(old.id(), tenantId, draft.nameTh().trim(), Text.blankToNull(draft.nameEn()),
                draft.sortOrder() != null ? draft.sortOrder() : old.sortOrder(), old.createdAt(), clock.instant());
        try {
            mongo.findAndReplace(byId(tenantId, id), changed);
            return Outcome.done(changed);
        } catch (DuplicateKeyException e) {
            return Outcome.refused(duplicateName(draft.nameTh()));
        }
    }

    /** Deletes a division nothing refers to any more. */
    public Outcome<Division> delete(String tenantId, String id) {
        Optional<Division> existing = find(tenantId, id);
        if (existing.isEmpty()) {
            return Outcome.refused(new Problem("id", "NOT_FOUND", "ไม่พบส่วนราชการนี้", "no such division"));
        }
        List<th.phatthana.schema.Message> uses = new ArrayList<>();
        usages.orderedStream().forEach(usage -> {
            long references = usage.referencesTo(tenantId, id);
            if (references > 0) {
                uses.add(usage.describe(references));
            }
        });
        if (!uses.isEmpty()) {
            return Outcome.refused(new Problem("id", "IN_USE", String.join(" ", uses.stream().map(th.phatthana.schema.Message::th).toList()),
                    String.join("; ", uses.stream().map(th.phatthana.schema.Message::en).toList())));
        }
        mongo.remove(byId(tenantId, id), Division.class);
        return Outcome.done(existing.get());
    }

    private List<Problem> check(String tenantId, String id, Draft draft) {
        List<Problem> problems = new ArrayList<>();
        String name = draft.nameTh() == null ? "" : draft.nameTh().trim();
        if (name.isEmpty()) {
            problems.add(Problem.required("nameTh"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem("nameTh", "TOO_LONG", "ชื่อภาษาไทยยาวได้ไม่เกิน " + MAX_NAME + " ตัวอักษร", "nameTh has at most " + MAX_NAME + " characters"));
        } else {
            findByName(tenantId, name).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> problems.add(duplicateName(name)));
        }
        if (draft.nameEn() != null && draft.nameEn().trim().length() > MAX_NAME) {
            problems.add(new Problem("nameEn", "TOO_LONG", "ชื่อภาษาอังกฤษยาวได้ไม่เกิน " + MAX_NAME + " ตัวอักษร", "nameEn has at most " + MAX_NAME + " characters"));
        }
        if (draft.sortOrder() != null && (draft.sortOrder() < 0 || draft.sortOrder() > 100_000)) {
            problems.add(Problem.invalid("sortOrder", "ลำดับต้องอยู่ระหว่าง 0 ถึง 100000", "sortOrder must be between 0 and 100000"));
        }
        return problems;
    }

    private int nextSortOrder(String tenantId) {
        Division last = mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId))
                .with(Sort.by(Sort.Direction.DESC, "sortOrder")).limit(1), Division.class);
        return last == null ? 10 : last.sortOrder() + 10;
    }

    private static Problem duplicateName(String name) {
        return new Problem("nameTh", "DUPLICATE", "หน่วยงานมีส่วนราชการชื่อ " + name.trim() + " อยู่แล้ว", "the organisation already has a division named " + name.trim());
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("tenantId").is(tenantId).and("_id").is(id));
    }
}
