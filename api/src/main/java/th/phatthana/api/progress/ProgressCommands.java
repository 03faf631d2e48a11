package th.phatthana.api.progress;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Service;

import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.progress.ProgressViews.SpendEntry;
import th.phatthana.lrs.statements.StatementService;
import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Problem;
import th.phatthana.schema.xapi.XapiVerbs;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The progress commands: rebuild, spend entries and offline development. */
@Service
public class ProgressCommands {

    static final Role[] RECORDERS = { Role.TENANT_ADMIN, Role.HR_OFFICER };
    /** The context extension that carries the development method of an offline record. */
    public static final String METHOD_EXTENSION = "https://phatthana.th/xapi/extensions/development-method";
    private static final int MAX_STAFF = 500;

    private final ProgressProjector projector;
    private final ProgressEvents events;
    private final ProgressStore store;
    private final PlanService plans;
    private final StaffService staff;
    private final StatementService statements;
    private final JsonMapper json;

    ProgressCommands(ProgressProjector projector, ProgressEvents events, ProgressStore store, PlanService plans, StaffService staff,
            StatementService statements, JsonMapper json) {
        this.json = json;
        this.projector = projector;
        this.events = events;
        this.store = store;
        this.plans = plans;
        this.staff = staff;
        this.statements = statements;
    }

    // ---- rebuild --------------------------------------------------------------------------------

    /** Rebuilds the organisation's progress from its statements (TENANT_ADMIN); returns the seq reached. */
    public long rebuild(String organisationId, Caller caller) {
        Tenant tenant = plans.readableTenant(organisationId, caller);
        Callers.requireWrite(caller, tenant.id(), Role.TENANT_ADMIN);
        return rebuild(tenant.id());
    }

    long rebuild(String tenantId) {
        try {
            projector.rebuild(tenantId).get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("rebuild of progress failed: " + e.getMessage(), e);
        }
        return store.checkpoint(tenantId);
    }

    // ---- spend ----------------------------------------------------------------------------------

    public record RecordCourseSpendInput(String planId, String courseKey, Integer fiscalYear, BigDecimal amount, LocalDate date,
            String note) {
    }

    public record SpendOutcome(SpendEntry entry, List<Problem> problems) {
    }

    public SpendOutcome recordCourseSpend(RecordCourseSpendInput input, Caller caller) {
        Plan plan = plans.read(input.planId(), caller);
        Callers.requireWrite(caller, plan.tenantId(), RECORDERS);
        List<Problem> errors = new ArrayList<>();
        PlanContent content = plans.currentVersion(plan).map(v -> v.content())
                .orElse(plan.draft() == null ? PlanContent.empty() : plan.draft().content());
        if (input.courseKey() == null || content.course(input.courseKey()).isEmpty()) {
            errors.add(new Problem("input.courseKey", "NOT_FOUND", "แผนไม่มีหลักสูตรที่ใช้คีย์นี้", "the plan has no course with this key"));
        }
        if (input.fiscalYear() == null || !plan.covers(input.fiscalYear())) {
            errors.add(new Problem("input.fiscalYear", "INVALID", Glossary.FISCAL_YEAR + "ต้องเป็นปีใดปีหนึ่งของแผน " + plan.fiscalYears(), "the fiscal year must be one of the plan's years " + plan.fiscalYears()));
        }
        if (input.amount() == null || input.amount().signum() <= 0 || input.amount().scale() > 2) {
            errors.add(new Problem("input.amount", "INVALID", "จำนวนเงินต้องเป็นจำนวนบาทที่มากกว่า 0 และมีทศนิยมไม่เกิน 2 ตำแหน่ง", "the amount is a positive number of baht with at most 2 decimals"));
        }
        if (input.date() != null && input.fiscalYear() != null && FiscalYears.of(input.date()) != input.fiscalYear()) {
            errors.add(new Problem("input.date", "INVALID", "วันที่อยู่นอก" + Glossary.FISCAL_YEAR + " " + input.fiscalYear(), "the date lies outside fiscal year " + input.fiscalYear()));
        }
        if (input.note() != null && input.note().length() > 500) {
            errors.add(new Problem("input.note", "INVALID", "บันทึกยาวได้ไม่เกิน 500 ตัวอักษร", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            return new SpendOutcome(null, errors);
        }
        Instant now = plans.now();
        String id = plan.tenantId() + "/" + UUID.randomUUID();
        store.insertSpend(new CourseSpend(id, plan.tenantId(), plan.id(), input.courseKey(), input.fiscalYear(),
                input.amount().doubleValue(), input.date(), input.note(), caller.subject(), now));
        store.markChanged(plan.tenantId());
        events.changed(plan.tenantId());
        return new SpendOutcome(new SpendEntry(id, plan.id(), input.courseKey(), input.fiscalYear(), input.amount().doubleValue(),
                input.date(), input.note(), caller.displayName(), now), List.of());
    }

    // ---- offline development --------------------------------------------------------------------

    public enum OfflineVerb {
        ATTENDED, COMPLETED
    }

    public record RecordOfflineDevelopmentInput(List<String> staffIds, String activityId, String title, String method,
            OfflineVerb verb, LocalDate date, Double hours) {
    }

    public record OfflineOutcome(List<String> statementIds, List<UserError> userErrors) {
    }

    /**
     * Records development outside any e-learning system (orientation, classroom training, a study
     * visit, coaching…) as real xAPI statements in the organisation's LRS, one per staff member, with
     * the recording user as authority; they count, and are voided, like any other statement.
     */
    public OfflineOutcome recordOfflineDevelopment(RecordOfflineDevelopmentInput input, Caller caller) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, RECORDERS);
        List<UserError> errors = new ArrayList<>();
        List<Staff> members = new ArrayList<>();
        if (input.staffIds() == null || input.staffIds().isEmpty() || input.staffIds().size() > MAX_STAFF) {
            errors.add(UserError.of("staffIds", "INVALID", "ต้องระบุ" + Glossary.STAFF + " 1 ถึง " + MAX_STAFF + " คน", "name 1 to " + MAX_STAFF + " staff members"));
        } else {
            var found = staff.findAll(tenantId, input.staffIds());
            for (int i = 0; i < input.staffIds().size(); i++) {
                Staff member = found.get(input.staffIds().get(i));
                if (member == null) {
                    errors.add(new UserError(List.of("input", "staffIds", Integer.toString(i)), "ไม่พบ" + Glossary.STAFF + "ผู้นี้", "no such staff member", "NOT_FOUND"));
                } else if (member.xapiIdentities().isEmpty()) {
                    errors.add(new UserError(List.of("input", "staffIds", Integer.toString(i)),
                            Glossary.STAFF + "ผู้นี้ยังไม่มีตัวตน xAPI ที่จะใช้บันทึกผลการพัฒนา", "the staff member has no xAPI identity to record the statement about", "NO_IDENTITY"));
                } else {
                    members.add(member);
                }
            }
        }
        if (input.activityId() == null || !absoluteIri(input.activityId())) {
            errors.add(prefixed(UserError.of("activityId", "INVALID", "รหัสกิจกรรม (activity id) ต้องเป็น IRI แบบเต็ม", "the activity id must be an absolute IRI")));
        }
        if (input.title() == null || input.title().isBlank() || input.title().length() > 300) {
            errors.add(prefixed(UserError.of("title", "REQUIRED", "ต้องระบุชื่อเรื่อง ยาวไม่เกิน 300 ตัวอักษร", "a title of at most 300 characters")));
        }
        PlanContent.DevelopmentMethod method = null;
        try {
            method = input.method() == null ? null : PlanContent.DevelopmentMethod.valueOf(input.method());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (method == null) {
            errors.add(prefixed(UserError.of("method", "INVALID", "ต้องเป็นวิธีการพัฒนาแบบใดแบบหนึ่งที่กำหนด (DevelopmentMethod)", "one of the development methods (DevelopmentMethod)")));
        }
        if (input.verb() == null) {
            errors.add(prefixed(UserError.of("verb", "REQUIRED", "ต้องระบุ ATTENDED (เข้าร่วม) หรือ COMPLETED (ผ่านการพัฒนา)", "ATTENDED or COMPLETED")));
        }
        if (input.date() == null || input.date().isAfter(plans.today())) {
            errors.add(prefixed(UserError.of("date", "INVALID", "ต้องระบุวันที่พัฒนา ซึ่งต้องไม่เป็นวันในอนาคต", "the date of the development, not in the future")));
        }
        if (input.hours() == null || input.hours() < 0 || input.hours() > 1000) {
            errors.add(prefixed(UserError.of("hours", "INVALID", "จำนวนชั่วโมงต้องอยู่ระหว่าง 0 ถึง 1000", "hours between 0 and 1000")));
        }
        if (!errors.isEmpty()) {
            return new OfflineOutcome(List.of(), errors);
        }
        // Noon in Bangkok: the date falls in the same fiscal year however it is read.
        String timestamp = input.date().atTime(LocalTime.NOON).atZone(FiscalYears.BANGKOK).toOffsetDateTime().toString();
        ArrayNode batch = json.createArrayNode();
        for (Staff member : members) {
            ObjectNode statement = batch.addObject();
            statement.set("actor", agent(member));
            ObjectNode verb = statement.putObject("verb");
            boolean completed = input.verb() == OfflineVerb.COMPLETED;
            verb.put("id", completed ? XapiVerbs.COMPLETED : XapiVerbs.ATTENDED);
            verb.putObject("display").put("en-US", completed ? "completed" : "attended");
            ObjectNode object = statement.putObject("object");
            object.put("objectType", "Activity");
            object.put("id", input.activityId());
            ObjectNode definition = object.putObject("definition");
            definition.putObject("name").put("th-TH", input.title());
            ObjectNode result = statement.putObject("result");
            result.put("duration", duration(input.hours()));
            if (completed) {
                result.put("completion", true);
            }
            statement.putObject("context").putObject("extensions").put(METHOD_EXTENSION, method.name());
            statement.put("timestamp", timestamp);
        }
        XapiClient client = new XapiClient(tenantId, "user:" + caller.subject(), "user:" + caller.subject(), caller.displayName(),
                Set.of(XapiScope.STATEMENTS_WRITE));
        try {
            List<String> ids = statements.store(new XapiRequest(client, XapiVersion.V1_0_3), batch, List.of(), null);
            return new OfflineOutcome(ids, List.of());
        } catch (XapiException e) {
            return new OfflineOutcome(List.of(), List.of(new UserError(List.of("input"), "บันทึกผลการพัฒนาไม่ถูกต้องตามมาตรฐาน xAPI: " + e.getMessage(), e.getMessage(), "INVALID")));
        }
    }

    /** The member's first identity as the statement's actor, with the register's name. */
    private ObjectNode agent(Staff member) {
        ObjectNode agent = json.createObjectNode().put("objectType", "Agent").put("name", member.fullNameTh());
        agent.setAll(member.xapiIdentities().get(0).agent());
        return agent;
    }

    /** Hours as an ISO 8601 duration, to the second: 1.5 → PT1H30M. */
    static String duration(double hours) {
        long seconds = Math.round(hours * 3600);
        return "PT" + (seconds / 3600) + "H" + (seconds % 3600 / 60) + "M" + (seconds % 60) + "S";
    }

    private static boolean absoluteIri(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UserError prefixed(UserError error) {
        if (!error.field().isEmpty() && "input".equals(error.field().get(0))) {
            return error;
        }
        List<String> field = new ArrayList<>();
        field.add("input");
        field.addAll(error.field());
        return new UserError(field, error.text(), error.code());
    }
}
