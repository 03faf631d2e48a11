package th.phatthana.api.competencies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.tenant.TenantService;
import th.phatthana.tenants.text.Text;

/** The competency catalogue and the requirements per position type and line of work, over GraphQL. */
@Controller
class CompetencyController {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_SEARCH = 100;
    private static final String SORT_KEY = "sortKey";

    private final CompetencyCatalogue catalogue;
    private final CompetencyRequirements requirements;
    private final AssessmentService assessments;
    private final TenantService tenants;
    private final AuditTrail audit;

    CompetencyController(CompetencyCatalogue catalogue, CompetencyRequirements requirements, AssessmentService assessments,
            TenantService tenants, AuditTrail audit) {
        this.catalogue = catalogue;
        this.requirements = requirements;
        this.assessments = assessments;
        this.tenants = tenants;
        this.audit = audit;
    }

    // ---- inputs and payloads -------------------------------------------------------------------

    record LevelInput(Integer level, String nameTh, String nameEn, String description) {
    }

    record AddLocalCompetencyInput(String code, String nameTh, String nameEn, String description, List<LevelInput> levels) {
    }

    record UpdateCompetencyInput(String code, String nameTh, String nameEn, String description, List<LevelInput> levels) {
    }

    record RemoveLocalCompetencyInput(String code) {
    }

    record RequiredLevelInput(String code, Integer level) {
    }

    record SetRequirementInput(RequirementScope scope, PositionType positionType, String lineOfWork, List<RequiredLevelInput> items) {
    }

    record ResetRequirementInput(RequirementScope scope, PositionType positionType, String lineOfWork) {
    }

    record CompetencyPayload(Competency competency, List<UserError> userErrors) {
        static CompetencyPayload refused(List<UserError> errors) {
            return new CompetencyPayload(null, errors);
        }
    }

    record CompetencyRequirementPayload(Requirement requirement, List<UserError> userErrors) {
    }

    /** A required item as GraphQL shows it. */
    record RequiredCompetency(Competency competency, int level) {
    }

    // ---- catalogue -----------------------------------------------------------------------------

    @QueryMapping
    graphql.execution.DataFetcherResult<Window<Competency>> competencies(@Argument String organisationId, @Argument CompetencyKind kind, @Argument String search,
            ScrollSubrange subrange, @ContextValue Caller caller) {
        String tenantId = catalogueTenant(caller, organisationId);
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiException.badRequest("search", "ยาวได้ไม่เกิน " + MAX_SEARCH + " ตัวอักษร", "at most " + MAX_SEARCH + " characters");
        }
        int count = pageSize(subrange);
        String after = subrange.position().map(CompetencyController::sortKeyOf).orElse(null);
        List<Competency> page = catalogue.page(tenantId, kind, search, after, count + 1);
        boolean hasNext = page.size() > count;
        List<Competency> items = hasNext ? page.subList(0, count) : page;
        return th.phatthana.api.graphql.TotalCount.page(
                Window.from(items, i -> ScrollPosition.forward(Map.of(SORT_KEY, items.get(i).sortKey())), hasNext),
                () -> catalogue.count(tenantId, kind, search));
    }

    @QueryMapping
    Competency competency(@Argument String code, @Argument String organisationId, @ContextValue Caller caller) {
        String tenantId = catalogueTenant(caller, organisationId);
        return catalogue.find(tenantId, normaliseCode(code)).orElseThrow(() -> ApiException.notFound("สมรรถนะ " + code, "competency " + code));
    }

    @SchemaMapping(typeName = "Competency")
    boolean national(Competency competency) {
        return competency.isNational();
    }

    @SchemaMapping(typeName = "Competency")
    String organisationId(Competency competency) {
        return competency.isNational() ? null : competency.tenantId();
    }

    @SchemaMapping(typeName = "Competency")
    String masterPlanReference(Competency competency) {
        return competency.source();
    }

    @MutationMapping
    CompetencyPayload addLocalCompetency(@Argument AddLocalCompetencyInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        List<UserError> errors = new ArrayList<>();
        String code;
        if (input.code() == null || input.code().isBlank()) {
            code = catalogue.nextLocalCode(tenantId);
        } else {
            code = normaliseCode(input.code());
            if (!code.matches("L-[A-Z0-9][A-Z0-9-]{0,19}")) {
                errors.add(UserError.of("input.code", "INVALID",
                        "รหัสสมรรถนะของหน่วยงานขึ้นต้นด้วย L- ตามด้วยตัวอักษรภาษาอังกฤษ ตัวเลข หรือเครื่องหมาย - 1 ถึง 20 ตัว เช่น L-001 (รหัสอื่นสงวนไว้สำหรับสมรรถนะตามแผนแม่บท)", "a local code is L- followed by 1 to 20 letters, digits or '-', e.g. L-001 (national codes are reserved)"));
            } else if (catalogue.find(tenantId, code).isPresent()) {
                errors.add(UserError.of("input.code", "DUPLICATE", "หน่วยงานมีสมรรถนะรหัส " + code + " อยู่แล้ว", "the organisation already has an item " + code));
            }
        }
        String nameTh = strip(input.nameTh());
        errors.addAll(checkTexts(tenantId, null, nameTh, strip(input.nameEn()), strip(input.description())));
        List<ProficiencyLevel> levels = levels(input.levels(), catalogue.genericLevels(), errors);
        if (!errors.isEmpty()) {
            return CompetencyPayload.refused(errors);
        }
        boolean generated = input.code() == null || input.code().isBlank();
        for (int attempt = 1;; attempt++) {
            try {
                Competency added = catalogue.addLocal(tenantId, code, nameTh, Text.blankToNull(input.nameEn()),
                        Text.blankToNull(input.description()), levels);
                audit.record(tenantId, caller, "competency.add", "competency:" + code, Map.of("nameTh", nameTh), origin);
                return new CompetencyPayload(added, List.of());
            } catch (DuplicateKeyException e) {
                if (!generated || attempt == 3) {
                    return CompetencyPayload.refused(List.of(UserError.of("input.code", "DUPLICATE",
                            "หน่วยงานมีสมรรถนะรหัส " + code + " อยู่แล้ว", "the organisation already has an item " + code)));
                }
                code = catalogue.nextLocalCode(tenantId);
            }
        }
    }

    @MutationMapping
    CompetencyPayload updateCompetency(@Argument UpdateCompetencyInput input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        Competency item = catalogue.find(tenantId, normaliseCode(input.code()))
                .orElseThrow(() -> ApiException.notFound("สมรรถนะ " + input.code(), "competency " + input.code()));
        if (item.isNational()) {
            return CompetencyPayload.refused(List.of(nationalIsReadOnly(item)));
        }
        String nameTh = input.nameTh() == null ? item.nameTh() : strip(input.nameTh());
        String nameEn = input.nameEn() == null ? item.nameEn() : Text.blankToNull(input.nameEn());
        String description = input.description() == null ? item.description() : Text.blankToNull(input.description());
        List<UserError> errors = new ArrayList<>(checkTexts(tenantId, item.code(), nameTh, nameEn, description));
        List<ProficiencyLevel> levels = levels(input.levels(), item.levels(), errors);
        if (!errors.isEmpty()) {
            return CompetencyPayload.refused(errors);
        }
        Competency changed = catalogue.updateLocal(item, nameTh, nameEn, description, levels);
        audit.record(tenantId, caller, "competency.update", "competency:" + item.code(), Map.of("nameTh", nameTh), origin);
        return new CompetencyPayload(changed, List.of());
    }

    @MutationMapping
    CompetencyPayload removeLocalCompetency(@Argument RemoveLocalCompetencyInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        Competency item = catalogue.find(tenantId, normaliseCode(input.code()))
                .orElseThrow(() -> ApiException.notFound("สมรรถนะ " + input.code(), "competency " + input.code()));
        if (item.isNational()) {
            return CompetencyPayload.refused(List.of(nationalIsReadOnly(item)));
        }
        if (requirements.uses(tenantId, item.code())) {
            return CompetencyPayload.refused(List.of(UserError.of("input.code", "IN_USE",
                    "สมรรถนะ " + item.code() + " ถูกใช้อยู่ในเกณฑ์สมรรถนะของหน่วยงาน ต้องแก้ไขเกณฑ์นั้นก่อน",
                    item.code() + " is required by a requirement of the organisation: change the requirement first")));
        }
        if (assessments.anyFor(tenantId, item.code())) {
            return CompetencyPayload.refused(List.of(UserError.of("input.code", "IN_USE",
                    "สมรรถนะ " + item.code() + " มีผลการประเมินแล้ว จึงต้องคงไว้ในบัญชีสมรรถนะเพื่อให้ดูประวัติการประเมินได้",
                    item.code() + " has assessments: it stays in the catalogue so their history can be read")));
        }
        catalogue.removeLocal(item);
        audit.record(tenantId, caller, "competency.remove", "competency:" + item.code(), Map.of("nameTh", item.nameTh()), origin);
        return new CompetencyPayload(item, List.of());
    }

    // ---- requirements --------------------------------------------------------------------------

    @QueryMapping
    List<Requirement> competencyRequirements(@Argument String organisationId, @ContextValue Caller caller) {
        Callers.require(caller);
        if (organisationId == null && caller.tenantId() == null) {
            return requirements.effective(Competency.NATIONAL);
        }
        String tenantId = organisationId != null ? organisationId : caller.tenantId();
        Callers.requireRead(caller, tenants.findById(tenantId).orElse(null));
        return requirements.effective(tenantId);
    }

    @SchemaMapping(typeName = "CompetencyRequirement")
    List<RequiredCompetency> items(Requirement requirement) {
        Map<String, Competency> locals = requirement.isNational() || requirement.items().stream().noneMatch(i -> isLocal(i.code()))
                ? Map.of()
                : catalogue.localItems(requirement.tenantId()).stream().collect(Collectors.toMap(Competency::code, Function.identity()));
        List<RequiredCompetency> items = new ArrayList<>();
        for (RequiredLevel item : requirement.items()) {
            Optional<Competency> competency = isLocal(item.code()) ? Optional.ofNullable(locals.get(item.code()))
                    : catalogue.find(null, item.code());
            competency.ifPresent(c -> items.add(new RequiredCompetency(c, item.level())));
        }
        return items;
    }

    @SchemaMapping(typeName = "CompetencyRequirement")
    RequirementSource source(Requirement requirement) {
        return RequirementSource.of(requirement);
    }

    @SchemaMapping(typeName = "CompetencyRequirement")
    String sourceLabel(Requirement requirement) {
        return RequirementSource.of(requirement).labelTh();
    }

    /** Makes the default in effect for a target (a suggestion, or the master plan's levels) the organisation's own, to keep or change. */
    @MutationMapping
    CompetencyRequirementPayload adoptRequirement(@Argument ResetRequirementInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        List<UserError> errors = new ArrayList<>();
        RequirementTarget target = target(input.scope(), input.positionType(), input.lineOfWork(), errors);
        if (target == null) {
            return new CompetencyRequirementPayload(null, errors);
        }
        Requirement current = requirements.effective(tenantId, target).orElse(null);
        if (current == null) {
            return new CompetencyRequirementPayload(null, List.of(UserError.of("input", "NOT_FOUND", "ไม่มีเกณฑ์สมรรถนะกลางของกลุ่มนี้ให้นำมาใช้", "no default for this target to adopt")));
        }
        if (!current.isNational()) {
            return new CompetencyRequirementPayload(current, List.of(UserError.of("input", "ALREADY_OWN",
                    "หน่วยงานมีเกณฑ์สมรรถนะของกลุ่มนี้เป็นของตนเองอยู่แล้ว", "the organisation already has its own requirement for this target")));
        }
        return save(tenantId, caller, target, current.items(), "competencyRequirement.adopt", origin);
    }

    @MutationMapping
    CompetencyRequirementPayload setRequirement(@Argument SetRequirementInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        List<UserError> errors = new ArrayList<>();
        RequirementTarget target = target(input.scope(), input.positionType(), input.lineOfWork(), errors);
        List<RequiredLevel> items = new ArrayList<>();
        if (input.items() != null) {
            for (RequiredLevelInput item : input.items()) {
                items.add(new RequiredLevel(normaliseCode(item.code()), item.level() == null ? 0 : item.level()));
            }
        }
        if (target != null) {
            errors.addAll(UserError.of(requirements.check(tenantId, target, items)));
        }
        if (!errors.isEmpty()) {
            return new CompetencyRequirementPayload(null, errors);
        }
        return save(tenantId, caller, target, items, "competencyRequirement.set", origin);
    }

    /** Stores the organisation's own requirement for a target, with an audit entry listing its items. */
    private CompetencyRequirementPayload save(String tenantId, Caller caller, RequirementTarget target, List<RequiredLevel> items,
            String action, String origin) {
        Requirement saved = requirements.set(tenantId, target, items, caller.displayName());
        audit.record(tenantId, caller, action, "competencyRequirement:" + target.key(),
                Map.of("items", items.stream().map(i -> i.code() + "=" + i.level()).collect(Collectors.joining(","))), origin);
        return new CompetencyRequirementPayload(saved, List.of());
    }

    @MutationMapping
    CompetencyRequirementPayload resetRequirement(@Argument ResetRequirementInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        List<UserError> errors = new ArrayList<>();
        RequirementTarget target = target(input.scope(), input.positionType(), input.lineOfWork(), errors);
        if (target == null) {
            return new CompetencyRequirementPayload(null, errors);
        }
        if (requirements.reset(tenantId, target)) {
            audit.record(tenantId, caller, "competencyRequirement.reset", "competencyRequirement:" + target.key(), Map.of(), origin);
        }
        return new CompetencyRequirementPayload(requirements.effective(tenantId, target).orElse(null), List.of());
    }

    // ---- checks --------------------------------------------------------------------------------

    /** The organisation whose local items a catalogue read includes: the named one (if readable), the caller's own, or none. */
    private String catalogueTenant(Caller caller, String organisationId) {
        Callers.require(caller);
        if (organisationId != null) {
            return Callers.requireRead(caller, tenants.findById(organisationId).orElse(null)).id();
        }
        return caller.tenantId();
    }

    private static RequirementTarget target(RequirementScope scope, PositionType positionType, String lineOfWork, List<UserError> errors) {
        String line = RequirementTarget.normalise(lineOfWork);
        switch (scope) {
            case POSITION_TYPE -> {
                if (positionType == null) {
                    errors.add(UserError.of("input.positionType", "REQUIRED", "ต้องระบุประเภทตำแหน่ง", "name the position type"));
                }
                if (line != null) {
                    errors.add(UserError.of("input.lineOfWork", "NOT_ALLOWED", "เกณฑ์ตามประเภทตำแหน่งไม่ต้องระบุสายงาน", "a position type requirement names no line of work"));
                }
                return errors.isEmpty() ? RequirementTarget.positionType(positionType) : null;
            }
            case LINE_OF_WORK -> {
                if (line == null) {
                    errors.add(UserError.of("input.lineOfWork", "REQUIRED", "ต้องระบุสายงาน เช่น นักทรัพยากรบุคคล", "name the line of work (สายงาน), e.g. นักทรัพยากรบุคคล"));
                } else if (line.length() > MAX_NAME) {
                    errors.add(UserError.of("input.lineOfWork", "TOO_LONG", "ชื่อสายงานยาวได้ไม่เกิน " + MAX_NAME + " ตัวอักษร", "at most " + MAX_NAME + " characters"));
                }
                if (positionType != null) {
                    errors.add(UserError.of("input.positionType", "NOT_ALLOWED", "เกณฑ์ตามสายงานไม่ต้องระบุประเภทตำแหน่ง", "a line of work requirement names no position type"));
                }
                return errors.isEmpty() ? RequirementTarget.lineOfWork(line) : null;
            }
            default -> {
                if (positionType != null || line != null) {
                    errors.add(UserError.of(positionType != null ? "input.positionType" : "input.lineOfWork", "NOT_ALLOWED",
                            "เกณฑ์สำหรับสายงานอื่น ๆ ไม่ต้องระบุประเภทตำแหน่งหรือสายงาน", "the requirement for other lines of work names neither a position type nor a line of work"));
                }
                return errors.isEmpty() ? RequirementTarget.otherLinesOfWork() : null;
            }
        }
    }

    private List<UserError> checkTexts(String tenantId, String ownCode, String nameTh, String nameEn, String description) {
        List<UserError> errors = new ArrayList<>();
        if (nameTh == null || nameTh.isEmpty()) {
            errors.add(UserError.of("input.nameTh", "REQUIRED", "ต้องระบุชื่อภาษาไทย", "nameTh (ชื่อภาษาไทย) is required"));
        } else if (nameTh.length() > MAX_NAME) {
            errors.add(UserError.of("input.nameTh", "TOO_LONG", "ชื่อภาษาไทยยาวได้ไม่เกิน " + MAX_NAME + " ตัวอักษร", "nameTh has at most " + MAX_NAME + " characters"));
        } else {
            boolean taken = catalogue.nationalItems().stream().anyMatch(c -> c.nameTh().equals(nameTh))
                    || catalogue.localItems(tenantId).stream().anyMatch(c -> c.nameTh().equals(nameTh) && !c.code().equals(ownCode));
            if (taken) {
                errors.add(UserError.of("input.nameTh", "DUPLICATE", "บัญชีสมรรถนะมีสมรรถนะชื่อ " + nameTh + " อยู่แล้ว", "the catalogue already has an item named " + nameTh));
            }
        }
        if (nameEn != null && nameEn.length() > MAX_NAME) {
            errors.add(UserError.of("input.nameEn", "TOO_LONG", "ชื่อภาษาอังกฤษยาวได้ไม่เกิน " + MAX_NAME + " ตัวอักษร", "nameEn has at most " + MAX_NAME + " characters"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(UserError.of("input.description", "TOO_LONG", "คำอธิบายยาวได้ไม่เกิน " + MAX_DESCRIPTION + " ตัวอักษร", "description has at most " + MAX_DESCRIPTION + " characters"));
        }
        return errors;
    }

    /** The scale with the given levels' texts replacing those of {@code base}; each level 0–5 at most once. */
    private static List<ProficiencyLevel> levels(List<LevelInput> given, List<ProficiencyLevel> base, List<UserError> errors) {
        if (given == null) {
            return base;
        }
        Map<Integer, ProficiencyLevel> levels = new LinkedHashMap<>();
        base.forEach(l -> levels.put(l.level(), l));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            LevelInput level = given.get(i);
            String at = "input.levels." + i;
            if (level.level() == null || !ProficiencyLevel.valid(level.level())) {
                errors.add(UserError.of(at + ".level", "INVALID", "ระดับสมรรถนะต้องอยู่ระหว่าง 0 ถึง " + ProficiencyLevel.MAX, "a level is 0 to " + ProficiencyLevel.MAX));
                continue;
            }
            if (!seen.add(level.level())) {
                errors.add(UserError.of(at + ".level", "DUPLICATE", "ระบุระดับ " + level.level() + " ซ้ำกันมากกว่าหนึ่งครั้ง", "level " + level.level() + " is given more than once"));
                continue;
            }
            ProficiencyLevel old = levels.get(level.level());
            String nameTh = level.nameTh() == null ? old.nameTh() : strip(level.nameTh());
            String nameEn = level.nameEn() == null ? old.nameEn() : strip(level.nameEn());
            String description = level.description() == null ? old.description() : strip(level.description());
            if (nameTh.isEmpty() || nameEn.isEmpty() || nameTh.length() > MAX_NAME || nameEn.length() > MAX_NAME
                    || description.length() > MAX_DESCRIPTION) {
                errors.add(UserError.of(at, "INVALID", "แต่ละระดับต้องมีชื่อภาษาไทยและภาษาอังกฤษ (ยาวไม่เกิน " + MAX_NAME
                        + " ตัวอักษร) และคำอธิบายยาวไม่เกิน " + MAX_DESCRIPTION + " ตัวอักษร", "a level needs a Thai and an English name (at most " + MAX_NAME
                        + " characters) and a description of at most " + MAX_DESCRIPTION));
                continue;
            }
            levels.put(level.level(), new ProficiencyLevel(level.level(), nameTh, nameEn, description));
        }
        return List.copyOf(levels.values());
    }

    private static UserError nationalIsReadOnly(Competency item) {
        return UserError.of("input.code", "NOT_ALLOWED", "สมรรถนะ " + item.code()
                + " เป็นสมรรถนะตามแผนแม่บท แก้ไขไม่ได้ ให้เพิ่มเป็นสมรรถนะของหน่วยงานแทน", item.code()
                + " is a national item of the master plan (แผนแม่บท): it cannot be changed; add a local item instead");
    }

    private static int pageSize(ScrollSubrange subrange) {
        int requested = subrange.count().orElse(DEFAULT_PAGE);
        if (requested < 1) {
            throw ApiException.badRequest("first", "first ต้องอยู่ระหว่าง 1 ถึง " + MAX_PAGE, "first must be 1 to " + MAX_PAGE);
        }
        return Math.min(requested, MAX_PAGE);
    }

    private static String sortKeyOf(ScrollPosition position) {
        if (position instanceof KeysetScrollPosition keyset && keyset.getKeys().get(SORT_KEY) instanceof String key) {
            return key;
        }
        throw ApiException.badRequest("after", "ไม่ใช่ตำแหน่งอ้างอิง (cursor) ของรายการนี้", "not a cursor of this list");
    }

    private static boolean isLocal(String code) {
        return code != null && code.startsWith(CompetencyKind.LOCAL.codePrefix());
    }

    static String normaliseCode(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
