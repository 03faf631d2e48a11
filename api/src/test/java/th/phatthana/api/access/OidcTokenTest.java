package th.phatthana.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import th.phatthana.api.testing.ConsoleHttp;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/**
 * JWTs of an external OIDC issuer as GraphQL bearer tokens, with the documented claim mapping, and
 * console sign-in through the same issuer (authorization code with PKCE). The issuer is a real HTTP
 * server on loopback serving a discovery document, its signing keys, an authorization endpoint that
 * signs in whoever the test says at once, and a token endpoint that checks the client and the PKCE
 * verifier as a real issuer does.
 */
class OidcTokenTest extends IntegrationTest {

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();
    private static final HttpServer ISSUER = start();

    @Autowired
    TestTenants tenants;

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/dla";
            server.createContext("/realms/dla/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\",\"subject_types_supported\":[\"public\"],"
                            + "\"authorization_endpoint\":\"" + issuer + "/auth\",\"token_endpoint\":\"" + issuer + "/token\"}"));
            server.createContext("/realms/dla/certs", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.createContext("/realms/dla/auth", OidcTokenTest::authorize);
            server.createContext("/realms/dla/token", OidcTokenTest::token);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        respond(exchange, 200, body);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String issuer() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/dla";
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        // one more application on the shared store: its projector would race the progress tests' own
        // (those that need a second instance make one: MultiInstanceProgressTest)
        registry.add("phatthana.progress.projector.enabled", () -> "false");
        registry.add("phatthana.oidc.issuer-uri", OidcTokenTest::issuer);
        registry.add("phatthana.oidc.client-id", () -> CLIENT_ID);
        registry.add("phatthana.oidc.client-secret", () -> CLIENT_SECRET);
    }

    // ---- the issuer's side of the authorization-code flow ----------------------------------------

    private static final String CLIENT_ID = "phatthana-console";
    private static final String CLIENT_SECRET = "console-secret";
    /** The claims of whoever signs in at the issuer next. */
    private static volatile Map<String, Object> signingIn = Map.of();
    /** Codes handed out and what the token endpoint must see with them. */
    private static final Map<String, Map<String, String>> CODES = new ConcurrentHashMap<>();

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    /** Signs in at once whoever {@link #signingIn} names and sends the browser back with a one-time code. */
    private static void authorize(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        Map<String, String> request = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(request.get("client_id")) || !"S256".equals(request.get("code_challenge_method"))
                || !"code".equals(request.get("response_type")) || !request.get("scope").contains("openid")) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, request);
        exchange.getResponseHeaders().add("Location", request.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Exchanges a code for an ID token: the client authenticated, the redirect URI and the PKCE verifier those of the code. */
    private static void token(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> authorized = CODES.remove(form.getOrDefault("code", ""));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (authorized == null || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"authorization_code".equals(form.get("grant_type")) || !authorized.get("redirect_uri").equals(form.get("redirect_uri"))
                || !authorized.get("code_challenge").equals(OidcSignIn.challenge(form.getOrDefault("code_verifier", "")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> claims = new HashMap<>(signingIn);
        claims.put("nonce", authorized.get("nonce"));
        claims.put("aud", CLIENT_ID);
        try {
            respond(exchange, "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"id_token\":\""
                    + jwt(KEY, issuer(), claims, Instant.now().plusSeconds(300)) + "\"}");
        } catch (Exception e) {
            respond(exchange, 500, "{}");
        }
    }

    /** The browser's round trip: this server's login, the issuer's authorization, back to the callback. Returns the callback's answer. */
    private HttpResponse<String> signInThroughTheIssuer(ConsoleHttp browser, java.util.function.UnaryOperator<String> tamperCallback) {
        HttpResponse<String> login = browser.get("/api/auth/oidc/login");
        assertThat(login.statusCode()).isEqualTo(302);
        HttpResponse<String> authorize = browser.get(login.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI back = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        return browser.get(tamperCallback.apply(back.getRawPath() + "?" + back.getRawQuery()));
    }

    @Test
    void aPersonSignsInToTheConsoleThroughTheIssuerWithPkce() {
        Tenant tenant = tenants.tenant("อบต.บัญชีหน่วยงาน");
        signingIn = Map.of("sub", "u-" + UUID.randomUUID(), "phatthana_tenant", tenant.code(), "phatthana_roles", List.of("HR_OFFICER"),
                "name", "นายสมชาย บัญชีกลาง", "email", "somchai@" + tenant.code() + ".example");
        ConsoleHttp browser = new ConsoleHttp(baseUrl());
        JsonNode config = ConsoleHttp.json(browser.get("/api/auth/config"));
        assertThat(config.path("oidc").asBoolean()).isTrue();
        assertThat(config.path("oidcLoginUrl").asString()).isEqualTo("/api/auth/oidc/login");

        HttpResponse<String> login = browser.get("/api/auth/oidc/login");
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(issuer() + "/auth?").contains("code_challenge_method=S256", "client_id=" + CLIENT_ID,
                "redirect_uri=" + URLEncoder.encode("http://localhost:8080/api/auth/oidc/callback", StandardCharsets.UTF_8));
        assertThat(ConsoleHttp.setCookie(login, "PHATTHANA_OIDC")).contains("HttpOnly", "SameSite=Lax", "Path=/api/auth/oidc");

        HttpResponse<String> callback = signInThroughTheIssuer(browser, path -> path);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
        JsonNode user = ConsoleHttp.json(browser.get("/api/auth/session"));
        assertThat(user.path("id").asString()).isEqualTo("oidc:" + signingIn.get("sub"));
        assertThat(user.path("name").asString()).isEqualTo("นายสมชาย บัญชีกลาง");
        assertThat(user.path("email").asString()).isEqualTo(signingIn.get("email"));
        assertThat(user.path("roles").toString()).isEqualTo("[\"HR_OFFICER\"]");
        assertThat(user.path("organisation").path("code").asString()).isEqualTo(tenant.code());
        assertThat(browser.graphql(ORGANISATION).path("data").path("organisation").path("code").asString()).isEqualTo(tenant.code());
        assertThat(ConsoleHttp.json(browser.put("/api/auth/preferences", "{\"language\":\"en\"}")).path("language").asString())
                .isEqualTo("en");
        assertThat(ConsoleHttp.json(browser.post("/api/auth/password", "{\"currentPassword\":\"x\",\"newPassword\":\"yyyyyyyyyyyy\"}"))
                .path("error").path("code").asString()).isEqualTo("NO_PASSWORD");
    }

    @Test
    void aSignInThatDoesNotComeBackToTheSameBrowserWithTheRightVerifierIsRefused() {
        Tenant tenant = tenants.tenant("อบต.ปลอมตัว");
        signingIn = Map.of("sub", "u-" + UUID.randomUUID(), "phatthana_tenant", tenant.code(), "phatthana_roles", List.of("VIEWER"));

        ConsoleHttp browser = new ConsoleHttp(baseUrl());
        HttpResponse<String> wrongState = signInThroughTheIssuer(browser, path -> path.replaceAll("state=[^&]+", "state=forged"));
        assertThat(wrongState.headers().firstValue("Location").orElseThrow()).isEqualTo("/?signInError=OIDC_STATE_MISMATCH");
        assertThat(browser.get("/api/auth/session").statusCode()).isEqualTo(401);

        // The victim's browser, sent a code and state it never asked for, has no flow cookie for them.
        ConsoleHttp starter = new ConsoleHttp(baseUrl());
        HttpResponse<String> login = starter.get("/api/auth/oidc/login");
        URI back = URI.create(starter.get(login.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location").orElseThrow());
        ConsoleHttp victim = new ConsoleHttp(baseUrl());
        assertThat(victim.get(back.getRawPath() + "?" + back.getRawQuery()).headers().firstValue("Location").orElseThrow())
                .isEqualTo("/?signInError=OIDC_STATE_MISMATCH");

        // A verifier other than the one the challenge was made from: the issuer refuses the code.
        ConsoleHttp tampered = new ConsoleHttp(baseUrl());
        HttpResponse<String> started = tampered.get("/api/auth/oidc/login");
        String flow = tampered.cookie("PHATTHANA_OIDC");
        tampered.setCookie("PHATTHANA_OIDC", flow.substring(0, flow.lastIndexOf('.') + 1) + "another-verifier-of-43-characters-xxxxxxxx");
        URI tamperedBack = URI.create(tampered.get(started.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location")
                .orElseThrow());
        assertThat(tampered.get(tamperedBack.getRawPath() + "?" + tamperedBack.getRawQuery()).headers().firstValue("Location")
                .orElseThrow()).isEqualTo("/?signInError=OIDC_FAILED");

        signingIn = Map.of("sub", "u-" + UUID.randomUUID(), "phatthana_tenant", tenant.code());
        assertThat(signInThroughTheIssuer(new ConsoleHttp(baseUrl()), path -> path).headers().firstValue("Location").orElseThrow())
                .as("no Phatthana role in the ID token").isEqualTo("/?signInError=OIDC_NO_ACCESS");
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    private static String jwt(RSAKey key, String issuer, Map<String, Object> claims, Instant expires) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("u-" + UUID.randomUUID())
                .issueTime(new Date()).expirationTime(Date.from(expires));
        claims.forEach(builder::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    private static final String ORGANISATION = "query($id: ID) { organisation(id: $id) { code } }";

    @Test
    void aTenantUsersJwtActsInTheTenantItsClaimNames() throws Exception {
        Tenant tenant = tenants.tenant("อบต.โอไอดีซี");
        Tenant other = tenants.tenant("อบต.อื่น");
        String token = jwt(KEY, issuer(), Map.of("phatthana_tenant", tenant.code(), "phatthana_roles", List.of("VIEWER", "other-app-role"),
                "name", "นางสาวดวงใจ มีสุข"), Instant.now().plusSeconds(300));
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), token);
        assertThat(viewer.execute(ORGANISATION).path("data").path("organisation").path("code").asString()).isEqualTo(tenant.code());
        assertThat(GraphQlHttp.classification(viewer.execute(ORGANISATION, Map.of("id", other.id())))).isEqualTo("NOT_FOUND");
    }

    @Test
    void aCommitteeJwtReadsItsProvinceAndKind() throws Exception {
        Tenant inProvince = tenants.tenant("อบต.เลย", TenantKind.SAO, "เลย");
        String token = jwt(KEY, issuer(), Map.of("phatthana_roles", "PROVINCIAL_COMMITTEE", "phatthana_province", "เลย",
                "phatthana_committee_kind", "SAO"), Instant.now().plusSeconds(300));
        JsonNode read = new GraphQlHttp(baseUrl(), token).execute(ORGANISATION, Map.of("id", inProvince.id()));
        assertThat(read.path("data").path("organisation").path("code").asString()).isEqualTo(inProvince.code());
    }

    @Test
    void forgedExpiredForeignOrRolelessJwtsAreRefused() throws Exception {
        Tenant tenant = tenants.tenant("อบต.ปลอม");
        Map<String, Object> claims = Map.of("phatthana_tenant", tenant.code(), "phatthana_roles", List.of("TENANT_ADMIN"));
        String forged = jwt(OTHER_KEY, issuer(), claims, Instant.now().plusSeconds(300));
        String expired = jwt(KEY, issuer(), claims, Instant.now().minusSeconds(600));
        String foreignIssuer = jwt(KEY, "https://evil.example/realms/dla", claims, Instant.now().plusSeconds(300));
        String roleless = jwt(KEY, issuer(), Map.of("phatthana_tenant", tenant.code()), Instant.now().plusSeconds(300));
        String unknownTenant = jwt(KEY, issuer(), Map.of("phatthana_tenant", "NO-SUCH", "phatthana_roles", List.of("VIEWER")),
                Instant.now().plusSeconds(300));
        for (String token : List.of(forged, expired, foreignIssuer, roleless, unknownTenant)) {
            JsonNode response = new GraphQlHttp(baseUrl(), token).execute(ORGANISATION);
            assertThat(response.path("httpStatus").asInt()).isEqualTo(401);
            assertThat(GraphQlHttp.classification(response)).isEqualTo("UNAUTHENTICATED");
        }
    }
}
