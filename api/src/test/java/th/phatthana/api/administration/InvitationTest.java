package th.phatthana.api.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import th.phatthana.api.testing.ConsoleHttp;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.Invitation;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** Invitations and onboarding: a link shown once, used once, replaced when reissued; never into another organisation. */
class InvitationTest extends IntegrationTest {

    static final String INVITE = """
            mutation($input: InviteUserInput!) { inviteUser(input: $input) {
              user { id email roles invitationPending invitationExpiresAt lastSignInAt } invitationUrl expiresAt invitationEmailed
              userErrors { field code message } } }""";
    private static final String REISSUE = """
            mutation($id: ID!) { reissueInvitation(input: {userId: $id}) { user { id invitationPending } invitationUrl expiresAt
              userErrors { field code message } } }""";
    private static final String USERS = """
            query($id: ID) { users(organisationId: $id) { id email invitationPending lastSignInAt } }""";

    @Autowired
    TestTenants tenants;
    @Autowired
    MongoTemplate mongo;

    private static String email(String name) {
        return name + System.nanoTime() + "@example.go.th";
    }

    /** The path of an invitation link, for the API behind the console's /invite/ page. */
    private static String apiPath(String invitationUrl) {
        return "/api/auth/invitations/" + invitationUrl.substring(invitationUrl.indexOf("/invite/") + "/invite/".length());
    }

    @Test
    void anInvitationIsAcceptedOnceAndSignsThePersonIn() {
        Tenant tenant = tenants.tenant("อบต.เชิญ");
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        String email = email("Somsri.");
        JsonNode invited = admin.execute(INVITE, Map.of("input", Map.of("name", "นางสมศรี ใจงาม", "email", email,
                "roles", List.of("HR_OFFICER")))).path("data").path("inviteUser");
        assertThat(invited.path("userErrors").size()).isZero();
        String url = invited.path("invitationUrl").asString();
        assertThat(url).startsWith("http://localhost:8080/invite/");
        assertThat(Instant.parse(invited.path("expiresAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(71)), Instant.now().plus(Duration.ofHours(73)));
        assertThat(invited.path("invitationEmailed").asBoolean()).as("no SMTP server is configured").isFalse();
        assertThat(invited.path("user").path("email").asString()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
        assertThat(invited.path("user").path("invitationPending").asBoolean()).isTrue();
        assertThat(admin.execute("{ auditTrail { action details { value } } }").toString()).contains("user.invite")
                .doesNotContain(url.substring(url.lastIndexOf('/') + 1));

        ConsoleHttp browser = new ConsoleHttp(baseUrl());
        JsonNode shown = ConsoleHttp.json(browser.get(apiPath(url)));
        assertThat(shown.path("name").asString()).isEqualTo("นางสมศรี ใจงาม");
        assertThat(shown.path("organisation").path("nameTh").asString()).isEqualTo("อบต.เชิญ");
        assertThat(shown.path("expiresAt").asString()).isEqualTo(invited.path("expiresAt").asString());

        HttpResponse<String> tooShort = browser.post(apiPath(url) + "/accept", "{\"password\":\"short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(ConsoleHttp.json(tooShort).path("error").path("message").asString()).contains("10");
        HttpResponse<String> accepted = browser.post(apiPath(url) + "/accept", "{\"password\":\"ตั้งรหัสผ่านใหม่แล้ว\"}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(ConsoleHttp.json(accepted).path("roles").toString()).isEqualTo("[\"HR_OFFICER\"]");
        assertThat(browser.graphql("{ organisation { code } }").path("data").path("organisation").path("code").asString())
                .isEqualTo(tenant.code());

        HttpResponse<String> again = new ConsoleHttp(baseUrl()).post(apiPath(url) + "/accept", "{\"password\":\"ของผู้อื่นที่ได้ลิงก์ไป\"}");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(ConsoleHttp.json(again).path("error").path("code").asString()).isEqualTo("INVITATION_USED");
        assertThat(new ConsoleHttp(baseUrl()).get(apiPath(url)).statusCode()).isEqualTo(410);
        assertThat(new ConsoleHttp(baseUrl()).login(email, "ของผู้อื่นที่ได้ลิงก์ไป").statusCode()).isEqualTo(401);
        assertThat(new ConsoleHttp(baseUrl()).login(email, "ตั้งรหัสผ่านใหม่แล้ว").statusCode()).isEqualTo(200);

        JsonNode listed = admin.execute(USERS, Map.of()).path("data").path("users");
        JsonNode user = null;
        for (JsonNode each : listed) {
            if (each.path("email").asString().equals(email.toLowerCase(java.util.Locale.ROOT))) {
                user = each;
            }
        }
        assertThat(user).isNotNull();
        assertThat(user.path("invitationPending").asBoolean()).isFalse();
        assertThat(user.path("lastSignInAt").isNull()).isFalse();
    }

    @Test
    void anExpiredInvitationSaysSoAndCannotBeUsed() {
        Tenant tenant = tenants.tenant("อบต.หมดเวลา");
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        JsonNode invited = admin.execute(INVITE, Map.of("input", Map.of("name", "ผู้มาช้า", "email", email("late"),
                "roles", List.of("VIEWER")))).path("data").path("inviteUser");
        String userId = invited.path("user").path("id").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), Update.update("expiresAt", Instant.now().minusSeconds(60)),
                Invitation.class);

        HttpResponse<String> shown = new ConsoleHttp(baseUrl()).get(apiPath(invited.path("invitationUrl").asString()));
        assertThat(shown.statusCode()).isEqualTo(410);
        assertThat(ConsoleHttp.json(shown).path("error").path("code").asString()).isEqualTo("INVITATION_EXPIRED");
        assertThat(ConsoleHttp.json(shown).path("error").path("message").asString()).contains("หมดอายุ", "ออกคำเชิญใหม่");
        HttpResponse<String> accept = new ConsoleHttp(baseUrl()).post(apiPath(invited.path("invitationUrl").asString()) + "/accept",
                "{\"password\":\"สายไปแล้วจริง ๆ\"}");
        assertThat(accept.statusCode()).isEqualTo(410);
        assertThat(new ConsoleHttp(baseUrl()).get("/api/auth/invitations/no-such-token").statusCode()).isEqualTo(404);
        assertThat(admin.execute(USERS, Map.of()).toString()).contains("\"invitationPending\":true");
    }

    @Test
    void aReissuedInvitationReplacesTheOldLink() {
        Tenant tenant = tenants.tenant("อบต.ออกใหม่");
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        JsonNode invited = admin.execute(INVITE, Map.of("input", Map.of("name", "ผู้ทำลิงก์หาย", "email", email("lost"),
                "roles", List.of("VIEWER")))).path("data").path("inviteUser");
        String oldUrl = invited.path("invitationUrl").asString();
        JsonNode reissued = admin.execute(REISSUE, Map.of("id", invited.path("user").path("id").asString()))
                .path("data").path("reissueInvitation");
        String newUrl = reissued.path("invitationUrl").asString();
        assertThat(newUrl).isNotEqualTo(oldUrl);
        assertThat(reissued.path("user").path("invitationPending").asBoolean()).isTrue();

        HttpResponse<String> old = new ConsoleHttp(baseUrl()).post(apiPath(oldUrl) + "/accept", "{\"password\":\"ลิงก์เก่าที่หายไป\"}");
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(ConsoleHttp.json(old).path("error").path("message").asString()).contains("คำเชิญใหม่");
        assertThat(new ConsoleHttp(baseUrl()).post(apiPath(newUrl) + "/accept", "{\"password\":\"ลิงก์ใหม่ใช้ได้\"}").statusCode())
                .isEqualTo(200);
        assertThat(admin.execute("{ auditTrail { action } }").toString()).contains("user.reissueInvitation", "invitation.accept");
    }

    @Test
    void aTenantAdminInvitesIntoItsOwnOrganisationOnly() {
        Tenant own = tenants.tenant("อบต.ของตน");
        Tenant other = tenants.tenant("อบต.ของผู้อื่น");
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(own, Role.TENANT_ADMIN));
        GraphQlHttp otherAdmin = new GraphQlHttp(baseUrl(), tenants.token(other, Role.TENANT_ADMIN));

        JsonNode intoOther = admin.execute(INVITE, Map.of("input", Map.of("organisationId", other.id(), "name", "ผู้บุกรุก",
                "email", email("intruder"), "roles", List.of("TENANT_ADMIN"))));
        assertThat(GraphQlHttp.classification(intoOther)).isEqualTo("NOT_FOUND");
        assertThat(intoOther.path("errors").get(0).path("message").asString()).isEqualTo("organisation not found");
        JsonNode createInOther = admin.execute("""
                mutation($input: CreateUserInput!) { createUser(input: $input) { token userErrors { code } } }""",
                Map.of("input", Map.of("organisationId", other.id(), "name", "x", "email", email("x"), "roles", List.of("VIEWER"))));
        assertThat(GraphQlHttp.classification(createInOther)).isEqualTo("NOT_FOUND");
        assertThat(otherAdmin.execute(USERS, Map.of()).toString()).doesNotContain("intruder");

        JsonNode ownNamed = admin.execute(INVITE, Map.of("input", Map.of("organisationId", own.id(), "name", "ผู้ร่วมงาน",
                "email", email("colleague"), "roles", List.of("VIEWER")))).path("data").path("inviteUser");
        assertThat(ownNamed.path("userErrors").size()).isZero();

        String otherUser = otherAdmin.execute(INVITE, Map.of("input", Map.of("name", "คนของอีกแห่ง", "email", email("theirs"),
                "roles", List.of("VIEWER")))).path("data").path("inviteUser").path("user").path("id").asString();
        assertThat(GraphQlHttp.classification(admin.execute(REISSUE, Map.of("id", otherUser)))).isEqualTo("NOT_FOUND");

        GraphQlHttp hr = new GraphQlHttp(baseUrl(), tenants.token(own, Role.HR_OFFICER));
        assertThat(GraphQlHttp.classification(hr.execute(INVITE, Map.of("input", Map.of("name", "x", "email", email("y"),
                "roles", List.of("VIEWER")))))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(admin.execute(INVITE, Map.of("input", Map.of("name", "x", "email", email("n"),
                "roles", List.of("NATIONAL")))))).as("only NATIONAL invites oversight users").isEqualTo("FORBIDDEN");

        // E-mail addresses are unique across organisations, whatever their case.
        String taken = ownNamed.path("user").path("email").asString().toUpperCase(java.util.Locale.ROOT);
        JsonNode duplicate = otherAdmin.execute(INVITE, Map.of("input", Map.of("name", "ซ้ำ", "email", taken, "roles", List.of("VIEWER"))))
                .path("data").path("inviteUser");
        assertThat(duplicate.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("invitationUrl").isNull()).isTrue();
    }

    @Test
    void aNationalAdminOnboardsAnOrganisationWhoseNewAdminSignsInAndCreatesAnXapiCredential() {
        TestTenants.Person national = tenants.nationalPerson();
        ConsoleHttp nationalBrowser = new ConsoleHttp(baseUrl());
        assertThat(nationalBrowser.login(national.email(), national.password()).statusCode()).isEqualTo(200);
        String code = "ON" + System.nanoTime();
        JsonNode organisation = nationalBrowser.graphql("""
                mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { code } } }""",
                Map.of("input", Map.of("code", code, "nameTh", "องค์การบริหารส่วนตำบลใหม่", "kind", "SAO", "province", "หนองคาย",
                        "district", "สังคม"))).path("data").path("createOrganisation").path("organisation");
        String organisationId = organisation.path("id").asString();

        JsonNode withoutOrganisation = nationalBrowser.graphql(INVITE, Map.of("input", Map.of("name", "x", "email", email("x"),
                "roles", List.of("TENANT_ADMIN")))).path("data").path("inviteUser");
        assertThat(withoutOrganisation.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");

        String adminEmail = email("first.admin.");
        JsonNode invited = nationalBrowser.graphql(INVITE, Map.of("input", Map.of("organisationId", organisationId,
                "name", "นายแรก ผู้ดูแล", "email", adminEmail, "roles", List.of("TENANT_ADMIN")))).path("data").path("inviteUser");
        assertThat(invited.path("userErrors").size()).isZero();

        ConsoleHttp newAdmin = new ConsoleHttp(baseUrl());
        assertThat(newAdmin.post(apiPath(invited.path("invitationUrl").asString()) + "/accept", "{\"password\":\"ผู้ดูแลคนแรกของ อบต.\"}")
                .statusCode()).isEqualTo(200);
        newAdmin.post("/api/auth/logout", "{}");
        assertThat(newAdmin.login(adminEmail, "ผู้ดูแลคนแรกของ อบต.").statusCode()).isEqualTo(200);
        JsonNode credential = newAdmin.graphql("""
                mutation { createXapiCredential(input: {name: "DLA e-Learning"}) { xapiCredential { key } secret userErrors { code } } }""")
                .path("data").path("createXapiCredential");
        XapiHttp provider = new XapiHttp(xapiEndpoint(), credential.path("xapiCredential").path("key").asString(),
                credential.path("secret").asString(), "2.0.0");
        assertThat(provider.postJson("/statements", """
                {"actor":{"mbox":"mailto:learner@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"https://phatthana.th/activities/onboarding"}}""").statusCode()).isEqualTo(200);
        assertThat(newAdmin.graphql("{ organisation { code } }").path("data").path("organisation").path("code").asString()).isEqualTo(code);

        // Scripts keep their path: createUser names the organisation and returns a first token.
        JsonNode scripted = nationalBrowser.graphql("""
                mutation($input: CreateUserInput!) { createUser(input: $input) { token userErrors { code } } }""",
                Map.of("input", Map.of("organisationId", organisationId, "name", "แดชบอร์ด", "email", email("script"),
                        "roles", List.of("VIEWER")))).path("data").path("createUser");
        assertThat(new GraphQlHttp(baseUrl(), scripted.path("token").asString()).execute("{ organisation { code } }")
                .path("data").path("organisation").path("code").asString()).isEqualTo(code);
    }

    @Test
    void aNationalAdminInvitesAProvincialCommitteeMember() {
        GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
        Tenant inProvince = tenants.tenant("อบต.ในจังหวัดเลย", th.phatthana.tenants.tenant.TenantKind.SAO, "เลย");
        JsonNode invited = national.execute(INVITE, Map.of("input", Map.of("name", "กรรมการ เลย", "email", email("loei"),
                "roles", List.of("PROVINCIAL_COMMITTEE"), "province", "เลย", "committeeKind", "SAO"))).path("data").path("inviteUser");
        assertThat(invited.path("userErrors").size()).isZero();
        ConsoleHttp committee = new ConsoleHttp(baseUrl());
        JsonNode user = ConsoleHttp.json(committee.post(apiPath(invited.path("invitationUrl").asString()) + "/accept",
                "{\"password\":\"กรรมการจังหวัดเลย\"}"));
        assertThat(user.path("province").asString()).isEqualTo("เลย");
        assertThat(user.path("committeeKind").asString()).isEqualTo("SAO");
        assertThat(user.path("organisation").isNull()).isTrue();
        assertThat(committee.graphql("query($id: ID) { organisation(id: $id) { nameTh } }", Map.of("id", inProvince.id()))
                .path("data").path("organisation").path("nameTh").asString()).isEqualTo("อบต.ในจังหวัดเลย");

        JsonNode noProvince = national.execute(INVITE, Map.of("input", Map.of("name", "x", "email", email("x"),
                "roles", List.of("PROVINCIAL_COMMITTEE")))).path("data").path("inviteUser");
        assertThat(noProvince.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");
    }
}
