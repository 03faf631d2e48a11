package th.phatthana.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/**
 * JWTs of an external OIDC issuer as GraphQL bearer tokens, with the documented claim mapping. The
 * issuer is a real HTTP server on loopback serving a discovery document and its signing keys.
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
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\",\"subject_types_supported\":[\"public\"]}"));
            server.createContext("/realms/dla/certs", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String issuer() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/dla";
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("phatthana.oidc.issuer-uri", OidcTokenTest::issuer);
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
