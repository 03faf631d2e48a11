package th.phatthana.api.staff;

import th.phatthana.schema.Glossary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.schema.InvalidInputException;
import th.phatthana.schema.Outcome;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.staff.HeadRole;
import th.phatthana.tenants.staff.RegisterChange;
import th.phatthana.tenants.staff.StaffChange;
import th.phatthana.tenants.staff.StaffPeriod;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffFilter;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.TargetGroup;
import th.phatthana.tenants.staff.TargetGroups;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;

/**
 * Staff over GraphQL: lookups, the filtered connection, target groups, and changes by
 * TENANT_ADMIN / HR_OFFICER. Per-node data (the division) is loaded in batches.
 */
@Controller
class StaffController {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    static final String CURSOR_KEY = "staffNumber";

    private final StaffService staff;
    private final DivisionService divisions;
    private final StaffAccess access;
    private final AuditTrail audit;

    StaffController(StaffService staff, DivisionService divisions, StaffAccess access, AuditTrail audit) {
        this.staff = staff;
        this.divisions = divisions;
        this.access = access;
        this.audit = audit;
    }

    record StaffPayload(Staff staff, List<UserError> userErrors) {
        static StaffPayload of(Outcome<Staff> outcome) {
            return new StaffPayload(outcome.value(), StaffAccess.userErrors(outcome.problems()));
        }
    }

    record DeleteStaffPayload(String deletedStaffId, List<UserError> userErrors) {
    }

    /** What the connection's {@code totalCount} counts, computed only when asked for. */
    record TotalCount(Supplier<Long> count) {
    }

    // ---- queries -------------------------------------------------------------------------------

    @QueryMapping("staff")
    Staff staffMember(@Argument String id, @ContextValue Caller caller) {
        String tenantId = access.readableTenantOf(caller, id, Glossary.STAFF, "staff member");
        return staff.find(tenantId, id).orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff member"));
    }

    @QueryMapping
    DataFetcherResult<Window<Staff>> staffMembers(@Argument String organisationId, ScrollSubrange subrange,
            @Argument Map<String, Object> filter, @ContextValue Caller caller) {
        Tenant organisation = access.readableOrganisation(caller, organisationId);
        int count = subrange.count().orElse(DEFAULT_PAGE);
        if (count < 1) {
            throw ApiException.badRequest("first", "ต้องอยู่ระหว่าง 1 ถึง " + MAX_PAGE, "must be between 1 and " + MAX_PAGE);
        }
        count = Math.min(count, MAX_PAGE);
        String after = null;
        if (subrange.position().isPresent()) {
            if (!(subrange.position().get() instanceof KeysetScrollPosition keyset) || !keyset.scrollsForward()
                    || !(keyset.getKeys().get(CURSOR_KEY) instanceof String number)) {
                throw ApiException.badRequest("after", "ไม่ใช่ตำแหน่งอ้างอิง (cursor) ของรายการนี้", "not a cursor of this list");
            }
            after = number;
        }
        StaffFilter staffFilter = StaffInputs.filter(filter);
        StaffService.Slice slice = staff.list(organisation.id(), staffFilter, after, count);
        List<Staff> page = slice.staff();
        Window<Staff> window = Window.from(page, i -> ScrollPosition.forward(Map.of(CURSOR_KEY, page.get(i).staffNumber())),
                slice.hasNext());
        return DataFetcherResult.<Window<Staff>>newResult().data(window)
                .localContext(new TotalCount(() -> staff.count(organisation.id(), staffFilter))).build();
    }

    @SchemaMapping(typeName = "StaffConnection")
    long totalCount(DataFetchingEnvironment environment) {
        if (environment.getLocalContext() instanceof TotalCount total) {
            return total.count().get();
        }
        throw new IllegalStateException("totalCount outside staffMembers");
    }

    @QueryMapping
    Staff staffByCitizenId(@Argument String citizenId, @ContextValue Caller caller) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        try {
            return staff.findByCitizenId(tenantId, citizenId).orElse(null);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("citizenId", "ไม่ใช่เลขประจำตัวประชาชนที่ถูกต้อง (13 หลัก และเลขตรวจสอบหลักสุดท้ายต้องถูกต้อง)", "not a valid Thai citizen ID (13 digits with a valid check digit)");
        }
    }

    // ---- fields of Staff -----------------------------------------------------------------------

    /** The divisions of every staff member in the response: one query per organisation, not per person. */
    @BatchMapping(typeName = "Staff")
    Map<Staff, Division> division(List<Staff> members) {
        Map<String, List<Staff>> byTenant = members.stream().filter(m -> m.divisionId() != null)
                .collect(Collectors.groupingBy(Staff::tenantId, LinkedHashMap::new, Collectors.toList()));
        Map<Staff, Division> result = new LinkedHashMap<>();
        byTenant.forEach((tenantId, ofTenant) -> {
            Map<String, Division> found = divisions.findAll(tenantId, ofTenant.stream().map(Staff::divisionId).toList());
            for (Staff member : ofTenant) {
                Division division = found.get(member.divisionId());
                if (division != null) {
                    result.put(member, division);
                }
            }
        });
        return result;
    }

    /** Target groups as of a day read the register's values of that day (the position then held). */
    @SchemaMapping(typeName = "Staff")
    TargetGroup targetGroup(Staff member, @Argument LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : staff.today();
        return TargetGroups.of(member.periodOn(day).map(member::with).orElse(member), day).primary();
    }

    @SchemaMapping(typeName = "Staff")
    List<TargetGroup> targetGroups(Staff member, @Argument LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : staff.today();
        return TargetGroups.of(member.periodOn(day).map(member::with).orElse(member), day).all();
    }

    @SchemaMapping(typeName = "Staff")
    List<StaffPeriod> history(Staff member) {
        return member.periods();
    }

    @SchemaMapping(typeName = "StaffPeriod")
    String changeTh(StaffPeriod period) {
        return period.change().thaiName();
    }

    /** A period's division (a division id names its organisation, so the period needs no tenant). */
    @SchemaMapping(typeName = "StaffPeriod")
    Division division(StaffPeriod period) {
        String tenantId = period.divisionId() == null ? null : th.phatthana.tenants.divisions.ScopedIds.tenantOf(period.divisionId());
        return tenantId == null ? null : divisions.find(tenantId, period.divisionId()).orElse(null);
    }

    @SchemaMapping(typeName = "Staff")
    String fullNameTh(Staff member) {
        return member.fullNameTh();
    }

    // ---- mutations -----------------------------------------------------------------------------

    @MutationMapping
    StaffPayload createStaff(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Outcome<Staff> outcome = staff.create(tenantId, StaffInputs.create(input));
        audit(outcome, tenantId, caller, "staff.create", origin);
        return StaffPayload.of(outcome);
    }

    @MutationMapping
    StaffPayload updateStaff(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Staff existing = own(tenantId, (String) input.get("id"));
        Outcome<Staff> outcome = staff.update(tenantId, existing.id(), StaffInputs.update(StaffDraft.of(existing), input), registerChange(input));
        audit(outcome, tenantId, caller, "staff.update", origin);
        return StaffPayload.of(outcome);
    }

    @MutationMapping
    StaffPayload setEmploymentStatus(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Staff existing = own(tenantId, (String) input.get("id"));
        EmploymentStatus status = EmploymentStatus.valueOf((String) input.get("status"));
        Outcome<Staff> outcome = staff.update(tenantId, existing.id(), StaffDraft.of(existing).withStatus(status), registerChange(input));
        audit(outcome, tenantId, caller, "staff.setStatus", origin);
        return StaffPayload.of(outcome);
    }

    @MutationMapping
    StaffPayload setStaffHeadRoles(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Staff existing = own(tenantId, (String) input.get("id"));
        List<HeadRole> roles = new ArrayList<>();
        if (input.get("roles") instanceof List<?> given) {
            for (Object item : given) {
                Map<?, ?> role = (Map<?, ?>) item;
                roles.add(new HeadRole((String) role.get("titleTh"), Boolean.TRUE.equals(role.get("acting")), date(role.get("from")),
                        date(role.get("until"))));
            }
        }
        Outcome<Staff> outcome = staff.setHeadRoles(tenantId, existing.id(), roles);
        audit(outcome, tenantId, caller, "staff.setHeadRoles", origin);
        return StaffPayload.of(outcome);
    }

    /** How an update enters the register's history: its effective day, its kind, or a correction. */
    private static RegisterChange registerChange(Map<String, Object> input) {
        if (Boolean.TRUE.equals(input.get("correction"))) {
            return RegisterChange.CORRECTION;
        }
        Object kind = input.get("change");
        return RegisterChange.on(date(input.get("effectiveOn")), kind == null ? null : StaffChange.valueOf(kind.toString()));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate day ? day : LocalDate.parse(value.toString());
    }

    @MutationMapping
    DeleteStaffPayload deleteStaff(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Staff existing = own(tenantId, (String) input.get("id"));
        Outcome<Staff> outcome = staff.delete(tenantId, existing.id());
        if (!outcome.accepted()) {
            return new DeleteStaffPayload(null, StaffAccess.userErrors(outcome.problems()));
        }
        audit(outcome, tenantId, caller, "staff.delete", origin);
        return new DeleteStaffPayload(existing.id(), List.of());
    }

    @MutationMapping
    StaffPayload linkXapiIdentity(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Staff existing = own(tenantId, (String) input.get("staffId"));
        List<Problem> problems = new ArrayList<>();
        XapiIdentity identity = XapiIdentity.check(StaffInputs.identity(input.get("identity")), "identity", problems);
        if (identity == null) {
            return new StaffPayload(null, StaffAccess.userErrors(problems));
        }
        if (existing.xapiIdentities().stream().anyMatch(linked -> linked.key().equals(identity.key()))) {
            return new StaffPayload(existing, List.of());
        }
        List<XapiIdentity> identities = new ArrayList<>(existing.xapiIdentities());
        identities.add(identity);
        int index = identities.size() - 1;
        Outcome<Staff> outcome = staff.update(tenantId, existing.id(), StaffDraft.of(existing).withXapiIdentities(identities));
        audit(outcome, tenantId, caller, "staff.linkXapiIdentity", origin);
        return new StaffPayload(outcome.value(), StaffAccess.userErrors(outcome.problems().stream()
                .map(p -> p.field().startsWith("xapiIdentities." + index) ? new Problem(
                        "identity" + p.field().substring(("xapiIdentities." + index).length()), p.code(), p.text()) : p)
                .toList()));
    }

    @MutationMapping
    StaffPayload unlinkXapiIdentity(@Argument Map<String, Object> input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = StaffAccess.writableTenant(caller, StaffAccess.STAFF_WRITERS);
        Staff existing = own(tenantId, (String) input.get("staffId"));
        List<Problem> problems = new ArrayList<>();
        XapiIdentity identity = XapiIdentity.check(StaffInputs.identity(input.get("identity")), "identity", problems);
        if (identity == null) {
            return new StaffPayload(null, StaffAccess.userErrors(problems));
        }
        List<XapiIdentity> remaining = existing.xapiIdentities().stream().filter(linked -> !linked.key().equals(identity.key())).toList();
        if (remaining.size() == existing.xapiIdentities().size()) {
            return new StaffPayload(null, List.of(UserError.of("input.identity", "NOT_FOUND", Glossary.STAFF + "ผู้นี้ไม่มีตัวตน xAPI นี้", "this staff member has no such xAPI identity")));
        }
        Outcome<Staff> outcome = staff.update(tenantId, existing.id(), StaffDraft.of(existing).withXapiIdentities(remaining));
        audit(outcome, tenantId, caller, "staff.unlinkXapiIdentity", origin);
        return StaffPayload.of(outcome);
    }

    /** A staff member of the caller's own organisation; anything else is NOT_FOUND. */
    private Staff own(String tenantId, String id) {
        return staff.find(tenantId, id).orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff member"));
    }

    private void audit(Outcome<Staff> outcome, String tenantId, Caller caller, String action, String origin) {
        if (outcome.accepted()) {
            audit.record(tenantId, caller, action, "staff:" + outcome.value().id(), Map.of("staffNumber", outcome.value().staffNumber()),
                    origin);
        }
    }
}
