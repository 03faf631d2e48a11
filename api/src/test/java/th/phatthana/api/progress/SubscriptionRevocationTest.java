package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * A live planProgressChanged subscription ends within seconds when the credential it was opened
 * with stops holding: its token is revoked, its user is disabled, or its organisation suspended.
 */
class SubscriptionRevocationTest extends ProgressTestSupport {

    enum Revocation { TOKEN_REVOKED, USER_DISABLED, ORGANISATION_SUSPENDED }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    void aRunningSubscriptionEndsWhenItsCredentialStopsHolding(Revocation revocation) throws Exception {
        Org org = new Org("อบต.เพิกถอน" + revocation.ordinal());
        String planId = org.plan(2567, List.of(course("c1", List.of(ACTIVITIES + UUID.randomUUID()), PlanContent.CompletionRule.DEFAULT,
                2567, List.of())), List.of());
        String expires = java.time.Instant.now().plus(java.time.Duration.ofDays(30)).toString();
        String token;
        Runnable revoke;
        switch (revocation) {
            case TOKEN_REVOKED -> {
                JsonNode created = data(org.admin.execute("mutation($e: DateTime!) { createAccessToken(input: {name: \"แดชบอร์ด\", "
                        + "roles: [VIEWER], expiresAt: $e}) { token accessToken { id } userErrors { message } } }", Map.of("e", expires)),
                        "createAccessToken");
                token = created.path("token").asString();
                String id = created.path("accessToken").path("id").asString();
                revoke = () -> org.admin.execute("mutation($id: ID!) { revokeAccessToken(input: {id: $id}) { userErrors { message } } }",
                        Map.of("id", id));
            }
            case USER_DISABLED -> {
                JsonNode created = data(org.admin.execute("mutation { createUser(input: {name: \"ผู้ชม\", email: \"viewer-"
                        + UUID.randomUUID() + "@example.go.th\", roles: [VIEWER]}) { token user { id } userErrors { message } } }", Map.of()),
                        "createUser");
                token = created.path("token").asString();
                String userId = created.path("user").path("id").asString();
                revoke = () -> org.admin.execute("mutation($u: ID!) { setUserEnabled(input: {userId: $u, enabled: false}) { userErrors { message } } }",
                        Map.of("u", userId));
            }
            default -> {
                token = tenants.token(org.tenant, Role.VIEWER);
                GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
                revoke = () -> national.execute("mutation($id: ID!) { suspendOrganisation(input: {id: $id, reason: \"ทดสอบ\"}) { userErrors { message } } }",
                        Map.of("id", org.tenant.id()));
            }
        }
        assertThat(token).isNotBlank();

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = open(received);
        socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("connection_ack");
        socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription($p: ID!) { planProgressChanged(planId: $p) "
                + "{ statementsThrough } }\",\"variables\":{\"p\":\"" + planId + "\"}}}", true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).as("the first update").contains("\"next\"", "statementsThrough");

        revoke.run();
        long revokedAt = System.nanoTime();
        String message;
        do {
            message = received.poll(10, TimeUnit.SECONDS);
        } while (message != null && message.contains("\"next\""));
        double seconds = (System.nanoTime() - revokedAt) / 1e9;
        assertThat(message).as("after %s", revocation).contains("\"error\"", "\"id\":\"1\"", "UNAUTHENTICATED");
        assertThat(seconds).as("ended within seconds").isLessThan(6);
        socket.abort();
    }

    private WebSocket open(BlockingQueue<String> received) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new th.phatthana.api.testing.MessageQueueListener(received)).get(10, TimeUnit.SECONDS);
    }
}
