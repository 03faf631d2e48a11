package th.phatthana.api.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiCredentialService;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** Onboarding and access administration over GraphQL, with every refusal a real admin would meet. */
class AdministrationTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    AccessTokenService tokenService;
    @Autowired
    XapiCredentialService credentialService;

    private static final String CREATE_ORGANISATION = """
            mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
              organisation { id code nameTh kind municipalClass approvingCommittee status }
              userErrors { field message code } } }""";
    private static final String SUSPEND = """
            mutation($id: ID!) { suspendOrganisation(input: {id: $id, reason: "ค้างชำระ"}) { organisation { status } userErrors { code } } }""";
    private static final String REINSTATE = """
            mutation($id: ID!) { reinstateOrganisation(input: {id: $id}) { organisation { status } userErrors { code } } }""";
    private static final String CREATE_USER = """
            mutation($input: CreateUserInput!) { createUser(input: $input) { user { id email roles enabled } token
              userErrors { field message code } } }""";
    private static final String SET_ROLES = """
            mutation($id: ID!, $roles: [Role!]!) { setUserRoles(input: {userId: $id, roles: $roles}) { user { roles }
              userErrors { field code message } } }""";
    private static final String SET_ENABLED = """
            mutation($id: ID!, $enabled: Boolean!) { setUserEnabled(input: {userId: $id, enabled: $enabled}) { user { enabled }
              userErrors { code } } }""";
    private static final String ME = "{ organisation { code } }";

    private GraphQlHttp graphql(String token) {
        return new GraphQlHttp(baseUrl(), token);
    }

    @Test
    void aNationalAdminCreatesOrganisationsAndNobodyElseCan() {
        GraphQlHttp national = graphql(tenants.nationalToken());
        String code = "N" + System.nanoTime();
        Map<String, Object> input = Map.of("code", code, "nameTh", "เทศบาลตำบลทดสอบ", "kind", "MUNICIPALITY",
                "municipalClass", "TAMBON", "province", "หนองคาย", "district", "โพนพิสัย");
        JsonNode created = national.execute(CREATE_ORGANISATION, Map.of("input", input)).path("data").path("createOrganisation");
        assertThat(created.path("userErrors").size()).isZero();
        assertThat(created.path("organisation").path("approvingCommittee").asString()).isEqualTo("ก.ท.จ.");

        JsonNode duplicate = national.execute(CREATE_ORGANISATION, Map.of("input", input)).path("data").path("createOrganisation");
        assertThat(duplicate.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("organisation").isNull()).isTrue();

        JsonNode noClass = national.execute(CREATE_ORGANISATION, Map.of("input", Map.of("code", code + "x", "nameTh", "เทศบาล",
                "kind", "MUNICIPALITY", "province", "หนองคาย", "district", "เมือง"))).path("data").path("createOrganisation");
        assertThat(noClass.path("userErrors").get(0).path("field").toString()).contains("municipalClass");

        JsonNode listed = national.execute("query($s: String) { organisations(first: 1, filter: {search: $s}) { totalCount edges { node { code } } } }",
                Map.of("s", code)).path("data").path("organisations");
        assertThat(listed.path("totalCount").asInt()).isEqualTo(1);
        assertThat(listed.path("edges").get(0).path("node").path("code").asString()).isEqualTo(code);

        Tenant own = tenants.tenant("อบต.ผู้ดูแล");
        JsonNode byTenantAdmin = graphql(tenants.token(own, Role.TENANT_ADMIN)).execute(CREATE_ORGANISATION,
                Map.of("input", Map.of("code", "X" + System.nanoTime(), "nameTh", "x", "kind", "SAO", "province", "x", "district", "x")));
        assertThat(GraphQlHttp.classification(byTenantAdmin)).isEqualTo("FORBIDDEN");
    }

    @Test
    void aSuspendedOrganisationIsLockedOutAtOnceAndKeepsItsData() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.พักใช้");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        String statementId = UUID.randomUUID().toString();
        assertThat(xapi.putJson("/statements?statementId=" + statementId, """
                {"actor":{"mbox":"mailto:s@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"https://phatthana.th/activities/x"}}""").statusCode()).isEqualTo(204);
        GraphQlHttp admin = graphql(tenants.token(access.tenant(), Role.TENANT_ADMIN));
        GraphQlHttp national = graphql(tenants.nationalToken());

        assertThat(national.execute(SUSPEND, Map.of("id", access.tenant().id())).path("data").path("suspendOrganisation")
                .path("organisation").path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(xapi.get("/statements?statementId=" + statementId).statusCode()).isEqualTo(401);
        JsonNode refused = admin.execute(ME);
        assertThat(refused.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(GraphQlHttp.classification(refused)).isEqualTo("FORBIDDEN");

        national.execute(REINSTATE, Map.of("id", access.tenant().id()));
        assertThat(xapi.get("/statements?statementId=" + statementId).statusCode()).isEqualTo(200);
        assertThat(admin.execute(ME).path("data").path("organisation").path("code").asString()).isEqualTo(access.tenant().code());
    }

    @Test
    void provincialCommitteeMembersAreCreatedByANationalAdmin() {
        Tenant inProvince = tenants.tenant("อบต.บึงกาฬ", th.phatthana.tenants.tenant.TenantKind.SAO, "บึงกาฬ");
        String mutation = """
                mutation($input: CreateOversightUserInput!) { createOversightUser(input: $input) { user { roles province committeeKind }
                  token userErrors { field code } } }""";
        Map<String, Object> input = Map.of("name", "นายกรรมการ บึงกาฬ", "email", "c" + System.nanoTime() + "@bueng-kan.go.th",
                "role", "PROVINCIAL_COMMITTEE", "province", "บึงกาฬ", "committeeKind", "SAO");
        JsonNode created = graphql(tenants.nationalToken()).execute(mutation, Map.of("input", input)).path("data").path("createOversightUser");
        assertThat(created.path("user").path("committeeKind").asString()).isEqualTo("SAO");
        String token = created.path("token").asString();
        assertThat(graphql(token).execute("query($id: ID) { organisation(id: $id) { nameTh } }", Map.of("id", inProvince.id()))
                .path("data").path("organisation").path("nameTh").asString()).isEqualTo("อบต.บึงกาฬ");

        JsonNode withoutProvince = graphql(tenants.nationalToken()).execute(mutation, Map.of("input", Map.of("name", "x",
                "email", "x" + System.nanoTime() + "@x.go.th", "role", "PROVINCIAL_COMMITTEE"))).path("data").path("createOversightUser");
        assertThat(withoutProvince.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");

        Tenant tenant = tenants.tenant("อบต.ไม่ใช่ส่วนกลาง");
        assertThat(GraphQlHttp.classification(graphql(tenants.token(tenant, Role.TENANT_ADMIN)).execute(mutation, Map.of("input", input))))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void tenantAdminsManageUsersAndAlwaysKeepAnAdmin() {
        Tenant tenant = tenants.tenant("อบต.ผู้ใช้");
        Tenant other = tenants.tenant("อบต.อื่น");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        String adminId = admin.execute("{ users { id email } }").path("data").path("users").get(0).path("id").asString();

        String email = "hr" + System.nanoTime() + "@tenant.go.th";
        JsonNode created = admin.execute(CREATE_USER, Map.of("input", Map.of("name", "นางสาวบุคคล ขยัน",
                "email", email, "roles", List.of("HR_OFFICER")))).path("data").path("createUser");
        assertThat(created.path("userErrors").size()).isZero();
        String hrToken = created.path("token").asString();
        String hrId = created.path("user").path("id").asString();
        assertThat(graphql(hrToken).execute(ME).path("data").path("organisation").path("code").asString()).isEqualTo(tenant.code());

        JsonNode duplicate = admin.execute(CREATE_USER, Map.of("input", Map.of("name", "ซ้ำ", "email", email.toUpperCase(java.util.Locale.ROOT),
                "roles", List.of("VIEWER")))).path("data").path("createUser");
        assertThat(duplicate.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");

        assertThat(GraphQlHttp.classification(graphql(hrToken).execute(CREATE_USER, Map.of("input", Map.of("name", "x",
                "email", "x@tenant.go.th", "roles", List.of("VIEWER")))))).isEqualTo("FORBIDDEN");

        // The only admin cannot demote or disable itself.
        JsonNode demote = admin.execute(SET_ROLES, Map.of("id", adminId, "roles", List.of("VIEWER"))).path("data").path("setUserRoles");
        assertThat(demote.path("userErrors").get(0).path("code").asString()).isEqualTo("LAST_ADMIN");
        assertThat(admin.execute(SET_ENABLED, Map.of("id", adminId, "enabled", false)).path("data").path("setUserEnabled")
                .path("userErrors").get(0).path("code").asString()).isEqualTo("LAST_ADMIN");

        // With a second admin, the first may step down.
        admin.execute(SET_ROLES, Map.of("id", hrId, "roles", List.of("TENANT_ADMIN", "HR_OFFICER")));
        assertThat(admin.execute(SET_ROLES, Map.of("id", adminId, "roles", List.of("VIEWER"))).path("data").path("setUserRoles")
                .path("userErrors").size()).isZero();

        // A disabled user's token stops working.
        GraphQlHttp newAdmin = graphql(hrToken);
        newAdmin.execute(SET_ENABLED, Map.of("id", adminId, "enabled", false));
        assertThat(admin.execute(ME).path("httpStatus").asInt()).isEqualTo(401);

        // Another tenant's user is not there for this admin.
        String otherUser = graphql(tenants.token(other, Role.TENANT_ADMIN)).execute("{ users { id } }").path("data").path("users")
                .get(0).path("id").asString();
        assertThat(GraphQlHttp.classification(newAdmin.execute(SET_ENABLED, Map.of("id", otherUser, "enabled", false))))
                .isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(newAdmin.execute("query($id: ID) { users(organisationId: $id) { id } }",
                Map.of("id", other.id())))).isEqualTo("NOT_FOUND");
    }

    @Test
    void accessTokensAreShownOnceListedWithLastUseAndRevocable() {
        Tenant tenant = tenants.tenant("อบต.โทเคน");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        JsonNode created = admin.execute("""
                mutation($at: DateTime!) { createAccessToken(input: {name: "แดชบอร์ดผู้บริหาร", roles: [VIEWER], expiresAt: $at}) {
                  accessToken { id name roles user { id } } token userErrors { code } } }""",
                Map.of("at", Instant.now().plus(Duration.ofDays(30)).toString())).path("data").path("createAccessToken");
        String value = created.path("token").asString();
        String id = created.path("accessToken").path("id").asString();
        assertThat(value).startsWith("pht_");
        assertThat(created.path("accessToken").path("user").isNull()).isTrue();

        GraphQlHttp dashboard = graphql(value);
        assertThat(dashboard.execute(ME).path("data").path("organisation").path("code").asString()).isEqualTo(tenant.code());
        assertThat(GraphQlHttp.classification(dashboard.execute(CREATE_USER, Map.of("input", Map.of("name", "x",
                "email", "x@x.go.th", "roles", List.of("VIEWER")))))).isEqualTo("FORBIDDEN");

        JsonNode listed = admin.execute("{ accessTokens { id name lastUsedAt revokedAt } }").path("data").path("accessTokens");
        JsonNode dashboardToken = null;
        for (JsonNode token : listed) {
            if (token.path("id").asString().equals(id)) {
                dashboardToken = token;
            }
        }
        assertThat(dashboardToken).isNotNull();
        assertThat(dashboardToken.path("lastUsedAt").isNull()).isFalse();
        assertThat(listed.toString()).doesNotContain(value);

        JsonNode tooLong = admin.execute("""
                mutation($at: DateTime!) { createAccessToken(input: {name: "x", roles: [VIEWER], expiresAt: $at}) { userErrors { field code } } }""",
                Map.of("at", Instant.now().plus(Duration.ofDays(3650)).toString())).path("data").path("createAccessToken");
        assertThat(tooLong.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");

        admin.execute("mutation($id: ID!) { revokeAccessToken(input: {id: $id}) { accessToken { revokedAt } } }", Map.of("id", id));
        assertThat(dashboard.execute(ME).path("httpStatus").asInt()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        Tenant tenant = tenants.tenant("อบต.หมดอายุ");
        String value = tokenService.issueForServiceAccount(tenant.id(), "short", Set.of(Role.VIEWER), Duration.ofMillis(50)).value();
        Thread.sleep(100);
        assertThat(graphql(value).execute(ME).path("httpStatus").asInt()).isEqualTo(401);
    }

    @Test
    void xapiCredentialsAreIssuedRotatedDisabledAndDeleted() {
        Tenant tenant = tenants.tenant("อบต.ผู้ให้บริการ");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        JsonNode created = admin.execute("""
                mutation { createXapiCredential(input: {name: "DLA e-Learning", scopes: [STATEMENTS_WRITE, STATEMENTS_READ]}) {
                  xapiCredential { id key endpoint scopes enabled } secret userErrors { code } } }""")
                .path("data").path("createXapiCredential");
        String id = created.path("xapiCredential").path("id").asString();
        String key = created.path("xapiCredential").path("key").asString();
        String secret = created.path("secret").asString();
        assertThat(created.path("xapiCredential").path("endpoint").asString()).endsWith("/xapi/");

        XapiHttp provider = new XapiHttp(xapiEndpoint(), key, secret, "2.0.0");
        for (int i = 0; i < 3; i++) {
            assertThat(provider.postJson("/statements", """
                    {"actor":{"mbox":"mailto:p@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                     "object":{"id":"https://phatthana.th/activities/y"}}""").statusCode()).isEqualTo(200);
        }
        JsonNode listed = admin.execute("{ xapiCredentials { id statementCount lastUsedAt } }").path("data").path("xapiCredentials");
        assertThat(listed.get(0).path("statementCount").asInt()).isEqualTo(3);
        assertThat(listed.get(0).path("lastUsedAt").isNull()).isFalse();

        JsonNode rotated = admin.execute("mutation($id: ID!) { rotateXapiCredentialSecret(input: {id: $id}) { secret "
                + "xapiCredential { previousSecretValidUntil } } }", Map.of("id", id)).path("data").path("rotateXapiCredentialSecret");
        String newSecret = rotated.path("secret").asString();
        assertThat(Instant.parse(rotated.path("xapiCredential").path("previousSecretValidUntil").asString()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(new XapiHttp(xapiEndpoint(), key, newSecret, "2.0.0").get("/statements").statusCode()).isEqualTo(200);
        assertThat(provider.get("/statements").statusCode()).as("old secret inside the grace period").isEqualTo(200);

        admin.execute("mutation($id: ID!) { setXapiCredentialEnabled(input: {id: $id, enabled: false}) { xapiCredential { enabled } } }",
                Map.of("id", id));
        assertThat(new XapiHttp(xapiEndpoint(), key, newSecret, "2.0.0").get("/statements").statusCode()).isEqualTo(401);
        admin.execute("mutation($id: ID!) { setXapiCredentialEnabled(input: {id: $id, enabled: true}) { xapiCredential { enabled } } }",
                Map.of("id", id));
        admin.execute("mutation($id: ID!) { deleteXapiCredential(input: {id: $id}) { userErrors { code } } }", Map.of("id", id));
        assertThat(new XapiHttp(xapiEndpoint(), key, newSecret, "2.0.0").get("/statements").statusCode()).isEqualTo(401);

        // The audit trail tells the story without a single secret in it.
        String trail = admin.execute("{ auditTrail { action target actorName details { name value } } }").toString();
        assertThat(trail).contains("xapiCredential.create", "xapiCredential.rotate", "xapiCredential.disable", "xapiCredential.delete");
        assertThat(trail).doesNotContain(secret).doesNotContain(newSecret);

        // Another tenant's admin cannot touch it.
        GraphQlHttp stranger = graphql(tenants.token(tenants.tenant("อบต.คนแปลกหน้า"), Role.TENANT_ADMIN));
        assertThat(GraphQlHttp.classification(stranger.execute(
                "mutation($id: ID!) { rotateXapiCredentialSecret(input: {id: $id}) { secret } }", Map.of("id", id)))).isEqualTo("NOT_FOUND");
    }

    @Test
    void aRotatedSecretStopsWorkingAfterTheGracePeriod() throws InterruptedException {
        TestTenants.XapiAccess access = tenants.xapi("อบต.หมุนเวียน");
        var credential = credentialService.find(access.tenant().id(),
                credentialService.ofTenant(access.tenant().id()).get(0).id()).orElseThrow();
        String newSecret = credentialService.rotate(credential, Duration.ofSeconds(2)).secret();
        XapiHttp old = new XapiHttp(xapiEndpoint(), access);
        assertThat(old.get("/statements").statusCode()).isEqualTo(200);
        Thread.sleep(2500);
        assertThat(old.get("/statements").statusCode()).isEqualTo(401);
        assertThat(new XapiHttp(xapiEndpoint(), access.key(), newSecret, "1.0.3").get("/statements").statusCode()).isEqualTo(200);
    }
}
