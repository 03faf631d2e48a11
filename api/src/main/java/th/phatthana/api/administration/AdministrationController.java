package th.phatthana.api.administration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import th.phatthana.schema.Glossary;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.api.access.Callers;
import th.phatthana.api.graphql.Pages;
import th.phatthana.api.graphql.UserError;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.web.PublicAddress;
import th.phatthana.lrs.statements.StatementRepository;
import th.phatthana.tenants.access.AccessToken;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Invitation;
import th.phatthana.tenants.access.InvitationService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditEvent;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.credentials.XapiCredential;
import th.phatthana.tenants.credentials.XapiCredentialService;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.tenant.MunicipalClass;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;
import th.phatthana.tenants.tenant.TenantStatus;
import th.phatthana.tenants.text.Text;

/**
 * Tenant onboarding (national) and access administration (tenant admins): organisations, users
 * and their invitations, access tokens, xAPI credentials, and the audit trail every change lands in.
 */
@Controller
@EnableConfigurationProperties(AdministrationProperties.class)
class AdministrationController {

    private static final int MAX_AUDIT_EVENTS = 100;
    private static final Map<String, String> REQUIRED_TH = Map.of("nameTh", "ต้องระบุชื่อหน่วยงานภาษาไทย", "province", "ต้องระบุจังหวัด",
            "district", "ต้องระบุอำเภอ");
    private static final String LAST_ADMIN_TH = "หน่วยงานต้องมีผู้ดูแลระบบของหน่วยงาน (TENANT_ADMIN) ที่ใช้งานได้อย่างน้อยหนึ่งคน";
    private static final Set<XapiScope> DEFAULT_SCOPES = EnumSet.of(XapiScope.STATEMENTS_WRITE, XapiScope.STATEMENTS_READ_MINE,
            XapiScope.STATE, XapiScope.PROFILE);

    private final TenantService tenants;
    private final AppUserService users;
    private final AccessTokenService tokens;
    private final XapiCredentialService credentials;
    private final StatementRepository statements;
    private final AuditTrail audit;
    private final AdministrationProperties properties;
    private final PublicAddress address;
    private final InvitationService invitations;
    private final InvitationMailer mailer;
    private final Clock clock;
    private final StaffService staff;

    AdministrationController(TenantService tenants, AppUserService users, AccessTokenService tokens,
            XapiCredentialService credentials, StatementRepository statements, AuditTrail audit,
            AdministrationProperties properties, PublicAddress address, InvitationService invitations, InvitationMailer mailer,
            Clock clock, StaffService staff) {
        this.staff = staff;
        this.address = address;
        this.clock = clock;
        this.invitations = invitations;
        this.mailer = mailer;
        this.tenants = tenants;
        this.users = users;
        this.tokens = tokens;
        this.credentials = credentials;
        this.statements = statements;
        this.audit = audit;
        this.properties = properties;
    }

    // ---- inputs (bound by name from the schema's input types) ----------------------------------

    record OrganisationFilter(String province, TenantKind kind, TenantStatus status, String search) {
    }

    record CreateOrganisationInput(String code, String nameTh, String nameEn, TenantKind kind, MunicipalClass municipalClass,
            String province, String district) {
    }

    record OrganisationStatusInput(String id, String reason) {
    }

    record CreateOversightUserInput(String name, String email, Role role, String province, TenantKind committeeKind,
            Integer tokenValidDays) implements PersonInput {
    }

    record CreateUserInput(String organisationId, String name, String email, List<Role> roles, Integer tokenValidDays)
            implements PersonInput {
    }

    record InviteUserInput(String organisationId, String name, String email, List<Role> roles, String province,
            TenantKind committeeKind) implements PersonInput {
    }

    /** The person of a new user, checked the same way wherever one is made. */
    interface PersonInput {
        String name();

        String email();
    }

    record ReissueInvitationInput(String userId) {
    }

    record InviteStaffMemberInput(String staffId, String email, Boolean supervisor) {
    }

    record SetUserRolesInput(String userId, List<Role> roles) {
    }

    record SetUserEnabledInput(String userId, boolean enabled) {
    }

    record CreateAccessTokenInput(String name, String userId, List<Role> roles, Instant expiresAt) {
    }

    record RevokeAccessTokenInput(String id) {
    }

    record CreateXapiCredentialInput(String name, List<XapiScope> scopes) {
    }

    record XapiCredentialRefInput(String id) {
    }

    record SetXapiCredentialEnabledInput(String id, boolean enabled) {
    }

    record Payload<T>(T value, String secret, List<UserError> userErrors) {
        static <T> Payload<T> refused(UserError... errors) {
            return new Payload<>(null, null, List.of(errors));
        }

        static <T> Payload<T> of(T value, String secret) {
            return new Payload<>(value, secret, List.of());
        }
    }

    // ---- organisations -------------------------------------------------------------------------

    @QueryMapping
    graphql.execution.DataFetcherResult<Window<Tenant>> organisations(ScrollSubrange subrange, @Argument OrganisationFilter filter,
            @ContextValue Caller caller) {
        Callers.require(caller);
        String province = filter == null ? null : filter.province();
        TenantKind kind = filter == null ? null : filter.kind();
        TenantStatus status = filter == null ? null : filter.status();
        String search = filter == null || filter.search() == null ? null : filter.search().toLowerCase(Locale.ROOT);
        List<Tenant> visible = tenants.all().stream()
                .filter(caller::canRead)
                .filter(t -> province == null || province.equals(t.province()))
                .filter(t -> kind == null || t.kind() == kind)
                .filter(t -> status == null || t.status() == status)
                .filter(t -> search == null || t.code().toLowerCase(Locale.ROOT).contains(search) || t.nameTh().toLowerCase(Locale.ROOT).contains(search)
                        || t.nameEn() != null && t.nameEn().toLowerCase(Locale.ROOT).contains(search))
                .sorted(java.util.Comparator.comparing(Tenant::code))
                .toList();
        return Pages.connection(visible, subrange);
    }

    @MutationMapping
    Payload<Tenant> createOrganisation(@Argument CreateOrganisationInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        requireNational(caller);
        List<UserError> errors = new ArrayList<>();
        String code = Text.orEmpty(input.code());
        Map<String, String> required = Map.of("nameTh", Text.orEmpty(input.nameTh()), "province", Text.orEmpty(input.province()),
                "district", Text.orEmpty(input.district()));
        if (!code.matches("[0-9A-Za-z-]{3,20}")) {
            errors.add(UserError.of("input.code", "INVALID", "รหัสหน่วยงานต้องเป็นตัวอักษรภาษาอังกฤษ ตัวเลข หรือเครื่องหมาย - ยาว 3–20 ตัว", "code must be 3–20 letters, digits or '-'"));
        } else if (tenants.findByCode(code).isPresent()) {
            errors.add(UserError.of("input.code", "DUPLICATE", "มีหน่วยงานที่ใช้รหัส " + code + " อยู่แล้ว", "an organisation with code " + code + " exists"));
        }
        for (String field : List.of("nameTh", "province", "district")) {
            if (required.get(field).isBlank()) {
                errors.add(UserError.of("input." + field, "REQUIRED", REQUIRED_TH.get(field), field + " is required"));
            }
        }
        TenantKind kind = input.kind();
        MunicipalClass municipalClass = input.municipalClass();
        if (kind == TenantKind.MUNICIPALITY && municipalClass == null) {
            errors.add(UserError.of("input.municipalClass", "REQUIRED", "ต้องระบุประเภทของเทศบาล", "a municipality needs its class"));
        } else if (kind != TenantKind.MUNICIPALITY && municipalClass != null) {
            errors.add(UserError.of("input.municipalClass", "NOT_ALLOWED", "ระบุประเภทเทศบาลได้เฉพาะเทศบาลเท่านั้น", "only a municipality has a class"));
        }
        if (!errors.isEmpty()) {
            return new Payload<>(null, null, errors);
        }
        Tenant tenant = tenants.create(code, required.get("nameTh"), Text.blankToNull(input.nameEn()), kind, municipalClass,
                required.get("province"), required.get("district"));
        audit.record(tenant.id(), caller, "organisation.create", "organisation:" + tenant.id(), Map.of("code", code), origin);
        return Payload.of(tenant, null);
    }

    @MutationMapping
    Payload<Tenant> suspendOrganisation(@Argument OrganisationStatusInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        return setStatus(input, caller, origin, TenantStatus.SUSPENDED);
    }

    @MutationMapping
    Payload<Tenant> reinstateOrganisation(@Argument OrganisationStatusInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        return setStatus(input, caller, origin, TenantStatus.ACTIVE);
    }

    private Payload<Tenant> setStatus(OrganisationStatusInput input, Caller caller, String origin, TenantStatus status) {
        requireNational(caller);
        Tenant tenant = tenants.findById(Text.orEmpty(input.id())).orElseThrow(() -> ApiException.notFound("หน่วยงาน", "organisation"));
        Tenant changed = tenants.setStatus(tenant, status);
        audit.record(tenant.id(), caller, status == TenantStatus.SUSPENDED ? "organisation.suspend" : "organisation.reinstate",
                "organisation:" + tenant.id(), Map.of("reason", Text.orEmpty(input.reason())), origin);
        return Payload.of(changed, null);
    }

    // ---- users ---------------------------------------------------------------------------------

    @QueryMapping
    List<AppUser> users(@Argument String organisationId, @ContextValue Caller caller) {
        String tenantId = organisationId != null ? organisationId : Callers.ownTenant(caller);
        requireAdminOrNational(caller, tenantId);
        return users.ofTenant(tenantId);
    }

    @MutationMapping
    Payload<AppUser> createOversightUser(@Argument CreateOversightUserInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        requireNational(caller);
        Role role = input.role();
        List<UserError> errors = new ArrayList<>();
        if (!role.isOversightRole()) {
            errors.add(UserError.of("input.role", "NOT_ALLOWED", "ผู้ใช้ฝ่ายกำกับดูแลต้องมีบทบาท PROVINCIAL_COMMITTEE (คณะกรรมการระดับจังหวัด) หรือ NATIONAL (ผู้ดูแลระดับประเทศ)", "oversight users are PROVINCIAL_COMMITTEE or NATIONAL"));
        }
        TenantKind kind = input.committeeKind();
        if (role == Role.PROVINCIAL_COMMITTEE && (Text.blankToNull(input.province()) == null || kind == null)) {
            errors.add(UserError.of("input.province", "REQUIRED", "กรรมการระดับจังหวัดต้องระบุจังหวัดและประเภทคณะกรรมการ", "a provincial committee member needs a province and a committee kind"));
        }
        errors.addAll(checkPerson(input));
        if (!errors.isEmpty()) {
            return new Payload<>(null, null, errors);
        }
        AppUser user;
        try {
            user = users.createOversightUser(Text.orEmpty(input.name()), Text.orEmpty(input.email()), role,
                    Text.blankToNull(input.province()), kind);
        } catch (AppUserService.DuplicateEmailException e) {
            return Payload.refused(duplicateEmail());
        }
        String token = tokens.issueForUser(user, "first token", validity(input.tokenValidDays())).value();
        audit.record(null, caller, "user.createOversight", "user:" + user.id(), Map.of("role", role.name()), origin);
        return Payload.of(user, token);
    }

    @MutationMapping
    Payload<AppUser> createUser(@Argument CreateUserInput input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = organisationToWrite(caller, input.organisationId());
        if (tenantId == null) {
            return Payload.refused(organisationRequired());
        }
        Set<Role> roles = roles(input.roles());
        List<UserError> errors = new ArrayList<>(checkPerson(input));
        if (!Role.areTenantRoles(roles)) {
            errors.add(tenantRolesInvalid());
        }
        if (!errors.isEmpty()) {
            return new Payload<>(null, null, errors);
        }
        AppUser user;
        try {
            user = users.createTenantUser(tenantId, Text.orEmpty(input.name()), Text.orEmpty(input.email()), roles);
        } catch (AppUserService.DuplicateEmailException e) {
            return Payload.refused(duplicateEmail());
        }
        String token = tokens.issueForUser(user, "first token", validity(input.tokenValidDays())).value();
        audit.record(tenantId, caller, "user.create", "user:" + user.id(), Map.of("roles", roles.toString()), origin);
        return Payload.of(user, token);
    }

    /** The result of {@code inviteUser} and {@code reissueInvitation}. */
    record InvitationPayload(AppUser user, String invitationUrl, Instant expiresAt, boolean invitationEmailed,
            List<UserError> userErrors) {

        static InvitationPayload refused(List<UserError> errors) {
            return new InvitationPayload(null, null, null, false, errors);
        }
    }

    @MutationMapping
    InvitationPayload inviteUser(@Argument InviteUserInput input, @ContextValue Caller caller, @ContextValue String origin) {
        Callers.require(caller);
        Set<Role> roles = roles(input.roles());
        boolean oversight = !roles.isEmpty() && roles.stream().allMatch(Role::isOversightRole);
        List<UserError> errors = new ArrayList<>();
        String tenantId = null;
        TenantKind committeeKind = input.committeeKind();
        if (oversight) {
            requireNational(caller);
            if (input.organisationId() != null) {
                errors.add(UserError.of("input.organisationId", "NOT_ALLOWED",
                        "กรรมการระดับจังหวัดและผู้ดูแลระดับประเทศไม่สังกัดหน่วยงานใด", "a provincial committee member or national administrator belongs to no organisation"));
            }
            if (roles.size() != 1) {
                errors.add(UserError.of("input.roles", "INVALID", "ผู้ใช้ฝ่ายกำกับดูแลมีบทบาทได้เพียงบทบาทเดียว คือ PROVINCIAL_COMMITTEE หรือ NATIONAL", "an oversight user is either PROVINCIAL_COMMITTEE or NATIONAL"));
            } else if (roles.contains(Role.PROVINCIAL_COMMITTEE) && (Text.blankToNull(input.province()) == null || committeeKind == null)) {
                errors.add(UserError.of("input.province", "REQUIRED", "กรรมการระดับจังหวัดต้องระบุจังหวัดและประเภทคณะกรรมการ", "a provincial committee member needs a province and a committee kind"));
            }
        } else {
            tenantId = organisationToWrite(caller, input.organisationId());
            if (tenantId == null) {
                errors.add(organisationRequired());
            }
            if (!Role.areTenantRoles(roles)) {
                errors.add(tenantRolesInvalid());
            }
        }
        errors.addAll(checkPerson(input));
        if (!errors.isEmpty()) {
            return InvitationPayload.refused(errors);
        }
        AppUser user;
        try {
            user = oversight
                    ? users.createOversightUser(Text.orEmpty(input.name()), Text.orEmpty(input.email()), roles.iterator().next(),
                            Text.blankToNull(input.province()), committeeKind)
                    : users.createTenantUser(tenantId, Text.orEmpty(input.name()), Text.orEmpty(input.email()), roles);
        } catch (AppUserService.DuplicateEmailException e) {
            return InvitationPayload.refused(List.of(duplicateEmail()));
        }
        audit.record(tenantId, caller, "user.invite", "user:" + user.id(), Map.of("roles", roles.toString()), origin);
        return invite(user, caller);
    }

    /**
     * Invites a staff member from their register entry (TENANT_ADMIN, HR_OFFICER): a self-service user
     * (STAFF, and SUPERVISOR when asked) linked to the staff record, with the same one-time link as
     * {@link #inviteUser}. A staff member of another organisation is NOT_FOUND.
     */
    @MutationMapping
    InvitationPayload inviteStaffMember(@Argument InviteStaffMemberInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN, Role.HR_OFFICER);
        Staff member = staff.find(tenantId, Text.orEmpty(input.staffId()))
                .orElseThrow(() -> ApiException.notFound(Glossary.STAFF, "staff member"));
        List<UserError> errors = new ArrayList<>();
        if (users.ofStaff(tenantId, member.id()).isPresent()) {
            errors.add(UserError.of("input.staffId", "ALREADY_INVITED",
                    Glossary.STAFF + "ผู้นี้มีบัญชีผู้ใช้แล้ว หากลิงก์เชิญหมดอายุ ให้ผู้ดูแลระบบส่งคำเชิญอีกครั้ง",
                    "this staff member already has a user: reissue their invitation instead"));
        }
        String email = Text.orEmpty(input.email());
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(UserError.of("input.email", "INVALID", "อีเมลไม่ถูกต้อง", "email must be an e-mail address"));
        } else if (users.findByEmail(email).isPresent()) {
            errors.add(duplicateEmail());
        }
        if (!errors.isEmpty()) {
            return InvitationPayload.refused(errors);
        }
        Set<Role> roles = Boolean.TRUE.equals(input.supervisor()) ? EnumSet.of(Role.STAFF, Role.SUPERVISOR) : EnumSet.of(Role.STAFF);
        AppUser user;
        try {
            user = users.createStaffUser(tenantId, member.id(), member.fullNameTh(), email, roles);
        } catch (AppUserService.DuplicateEmailException e) {
            return InvitationPayload.refused(List.of(duplicateEmail()));
        }
        audit.record(tenantId, caller, "user.inviteStaff", "user:" + user.id(),
                Map.of("staffId", member.id(), "roles", roles.toString()), origin);
        return invite(user, caller);
    }

    @MutationMapping
    InvitationPayload reissueInvitation(@Argument ReissueInvitationInput input, @ContextValue Caller caller, @ContextValue String origin) {
        Callers.require(caller);
        AppUser user = users.find(Text.orEmpty(input.userId())).orElseThrow(() -> ApiException.notFound("ผู้ใช้", "user"));
        if (!caller.isNational()) {
            user = ownUser(ownTenantAsAdmin(caller), user.id());
        }
        if (!user.enabled()) {
            return InvitationPayload.refused(List.of(UserError.of("input.userId", "DISABLED",
                    "ผู้ใช้นี้ถูกระงับการใช้งานอยู่ ต้องเปิดใช้งานก่อนจึงจะส่งคำเชิญอีกครั้งได้", "the user is disabled: enable them before inviting them again")));
        }
        audit.record(user.tenantId(), caller, "user.reissueInvitation", "user:" + user.id(), Map.of(), origin);
        return invite(user, caller);
    }

    /** Issues the user's invitation link and e-mails it when the server can. */
    private InvitationPayload invite(AppUser user, Caller caller) {
        InvitationService.IssuedInvitation issued = invitations.issue(user, caller);
        String url = address.publicBaseUrl() + "/invite/" + issued.token();
        String organisation = user.tenantId() == null ? "ส่วนกลาง (national oversight)"
                : tenants.findById(user.tenantId()).map(Tenant::nameTh).orElse("");
        boolean emailed = mailer.send(user.email(), user.name(), organisation, url, issued.invitation().expiresAt());
        return new InvitationPayload(user, url, issued.invitation().expiresAt(), emailed, List.of());
    }

    @SchemaMapping(typeName = "User")
    boolean invitationPending(AppUser user) {
        return invitations.pendingFor(user.id()).isPresent();
    }

    @SchemaMapping(typeName = "User")
    Instant invitationExpiresAt(AppUser user) {
        return invitations.pendingFor(user.id()).map(Invitation::expiresAt).orElse(null);
    }

    @MutationMapping
    Payload<AppUser> setUserRoles(@Argument SetUserRolesInput input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        AppUser user = ownUser(tenantId, Text.orEmpty(input.userId()));
        Set<Role> roles = roles(input.roles());
        if (user.staffId() != null ? !Role.areSelfServiceRoles(roles) : !Role.areTenantRoles(roles)) {
            return Payload.refused(user.staffId() != null ? UserError.of("input.roles", "INVALID",
                    "ผู้ใช้ที่เชื่อมกับทะเบียนบุคลากรมีบทบาท STAFF (บุคลากร) และอาจมี SUPERVISOR (ผู้บังคับบัญชา) ได้เท่านั้น",
                    "a user linked to a staff record has STAFF and maybe SUPERVISOR, nothing else") : tenantRolesInvalid());
        }
        try {
            AppUser changed = users.setRoles(user, roles);
            audit.record(tenantId, caller, "user.setRoles", "user:" + user.id(), Map.of("roles", roles.toString()), origin);
            return Payload.of(changed, null);
        } catch (AppUserService.LastAdminException e) {
            return Payload.refused(UserError.of("input.roles", "LAST_ADMIN", LAST_ADMIN_TH, e.getMessage()));
        }
    }

    @MutationMapping
    Payload<AppUser> setUserEnabled(@Argument SetUserEnabledInput input, @ContextValue Caller caller, @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        AppUser user = ownUser(tenantId, Text.orEmpty(input.userId()));
        boolean enabled = input.enabled();
        try {
            AppUser changed = users.setEnabled(user, enabled);
            audit.record(tenantId, caller, enabled ? "user.enable" : "user.disable", "user:" + user.id(), Map.of(), origin);
            return Payload.of(changed, null);
        } catch (AppUserService.LastAdminException e) {
            return Payload.refused(UserError.of("input.enabled", "LAST_ADMIN", LAST_ADMIN_TH, e.getMessage()));
        }
    }

    // ---- access tokens -------------------------------------------------------------------------

    @QueryMapping
    List<AccessToken> accessTokens(@ContextValue Caller caller) {
        return tokens.ofTenant(ownTenantAsAdmin(caller));
    }

    @MutationMapping
    Payload<AccessToken> createAccessToken(@Argument CreateAccessTokenInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        Instant expiresAt = input.expiresAt();
        Instant now = clock.instant();
        String name = Text.orEmpty(input.name());
        if (name.isBlank()) {
            return Payload.refused(UserError.of("input.name", "REQUIRED", "ต้องตั้งชื่อโทเค็นเพื่อระบุว่าใช้ทำอะไร", "a token needs a name saying what it is for"));
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(Duration.ofDays(731)))) {
            return Payload.refused(UserError.of("input.expiresAt", "INVALID", "วันหมดอายุต้องเป็นวันในอนาคตและไม่เกิน 2 ปีนับจากวันนี้", "expiresAt must be in the future and at most 2 years ahead"));
        }
        AccessTokenService.IssuedToken issued;
        if (input.userId() != null) {
            AppUser user = ownUser(tenantId, input.userId());
            issued = tokens.issueForUser(user, name, Duration.between(now, expiresAt));
        } else {
            Set<Role> roles = roles(input.roles());
            if (!Role.areTenantRoles(roles)) {
                return Payload.refused(UserError.of("input.roles", "REQUIRED", "โทเค็นของบัญชีบริการต้องมีบทบาท TENANT_ADMIN, HR_OFFICER หรือ VIEWER อย่างน้อยหนึ่งบทบาท", "a service account token needs TENANT_ADMIN, HR_OFFICER and/or VIEWER"));
            }
            issued = tokens.issueForServiceAccount(tenantId, name, roles, Duration.between(now, expiresAt));
        }
        audit.record(tenantId, caller, "accessToken.create", "accessToken:" + issued.token().id(),
                Map.of("name", issued.token().name(), "expiresAt", expiresAt.toString()), origin);
        return Payload.of(issued.token(), issued.value());
    }

    @MutationMapping
    Payload<AccessToken> revokeAccessToken(@Argument RevokeAccessTokenInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        AccessToken token = tokens.find(tenantId, Text.orEmpty(input.id())).orElseThrow(() -> ApiException.notFound("โทเคนการเข้าถึง", "access token"));
        AccessToken revoked = tokens.revoke(token);
        audit.record(tenantId, caller, "accessToken.revoke", "accessToken:" + token.id(), Map.of("name", token.name()), origin);
        return Payload.of(revoked, null);
    }

    @SchemaMapping(typeName = "AccessToken")
    AppUser user(AccessToken token) {
        return token.userId() == null ? null : users.find(token.userId()).orElse(null);
    }

    @SchemaMapping(typeName = "AccessTokenPayload", field = "accessToken")
    AccessToken accessTokenOf(Payload<AccessToken> payload) {
        return payload.value();
    }

    @SchemaMapping(typeName = "AccessTokenPayload", field = "token")
    String tokenOf(Payload<AccessToken> payload) {
        return payload.secret();
    }

    // ---- xAPI credentials ----------------------------------------------------------------------

    @QueryMapping
    List<XapiCredential> xapiCredentials(@ContextValue Caller caller) {
        return credentials.ofTenant(ownTenantAsAdmin(caller));
    }

    @MutationMapping
    Payload<XapiCredential> createXapiCredential(@Argument CreateXapiCredentialInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        String name = Text.orEmpty(input.name());
        if (name.isBlank()) {
            return Payload.refused(UserError.of("input.name", "REQUIRED", "ต้องระบุชื่อผู้ให้บริการที่จะใช้ข้อมูลรับรองนี้", "name the provider the credential is for"));
        }
        Set<XapiScope> scopes = input.scopes() == null ? DEFAULT_SCOPES : scopes(input.scopes());
        if (scopes.isEmpty()) {
            return Payload.refused(UserError.of("input.scopes", "REQUIRED", "ต้องระบุขอบเขตสิทธิ์ (scope) อย่างน้อยหนึ่งรายการ", "give at least one scope"));
        }
        XapiCredentialService.IssuedCredential issued = credentials.issue(tenantId, name, scopes);
        audit.record(tenantId, caller, "xapiCredential.create", "xapiCredential:" + issued.credential().id(),
                Map.of("name", issued.credential().displayName(), "key", issued.credential().key(), "scopes", scopes.toString()), origin);
        return Payload.of(issued.credential(), issued.secret());
    }

    @MutationMapping
    Payload<XapiCredential> rotateXapiCredentialSecret(@Argument XapiCredentialRefInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        XapiCredential credential = ownCredential(tenantId, Text.orEmpty(input.id()));
        XapiCredentialService.IssuedCredential issued = credentials.rotate(credential, properties.xapiSecretGracePeriod());
        audit.record(tenantId, caller, "xapiCredential.rotate", "xapiCredential:" + credential.id(),
                Map.of("previousSecretValidUntil", issued.credential().previousSecretValidUntil().toString()), origin);
        return Payload.of(issued.credential(), issued.secret());
    }

    @MutationMapping
    Payload<XapiCredential> setXapiCredentialEnabled(@Argument SetXapiCredentialEnabledInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        XapiCredential credential = ownCredential(tenantId, Text.orEmpty(input.id()));
        boolean enabled = input.enabled();
        XapiCredential changed = credentials.setEnabled(credential, enabled);
        audit.record(tenantId, caller, enabled ? "xapiCredential.enable" : "xapiCredential.disable",
                "xapiCredential:" + credential.id(), Map.of("key", credential.key()), origin);
        return Payload.of(changed, null);
    }

    @MutationMapping
    Payload<XapiCredential> deleteXapiCredential(@Argument XapiCredentialRefInput input, @ContextValue Caller caller,
            @ContextValue String origin) {
        String tenantId = ownTenantAsAdmin(caller);
        XapiCredential credential = ownCredential(tenantId, Text.orEmpty(input.id()));
        credentials.delete(credential);
        audit.record(tenantId, caller, "xapiCredential.delete", "xapiCredential:" + credential.id(), Map.of("key", credential.key()), origin);
        return Payload.of(null, null);
    }

    @SchemaMapping(typeName = "XapiCredential")
    String name(XapiCredential credential) {
        return credential.displayName();
    }

    @SchemaMapping(typeName = "XapiCredential")
    String endpoint(XapiCredential credential) {
        return address.publicBaseUrl() + "/xapi/";
    }

    @SchemaMapping(typeName = "XapiCredential")
    int statementCount(XapiCredential credential) {
        return (int) statements.countByCredential(credential.tenantId(), credential.id());
    }

    @SchemaMapping(typeName = "XapiCredentialPayload", field = "xapiCredential")
    XapiCredential xapiCredentialOf(Payload<XapiCredential> payload) {
        return payload.value();
    }

    // ---- audit trail ---------------------------------------------------------------------------

    @QueryMapping
    List<AuditEvent> auditTrail(@Argument String organisationId, @Argument Integer first, @Argument Instant before,
            @Argument String action, @Argument String actor, @Argument java.time.LocalDate from, @Argument java.time.LocalDate to,
            @ContextValue Caller caller) {
        String tenantId = organisationId != null ? organisationId : Callers.ownTenant(caller);
        requireAdminOrNational(caller, tenantId);
        int limit = Math.max(1, Math.min(first == null ? 50 : first, MAX_AUDIT_EVENTS));
        return audit.search(tenantId, new AuditTrail.Filter(blankToNull(action), blankToNull(actor), from, to), before, limit);
    }

    @QueryMapping
    List<String> auditActions(@Argument String organisationId, @ContextValue Caller caller) {
        String tenantId = organisationId != null ? organisationId : Callers.ownTenant(caller);
        requireAdminOrNational(caller, tenantId);
        return audit.actions(tenantId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SchemaMapping(typeName = "AuditEvent")
    List<Map<String, String>> details(AuditEvent event) {
        List<Map<String, String>> details = new ArrayList<>();
        event.details().forEach((name, value) -> details.add(Map.of("name", name, "value", value)));
        return details;
    }

    // ---- payload plumbing and checks -----------------------------------------------------------

    @SchemaMapping(typeName = "OrganisationPayload", field = "organisation")
    Tenant organisationOf(Payload<Tenant> payload) {
        return payload.value();
    }

    @SchemaMapping(typeName = "UserPayload", field = "user")
    AppUser userOf(Payload<AppUser> payload) {
        return payload.value();
    }

    @SchemaMapping(typeName = "UserPayload", field = "token")
    String userTokenOf(Payload<AppUser> payload) {
        return payload.secret();
    }

    private List<UserError> checkPerson(PersonInput input) {
        List<UserError> errors = new ArrayList<>();
        if (Text.orEmpty(input.name()).isBlank()) {
            errors.add(UserError.of("input.name", "REQUIRED", "ต้องระบุชื่อ", "name is required"));
        }
        String email = Text.orEmpty(input.email());
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(UserError.of("input.email", "INVALID", "อีเมลไม่ถูกต้อง", "email must be an e-mail address"));
        } else if (users.findByEmail(email).isPresent()) {
            errors.add(duplicateEmail());
        }
        return errors;
    }

    private static UserError duplicateEmail() {
        return UserError.of("input.email", "DUPLICATE", "มีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว (อีเมลต้องไม่ซ้ำกันในทุกหน่วยงาน)", "a user with this e-mail address exists (addresses are unique across all organisations)");
    }

    private static UserError organisationRequired() {
        return UserError.of("input.organisationId", "REQUIRED", "ต้องระบุหน่วยงานของผู้ใช้ใหม่", "name the organisation of the new user");
    }

    private static UserError tenantRolesInvalid() {
        return UserError.of("input.roles", "INVALID", "ผู้ใช้ของหน่วยงานมีบทบาทได้เฉพาะ TENANT_ADMIN, HR_OFFICER และ/หรือ VIEWER", "a user of an organisation has TENANT_ADMIN, HR_OFFICER and/or VIEWER");
    }

    /**
     * The organisation a new user goes into: for a NATIONAL caller the one named (null when none
     * is), for a TENANT_ADMIN its own. Another organisation named by a tenant user answers
     * NOT_FOUND, exactly like one that does not exist.
     */
    private String organisationToWrite(Caller caller, String organisationId) {
        Callers.require(caller);
        if (caller.isNational()) {
            return organisationId == null ? null
                    : tenants.findById(organisationId).orElseThrow(() -> ApiException.notFound("หน่วยงาน", "organisation")).id();
        }
        String own = Callers.ownTenant(caller);
        if (organisationId != null && !own.equals(organisationId)) {
            throw ApiException.notFound("หน่วยงาน", "organisation");
        }
        Callers.requireWrite(caller, own, Role.TENANT_ADMIN);
        return own;
    }

    /** The caller's own organisation, which the caller administers (TENANT_ADMIN). */
    private static String ownTenantAsAdmin(Caller caller) {
        String tenantId = Callers.ownTenant(caller);
        Callers.requireWrite(caller, tenantId, Role.TENANT_ADMIN);
        return tenantId;
    }

    private AppUser ownUser(String tenantId, String userId) {
        return users.find(userId).filter(u -> tenantId.equals(u.tenantId())).orElseThrow(() -> ApiException.notFound("ผู้ใช้", "user"));
    }

    private XapiCredential ownCredential(String tenantId, String id) {
        return credentials.find(tenantId, id).orElseThrow(() -> ApiException.notFound("รหัสเชื่อมต่อ xAPI", "xAPI credential"));
    }

    private static void requireNational(Caller caller) {
        Callers.require(caller);
        if (!caller.isNational()) {
            throw ApiException.forbidden("ต้องมีบทบาทผู้ดูแลส่วนกลาง (NATIONAL)", "this needs the NATIONAL role");
        }
    }

    private static void requireAdminOrNational(Caller caller, String tenantId) {
        Callers.require(caller);
        if (!caller.isNational() && !caller.canWrite(tenantId, Role.TENANT_ADMIN)) {
            if (caller.tenantId() != null && !caller.tenantId().equals(tenantId)) {
                throw ApiException.notFound("หน่วยงาน", "organisation");
            }
            throw ApiException.forbidden("ต้องมีบทบาทผู้ดูแลระบบของหน่วยงาน (TENANT_ADMIN)", "this needs the TENANT_ADMIN role");
        }
    }

    private static Duration validity(Integer days) {
        return Duration.ofDays(days == null ? 90 : Math.max(1, Math.min(731, days)));
    }

    private static Set<Role> roles(List<Role> given) {
        return given == null || given.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(given);
    }

    private static Set<XapiScope> scopes(List<XapiScope> given) {
        return given.isEmpty() ? EnumSet.noneOf(XapiScope.class) : EnumSet.copyOf(given);
    }
}
