package th.phatthana.api.competencies;

import th.phatthana.schema.Glossary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Mono;

import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.divisions.ScopedIds;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.TenantService;

/** Assessments of staff and the competency gaps they leave, over GraphQL. */
@Controller
class AssessmentController {

    static final int DEFAULT_HISTORY = 50;
    static final int MAX_HISTORY = 100;
    static final int MAX_ASSESSOR = 200;
    static final int MAX_NOTE = 2_000;

    private final AssessmentService assessments;
    private final CompetencyGaps gaps;
    private final CompetencyCatalogue catalogue;
    private final StaffService staff;
    private final TenantService tenants;
    private final AuditTrail audit;

    AssessmentController(AssessmentService assessments, CompetencyGaps gaps, CompetencyCatalogue catalogue, StaffService staff,
            TenantService tenants, AuditTrail audit, BatchLoaderRegistry batchLoaders) {
        this.assessments = assessments;
        this.gaps = gaps;
        this.catalogue = catalogue;
        this.staff = staff;
        this.tenants = tenants;
        this.audit = audit;
        batchLoaders.forTypePair(StaffAsOf.class, CompetencyGaps.StaffGaps.class)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> gapsOf(keys)));
    }

    /** A staff member and the date of their gaps: the key of the batch loader behind Staff.competencyGaps. */
    record StaffAsOf(Staff staff, LocalDate asOf) {
    }

    record RecordAssessmentInput(String staffId, String competencyCode, Integer level, LocalDate assessedOn, String assessor,
            String note) {
    }

    record CompetencyAssessmentPayload(Assessment assessment, List<UserError> userErrors) {
    }

    // ---- assessments ---------------------------------------------------------------------------

    @MutationMapping
    CompetencyAssessmentPayload recordAssessment(@Argument RecordAssessmentInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN, Role.HR_OFFICER);
        Staff member = staff.find(tenantId, input.staffId()).orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff member"));
        List<UserError> errors = new ArrayList<>();
        String code = CompetencyController.normaliseCode(input.competencyCode());
        if (catalogue.find(tenantId, code).isEmpty()) {
            errors.add(UserError.of("input.competencyCode", "NOT_FOUND", "ไม่มีสมรรถนะรหัส " + input.competencyCode() + " ในบัญชีสมรรถนะ", "no catalogue item has the code " + input.competencyCode()));
        }
        if (input.level() == null || !ProficiencyLevel.valid(input.level())) {
            errors.add(UserError.of("input.level", "INVALID", "ระดับสมรรถนะต้องอยู่ระหว่าง " + ProficiencyLevel.MIN + " ถึง " + ProficiencyLevel.MAX, "a level is " + ProficiencyLevel.MIN + " to " + ProficiencyLevel.MAX));
        }
        LocalDate today = staff.today();
        LocalDate assessedOn = input.assessedOn() == null ? today : input.assessedOn();
        if (assessedOn.isAfter(today)) {
            errors.add(UserError.of("input.assessedOn", "INVALID", "วันที่ประเมินต้องไม่เป็นวันในอนาคต", "an assessment cannot be dated in the future"));
        } else if (member.appointmentDate() != null && assessedOn.isBefore(member.appointmentDate())) {
            errors.add(UserError.of("input.assessedOn", "INVALID", "วันที่ประเมินต้องไม่ก่อนวันที่บรรจุของ" + Glossary.STAFF + " (" + member.appointmentDate() + ")", "the staff member was appointed on " + member.appointmentDate()));
        }
        String assessor = input.assessor() == null || input.assessor().isBlank() ? caller.displayName() : input.assessor().strip();
        if (assessor.length() > MAX_ASSESSOR) {
            errors.add(UserError.of("input.assessor", "TOO_LONG", "ชื่อผู้ประเมินยาวได้ไม่เกิน " + MAX_ASSESSOR + " ตัวอักษร", "at most " + MAX_ASSESSOR + " characters"));
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(UserError.of("input.note", "TOO_LONG", "บันทึกยาวได้ไม่เกิน " + MAX_NOTE + " ตัวอักษร", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            return new CompetencyAssessmentPayload(null, errors);
        }
        Assessment recorded = assessments.record(tenantId, member.id(), code, input.level(), assessedOn, assessor, note, caller);
        audit.record(tenantId, caller, "competencyAssessment.record", "staff:" + member.id(),
                Map.of("competency", code, "level", String.valueOf(input.level()), "assessedOn", assessedOn.toString()), origin);
        return new CompetencyAssessmentPayload(recorded, List.of());
    }

    @QueryMapping
    List<Assessment> competencyAssessments(@Argument String staffId, @Argument String competencyCode, @Argument Integer first,
            @ContextValue Caller caller) {
        Staff member = readableStaff(caller, staffId);
        return assessments.history(member.tenantId(), member.id(), CompetencyController.normaliseCode(competencyCode), historySize(first));
    }

    private static int historySize(Integer first) {
        int limit = first == null ? DEFAULT_HISTORY : first;
        if (limit < 1) {
            throw ApiException.badRequest("first", "first ต้องอยู่ระหว่าง 1 ถึง " + MAX_HISTORY, "first must be 1 to " + MAX_HISTORY);
        }
        return Math.min(limit, MAX_HISTORY);
    }

    /** The staff member's history; whoever resolved the Staff has been allowed to read it. */
    @SchemaMapping(typeName = "Staff", field = "competencyAssessments")
    List<Assessment> staffCompetencyAssessments(Staff member, @Argument String competencyCode, @Argument Integer first) {
        return assessments.history(member.tenantId(), member.id(), CompetencyController.normaliseCode(competencyCode), historySize(first));
    }

    @SchemaMapping(typeName = "CompetencyAssessment")
    Competency competency(Assessment assessment) {
        return catalogue.find(assessment.tenantId(), assessment.code())
                .orElseThrow(() -> new IllegalStateException("assessment " + assessment.id() + " names unknown code " + assessment.code()));
    }

    @SchemaMapping(typeName = "CompetencyAssessment")
    LocalDate assessedOn(Assessment assessment) {
        return assessment.assessedDate();
    }

    @SchemaMapping(typeName = "CompetencyAssessment")
    String recordedBy(Assessment assessment) {
        return assessment.recordedByName();
    }

    // ---- gaps ----------------------------------------------------------------------------------

    @QueryMapping
    CompetencyGaps.StaffGaps competencyGaps(@Argument String staffId, @Argument LocalDate asOf, @ContextValue Caller caller) {
        Staff member = readableStaff(caller, staffId);
        return gaps.of(member, asOf == null ? staff.today() : asOf);
    }

    /**
     * The staff member's gaps; whoever resolved the Staff has been allowed to read it. Batched: a page of staff
     * costs three reads per organisation and date, not three per staff member.
     */
    @SchemaMapping(typeName = "Staff", field = "competencyGaps")
    CompletableFuture<CompetencyGaps.StaffGaps> staffCompetencyGaps(Staff member, @Argument LocalDate asOf,
            DataLoader<StaffAsOf, CompetencyGaps.StaffGaps> loader) {
        return loader.load(new StaffAsOf(member, asOf == null ? staff.today() : asOf));
    }

    private Map<StaffAsOf, CompetencyGaps.StaffGaps> gapsOf(Set<StaffAsOf> keys) {
        Map<StaffAsOf, CompetencyGaps.StaffGaps> result = new HashMap<>();
        Map<List<Object>, List<StaffAsOf>> byTenantAndDate = keys.stream()
                .collect(Collectors.groupingBy(key -> List.of(key.staff().tenantId(), key.asOf())));
        byTenantAndDate.forEach((tenantAndDate, group) -> {
            Map<String, CompetencyGaps.StaffGaps> computed = gaps.of((String) tenantAndDate.get(0),
                    group.stream().map(StaffAsOf::staff).toList(), (LocalDate) tenantAndDate.get(1));
            group.forEach(key -> result.put(key, computed.get(key.staff().id())));
        });
        return result;
    }

    @QueryMapping
    List<CompetencyGaps.GapGroup> competencyGapSummary(@Argument String organisationId, @Argument CompetencyGaps.Grouping groupBy,
            @Argument LocalDate asOf, @ContextValue Caller caller) {
        String tenantId = organisationId != null ? organisationId : Callers.ownTenant(caller);
        Callers.requireRead(caller, tenants.findById(tenantId).orElse(null));
        return gaps.summary(tenantId, groupBy, asOf == null ? staff.today() : asOf);
    }

    /** The staff member, if the caller may read their organisation; anything else looks like a missing staff member. */
    private Staff readableStaff(Caller caller, String staffId) {
        Callers.require(caller);
        String tenantId = ScopedIds.tenantOf(staffId);
        if (tenantId == null || !caller.canRead(tenants.findById(tenantId).orElse(null))) {
            throw ApiException.notFound(Glossary.STAFF, "staff member");
        }
        return staff.find(tenantId, staffId).orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff member"));
    }
}
