package th.phatthana.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.ConsoleHttp;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Password sign-in to the console and the session cookie it gives, over real HTTP as a browser uses them. */
class ConsoleSignInTest extends IntegrationTest {

    private static final String ME = "{ organisation { code } }";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREATE_CREDENTIAL = """
            mutation { createXapiCredential(input: {name: "ผู้ให้บริการ"}) { xapiCredential { id } secret userErrors { code } } }""";

    @Autowired
    TestTenants tenants;

    private ConsoleHttp browser() {
        return new ConsoleHttp(baseUrl());
    }

    @Test
    void signingInGivesASessionCookieThatGraphQlAcceptsWithTheCsrfToken() {
        Tenant tenant = tenants.tenant("อบต.คุกกี้");
        TestTenants.Person admin = tenants.person(tenant, Role.TENANT_ADMIN);
        ConsoleHttp browser = browser();

        HttpResponse<String> login = browser.login(admin.email().toUpperCase(java.util.Locale.ROOT), admin.password());
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode user = ConsoleHttp.json(login);
        assertThat(user.path("id").asString()).isEqualTo(admin.user().id());
        assertThat(user.path("email").asString()).isEqualTo(admin.email());
        assertThat(user.path("roles").toString()).isEqualTo("[\"TENANT_ADMIN\"]");
        assertThat(user.path("organisation").path("code").asString()).isEqualTo(tenant.code());
        assertThat(user.path("organisation").path("kind").asString()).isEqualTo("SAO");
        assertThat(user.path("language").asString()).isEqualTo("th");
        assertThat(ConsoleHttp.setCookie(login, "PHATTHANA_SESSION")).contains("HttpOnly", "SameSite=Lax", "Path=/")
                .doesNotContain("Secure", "Max-Age");
        assertThat(ConsoleHttp.setCookie(login, "XSRF-TOKEN")).contains("SameSite=Lax").doesNotContain("HttpOnly");

        assertThat(ConsoleHttp.json(browser.get("/api/auth/session")).path("id").asString()).isEqualTo(admin.user().id());
        assertThat(browser.graphql(ME).path("data").path("organisation").path("code").asString()).isEqualTo(tenant.code());
        assertThat(browser.graphql(CREATE_CREDENTIAL).path("data").path("createXapiCredential").path("secret").asString()).isNotBlank();

        // A forged request from another site carries the cookie but cannot know the token.
        JsonNode forged = browser.sendCsrfHeader(false).graphql(CREATE_CREDENTIAL);
        assertThat(forged.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(forged.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(forged.path("errors").get(0).path("message").asString()).contains("X-XSRF-TOKEN");
        String token = browser.cookie("XSRF-TOKEN");
        browser.setCookie("XSRF-TOKEN", "guessed-by-an-attacker");
        JsonNode guessed = browser.sendCsrfHeader(true).graphql(CREATE_CREDENTIAL);
        assertThat(guessed.path("httpStatus").asInt()).isEqualTo(403);
        browser.setCookie("XSRF-TOKEN", token);
        assertThat(browser.graphql(CREATE_CREDENTIAL).path("httpStatus").asInt()).isEqualTo(200);
    }

    @Test
    void secureCookiesBehindAnHttpsProxy() {
        TestTenants.Person admin = tenants.person(tenants.tenant("อบต.เอชทีทีพีเอส"), Role.VIEWER);
        ConsoleHttp browser = browser();
        HttpResponse<String> login = browser.send(browser.request("/api/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + admin.email() + "\",\"password\":\"" + admin.password() + "\"}")));
        assertThat(ConsoleHttp.setCookie(login, "PHATTHANA_SESSION")).contains("Secure");
        assertThat(ConsoleHttp.setCookie(login, "XSRF-TOKEN")).contains("Secure");
    }

    @Test
    void aWrongPasswordIsRefusedInThaiOrInEnglish() {
        TestTenants.Person viewer = tenants.person(tenants.tenant("อบต.รหัสผิด"), Role.VIEWER);
        HttpResponse<String> thai = browser().login(viewer.email(), "not the password");
        assertThat(thai.statusCode()).isEqualTo(401);
        assertThat(ConsoleHttp.json(thai).path("error").path("code").asString()).isEqualTo("BAD_CREDENTIALS");
        assertThat(ConsoleHttp.json(thai).path("error").path("message").asString()).isEqualTo("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
        assertThat(ConsoleHttp.setCookie(thai, "PHATTHANA_SESSION")).isNull();

        HttpResponse<String> english = browser().language("en-GB,en;q=0.9,th;q=0.5").login(viewer.email(), "not the password");
        assertThat(ConsoleHttp.json(english).path("error").path("message").asString()).contains("password is wrong");
        HttpResponse<String> unknown = browser().login("nobody-" + System.nanoTime() + "@example.go.th", "whatever-it-is");
        assertThat(ConsoleHttp.json(unknown).path("error").path("code").asString()).isEqualTo("BAD_CREDENTIALS");
        assertThat(browser().post("/api/auth/login", "{\"email\":\"x@example.go.th\"}").statusCode()).isEqualTo(400);
        assertThat(browser().send(browser().request("/api/auth/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=a&password=b"))).statusCode())
                .as("a form, which another site could post, is not taken").isEqualTo(415);
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountAndSaySoUntilWhen() {
        Tenant tenant = tenants.tenant("อบต.ล็อก");
        TestTenants.Person person = tenants.person(tenant, Role.HR_OFFICER);
        ConsoleHttp browser = browser();
        long[] answeredInMillis = new long[5];
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            long started = System.nanoTime();
            last = browser.login(person.email(), "wrong password " + attempt);
            answeredInMillis[attempt] = (System.nanoTime() - started) / 1_000_000;
            if (attempt < 4) {
                assertThat(last.statusCode()).as("attempt %d", attempt + 1).isEqualTo(401);
            }
        }
        // The third and fourth failures are answered one and two seconds late.
        assertThat(answeredInMillis[2]).isGreaterThanOrEqualTo(900);
        assertThat(answeredInMillis[3]).isGreaterThanOrEqualTo(1900);

        assertThat(last.statusCode()).isEqualTo(423);
        JsonNode error = ConsoleHttp.json(last).path("error");
        assertThat(error.path("code").asString()).isEqualTo("ACCOUNT_LOCKED");
        Instant until = Instant.parse(error.path("lockedUntil").asString());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(error.path("message").asString()).contains("ล็อก", "ผิดหลายครั้ง", " น.");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(840L, 901L);

        // Even the right password is refused while the lock lasts, in English when asked.
        HttpResponse<String> right = browser().language("en").login(person.email(), person.password());
        assertThat(right.statusCode()).isEqualTo(423);
        assertThat(ConsoleHttp.json(right).path("error").path("message").asString()).contains("locked", "Bangkok time");

        String trail = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN))
                .execute("{ auditTrail { action target } }").toString();
        assertThat(trail).contains("auth.lock", "auth.signInFailed", "user:" + person.user().id());
        assertThat(trail).doesNotContain(person.email());
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        TestTenants.Person viewer = tenants.person(tenants.tenant("อบต.ออกจากระบบ"), Role.VIEWER);
        ConsoleHttp browser = browser();
        browser.login(viewer.email(), viewer.password());
        String session = browser.cookie("PHATTHANA_SESSION");
        String csrf = browser.cookie("XSRF-TOKEN");

        HttpResponse<String> logout = browser.post("/api/auth/logout", "{}");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(ConsoleHttp.setCookie(logout, "PHATTHANA_SESSION")).contains("Max-Age=0");
        assertThat(browser.get("/api/auth/session").statusCode()).isEqualTo(401);

        // The old cookie, kept by someone, opens nothing any more.
        ConsoleHttp replay = browser();
        replay.setCookie("PHATTHANA_SESSION", session);
        replay.setCookie("XSRF-TOKEN", csrf);
        JsonNode refused = replay.graphql(ME);
        assertThat(refused.path("httpStatus").asInt()).isEqualTo(401);
        assertThat(refused.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("SESSION_ENDED");
        assertThat(replay.get("/api/auth/session").statusCode()).isEqualTo(401);
    }

    @Test
    void disablingTheUserOrSuspendingTheOrganisationEndsTheSessionAtOnce() {
        Tenant tenant = tenants.tenant("อบต.ระงับ");
        TestTenants.Person hr = tenants.person(tenant, Role.HR_OFFICER);
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
        ConsoleHttp browser = browser();
        browser.login(hr.email(), hr.password());
        assertThat(browser.graphql(ME).path("httpStatus").asInt()).isEqualTo(200);

        national.execute("mutation($id: ID!) { suspendOrganisation(input: {id: $id}) { organisation { status } } }", Map.of("id", tenant.id()));
        JsonNode suspended = browser.graphql(ME);
        assertThat(suspended.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(suspended.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("ORGANISATION_SUSPENDED");
        assertThat(browser.login(hr.email(), hr.password()).statusCode()).isEqualTo(403);
        national.execute("mutation($id: ID!) { reinstateOrganisation(input: {id: $id}) { organisation { status } } }", Map.of("id", tenant.id()));
        assertThat(browser.graphql(ME).path("httpStatus").asInt()).isEqualTo(200);

        admin.execute("mutation($id: ID!) { setUserEnabled(input: {userId: $id, enabled: false}) { user { enabled } } }",
                Map.of("id", hr.user().id()));
        assertThat(browser.graphql(ME).path("httpStatus").asInt()).isEqualTo(401);
        HttpResponse<String> disabled = browser().login(hr.email(), hr.password());
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(ConsoleHttp.json(disabled).path("error").path("code").asString()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void thePersonChoosesTheLanguageAndChangesThePassword() {
        TestTenants.Person person = tenants.person(tenants.tenant("อบต.ภาษา"), Role.VIEWER);
        ConsoleHttp browser = browser();
        ConsoleHttp elsewhere = browser();
        browser.login(person.email(), person.password());
        elsewhere.login(person.email(), person.password());

        assertThat(ConsoleHttp.json(browser.put("/api/auth/preferences", "{\"language\":\"en\"}")).path("language").asString()).isEqualTo("en");
        assertThat(ConsoleHttp.json(elsewhere.get("/api/auth/session")).path("language").asString()).isEqualTo("en");
        assertThat(ConsoleHttp.json(browser.put("/api/auth/preferences", "{\"language\":\"fr\"}")).path("error").path("code").asString())
                .isEqualTo("UNSUPPORTED_LANGUAGE");

        HttpResponse<String> tooShort = browser.post("/api/auth/password",
                "{\"currentPassword\":\"" + person.password() + "\",\"newPassword\":\"สั้นไป\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(ConsoleHttp.json(tooShort).path("error").path("code").asString()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(ConsoleHttp.json(tooShort).path("error").path("message").asString()).isEqualTo("รหัสผ่านต้องมีอย่างน้อย 10 ตัวอักษร");
        HttpResponse<String> wrong = browser.post("/api/auth/password", "{\"currentPassword\":\"not it\",\"newPassword\":\"ยาวพอแล้วแน่นอน\"}");
        assertThat(ConsoleHttp.json(wrong).path("error").path("code").asString()).isEqualTo("WRONG_CURRENT_PASSWORD");
        assertThat(browser.sendCsrfHeader(false).post("/api/auth/password",
                "{\"currentPassword\":\"" + person.password() + "\",\"newPassword\":\"ยาวพอแล้วแน่นอน\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> changed = browser.sendCsrfHeader(true).post("/api/auth/password",
                "{\"currentPassword\":\"" + person.password() + "\",\"newPassword\":\"ยาวพอแล้วแน่นอน\"}");
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/auth/session").statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(elsewhere.get("/api/auth/session").statusCode()).as("other sessions end").isEqualTo(401);
        assertThat(browser().login(person.email(), person.password()).statusCode()).isEqualTo(401);
        assertThat(browser().login(person.email(), "ยาวพอแล้วแน่นอน").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieAlsoOpensTheFileEndpointsAndBearerTokensNeedNoCsrf() {
        Tenant tenant = tenants.tenant("อบต.ไฟล์");
        TestTenants.Person hr = tenants.person(tenant, Role.HR_OFFICER);
        ConsoleHttp browser = browser();
        browser.login(hr.email(), hr.password());
        assertThat(browser.get("/api/staff/import/template?format=csv").statusCode()).isEqualTo(200);
        HttpResponse<String> export = browser.get("/api/exports/progress?planId=" + tenant.id() + "/none&fiscalYear=2569&format=csv");
        assertThat(export.statusCode()).as("a plan that does not exist, not a missing sign-in").isEqualTo(404);
        assertThat(browser.sendCsrfHeader(false).post("/api/staff/import", "{}").statusCode()).isEqualTo(403);
        assertThat(browser.sendCsrfHeader(true).post("/api/staff/import", "{}").statusCode()).as("the import itself answers")
                .isIn(400, 422);

        // A dashboard's bearer token works without any CSRF header, even beside a stale cookie.
        ConsoleHttp dashboard = browser().sendCsrfHeader(false);
        dashboard.setCookie("PHATTHANA_SESSION", "ended-long-ago");
        HttpResponse<String> bearer = dashboard.send(dashboard.request("/graphql").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tenants.token(tenant, Role.TENANT_ADMIN))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", CREATE_CREDENTIAL)))));
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(ConsoleHttp.json(bearer).path("data").path("createXapiCredential").path("secret").asString()).isNotBlank();
    }

    @Test
    void theSessionCookieOpensTheGraphQlWebSocketAndEachOperationChecksItAgain() throws Exception {
        Tenant tenant = tenants.tenant("อบต.เว็บซ็อกเก็ต");
        TestTenants.Person viewer = tenants.person(tenant, Role.VIEWER);
        ConsoleHttp browser = browser();
        browser.login(viewer.email(), viewer.password());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "PHATTHANA_SESSION=" + browser.cookie("PHATTHANA_SESSION"))
                .header("Origin", baseUrl())
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new th.phatthana.api.testing.MessageQueueListener(received)).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("connection_ack");
        socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ organisation { code } }\"}}", true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"next\"", tenant.code());

        browser.post("/api/auth/logout", "{}");
        socket.sendText("{\"id\":\"2\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ organisation { code } }\"}}", true).get();
        String after;
        do {
            after = received.poll(10, TimeUnit.SECONDS);
        } while (after != null && after.contains("\"id\":\"1\""));
        assertThat(after).contains("\"id\":\"2\"", "UNAUTHENTICATED").doesNotContain(tenant.code());
        socket.abort();
    }

    @Test
    void aPageOfAnotherSiteCannotOpenTheWebSocketWithTheCookie() {
        TestTenants.Person viewer = tenants.person(tenants.tenant("อบต.ต่างถิ่น"), Role.VIEWER);
        ConsoleHttp browser = browser();
        browser.login(viewer.email(), viewer.password());
        CompletableFuture<WebSocket> connecting = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "PHATTHANA_SESSION=" + browser.cookie("PHATTHANA_SESSION"))
                .header("Origin", "https://evil.example")
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
                });
        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .hasStackTraceContaining("403");
    }

    @Test
    void theConfigurationSaysWhetherOidcSignInIsOffered() {
        JsonNode config = ConsoleHttp.json(browser().get("/api/auth/config"));
        assertThat(config.path("oidc").asBoolean()).isFalse();
        assertThat(config.path("oidcLoginUrl").isNull()).isTrue();
        assertThat(config.path("passwordMinLength").asInt()).isEqualTo(10);
        assertThat(browser().get("/api/auth/oidc/login").statusCode()).isEqualTo(404);
        assertThat(browser().get("/api/auth/session").statusCode()).isEqualTo(401);
    }
}
