package th.phatthana.tenants.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Outcome;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.divisions.DivisionUsage;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.tenant.ErasurePolicy;

/**
 * Staff of each organisation: lookups, filtered lists, changes. Every query starts with the
 * tenant; something of another tenant is simply not found. Every change is checked in full before
 * anything is written, and answers the problems that refused it.
 */
@Service
public class StaffService implements DivisionUsage {

    private final MongoTemplate mongo;
    private final DivisionService divisions;
    private final CitizenIdHasher citizenIds;
    private final Clock clock;

    /** Published after a staff member is deleted, so records about them elsewhere (assessments) go too. */
    public record StaffDeleted(String tenantId, String staffId) {
    }

    private final org.springframework.context.ApplicationEventPublisher events;

    public StaffService(MongoTemplate mongo, DivisionService divisions, CitizenIdHasher citizenIds, Optional<Clock> clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.mongo = mongo;
        this.divisions = divisions;
        this.citizenIds = citizenIds;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Today in Asia/Bangkok: the default date of target groups. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(FiscalYears.BANGKOK));
    }

    // ---- reading ---------------------------------------------------------------------------

    public Optional<Staff> find(String tenantId, String id) {
        if (!ScopedIds.belongsTo(id, tenantId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), StaffDocument.class)).map(StaffDocument::toStaff);
    }

    /** Staff of one tenant by id, in one query; ids of other tenants are left out. */
    public Map<String, Staff> findAll(String tenantId, Collection<String> ids) {
        List<String> own = ids.stream().filter(id -> ScopedIds.belongsTo(id, tenantId)).distinct().toList();
        Map<String, Staff> found = new LinkedHashMap<>();
        if (!own.isEmpty()) {
            for (StaffDocument document : mongo.find(Query.query(tenant(tenantId).and("_id").in(own)), StaffDocument.class)) {
                found.put(document.id(), document.toStaff());
            }
        }
        return found;
    }

    public Optional<Staff> findByStaffNumber(String tenantId, String staffNumber) {
        return Optional.ofNullable(mongo.findOne(Query.query(tenant(tenantId).and("staffNumber").is(staffNumber)), StaffDocument.class))
                .map(StaffDocument::toStaff);
    }

    /**
     * The staff member with this citizen ID, matched by its keyed hash.
     *
     * @throws IllegalArgumentException when the number is not a valid citizen ID
     */
    public Optional<Staff> findByCitizenId(String tenantId, String citizenId) {
        String hash = citizenIds.hash(citizenId);
        return Optional.ofNullable(mongo.findOne(Query.query(tenant(tenantId).and("citizenIdHash").is(hash)), StaffDocument.class))
                .map(StaffDocument::toStaff);
    }

    /**
     * The staff member an xAPI identity belongs to, by its key as the statement store makes it
     * ({@link XapiIdentity#key()}); an {@code mbox_sha1sum} key also finds the owner of the {@code mbox}.
     */
    public Optional<Staff> findByIdentityKey(String tenantId, String identityKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(tenant(tenantId).and("identityKeys").is(identityKey)), StaffDocument.class))
                .map(StaffDocument::toStaff);
    }

    /** One page of a filtered list in staff-number order. */
    public record Slice(List<Staff> staff, boolean hasNext) {
    }

    /**
     * @param afterStaffNumber the staff number of the last one of the previous page, or null for the first page
     * @param limit            at most this many
     */
    public Slice list(String tenantId, StaffFilter filter, String afterStaffNumber, int limit) {
        List<Criteria> conditions = conditions(filter);
        if (afterStaffNumber != null) {
            conditions.add(Criteria.where("staffNumber").gt(afterStaffNumber));
        }
        Query query = Query.query(scoped(tenantId, conditions)).with(Sort.by("staffNumber")).limit(limit + 1);
        List<Staff> page = new ArrayList<>(limit + 1);
        for (StaffDocument document : mongo.find(query, StaffDocument.class)) {
            page.add(document.toStaff());
        }
        boolean hasNext = page.size() > limit;
        return new Slice(hasNext ? List.copyOf(page.subList(0, limit)) : List.copyOf(page), hasNext);
    }

    /** How many staff match (every page). */
    public long count(String tenantId, StaffFilter filter) {
        return mongo.count(Query.query(scoped(tenantId, conditions(filter))), StaffDocument.class);
    }

    /** Every staff member of the tenant, in staff-number order (rosters, exports). */
    public List<Staff> all(String tenantId) {
        long version = registerVersion(tenantId);
        Register cached = registers.get(tenantId);
        if (cached != null && cached.version() == version) {
            return cached.staff();
        }
        List<Staff> staff = mongo.find(Query.query(tenant(tenantId)).with(Sort.by("staffNumber")), StaffDocument.class).stream()
                .map(StaffDocument::toStaff).toList();
        if (registers.size() >= MAX_CACHED_REGISTERS) {
            registers.clear();
        }
        registers.put(tenantId, new Register(version, staff));
        return staff;
    }

    /**
     * A tenant's whole register as last read, with the register version it was read at. Progress
     * and exports read the whole register on every query; reading and mapping hundreds of
     * documents each time dominated them. Every write of staff bumps the tenant's version in the
     * store (collection {@code staff_register_versions}), so a list read at an older version is
     * never returned, on any instance.
     */
    private record Register(long version, List<Staff> staff) {
    }

    static final String REGISTER_VERSIONS = "staff_register_versions";
    private static final int MAX_CACHED_REGISTERS = 500;
    private final java.util.concurrent.ConcurrentHashMap<String, Register> registers = new java.util.concurrent.ConcurrentHashMap<>();

    private long registerVersion(String tenantId) {
        org.bson.Document version = mongo.getCollection(REGISTER_VERSIONS).find(new org.bson.Document("_id", tenantId)).first();
        return version == null ? 0 : version.get("version", Number.class).longValue();
    }

    /** Records that the tenant's register changed (after every write of staff, including imports). */
    void registerChanged(String tenantId) {
        mongo.getCollection(REGISTER_VERSIONS).updateOne(new org.bson.Document("_id", tenantId),
                new org.bson.Document("$inc", new org.bson.Document("version", 1L)).append("$set", new org.bson.Document("tenantId", tenantId)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    @Override
    public th.phatthana.schema.Message describe(long count) {
        return th.phatthana.schema.Message.of("ยังมี" + th.phatthana.schema.Glossary.STAFF + " " + count + " คนสังกัด" + th.phatthana.schema.Glossary.DIVISION + "นี้ กรุณาย้ายไปสังกัดอื่นก่อน",
                count + " staff member(s) still belong to this division: move them to another division first");
    }

    @Override
    public long referencesTo(String tenantId, String divisionId) {
        return mongo.count(Query.query(tenant(tenantId).and("divisionId").is(divisionId)), StaffDocument.class);
    }

    /** {@code {tenantId: …, $and: [conditions]}}: the tenant leads every query. */
    private static Criteria scoped(String tenantId, List<Criteria> conditions) {
        Criteria tenant = tenant(tenantId);
        return conditions.isEmpty() ? tenant : tenant.andOperator(conditions);
    }

    private List<Criteria> conditions(StaffFilter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter == null) {
            return all;
        }
        LocalDate asOf = filter.asOf() != null ? filter.asOf() : today();
        if (filter.targetGroup() != null) {
            all.add(TargetGroups.criteria(filter.targetGroup(), asOf));
        }
        if (filter.primaryTargetGroup() != null) {
            all.add(TargetGroups.primaryCriteria(filter.primaryTargetGroup(), asOf));
        }
        if (filter.divisionId() != null) {
            all.add(Criteria.where("divisionId").is(filter.divisionId()));
        }
        if (!filter.positionTypes().isEmpty()) {
            all.add(Criteria.where("positionType").in(filter.positionTypes().stream().map(Enum::name).toList()));
        }
        if (!filter.personnelTypes().isEmpty()) {
            all.add(Criteria.where("personnelType").in(filter.personnelTypes().stream().map(Enum::name).toList()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(Criteria.where("status").in(filter.statuses().stream().map(Enum::name).toList()));
        }
        if (filter.lineOfWork() != null && !filter.lineOfWork().isBlank()) {
            String wanted = filter.lineOfWork().strip();
            all.add(new Criteria().orOperator(Criteria.where("lineOfWorkCode").is(wanted.toUpperCase(Locale.ROOT)),
                    Criteria.where("lineOfWorkKey").is(LineOfWork.compact(wanted))));
        }
        if (filter.nameSearch() != null && !filter.nameSearch().isBlank()) {
            for (String word : filter.nameSearch().strip().split("\\s+")) {
                String pattern = literal(word);
                all.add(new Criteria().orOperator(Criteria.where("firstNameTh").regex(pattern, "i"),
                        Criteria.where("lastNameTh").regex(pattern, "i")));
            }
        }
        return all;
    }

    /** A regular expression matching the text literally (no \Q…\E, which not every store supports). */
    static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\^$.|?*+()[]{}-/#".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    // ---- changing --------------------------------------------------------------------------

    public Outcome<Staff> create(String tenantId, StaffDraft given) {
        StaffChecks.Checked checked = StaffChecks.check(given, today());
        List<Problem> problems = new ArrayList<>(checked.problems());
        StaffDraft draft = checked.draft();
        problems.addAll(checkAgainstStore(tenantId, null, checked));
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        Instant now = clock.instant();
        Staff built = build(ScopedIds.newId(tenantId), tenantId, draft, now, now, List.of(), List.of());
        Staff staff = withHistory(built, firstHistory(built, today()));
        try {
            mongo.insert(StaffDocument.of(staff, newHash(draft, null)));
        } catch (DuplicateKeyException e) {
            return Outcome.refused(duplicateStaffNumber(draft.staffNumber()));
        }
        registerChanged(tenantId);
        return Outcome.done(withCitizenFlag(staff, newHash(draft, null) != null));
    }

    /** Replaces a staff member's data with the draft (use {@link StaffDraft#of} to change a few fields); a dated change takes effect today. */
    public Outcome<Staff> update(String tenantId, String id, StaffDraft given) {
        return update(tenantId, id, given, RegisterChange.TODAY);
    }

    /**
     * Replaces a staff member's data with the draft; a change of the dated values (division,
     * position, line of work, level, status) enters the register's history as the change says.
     */
    public Outcome<Staff> update(String tenantId, String id, StaffDraft given, RegisterChange change) {
        Optional<StaffDocument> existing = document(tenantId, id);
        if (existing.isEmpty()) {
            return Outcome.refused(new Problem("id", "NOT_FOUND", "ไม่พบบุคลากรนี้", "no such staff member"));
        }
        StaffChecks.Checked checked = StaffChecks.check(given, today());
        List<Problem> problems = new ArrayList<>(checked.problems());
        StaffDraft draft = checked.draft();
        problems.addAll(checkAgainstStore(tenantId, id, checked));
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        StaffDocument old = existing.get();
        Staff before = old.toStaff();
        Staff built = build(id, tenantId, draft, old.createdAt(), clock.instant(), List.of(), before.headRoles());
        List<Problem> historyProblems = new ArrayList<>();
        List<StaffPeriod> history = nextHistory(before, built, change, historyProblems);
        if (!historyProblems.isEmpty()) {
            return Outcome.refused(historyProblems);
        }
        Staff staff = withHistory(built, history);
        String hash = newHash(draft, old.citizenIdHash());
        try {
            mongo.findAndReplace(byId(tenantId, id), StaffDocument.of(staff, hash));
        } catch (DuplicateKeyException e) {
            return Outcome.refused(duplicateStaffNumber(draft.staffNumber()));
        } finally {
            registerChanged(tenantId);
        }
        return Outcome.done(withCitizenFlag(staff, hash != null));
    }

    /** Deletes a staff member for good (data entered by mistake, or erasure under the PDPA). */
    public Outcome<Staff> delete(String tenantId, String id) {
        Optional<StaffDocument> existing = document(tenantId, id);
        if (existing.isEmpty()) {
            return Outcome.refused(new Problem("id", "NOT_FOUND", "ไม่พบบุคลากรนี้", "no such staff member"));
        }
        mongo.remove(byId(tenantId, id), StaffDocument.class);
        // the people who reported to them have no supervisor on record any more
        mongo.updateMulti(Query.query(tenant(tenantId).and("supervisorId").is(id)),
                new org.springframework.data.mongodb.core.query.Update().unset("supervisorId"), StaffDocument.class);
        registerChanged(tenantId);
        events.publishEvent(new StaffDeleted(tenantId, id));
        return Outcome.done(existing.get().toStaff());
    }

    /**
     * An erasure under the PDPA under way: kept on the staff record (field {@code erasure}) from its
     * start until the record itself is deleted, its last step. A run that fails part-way is finished
     * by running it again, which finds this and continues with the same id, pseudonym and mode.
     *
     * @param erasureId the random id the audit trail records the erasure under
     * @param pseudonym the random account name that replaces the person in pseudonymised statements
     */
    public record PendingErasure(String erasureId, String pseudonym, ErasurePolicy mode, Instant startedAt) {
    }

    /**
     * Starts erasing a staff member, or finds the erasure of them already under way (whose mode
     * then wins over {@code mode}). Empty when there is no such staff member.
     */
    public Optional<PendingErasure> startErasure(String tenantId, String id, ErasurePolicy mode) {
        if (!ScopedIds.belongsTo(id, tenantId)) {
            return Optional.empty();
        }
        org.bson.Document fresh = new org.bson.Document("erasureId", java.util.UUID.randomUUID().toString())
                .append("pseudonym", java.util.UUID.randomUUID().toString()).append("mode", mode.name())
                .append("startedAt", java.util.Date.from(clock.instant()));
        mongo.updateFirst(Query.query(tenant(tenantId).and("_id").is(id).and(ERASURE).exists(false)),
                new org.springframework.data.mongodb.core.query.Update().set(ERASURE, fresh), StaffDocument.class);
        org.bson.Document record = mongo.getCollection(mongo.getCollectionName(StaffDocument.class))
                .find(new org.bson.Document("_id", id).append("tenantId", tenantId)).first();
        if (record == null || !(record.get(ERASURE) instanceof org.bson.Document erasure)) {
            return Optional.empty();
        }
        return Optional.of(new PendingErasure(erasure.getString("erasureId"), erasure.getString("pseudonym"),
                ErasurePolicy.valueOf(erasure.getString("mode")), erasure.getDate("startedAt").toInstant()));
    }

    private static final String ERASURE = "erasure";

    /**
     * The checks that need the store: the staff number, xAPI identities and citizen ID are not
     * another staff member's, the division is the tenant's. Skips what {@code earlier} already refused.
     */
    private List<Problem> checkAgainstStore(String tenantId, String id, StaffChecks.Checked checked) {
        StaffDraft draft = checked.draft();
        List<Problem> earlier = checked.problems();
        List<Problem> problems = new ArrayList<>();
        if (draft.staffNumber() != null && earlier.stream().noneMatch(p -> p.field().equals("staffNumber"))) {
            findByStaffNumber(tenantId, draft.staffNumber()).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> problems.add(duplicateStaffNumber(draft.staffNumber())));
        }
        if (draft.divisionId() != null && divisions.find(tenantId, draft.divisionId()).isEmpty()) {
            problems.add(new Problem("divisionId", "NOT_FOUND", "หน่วยงานไม่มีส่วนราชการนี้", "the organisation has no such division"));
        }
        if (draft.supervisorId() != null) {
            problems.addAll(checkSupervisor(tenantId, id, draft.supervisorId()));
        }
        List<XapiIdentity> identities = draft.xapiIdentities();
        if (!identities.isEmpty()) {
            List<String> keys = identities.stream().flatMap(identity -> identity.lookupKeys().stream()).toList();
            Query query = Query.query(tenant(tenantId).and("identityKeys").in(keys));
            for (StaffDocument other : mongo.find(query, StaffDocument.class)) {
                if (other.id().equals(id)) {
                    continue;
                }
                for (int i = 0; i < identities.size(); i++) {
                    if (identities.get(i).lookupKeys().stream().anyMatch(other.identityKeys()::contains)) {
                        problems.add(new Problem("xapiIdentities." + checked.identityPositions().get(i), "DUPLICATE",
                                "ตัวตน xAPI นี้เป็นของบุคลากร รหัสบุคลากร " + other.staffNumber(),
                                "this xAPI identity belongs to staff member " + other.staffNumber()));
                    }
                }
            }
        }
        if (draft.citizenId() instanceof StaffDraft.CitizenIdChange.Set set && CitizenIds.valid(set.citizenId())) {
            String hash = citizenIds.hash(set.citizenId());
            StaffDocument other = mongo.findOne(Query.query(tenant(tenantId).and("citizenIdHash").is(hash)), StaffDocument.class);
            if (other != null && !other.id().equals(id)) {
                problems.add(new Problem("citizenId", "DUPLICATE", "เลขประจำตัวประชาชนนี้เป็นของบุคลากร รหัสบุคลากร " + other.staffNumber(), "staff member " + other.staffNumber() + " has this citizen ID"));
            }
        }
        return problems;
    }

    /**
     * A supervisor is another staff member of the organisation, and the reporting line may not come
     * back to the person (A reports to B who reports to A).
     */
    private List<Problem> checkSupervisor(String tenantId, String id, String supervisorId) {
        if (supervisorId.equals(id)) {
            return List.of(new Problem("supervisorId", "INVALID", "ผู้บังคับบัญชาต้องเป็นบุคลากรคนอื่น ไม่ใช่ตนเอง", "the supervisor is another staff member, not the person themself"));
        }
        Map<String, Staff> byId = new java.util.HashMap<>();
        all(tenantId).forEach(member -> byId.put(member.id(), member));
        if (!byId.containsKey(supervisorId)) {
            return List.of(new Problem("supervisorId", "NOT_FOUND", "หน่วยงานไม่มีบุคลากรที่ระบุเป็นผู้บังคับบัญชา", "the organisation has no such staff member to be the supervisor"));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String next = supervisorId; next != null && seen.add(next); next = byId.containsKey(next) ? byId.get(next).supervisorId() : null) {
            if (next.equals(id)) {
                return List.of(new Problem("supervisorId", "INVALID", "สายการบังคับบัญชาวนกลับมาที่บุคลากรผู้นี้ (ผู้บังคับบัญชาต้องไม่อยู่ใต้บังคับบัญชาของบุคลากรผู้นี้)", "the reporting line would come back to this person"));
            }
        }
        return List.of();
    }

    /** Staff whose supervisor is this staff member, in staff-number order. */
    public List<Staff> reportsOf(String tenantId, String supervisorId) {
        return all(tenantId).stream().filter(member -> supervisorId.equals(member.supervisorId())).toList();
    }

    /** The hash to store: from the draft's new number, none when cleared, else the one on file. */
    String newHash(StaffDraft draft, String onFile) {
        return switch (draft.citizenId()) {
            case StaffDraft.CitizenIdChange.Set set -> citizenIds.hash(set.citizenId());
            case StaffDraft.CitizenIdChange.Clear clear -> null;
            case StaffDraft.CitizenIdChange.Keep keep -> onFile;
        };
    }

    static Staff build(String id, String tenantId, StaffDraft draft, Instant createdAt, Instant updatedAt, List<StaffPeriod> history,
            List<HeadRole> headRoles) {
        return new Staff(id, tenantId, draft.staffNumber(), draft.title(), draft.firstNameTh(), draft.lastNameTh(),
                draft.personnelType(), draft.positionTitle(), draft.positionType(), draft.lineOfWork(), draft.level(),
                draft.divisionId(), draft.appointmentDate(), draft.probationEndDate(), draft.status(), draft.xapiIdentities(),
                false, createdAt, updatedAt, history, headRoles, draft.supervisorId());
    }

    private static Staff withCitizenFlag(Staff staff, boolean hasCitizenId) {
        return new Staff(staff.id(), staff.tenantId(), staff.staffNumber(), staff.title(), staff.firstNameTh(), staff.lastNameTh(),
                staff.personnelType(), staff.positionTitle(), staff.positionType(), staff.lineOfWork(), staff.level(),
                staff.divisionId(), staff.appointmentDate(), staff.probationEndDate(), staff.status(), staff.xapiIdentities(),
                hasCitizenId, staff.createdAt(), staff.updatedAt(), staff.history(), staff.headRoles(), staff.supervisorId());
    }

    private static Staff withHistory(Staff staff, List<StaffPeriod> history) {
        return new Staff(staff.id(), staff.tenantId(), staff.staffNumber(), staff.title(), staff.firstNameTh(), staff.lastNameTh(),
                staff.personnelType(), staff.positionTitle(), staff.positionType(), staff.lineOfWork(), staff.level(),
                staff.divisionId(), staff.appointmentDate(), staff.probationEndDate(), staff.status(), staff.xapiIdentities(),
                staff.hasCitizenId(), staff.createdAt(), staff.updatedAt(), history, staff.headRoles(), staff.supervisorId());
    }

    // ---- the register's history ----------------------------------------------------------------

    /** A new record's history: appointed on its appointment date; a status other than working from today. */
    static List<StaffPeriod> firstHistory(Staff staff, LocalDate today) {
        StaffPeriod now = StaffPeriod.of(staff.appointmentDate(), StaffChange.APPOINTED, staff);
        if (now.status() == EmploymentStatus.ACTIVE || !today.isAfter(staff.appointmentDate())) {
            return List.of(now);
        }
        StaffPeriod working = new StaffPeriod(staff.appointmentDate(), StaffChange.APPOINTED, staff.divisionId(), staff.positionTitle(),
                staff.positionType(), staff.lineOfWork(), staff.level(), EmploymentStatus.ACTIVE);
        return List.of(working, now.from(today, StaffChange.between(working, now)));
    }

    /**
     * The history after an update: unchanged when no dated value changed; else a new period from
     * the change's day, or the latest period rewritten for a correction (or for a second change on
     * the same day). A change may not be dated in the future, before the latest recorded change or
     * before the appointment. A new appointment date moves the first period's start.
     */
    List<StaffPeriod> nextHistory(Staff before, Staff after, RegisterChange change, List<Problem> problems) {
        List<StaffPeriod> history = new ArrayList<>(before.periods());
        StaffPeriod first = history.get(0);
        if (!after.appointmentDate().equals(before.appointmentDate()) && first.change() == StaffChange.APPOINTED) {
            if (history.size() > 1 && !after.appointmentDate().isBefore(history.get(1).from())) {
                problems.add(new Problem("appointmentDate", "INVALID", "วันที่บรรจุต้องอยู่ก่อนการเปลี่ยนแปลงครั้งแรกในทะเบียน ซึ่งมีผลวันที่ " + history.get(1).from(), "the appointment date must come before the register's first change, on "
                        + history.get(1).from()));
                return history;
            }
            history.set(0, first.from(after.appointmentDate(), StaffChange.APPOINTED));
        }
        StaffPeriod latest = history.get(history.size() - 1);
        StaffPeriod now = StaffPeriod.of(latest.from(), latest.change(), after);
        if (now.sameValues(latest)) {
            return history;
        }
        LocalDate day = change.effectiveOn() != null ? change.effectiveOn() : today();
        if (change.correction() || day.equals(latest.from())) {
            history.set(history.size() - 1, now.from(latest.from(), change.kind() != null ? change.kind() : latest.change()));
            return history;
        }
        if (day.isAfter(today())) {
            problems.add(new Problem("effectiveOn", "INVALID", "การเปลี่ยนแปลงต้องมีผลวันนี้หรือก่อนหน้า การเปลี่ยนแปลงในอนาคตให้บันทึกเมื่อถึงวันที่มีผล", "a change takes effect today or earlier; record a future change on its day"));
        } else if (day.isBefore(latest.from())) {
            problems.add(new Problem("effectiveOn", "INVALID", "การเปลี่ยนแปลงล่าสุดในทะเบียนมีผลวันที่ " + latest.from() + " วันที่มีผลต้องไม่ก่อนวันนั้น", "the register's latest change is dated " + latest.from()
                    + ": a change may not be dated before it"));
        } else if (day.isBefore(after.appointmentDate())) {
            problems.add(new Problem("effectiveOn", "INVALID", "วันที่มีผลต้องไม่ก่อนวันที่บรรจุ", "a change may not be dated before the appointment date"));
        }
        if (!problems.isEmpty()) {
            return history;
        }
        history.add(now.from(day, change.kind() != null ? change.kind() : StaffChange.between(latest, now)));
        return history;
    }

    /**
     * Sets the roles heading a unit that a staff member holds or held (target group ๓ for their
     * periods), replacing those recorded.
     */
    public Outcome<Staff> setHeadRoles(String tenantId, String id, List<HeadRole> roles) {
        Optional<StaffDocument> existing = document(tenantId, id);
        if (existing.isEmpty()) {
            return Outcome.refused(new Problem("id", "NOT_FOUND", "ไม่พบบุคลากรนี้", "no such staff member"));
        }
        Staff staff = existing.get().toStaff();
        List<Problem> problems = new ArrayList<>();
        List<HeadRole> cleaned = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            HeadRole role = roles.get(i);
            String field = "roles." + i;
            String title = role.titleTh() == null ? "" : role.titleTh().strip();
            if (title.isEmpty() || title.length() > 200) {
                problems.add(new Problem(field + ".titleTh", "REQUIRED", "ชื่อตำแหน่งหน้าที่ตามคำสั่ง ไม่เกิน 200 ตัวอักษร", "the role as the order names it, at most 200 characters"));
            }
            if (role.from() == null) {
                problems.add(new Problem(field + ".from", "REQUIRED", "ต้องระบุวันแรกที่ดำรงตำแหน่งหน้าที่", "the first day of the role"));
            } else if (role.from().isBefore(staff.appointmentDate())) {
                problems.add(new Problem(field + ".from", "INVALID", "วันเริ่มดำรงตำแหน่งหน้าที่ต้องไม่ก่อนวันที่บรรจุ", "a role may not start before the appointment date"));
            } else if (role.until() != null && role.until().isBefore(role.from())) {
                problems.add(new Problem(field + ".until", "INVALID", "วันสุดท้ายของตำแหน่งหน้าที่ต้องไม่ก่อนวันแรก", "the last day of the role comes on or after its first"));
            }
            cleaned.add(new HeadRole(title, role.acting(), role.from(), role.until()));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        cleaned.sort(java.util.Comparator.comparing(HeadRole::from));
        Staff changed = new Staff(staff.id(), staff.tenantId(), staff.staffNumber(), staff.title(), staff.firstNameTh(), staff.lastNameTh(),
                staff.personnelType(), staff.positionTitle(), staff.positionType(), staff.lineOfWork(), staff.level(), staff.divisionId(),
                staff.appointmentDate(), staff.probationEndDate(), staff.status(), staff.xapiIdentities(), staff.hasCitizenId(),
                staff.createdAt(), clock.instant(), staff.history(), cleaned, staff.supervisorId());
        mongo.findAndReplace(byId(tenantId, id), StaffDocument.of(changed, existing.get().citizenIdHash()));
        registerChanged(tenantId);
        return Outcome.done(changed);
    }

    /**
     * The register as it stood for a fiscal year: everyone employed on at least one of its days,
     * with the values of their last such day (see {@link Staff#inFiscalYear}).
     */
    public List<Staff.InFiscalYear> register(String tenantId, int fiscalYear) {
        LocalDate today = today();
        return all(tenantId).stream().map(member -> member.inFiscalYear(fiscalYear, today)).flatMap(Optional::stream).toList();
    }

    private Optional<StaffDocument> document(String tenantId, String id) {
        if (!ScopedIds.belongsTo(id, tenantId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), StaffDocument.class));
    }

    static Problem duplicateStaffNumber(String staffNumber) {
        return new Problem("staffNumber", "DUPLICATE", "หน่วยงานมีบุคลากรที่ใช้รหัสบุคลากร " + staffNumber + " อยู่แล้ว", "the organisation already has a staff member with staff number " + staffNumber);
    }

    static Criteria tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
        return Criteria.where("tenantId").is(tenantId);
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(tenant(tenantId).and("_id").is(id));
    }

    // package-private access for the roster import
    MongoTemplate mongo() {
        return mongo;
    }

    CitizenIdHasher citizenIds() {
        return citizenIds;
    }

    DivisionService divisions() {
        return divisions;
    }

    Clock clock() {
        return clock;
    }
}
