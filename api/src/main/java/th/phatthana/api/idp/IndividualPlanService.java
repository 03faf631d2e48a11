package th.phatthana.api.idp;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import th.phatthana.api.access.Callers;
import th.phatthana.api.competencies.CompetencyGaps;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.progress.PersonCompletions;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Outcome;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;

/**
 * Individual development plans: made and changed by the organisation's HR, agreed by the staff
 * member and their supervisor (see {@link AgreementRights} for who may record which agreement), their
 * progress read from the progress read model ({@link PersonCompletions}). Every query starts with the
 * tenant; a plan of another tenant is not found. Every change is checked in full before anything is
 * written, and audited.
 */
@Service
public class IndividualPlanService {

    static final String IDP = "แผนพัฒนารายบุคคล";
    static final int MAX_ITEMS = 30;
    static final int MAX_ACTIVITY_IDS = 10;

    private final MongoTemplate mongo;
    private final StaffService staff;
    private final CompetencyGaps gaps;
    private final PlanService plans;
    private final PersonCompletions completions;
    private final AgreementRights rights;
    private final AuditTrail audit;
    private final Clock clock;

    IndividualPlanService(MongoTemplate mongo, StaffService staff, CompetencyGaps gaps, PlanService plans, PersonCompletions completions,
            AgreementRights rights, AuditTrail audit, Optional<Clock> clock) {
        this.mongo = mongo;
        this.staff = staff;
        this.gaps = gaps;
        this.plans = plans;
        this.completions = completions;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(FiscalYears.BANGKOK));
    }

    /** One item as given: a plan course by its key, or another activity by its IRIs and title. */
    public record ItemDraft(String competencyCode, String courseKey, List<String> activityIds, String titleTh, LocalDate targetDate,
            String note) {
    }

    public record Filter(Integer fiscalYear, String divisionId, IndividualPlan.Status status, String staffId) {
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The roles of the plan's own organisation that read its plans. */
    static final Role[] READERS = {Role.TENANT_ADMIN, Role.HR_OFFICER, Role.VIEWER};

    /** The caller's own organisation, read by its tenant roles; anyone else finds no plans at all (NOT_FOUND). */
    public static String readableTenant(Caller caller) {
        Callers.require(caller);
        if (caller.tenantId() == null || !caller.canWrite(caller.tenantId(), READERS)) {
            throw notFoundException();
        }
        return caller.tenantId();
    }

    /** A plan the caller may read; anything else, another organisation's included, is NOT_FOUND. */
    public IndividualPlan read(String id, Caller caller) {
        return find(readableTenant(caller), id).orElseThrow(IndividualPlanService::notFoundException);
    }

    static ApiException notFoundException() {
        return ApiException.notFound(IDP, "individual development plan");
    }

    public Optional<IndividualPlan> find(String tenantId, String id) {
        if (id == null || !ScopedIds.belongsTo(id, tenantId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), IndividualPlanDocument.class)).map(IndividualPlanDocument::toPlan);
    }

    public Optional<IndividualPlan> findFor(String tenantId, String staffId, int fiscalYear) {
        return Optional.ofNullable(mongo.findOne(Query.query(tenant(tenantId).and("staffId").is(staffId).and("fiscalYear").is(fiscalYear)),
                IndividualPlanDocument.class)).map(IndividualPlanDocument::toPlan);
    }

    /** Plans matching the filter, latest fiscal year first, then in staff-number order. */
    public List<IndividualPlan> list(String tenantId, Filter filter) {
        Criteria criteria = tenant(tenantId);
        if (filter.fiscalYear() != null) {
            criteria = criteria.and("fiscalYear").is(filter.fiscalYear());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status().name());
        }
        if (filter.staffId() != null) {
            criteria = criteria.and("staffId").is(filter.staffId());
        }
        List<IndividualPlan> found = mongo.find(Query.query(criteria), IndividualPlanDocument.class).stream()
                .map(IndividualPlanDocument::toPlan).toList();
        Map<String, Staff> register = new HashMap<>();
        staff.all(tenantId).forEach(member -> register.put(member.id(), member));
        List<IndividualPlan> result = new ArrayList<>();
        for (IndividualPlan plan : found) {
            if (filter.divisionId() != null && !filter.divisionId().equals(divisionInYear(register.get(plan.staffId()), plan.fiscalYear()))) {
                continue;
            }
            result.add(plan);
        }
        result.sort(Comparator.comparing(IndividualPlan::fiscalYear).reversed().thenComparing(plan -> {
            Staff member = register.get(plan.staffId());
            return member == null ? "" : member.staffNumber();
        }));
        return result;
    }

    /** The division a staff member was in for a fiscal year (their last day in it), else their present one. */
    private String divisionInYear(Staff member, int fiscalYear) {
        if (member == null) {
            return null;
        }
        return member.inFiscalYear(fiscalYear, today()).map(entry -> entry.staff().divisionId()).orElse(member.divisionId());
    }

    /** A row of a division's list: a person on the register of the year and their plan for it, if any. */
    public record RosterRow(Staff staff, IndividualPlan plan) {
    }

    /** Everyone on the register of the fiscal year (in a division, when given), with their plan of the year or none. */
    public List<RosterRow> roster(String tenantId, int fiscalYear, String divisionId) {
        Map<String, IndividualPlan> byStaff = new HashMap<>();
        mongo.find(Query.query(tenant(tenantId).and("fiscalYear").is(fiscalYear)), IndividualPlanDocument.class)
                .forEach(document -> byStaff.put(document.staffId(), document.toPlan()));
        List<RosterRow> rows = new ArrayList<>();
        for (Staff.InFiscalYear entry : staff.register(tenantId, fiscalYear)) {
            if (divisionId == null || divisionId.equals(entry.staff().divisionId())) {
                rows.add(new RosterRow(entry.staff(), byStaff.get(entry.staff().id())));
            }
        }
        return rows;
    }

    /** The staff of the fiscal year's register and how many of them have an agreed plan for it. */
    public record Share(int staffCount, int agreed) {
        public double share() {
            return staffCount == 0 ? 0 : (double) agreed / staffCount;
        }
    }

    public Share agreedShare(String tenantId, int fiscalYear) {
        Set<String> current = new HashSet<>();
        staff.register(tenantId, fiscalYear).forEach(entry -> current.add(entry.staff().id()));
        int agreed = 0;
        for (IndividualPlanDocument document : mongo.find(Query.query(tenant(tenantId).and("fiscalYear").is(fiscalYear)
                .and("status").is(IndividualPlan.Status.AGREED.name())), IndividualPlanDocument.class)) {
            if (current.contains(document.staffId())) {
                agreed++;
            }
        }
        return new Share(current.size(), agreed);
    }

    /** How far a plan is: items done in its fiscal year, and those past their target date and not done. */
    public record Progress(int items, int done, int overdue, Set<String> doneKeys) {
        public double share() {
            return items == 0 ? 0 : (double) done / items;
        }
    }

    public Progress progress(IndividualPlan plan) {
        Staff member = staff.find(plan.tenantId(), plan.staffId()).orElse(null);
        Set<String> doneKeys = new HashSet<>();
        if (member != null) {
            Map<String, Set<String>> coursesByPlan = new LinkedHashMap<>();
            Set<String> activities = new HashSet<>();
            for (IndividualPlan.Item item : plan.items()) {
                if (item.kind() == IndividualPlan.ItemKind.COURSE) {
                    coursesByPlan.computeIfAbsent(item.planId(), k -> new HashSet<>());
                } else {
                    activities.addAll(item.activityIds());
                }
            }
            coursesByPlan.replaceAll((planId, none) -> completions.completedCourses(plan.tenantId(), planId, member, plan.fiscalYear()));
            Set<String> activitiesDone = activities.isEmpty() ? Set.of()
                    : completions.completedActivities(plan.tenantId(), member, plan.fiscalYear(), activities);
            for (IndividualPlan.Item item : plan.items()) {
                boolean done = item.kind() == IndividualPlan.ItemKind.COURSE
                        ? coursesByPlan.getOrDefault(item.planId(), Set.of()).contains(item.courseKey())
                        : item.activityIds().stream().anyMatch(activitiesDone::contains);
                if (done) {
                    doneKeys.add(item.key());
                }
            }
        }
        LocalDate today = today();
        int overdue = (int) plan.items().stream()
                .filter(item -> !doneKeys.contains(item.key()) && item.targetDate() != null && item.targetDate().isBefore(today)).count();
        return new Progress(plan.items().size(), doneKeys.size(), overdue, Set.copyOf(doneKeys));
    }

    // ---- changing --------------------------------------------------------------------------------

    public Outcome<IndividualPlan> create(String tenantId, String staffId, Integer fiscalYearOrNull, LocalDate planDateOrNull,
            List<ItemDraft> items, Caller caller, String origin) {
        List<Problem> problems = new ArrayList<>();
        Staff member = staffId == null ? null : staff.find(tenantId, staffId).orElse(null);
        if (member == null) {
            return Outcome.refused(new Problem("staffId", "NOT_FOUND", "ไม่พบ" + Glossary.STAFF + "นี้", "no such staff member"));
        }
        LocalDate planDate = planDateOrNull != null ? planDateOrNull : today();
        int fiscalYear = fiscalYearOrNull != null ? fiscalYearOrNull : FiscalYears.of(planDate);
        checkDates(planDate, fiscalYear, problems);
        if (problems.isEmpty() && member.inFiscalYear(fiscalYear, today()).isEmpty()) {
            problems.add(new Problem("staffId", "INVALID", Glossary.STAFF + "ผู้นี้ไม่อยู่ในทะเบียนของ" + Glossary.FISCAL_YEAR + " " + fiscalYear,
                    "this staff member is not on the register of fiscal year " + fiscalYear));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        if (findFor(tenantId, staffId, fiscalYear).isPresent()) {
            return Outcome.refused(duplicate(fiscalYear));
        }
        List<IndividualPlan.GapSnapshot> snapshot = snapshot(member, planDate);
        List<IndividualPlan.Item> checked = items(tenantId, items == null ? List.of() : items, snapshot, planDate, fiscalYear, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        java.time.Instant now = clock.instant();
        IndividualPlan plan = new IndividualPlan(ScopedIds.newId(tenantId), tenantId, staffId, fiscalYear, planDate, snapshot, checked,
                IndividualPlan.Status.DRAFT, null, null, now, now);
        try {
            mongo.insert(IndividualPlanDocument.of(plan));
        } catch (DuplicateKeyException e) {
            return Outcome.refused(duplicate(fiscalYear));
        }
        record(plan, member, caller, "idp.create", Map.of("items", String.valueOf(checked.size())), origin);
        return Outcome.done(plan);
    }

    /**
     * Changes the plan date (the gaps are read again as of it) and/or replaces the items; null keeps
     * them. A change of a plan agreed by either party withdraws the agreements: both agree again.
     */
    public Outcome<IndividualPlan> update(String tenantId, String id, LocalDate planDateOrNull, List<ItemDraft> itemsOrNull, Caller caller,
            String origin) {
        IndividualPlan existing = find(tenantId, id).orElse(null);
        if (existing == null) {
            return Outcome.refused(notFound());
        }
        Staff member = staff.find(tenantId, existing.staffId()).orElse(null);
        if (member == null) {
            return Outcome.refused(notFound());
        }
        List<Problem> problems = new ArrayList<>();
        LocalDate planDate = planDateOrNull != null ? planDateOrNull : existing.planDate();
        List<IndividualPlan.GapSnapshot> snapshot = existing.gaps();
        if (planDateOrNull != null && !planDateOrNull.equals(existing.planDate())) {
            checkDates(planDate, existing.fiscalYear(), problems);
            snapshot = snapshot(member, planDate);
        }
        List<IndividualPlan.Item> items = existing.items();
        if (itemsOrNull != null) {
            items = items(tenantId, itemsOrNull, snapshot, planDate, existing.fiscalYear(), problems);
        } else if (snapshot != existing.gaps()) {
            // the kept items must still name gaps of the new snapshot
            Set<String> codes = codes(snapshot);
            for (int i = 0; i < items.size(); i++) {
                String code = items.get(i).competencyCode();
                if (code != null && !codes.contains(code)) {
                    problems.add(noSuchGap("items." + i + ".competencyCode"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        boolean withdrawn = existing.staffAgreement() != null || existing.supervisorAgreement() != null;
        IndividualPlan changed = new IndividualPlan(existing.id(), tenantId, existing.staffId(), existing.fiscalYear(), planDate, snapshot,
                items, IndividualPlan.Status.DRAFT, null, null, existing.createdAt(), clock.instant());
        mongo.findAndReplace(byId(tenantId, id), IndividualPlanDocument.of(changed));
        record(changed, member, caller, "idp.update",
                Map.of("items", String.valueOf(items.size()), "agreementsWithdrawn", String.valueOf(withdrawn)), origin);
        return Outcome.done(changed);
    }

    /**
     * Records one party's agreement, dated {@code agreedOn} (the date on the signed form; today by
     * default). Who may record it for which party is {@link AgreementRights#partiesFor}'s decision.
     * The plan is AGREED once both parties have agreed.
     */
    public Outcome<IndividualPlan> agree(String tenantId, String id, IndividualPlan.Party party, LocalDate agreedOnOrNull, Caller caller,
            String origin) {
        IndividualPlan existing = find(tenantId, id).orElse(null);
        Staff member = existing == null ? null : staff.find(tenantId, existing.staffId()).orElse(null);
        if (member == null) {
            return Outcome.refused(notFound());
        }
        AgreementRights.Signing signing = rights.partiesFor(caller, existing, member);
        List<Problem> problems = new ArrayList<>();
        if (party == null) {
            return Outcome.refused(Problem.required("party"));
        }
        if (!signing.parties().contains(party)) {
            return Outcome.refused(new Problem("party", "FORBIDDEN", "ท่านไม่มีสิทธิ์บันทึกความเห็นชอบในนามของ" + partyTh(party),
                    "you may not record the agreement of the " + party.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        }
        if (existing.agreement(party) != null) {
            return Outcome.refused(new Problem("party", "ALREADY_AGREED", partyTh(party) + "เห็นชอบแผนนี้แล้วเมื่อวันที่ "
                    + th.phatthana.api.time.ThaiDates.date(existing.agreement(party).agreedOn()),
                    "the " + party.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " has already agreed this plan"));
        }
        if (existing.items().isEmpty()) {
            problems.add(new Problem("id", "EMPTY", IDP + "ยังไม่มีรายการพัฒนา กรุณาเพิ่มรายการก่อนให้ความเห็นชอบ",
                    "the plan has no development items yet: add them before agreeing"));
        }
        String signer = party == IndividualPlan.Party.STAFF_MEMBER ? member.id() : member.supervisorId();
        if (signer == null) {
            problems.add(new Problem("party", "NO_SUPERVISOR", "ยังไม่ได้บันทึกผู้บังคับบัญชาของ" + Glossary.STAFF
                    + "ผู้นี้ในทะเบียนบุคลากร กรุณาบันทึกก่อน", "the register names no supervisor for this staff member: record one first"));
        }
        LocalDate agreedOn = agreedOnOrNull != null ? agreedOnOrNull : today();
        if (agreedOn.isAfter(today())) {
            problems.add(new Problem("agreedOn", "INVALID", "วันที่เห็นชอบต้องไม่เป็นวันในอนาคต", "the date of agreement may not be in the future"));
        } else if (agreedOn.isBefore(existing.planDate())) {
            problems.add(new Problem("agreedOn", "INVALID", "วันที่เห็นชอบต้องไม่ก่อนวันที่จัดทำแผน ("
                    + th.phatthana.api.time.ThaiDates.date(existing.planDate()) + ")", "the date of agreement may not come before the plan date"));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        IndividualPlan.Agreement agreement = new IndividualPlan.Agreement(party, signer, agreedOn, caller.subject(), caller.displayName(),
                clock.instant(), signing.onPaper());
        IndividualPlan.Agreement staffAgreement = party == IndividualPlan.Party.STAFF_MEMBER ? agreement : existing.staffAgreement();
        IndividualPlan.Agreement supervisorAgreement = party == IndividualPlan.Party.SUPERVISOR ? agreement : existing.supervisorAgreement();
        IndividualPlan.Status status = staffAgreement != null && supervisorAgreement != null ? IndividualPlan.Status.AGREED
                : IndividualPlan.Status.DRAFT;
        IndividualPlan changed = new IndividualPlan(existing.id(), tenantId, existing.staffId(), existing.fiscalYear(), existing.planDate(),
                existing.gaps(), existing.items(), status, staffAgreement, supervisorAgreement, existing.createdAt(), clock.instant());
        // only if nobody recorded this party's agreement meanwhile
        Query unchanged = Query.query(tenant(tenantId).and("_id").is(id).and(party == IndividualPlan.Party.STAFF_MEMBER ? "staffAgreement"
                : "supervisorAgreement").is(null).and("updatedAt").is(existing.updatedAt()));
        if (mongo.findAndReplace(unchanged, IndividualPlanDocument.of(changed)) == null) {
            return Outcome.refused(new Problem("id", "CONFLICT", IDP + "นี้เพิ่งถูกแก้ไข กรุณาโหลดใหม่แล้วลองอีกครั้ง",
                    "the plan changed meanwhile: reload and try again"));
        }
        record(changed, member, caller, "idp.agree", Map.of("party", party.name(), "agreedOn", agreedOn.toString(), "onPaper",
                String.valueOf(signing.onPaper()), "status", status.name()), origin);
        return Outcome.done(changed);
    }

    /** A deleted staff member's plans go with them (their data, PDPA). */
    @EventListener
    void onStaffDeleted(StaffService.StaffDeleted deleted) {
        mongo.remove(Query.query(tenant(deleted.tenantId()).and("staffId").is(deleted.staffId())), IndividualPlanDocument.class);
    }

    static String partyTh(IndividualPlan.Party party) {
        return party == IndividualPlan.Party.STAFF_MEMBER ? "ผู้รับการพัฒนา" : "ผู้บังคับบัญชา";
    }

    // ---- checks ----------------------------------------------------------------------------------

    private void checkDates(LocalDate planDate, int fiscalYear, List<Problem> problems) {
        if (!FiscalYears.plausible(fiscalYear)) {
            problems.add(new Problem("fiscalYear", "INVALID", Glossary.FISCAL_YEAR + "ต้องเป็นปี พ.ศ. เช่น 2568", "a Buddhist-Era year such as 2568"));
            return;
        }
        if (planDate.isAfter(today())) {
            problems.add(new Problem("planDate", "INVALID", "วันที่จัดทำแผนต้องไม่เป็นวันในอนาคต", "the plan date may not be in the future"));
        } else if (planDate.isAfter(FiscalYears.lastDay(fiscalYear))) {
            problems.add(new Problem("planDate", "INVALID", "วันที่จัดทำแผนต้องไม่หลังสิ้น" + Glossary.FISCAL_YEAR + " " + fiscalYear,
                    "the plan date may not come after the end of fiscal year " + fiscalYear));
        } else if (planDate.isBefore(FiscalYears.firstDay(fiscalYear).minusYears(1))) {
            problems.add(new Problem("planDate", "INVALID", "วันที่จัดทำแผนต้องอยู่ใน" + Glossary.FISCAL_YEAR + " " + fiscalYear + " หรือปีก่อนหน้า",
                    "the plan date falls in fiscal year " + fiscalYear + " or the year before"));
        }
    }

    /** The competency gaps of the person as the register stood on the plan date. */
    private List<IndividualPlan.GapSnapshot> snapshot(Staff member, LocalDate planDate) {
        Staff then = member.periodOn(planDate).map(member::with).orElse(member);
        return gaps.of(then, planDate).required().stream()
                .map(gap -> new IndividualPlan.GapSnapshot(gap.competency().code(), gap.competency().nameTh(), gap.requiredLevel(),
                        gap.assessedLevel(), gap.assessed()))
                .toList();
    }

    private static Set<String> codes(List<IndividualPlan.GapSnapshot> snapshot) {
        Set<String> codes = new HashSet<>();
        snapshot.forEach(gap -> codes.add(gap.competencyCode()));
        return codes;
    }

    private List<IndividualPlan.Item> items(String tenantId, List<ItemDraft> drafts, List<IndividualPlan.GapSnapshot> snapshot,
            LocalDate planDate, int fiscalYear, List<Problem> problems) {
        if (drafts.size() > MAX_ITEMS) {
            problems.add(new Problem("items", "TOO_MANY", "รายการพัฒนาได้ไม่เกิน " + MAX_ITEMS + " รายการ", "at most " + MAX_ITEMS + " items"));
            return List.of();
        }
        Set<String> codes = codes(snapshot);
        LocalDate inForceOn = planDate.isBefore(FiscalYears.firstDay(fiscalYear)) ? FiscalYears.firstDay(fiscalYear) : planDate;
        Optional<PlanService.InForce> inForce = Optional.empty();
        if (drafts.stream().anyMatch(d -> d.courseKey() != null && !d.courseKey().isBlank())) {
            inForce = plans.inForce(tenantId, inForceOn);
        }
        List<IndividualPlan.Item> items = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ItemDraft draft = drafts.get(i);
            String at = "items." + i + ".";
            String code = blankToNull(draft.competencyCode());
            if (code != null && !codes.contains(code)) {
                problems.add(noSuchGap(at + "competencyCode"));
            }
            if (draft.targetDate() == null) {
                problems.add(new Problem(at + "targetDate", "REQUIRED", "ต้องระบุวันที่เป้าหมาย", "a target date is required"));
            } else if (draft.targetDate().isBefore(planDate) || draft.targetDate().isAfter(FiscalYears.lastDay(fiscalYear))) {
                problems.add(new Problem(at + "targetDate", "INVALID", "วันที่เป้าหมายต้องอยู่ระหว่างวันที่จัดทำแผนถึงสิ้น" + Glossary.FISCAL_YEAR
                        + " " + fiscalYear, "the target date falls between the plan date and the end of fiscal year " + fiscalYear));
            }
            String note = blankToNull(draft.note());
            if (note != null && note.length() > 500) {
                problems.add(new Problem(at + "note", "TOO_LONG", "หมายเหตุยาวได้ไม่เกิน 500 ตัวอักษร", "a note has at most 500 characters"));
            }
            String key = UUID.randomUUID().toString().substring(0, 8);
            String courseKey = blankToNull(draft.courseKey());
            if (courseKey != null) {
                if (inForce.isEmpty()) {
                    problems.add(new Problem(at + "courseKey", "NO_PLAN_IN_FORCE", "ไม่มี" + Glossary.PLAN + "ที่มีผลใช้บังคับในวันที่ "
                            + th.phatthana.api.time.ThaiDates.date(inForceOn) + " จึงเลือกหลักสูตรในแผนไม่ได้ ให้ระบุเป็นกิจกรรมอื่นแทน",
                            "no plan is in force on " + inForceOn + ": name another activity instead"));
                    continue;
                }
                PlanContent.Course course = inForce.get().version().content().courses().stream().filter(c -> c.key().equals(courseKey))
                        .findFirst().orElse(null);
                if (course == null) {
                    problems.add(new Problem(at + "courseKey", "NOT_FOUND", Glossary.PLAN + "ที่มีผลใช้บังคับไม่มีหลักสูตรนี้",
                            "the plan in force has no such course"));
                    continue;
                }
                items.add(new IndividualPlan.Item(key, code, IndividualPlan.ItemKind.COURSE, inForce.get().plan().id(), courseKey, List.of(),
                        course.titleTh(), draft.targetDate(), note));
                continue;
            }
            String title = blankToNull(draft.titleTh());
            if (title == null) {
                problems.add(new Problem(at + "titleTh", "REQUIRED", "ต้องระบุชื่อกิจกรรมการพัฒนา (หรือเลือกหลักสูตรในแผน)",
                        "the activity's title is required (or choose a course of the plan)"));
            } else if (title.length() > 200) {
                problems.add(new Problem(at + "titleTh", "TOO_LONG", "ชื่อกิจกรรมยาวได้ไม่เกิน 200 ตัวอักษร", "a title has at most 200 characters"));
            }
            List<String> iris = new ArrayList<>();
            for (String iri : draft.activityIds() == null ? List.<String>of() : draft.activityIds()) {
                String trimmed = blankToNull(iri);
                if (trimmed != null && !iris.contains(trimmed)) {
                    iris.add(trimmed);
                }
            }
            if (iris.isEmpty()) {
                problems.add(new Problem(at + "activityIds", "REQUIRED", "ต้องระบุ IRI ของกิจกรรม xAPI อย่างน้อยหนึ่งรายการ เพื่อติดตามผลการพัฒนา",
                        "at least one xAPI activity IRI is required to follow the item's progress"));
            } else if (iris.size() > MAX_ACTIVITY_IDS) {
                problems.add(new Problem(at + "activityIds", "TOO_MANY", "IRI ของกิจกรรมได้ไม่เกิน " + MAX_ACTIVITY_IDS + " รายการ",
                        "at most " + MAX_ACTIVITY_IDS + " activity IRIs"));
            } else {
                for (int j = 0; j < iris.size(); j++) {
                    if (!iri(iris.get(j))) {
                        problems.add(new Problem(at + "activityIds." + j, "INVALID", "IRI ของกิจกรรมต้องเป็นที่อยู่เต็ม เช่น https://elearning.example.go.th/course/1",
                                "an activity IRI is an absolute IRI such as https://elearning.example.go.th/course/1"));
                    }
                }
            }
            items.add(new IndividualPlan.Item(key, code, IndividualPlan.ItemKind.ACTIVITY, null, null, iris, title, draft.targetDate(), note));
        }
        return items;
    }

    private static boolean iri(String text) {
        if (text.length() > 2048 || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getScheme() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Problem noSuchGap(String field) {
        return new Problem(field, "NOT_FOUND", "สมรรถนะนี้ไม่อยู่ในรายการสมรรถนะที่กำหนดของบุคลากร ณ วันที่จัดทำแผน",
                "this competency is not among the person's required competencies on the plan date");
    }

    private static Problem duplicate(int fiscalYear) {
        return new Problem("staffId", "DUPLICATE", Glossary.STAFF + "ผู้นี้มี" + IDP + "ของ" + Glossary.FISCAL_YEAR + " " + fiscalYear + " อยู่แล้ว",
                "this staff member already has an individual development plan for fiscal year " + fiscalYear);
    }

    static Problem notFound() {
        return new Problem("id", "NOT_FOUND", "ไม่พบ" + IDP + "นี้", "no such individual development plan");
    }

    private void record(IndividualPlan plan, Staff member, Caller caller, String action, Map<String, String> details, String origin) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("staffNumber", member.staffNumber());
        all.put("fiscalYear", String.valueOf(plan.fiscalYear()));
        audit.record(plan.tenantId(), caller, action, "individualPlan:" + plan.id(), all, origin);
    }

    private static Criteria tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
        return Criteria.where("tenantId").is(tenantId);
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(tenant(tenantId).and("_id").is(id));
    }
}
