package th.phatthana.api.plans;

import th.phatthana.schema.Glossary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import th.phatthana.api.access.Callers;
import th.phatthana.api.plans.Plan.Actor;
import th.phatthana.api.plans.Plan.Revision;
import th.phatthana.api.plans.Plan.RevisionStatus;
import th.phatthana.api.plans.PlanEvent.Action;
import th.phatthana.api.plans.PlanEvent.FieldChange;
import th.phatthana.api.plans.PlanInputs.Errors;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;
import th.phatthana.tenants.text.Text;
import tools.jackson.databind.json.JsonMapper;

/**
 * 3-year development plans: authoring, the approval workflow with the provincial committee, and
 * numbered amendments. Each command goes permission → the plan's workflow rule ({@link Plan#whyNotSubmit}
 * and the others) → input checks → write → audit. Things of a tenant the caller may not read are
 * NOT_FOUND, writes without the role are FORBIDDEN, and refusals come back as {@link Problem}s.
 * Every change lands in the plan's audit trail and the organisation-wide one; an approval also
 * publishes {@link PlanVersionApproved}.
 *
 * <p>"Now" is the {@link Clock} bean (tests set it); dates are Asia/Bangkok.
 */
@Service
public class PlanService {

    static final Role[] AUTHORS = { Role.TENANT_ADMIN, Role.HR_OFFICER };
    private static final int MAX_CHANGES = 100;

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final PlanEventRepository events;
    private final TenantService tenants;
    private final AuditTrail audit;
    private final MasterPlan masterPlan;
    private final PlanReferences references;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final StaffService staff;

    PlanService(PlanRepository plans, PlanVersionRepository versions, PlanEventRepository events, TenantService tenants,
            AuditTrail audit, MasterPlan masterPlan, PlanReferences references, ApplicationEventPublisher publisher, JsonMapper json,
            Clock clock, StaffService staff) {
        this.staff = staff;
        this.json = json;
        this.plans = plans;
        this.versions = versions;
        this.events = events;
        this.tenants = tenants;
        this.audit = audit;
        this.masterPlan = masterPlan;
        this.references = references;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The same service with "now" at another time, for recording what happened earlier (the demo
     * seed digitises a plan approved years ago). The rules are those of that time: e.g. an amendment
     * of a plan that has since closed.
     */
    public PlanService at(Clock otherClock) {
        return new PlanService(plans, versions, events, tenants, audit, masterPlan, references, publisher, json, otherClock, staff);
    }

    /** The result of a command: the plan (and course) after it, or the problems that refused it (fields from {@code input}). */
    public record Outcome(Plan plan, PlanContent.Course course, String deletedPlanId, List<Problem> problems) {
        static Outcome of(Plan plan) {
            return new Outcome(plan, null, null, List.of());
        }

        static Outcome refused(List<Problem> problems) {
            return new Outcome(null, null, null, List.copyOf(problems));
        }

        static Outcome refused(String field, String code, String th, String en) {
            return refused(List.of(new Problem(field, code, th, en)));
        }
    }

    /** A plan in force and the version of it that governs a date. */
    public record InForce(Plan plan, PlanVersion version) {
    }

    // ---- time -----------------------------------------------------------------------------------

    public Instant now() {
        return clock.instant();
    }

    /** Today in Asia/Bangkok. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), FiscalYears.BANGKOK);
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** A plan the caller may read; anything else, including never-submitted drafts for oversight callers, is NOT_FOUND. */
    public Plan read(String planId, Caller caller) {
        Callers.require(caller);
        // Plan ids are <tenantId>/<uuid>: the lookup starts with the tenant (the shard key).
        String tenantId = ScopedIds.tenantOf(planId);
        Plan plan = tenantId == null ? null : plans.findByTenantIdAndId(tenantId, planId).orElse(null);
        if (plan == null || !visible(plan, caller)) {
            throw ApiException.notFound(Glossary.PLAN, "plan");
        }
        return plan;
    }

    boolean visible(Plan plan, Caller caller) {
        Tenant tenant = tenants.findById(plan.tenantId()).orElse(null);
        if (tenant == null || !caller.canRead(tenant)) {
            return false;
        }
        return isOwnTenant(caller, plan.tenantId()) || plan.everSubmitted();
    }

    static boolean isOwnTenant(Caller caller, String tenantId) {
        return tenantId.equals(caller.tenantId()) && caller.roles().stream().anyMatch(Role::isTenantRole);
    }

    /** The open draft as the caller may see it: oversight callers do not see an amendment nobody has submitted yet. */
    public Optional<Revision> visibleDraft(Plan plan, Caller caller) {
        Revision draft = plan.draft();
        if (draft == null) {
            return Optional.empty();
        }
        if (!isOwnTenant(caller, plan.tenantId()) && draft.submittedAt() == null && draft.reviews().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(draft);
    }

    public Tenant tenant(Plan plan) {
        return tenants.findById(plan.tenantId()).orElseThrow(() -> ApiException.notFound("หน่วยงาน", "organisation"));
    }

    /** The organisation named (or the caller's own), which the caller must be allowed to read. */
    public Tenant readableTenant(String organisationId, Caller caller) {
        String tenantId = organisationId != null ? organisationId : Callers.ownTenant(caller);
        return Callers.requireRead(caller, tenants.findById(tenantId).orElse(null));
    }

    /** The plans of a tenant the caller may see, newest cycle first. */
    public List<Plan> plansOf(Tenant tenant, Caller caller) {
        boolean own = isOwnTenant(caller, tenant.id());
        return plans.findByTenantIdOrderByFiscalYearStartDesc(tenant.id()).stream().filter(p -> own || p.everSubmitted()).toList();
    }

    /** Every plan of a tenant, for other features (no caller check: callers have been checked before). */
    public List<Plan> plansOf(String tenantId) {
        return plans.findByTenantIdOrderByFiscalYearStartDesc(tenantId);
    }

    public List<PlanVersion> versions(Plan plan) {
        return versions.findByTenantIdAndPlanIdOrderByNumberAsc(plan.tenantId(), plan.id());
    }

    public Optional<PlanVersion> version(Plan plan, int number) {
        return versions.findByTenantIdAndPlanIdAndNumber(plan.tenantId(), plan.id(), number);
    }

    /** The latest approved version, or empty before approval. */
    public Optional<PlanVersion> currentVersion(Plan plan) {
        return plan.isApproved() ? version(plan, plan.currentVersion()) : Optional.empty();
    }

    /** The plan in force in a tenant on a date, and the version governing that date (an amendment from its resolution date). */
    public Optional<InForce> inForce(String tenantId, LocalDate date) {
        for (Plan plan : plansOf(tenantId)) {
            if (plan.statusOn(date) == PlanStatus.IN_FORCE) {
                List<PlanVersion> all = versions(plan);
                PlanVersion governing = all.get(0);
                for (PlanVersion version : all) {
                    if (version.number() > 0 && !version.approval().resolutionDate().isAfter(date)) {
                        governing = version;
                    }
                }
                return Optional.of(new InForce(plan, governing));
            }
        }
        return Optional.empty();
    }

    /** Plans and amendments submitted to the caller's committee, oldest submission first. */
    public List<Plan> reviewQueue(Caller caller) {
        Callers.require(caller);
        if (!caller.has(Role.PROVINCIAL_COMMITTEE) || caller.province() == null || caller.committeeKind() == null) {
            throw ApiException.forbidden("รายการแผนที่รอพิจารณาเปิดดูได้เฉพาะกรรมการระดับจังหวัด (PROVINCIAL_COMMITTEE)", "the review queue is for provincial committee members (PROVINCIAL_COMMITTEE)");
        }
        List<String> tenantIds = tenants.inProvince(caller.province(), caller.committeeKind()).stream().map(Tenant::id).toList();
        if (tenantIds.isEmpty()) {
            return List.of();
        }
        return plans.findByTenantIdInAndDraftStatus(tenantIds, RevisionStatus.SUBMITTED).stream()
                .sorted(Comparator.comparing((Plan p) -> p.draft().submittedAt()).thenComparing(Plan::id)).toList();
    }

    public List<PlanEvent> events(Plan plan) {
        return events.findByTenantIdAndPlanIdOrderByAtDescIdDesc(plan.tenantId(), plan.id());
    }

    /** The differences between two revisions; {@code to} null means the open draft (or the current version). */
    public PlanDiff diff(Plan plan, int from, Integer to, Caller caller) {
        PlanContent before = content(plan, from, caller).orElseThrow(() -> ApiException.badRequest("from", "แผนนี้ไม่มีฉบับที่ " + from, "plan has no revision " + from));
        int toNumber = to != null ? to
                : visibleDraft(plan, caller).map(Revision::number).orElse(plan.currentVersion() == null ? 0 : plan.currentVersion());
        PlanContent after = content(plan, toNumber, caller)
                .orElseThrow(() -> ApiException.badRequest("to", "แผนนี้ไม่มีฉบับที่ " + toNumber, "plan has no revision " + toNumber));
        return PlanDiff.between(from, before, toNumber, after, plan.fiscalYears(), json);
    }

    /** The text of a revision: an approved version, or the open draft when it has that number. */
    Optional<PlanContent> content(Plan plan, int number, Caller caller) {
        Optional<Revision> draft = visibleDraft(plan, caller).filter(d -> d.number() == number);
        if (draft.isPresent()) {
            return Optional.of(draft.get().content());
        }
        return version(plan, number).map(PlanVersion::content);
    }

    /** What submit would refuse for the open draft. */
    public List<Problem> gaps(Plan plan) {
        return plan.draft() == null ? List.of() : gaps(plan, plan.draft().content());
    }

    /** The plan's sections, then §11: every person on today's register reached by a course in every plan year. */
    private List<Problem> gaps(Plan plan, PlanContent content) {
        List<Problem> gaps = new ArrayList<>(PlanChecks.gaps(content, plan.fiscalYears()));
        LocalDate today = today();
        List<th.phatthana.tenants.staff.Staff> register = staff.register(plan.tenantId(), FiscalYears.of(today)).stream()
                .map(th.phatthana.tenants.staff.Staff.InFiscalYear::staff).toList();
        gaps.addAll(PlanChecks.coverage(content, plan.fiscalYears(), register, today));
        return gaps;
    }

    // ---- authoring ------------------------------------------------------------------------------

    public Outcome create(Caller caller, PlanInputs.CreatePlanInput input, boolean fromMasterPlan, String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, AUTHORS);
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> ApiException.notFound("หน่วยงาน", "organisation"));
        int start = input.fiscalYearStart();
        List<Integer> years = Plan.yearsFrom(start);
        for (Plan other : plansOf(tenantId)) {
            if (years.stream().anyMatch(other::covers)) {
                return Outcome.refused("input.fiscalYearStart", "OVERLAP", "หน่วยงานมี" + Glossary.PLAN + " " + other.title() + " ("
                        + other.fiscalYearStart() + "–" + other.fiscalYearEnd() + ") ที่ครอบคลุม" + Glossary.FISCAL_YEAR + "ใน " + years
                        + " อยู่แล้ว แต่ละปีงบประมาณมีแผนได้แผนเดียว", "the organisation's plan " + other.title() + " ("
                        + other.fiscalYearStart() + "–" + other.fiscalYearEnd() + ") already covers one of " + years
                        + "; one plan covers each fiscal year");
            }
        }
        String title = Text.blankToNull(input.title()) != null ? Text.blankToNull(input.title()) : defaultTitle(start);
        PlanContent content = fromMasterPlan ? masterPlan.draftFor(tenant, start) : PlanContent.empty();
        Instant now = now();
        Actor actor = actor(caller);
        Revision draft = new Revision(0, null, RevisionStatus.DRAFT, content, null, null, List.of(), now, actor);
        Plan plan = new Plan(ScopedIds.newId(tenantId), tenantId, title, start, years, draft, null, List.of(), now, actor, now, null);
        try {
            plan = plans.insert(plan);
        } catch (DuplicateKeyException e) {
            return Outcome.refused("input.fiscalYearStart", "OVERLAP", "หน่วยงานมีแผนอื่นที่ครอบคลุม" + Glossary.FISCAL_YEAR + "ใน " + years + " อยู่แล้ว",
                    "another plan of the organisation covers one of " + years);
        }
        record(plan, caller, Action.CREATED, 0, fromMasterPlan ? "created from the national master plan (" + masterPlan.source() + ")"
                : "created", List.of(), origin);
        return Outcome.of(plan);
    }

    static String defaultTitle(int start) {
        return "แผนพัฒนาบุคลากร ๓ ปี ประจำปีงบประมาณ พ.ศ. " + MasterPlan.thaiDigits(start) + " - "
                + MasterPlan.thaiDigits(start + Plan.YEARS - 1);
    }

    public Outcome update(Caller caller, PlanInputs.UpdatePlanInput input, String origin) {
        Plan plan = editable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotEdit();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        Errors errors = new Errors();
        PlanContent content = draft.content();
        if (input.rationale() != null) {
            content = content.withRationale(Text.blankToNull(input.rationale()));
        }
        if (input.goals() != null) {
            content = content.withGoals(PlanInputs.goals(input.goals(), "input.goals", errors));
        }
        if (input.methodsAndDuration() != null) {
            content = content.withMethodsAndDuration(new PlanContent.MethodsAndDuration(Text.blankToNull(input.methodsAndDuration().description())));
        }
        if (input.budget() != null) {
            content = content.withBudget(new PlanContent.Budget(Text.blankToNull(input.budget().description())));
        }
        if (input.monitoring() != null) {
            content = content.withMonitoring(PlanInputs.monitoring(input.monitoring(), "input.monitoring", errors));
        }
        if (input.committee() != null) {
            PlanContent.Committee committee = PlanInputs.committee(input.committee(), "input.committee", errors);
            List<String> staffIds = committee.members().stream().map(PlanContent.Member::staffId).filter(id -> id != null).toList();
            for (String unknown : references.unknownStaff(plan.tenantId(), staffIds)) {
                errors.add("input.committee.members", "NOT_FOUND", "ไม่พบ" + Glossary.STAFF + " " + unknown + " ในหน่วยงาน", "no staff member " + unknown + " in the organisation");
            }
            content = content.withCommittee(committee);
        }
        String title = input.title() == null ? plan.title() : Text.blankToNull(input.title());
        if (title == null) {
            errors.add("input.title", "REQUIRED", "แผนต้องมีชื่อ", "a plan needs a title");
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(errors.list());
        }
        List<FieldChange> changes = new ArrayList<>();
        if (!title.equals(plan.title())) {
            changes.add(new FieldChange("title", PlanDiff.quote(plan.title(), json), PlanDiff.quote(title, json)));
        }
        PlanDiff diff = PlanDiff.between(draft.number(), draft.content(), draft.number(), content, plan.fiscalYears(), json);
        changes.addAll(diff.flatten(MAX_CHANGES, json));
        Instant now = now();
        Plan changed = plan.withTitle(title, now).withDraft(draft.withContent(content), now);
        return save(changed, caller, Action.UPDATED, draft.number(), changes.isEmpty() ? "no change"
                : "changed " + (title.equals(plan.title()) ? "" : "title" + (diff.identical() ? "" : ", ")) + diff.sectionNames(),
                changes, origin, null);
    }

    public Outcome addCourse(Caller caller, PlanInputs.AddCourseInput input, String origin) {
        Plan plan = editable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotEdit();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        Set<String> keys = new HashSet<>(draft.content().courses().stream().map(PlanContent.Course::key).toList());
        Errors errors = new Errors();
        PlanContent.Course course = PlanInputs.course(input.course(), null, keys, "input.course", errors);
        checkReferences(plan, course, "input.course", errors);
        if (!errors.isEmpty()) {
            return Outcome.refused(errors.list());
        }
        List<PlanContent.Course> courses = new ArrayList<>(draft.content().courses());
        courses.add(course);
        return saveCourses(plan, courses, course, caller, Action.COURSE_ADDED, "added course " + course.key() + " " + course.titleTh(),
                origin);
    }

    public Outcome updateCourse(Caller caller, PlanInputs.UpdateCourseInput input, String origin) {
        Plan plan = editable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotEdit();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        if (draft.content().course(input.key()).isEmpty()) {
            return Outcome.refused("input.key", "NOT_FOUND", "ร่างแผนไม่มีหลักสูตร " + input.key(), "the draft has no course " + input.key());
        }
        Errors errors = new Errors();
        PlanContent.Course course = PlanInputs.course(input.course(), input.key(), Set.of(), "input.course", errors);
        checkReferences(plan, course, "input.course", errors);
        if (!errors.isEmpty()) {
            return Outcome.refused(errors.list());
        }
        List<PlanContent.Course> courses = draft.content().courses().stream().map(c -> c.key().equals(input.key()) ? course : c).toList();
        return saveCourses(plan, courses, course, caller, Action.COURSE_UPDATED, "changed course " + course.key() + " " + course.titleTh(),
                origin);
    }

    public Outcome removeCourse(Caller caller, PlanInputs.RemoveCourseInput input, String origin) {
        Plan plan = editable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotEdit();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        Optional<PlanContent.Course> removed = draft.content().course(input.key());
        if (removed.isEmpty()) {
            return Outcome.refused("input.key", "NOT_FOUND", "ร่างแผนไม่มีหลักสูตร " + input.key(), "the draft has no course " + input.key());
        }
        List<PlanContent.Course> courses = draft.content().courses().stream().filter(c -> !c.key().equals(input.key())).toList();
        return saveCourses(plan, courses, null, caller, Action.COURSE_REMOVED,
                "removed course " + input.key() + " " + removed.get().titleTh(), origin);
    }

    private Outcome saveCourses(Plan plan, List<PlanContent.Course> courses, PlanContent.Course course, Caller caller, Action action,
            String summary, String origin) {
        Revision draft = plan.draft();
        PlanContent content = draft.content().withCourses(courses);
        PlanDiff diff = PlanDiff.between(draft.number(), draft.content(), draft.number(), content, plan.fiscalYears(), json);
        Instant now = now();
        return save(plan.withDraft(draft.withContent(content), now), caller, action, draft.number(), summary, diff.flatten(MAX_CHANGES, json),
                origin, course);
    }

    private void checkReferences(Plan plan, PlanContent.Course course, String path, Errors errors) {
        for (String code : references.unknownCompetencyCodes(plan.tenantId(), course.competencyCodes())) {
            errors.add(path + ".competencyCodes", "NOT_FOUND", "ไม่มีสมรรถนะ ความรู้ หรือทักษะรหัส " + code + " ในบัญชีสมรรถนะ", "no competency, knowledge or skill with code " + code + " in the catalogue");
        }
        if (course.target() != null) {
            for (String id : references.unknownDivisions(plan.tenantId(), course.target().divisionIds())) {
                errors.add(path + ".target.divisionIds", "NOT_FOUND", "ไม่พบ" + Glossary.DIVISION + " " + id + " ในหน่วยงาน", "no division " + id + " in the organisation");
            }
            for (String id : references.unknownStaff(plan.tenantId(), course.target().staffIds())) {
                errors.add(path + ".target.staffIds", "NOT_FOUND", "ไม่พบ" + Glossary.STAFF + " " + id + " ในหน่วยงาน", "no staff member " + id + " in the organisation");
            }
        }
    }

    // ---- workflow -------------------------------------------------------------------------------

    public Outcome submit(Caller caller, String planId, String origin) {
        Plan plan = editable(caller, planId);
        Optional<PlanRefusal> refusal = plan.whyNotSubmit(today());
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        List<Problem> gaps = gaps(plan, draft.content());
        if (!gaps.isEmpty()) {
            return Outcome.refused(gaps);
        }
        Tenant tenant = tenant(plan);
        return save(plan.withDraft(draft.submitted(actor(caller), now()), now()), caller, Action.SUBMITTED, draft.number(),
                "submitted " + label(draft.number()) + " to " + committeeName(tenant), List.of(), origin, null);
    }

    public Outcome approve(Caller caller, PlanInputs.ApproveInput input, String origin) {
        Plan plan = reviewable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotReview();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        Errors errors = new Errors();
        if (PlanChecks.blank(input.resolutionNumber())) {
            errors.add("input.resolutionNumber", "REQUIRED", "ต้องระบุเลขที่มติของคณะกรรมการ", "give the number of the committee's resolution (มติ)");
        }
        if (input.resolutionDate().isAfter(today())) {
            errors.add("input.resolutionDate", "IN_FUTURE", "วันที่มีมติ " + input.resolutionDate() + " ต้องไม่เกินวันนี้ (" + today() + ")", "the resolution date " + input.resolutionDate() + " is after today " + today());
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(errors.list());
        }
        Tenant tenant = tenant(plan);
        Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, Text.blankToNull(input.comments()),
                input.resolutionNumber().strip(), input.resolutionDate(), committeeName(tenant), actor(caller), now());
        PlanVersion version = PlanVersion.approved(plan, draft, approval);
        try {
            versions.insert(version);
        } catch (DuplicateKeyException e) {
            // A version with this number exists: an earlier approval wrote it but did not get to update the plan.
            if (version(plan, draft.number()).isEmpty()) {
                throw e;
            }
        }
        Outcome approved = save(plan.approved(draft.number(), now()), caller, Action.APPROVED, draft.number(),
                "approved " + label(draft.number()) + " by " + committeeName(tenant) + ", resolution "
                        + approval.resolutionNumber() + " of " + approval.resolutionDate(),
                List.of(), origin, null);
        if (approved.problems().isEmpty()) {
            publisher.publishEvent(new PlanVersionApproved(plan.tenantId(), plan.id(), draft.number()));
        }
        return approved;
    }

    public Outcome returnToOrganisation(Caller caller, PlanInputs.ReturnInput input, String origin) {
        Plan plan = reviewable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotReview();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        if (PlanChecks.blank(input.comments())) {
            return Outcome.refused("input.comments", "REQUIRED", "ระบุสิ่งที่หน่วยงานต้องแก้ไข", "say what the organisation should change");
        }
        Tenant tenant = tenant(plan);
        Plan.Review review = new Plan.Review(Plan.ReviewDecision.RETURNED, input.comments().strip(), null, null, committeeName(tenant),
                actor(caller), now());
        return save(plan.withDraft(draft.returned(review), now()), caller, Action.RETURNED, draft.number(),
                "returned " + label(draft.number()) + " by " + committeeName(tenant) + ": " + review.comments(),
                List.of(), origin, null);
    }

    public Outcome announce(Caller caller, PlanInputs.AnnounceInput input, String origin) {
        Plan plan = editable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotAnnounce();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        int number = plan.currentVersion();
        PlanVersion version = version(plan, number).orElseThrow();
        LocalDate date = input.announcementDate();
        if (date.isBefore(version.approval().resolutionDate())) {
            return Outcome.refused("input.announcementDate", "BEFORE_APPROVAL",
                    "วันประกาศใช้ต้องไม่ก่อนวันที่ได้รับความเห็นชอบ " + version.approval().resolutionDate(),
                    "the announcement cannot precede the approval of " + version.approval().resolutionDate());
        }
        if (date.isAfter(today())) {
            return Outcome.refused("input.announcementDate", "IN_FUTURE", "บันทึกการประกาศใช้เมื่อประกาศแล้ว วันที่ " + date + " ยังมาไม่ถึง",
                    "record the announcement once made; " + date + " is after today");
        }
        Plan.Announcement announcement = new Plan.Announcement(number, date, actor(caller), now());
        Plan changed = plan.announced(announcement, now());
        String summary = "announced " + label(number) + " on " + date
                + (number == 0 ? "; in force from " + changed.inForceFrom() : "");
        return save(changed, caller, Action.ANNOUNCED, number, summary, List.of(), origin, null);
    }

    public Outcome startAmendment(Caller caller, PlanInputs.AmendInput input, String origin) {
        Plan plan = editable(caller, input.planId());
        Optional<PlanRefusal> refusal = plan.whyNotAmend(today());
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        if (PlanChecks.blank(input.reason())) {
            return Outcome.refused("input.reason", "REQUIRED", "การปรับปรุงแผนต้องระบุเหตุผลความจำเป็น", "an amendment states its reason (เหตุผลความจำเป็น)");
        }
        PlanVersion current = version(plan, plan.currentVersion()).orElseThrow();
        int number = plan.currentVersion() + 1;
        Instant now = now();
        Revision draft = new Revision(number, input.reason().strip(), RevisionStatus.DRAFT, current.content(), null, null, List.of(), now,
                actor(caller));
        return save(plan.withDraft(draft, now), caller, Action.AMENDMENT_STARTED, number,
                "opened " + label(number) + ": " + draft.reason(), List.of(), origin, null);
    }

    public Outcome discardDraft(Caller caller, String planId, String origin) {
        Plan plan = editable(caller, planId);
        Optional<PlanRefusal> refusal = plan.whyNotDiscard();
        if (refusal.isPresent()) {
            return refused(plan, refusal.get());
        }
        Revision draft = plan.draft();
        if (!plan.isApproved()) {
            plans.delete(plan);
            record(plan, caller, Action.DRAFT_DISCARDED, 0, "deleted the never-approved plan " + plan.title(), List.of(), origin);
            return new Outcome(null, null, plan.id(), List.of());
        }
        return save(plan.withDraft(null, now()), caller, Action.DRAFT_DISCARDED, draft.number(),
                "discarded " + label(draft.number()), List.of(), origin, null);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A plan the caller may author (TENANT_ADMIN or HR_OFFICER of its tenant). */
    private Plan editable(Caller caller, String planId) {
        Plan plan = read(planId, caller);
        Callers.requireWrite(caller, plan.tenantId(), AUTHORS);
        return plan;
    }

    /** A plan the caller may review: a PROVINCIAL_COMMITTEE member of the plan's province and kind. */
    private Plan reviewable(Caller caller, String planId) {
        Plan plan = read(planId, caller);
        Tenant tenant = tenant(plan);
        if (!caller.has(Role.PROVINCIAL_COMMITTEE) || !tenant.province().equals(caller.province())
                || tenant.kind() != caller.committeeKind()) {
            throw ApiException.forbidden("แผนนี้ให้ความเห็นชอบหรือส่งกลับได้เฉพาะ " + committeeName(tenant), "only " + committeeName(tenant) + " (PROVINCIAL_COMMITTEE of " + tenant.province() + ", "
                    + tenant.kind() + ") approves or returns this plan");
        }
        return plan;
    }

    /** The workflow's refusal as the caller reads it; every such message is made here. */
    private static Outcome refused(Plan plan, PlanRefusal refusal) {
        String th = switch (refusal) {
            case APPROVED_VERSIONS_NEVER_CHANGE ->
                "แผนนี้ได้รับความเห็นชอบแล้ว ฉบับที่เห็นชอบแล้วแก้ไขไม่ได้ หากต้องการเปลี่ยนให้ขอปรับปรุงแผน (startPlanAmendment) (ข้อ 19)";
            case DRAFT_WITH_COMMITTEE -> "ร่างแผนอยู่ระหว่างการพิจารณาของคณะกรรมการระดับจังหวัด กรุณารอผลการพิจารณา";
            case NO_DRAFT_TO_SUBMIT -> "แผนนี้ไม่มีร่างที่เปิดอยู่ แผนที่ได้รับความเห็นชอบแล้วเปลี่ยนได้โดยการปรับปรุงแผน (startPlanAmendment) เท่านั้น";
            case ALREADY_SUBMITTED -> "ร่างแผนเสนอคณะกรรมการระดับจังหวัดแล้ว";
            case CLOSED -> "แผนนี้สิ้นสุดแล้วเมื่อ " + plan.endsOn() + " จึงปรับปรุงไม่ได้";
            case NOT_SUBMITTED -> "แผนนี้ไม่มีฉบับที่รอการพิจารณาของคณะกรรมการ";
            case NOT_APPROVED_TO_ANNOUNCE -> "ประกาศใช้ได้เฉพาะแผนที่ได้รับความเห็นชอบแล้ว";
            case ALREADY_ANNOUNCED -> Glossary.versionLabel(plan.currentVersion()) + " ประกาศใช้แล้วเมื่อ "
                    + plan.announcement(plan.currentVersion()).orElseThrow().date();
            case NOT_APPROVED_TO_AMEND -> "แผนที่ยังไม่ได้รับความเห็นชอบให้แก้ไขร่างได้โดยตรง การปรับปรุงแผนใช้กับแผนที่เห็นชอบแล้ว (ข้อ 19)";
            case AMENDMENT_OPEN -> Glossary.versionLabel(plan.draft().number()) + " เปิดอยู่แล้ว กรุณาเสนอหรือยกเลิกร่างนั้นก่อน";
            case NO_DRAFT_TO_DISCARD -> "แผนนี้ไม่มีร่างที่เปิดอยู่";
            case SUBMITTED_DRAFT_NOT_DISCARDED -> "ร่างแผนอยู่ระหว่างการพิจารณาของคณะกรรมการระดับจังหวัด";
        };
        String message = switch (refusal) {
            case APPROVED_VERSIONS_NEVER_CHANGE ->
                "the plan is approved and its versions never change: open an amendment (startPlanAmendment) to change it (§19)";
            case DRAFT_WITH_COMMITTEE -> "the draft is with the provincial committee; wait for its decision";
            case NO_DRAFT_TO_SUBMIT -> "the plan has no open draft: an approved plan changes only through an amendment (startPlanAmendment)";
            case ALREADY_SUBMITTED -> "the draft is already with the provincial committee";
            case CLOSED -> "the plan ended on " + plan.endsOn() + "; it cannot be amended";
            case NOT_SUBMITTED -> "nothing of this plan is waiting for the committee";
            case NOT_APPROVED_TO_ANNOUNCE -> "only an approved plan is announced";
            case ALREADY_ANNOUNCED -> label(plan.currentVersion()) + " was announced on "
                    + plan.announcement(plan.currentVersion()).orElseThrow().date();
            case NOT_APPROVED_TO_AMEND -> "a plan that is not yet approved is edited directly; amendments are for approved plans (§19)";
            case AMENDMENT_OPEN -> label(plan.draft().number()) + " is already open; submit or discard it first";
            case NO_DRAFT_TO_DISCARD -> "the plan has no open draft";
            case SUBMITTED_DRAFT_NOT_DISCARDED -> "the draft is with the provincial committee";
        };
        return Outcome.refused("input.planId", refusal.code(), th, message);
    }

    private Outcome save(Plan changed, Caller caller, Action action, int revision, String summary, List<FieldChange> changes,
            String origin, PlanContent.Course course) {
        Plan saved;
        try {
            saved = plans.save(changed);
        } catch (OptimisticLockingFailureException e) {
            return Outcome.refused("input.planId", "CONFLICT", "มีผู้อื่นแก้ไขแผนนี้ในเวลาเดียวกัน กรุณาโหลดใหม่แล้วลองอีกครั้ง", "the plan was changed at the same time by someone else; reload and retry");
        }
        record(saved, caller, action, revision, summary, changes, origin);
        return new Outcome(saved, course, null, List.of());
    }

    private void record(Plan plan, Caller caller, Action action, int revision, String summary, List<FieldChange> changes,
            String origin) {
        Actor actor = actor(caller);
        events.insert(new PlanEvent(new org.bson.types.ObjectId().toHexString(), plan.tenantId(), plan.id(), now(), actor, action, revision,
                summary, changes.size() > MAX_CHANGES ? changes.subList(0, MAX_CHANGES) : changes));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("revision", String.valueOf(revision));
        details.put("summary", summary.length() > 300 ? summary.substring(0, 300) + "…" : summary);
        if (!changes.isEmpty()) {
            details.put("changes", String.valueOf(changes.size()));
        }
        audit.record(plan.tenantId(), caller, action.auditAction(), "plan:" + plan.id(), details, origin);
    }

    static Actor actor(Caller caller) {
        return caller == null || caller.subject() == null ? Actor.SYSTEM : new Actor(caller.subject(), caller.displayName());
    }

    /** The approving committee with its province, e.g. ก.อบต.จังหวัดหนองคาย; ก.เมืองพัทยา for Pattaya. */
    public static String committeeName(Tenant tenant) {
        return tenant.kind() == TenantKind.PATTAYA ? tenant.kind().approvingCommittee()
                : tenant.kind().approvingCommittee() + tenant.province();
    }

    /**
     * A revision in English, for the audit trail's and the plan's event summaries and the English refusals: "the
     * original plan" or "amendment N". Thai texts say {@link Glossary#versionLabel(int)}.
     */
    static String label(int number) {
        return number == 0 ? "the original plan" : "amendment " + number;
    }
}
