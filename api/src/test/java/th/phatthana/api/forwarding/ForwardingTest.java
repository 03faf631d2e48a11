package th.phatthana.api.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import th.phatthana.api.testing.ChildApplication;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Statement forwarding, end to end over HTTP: to a second Phatthana (a child JVM) across a kill and
 * restart of the forwarding instance, and to a receiver that fails every other request.
 */
@ExtendWith(OutputCaptureExtension.class)
class ForwardingTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREATE = """
            mutation($input: CreateForwardingTargetInput!) { createForwardingTarget(input: $input) {
              forwardingTarget { id name endpoint version scope authKind authUser enabled }
              userErrors { field message code } } }""";
    private static final String TARGETS = """
            { forwardingTargets { id name scope organisationId enabled filter { verbs activityIds }
              status { positions { organisationId sequence } lagStatements lagSeconds lastForwardedAt lastErrorAt lastError
                       consecutiveFailures deadLetters } } }""";

    @Autowired
    TestTenants tenants;

    @Autowired
    StatementForwarder forwarder;

    // ---- a second Phatthana ---------------------------------------------------------------------

    /**
     * The forwarding instance is a child JVM on a persistent store, the receiving LRS this test's
     * application: every statement arrives with its id and content, voids included, in order;
     * the position survives a SIGKILL; a statement the receiver refuses is dead-lettered, retried
     * and discarded, and the statements after it still arrive.
     */
    @Test
    void aSecondPhatthanaReceivesEveryStatementAsStoredAndInOrderAcrossAKill() throws Exception {
        TestTenants.XapiAccess receiver = tenants.xapi("ผู้รับข้อมูล " + UUID.randomUUID(), XapiScope.STATEMENTS_WRITE, XapiScope.ALL_READ);
        XapiHttp received = new XapiHttp(xapiEndpoint(), receiver);
        Path data = Files.createTempDirectory("forwarding-sender-");
        String registration = UUID.randomUUID().toString();
        List<String> sent = new ArrayList<>();
        Map<String, ObjectNode> byId = new java.util.HashMap<>();
        String voidedId;
        String refusedId;
        String targetId;
        long positionBefore;
        ChildApplication sender = ChildApplication.start(data);
        try {
            GraphQlHttp admin = new GraphQlHttp(sender.baseUrl(), ChildApplication.ADMIN_TOKEN);
            JsonNode created = admin.execute(CREATE, Map.of("input", Map.of("name", "LRS จังหวัด", "endpoint", xapiEndpoint(),
                    "version", "V1_0_3", "scope", "ORGANISATION",
                    "auth", Map.of("basic", Map.of("username", receiver.key(), "password", receiver.secret())))));
            assertThat(created.path("data").path("createForwardingTarget").path("userErrors").size()).as(created.toString()).isZero();
            targetId = created.path("data").path("createForwardingTarget").path("forwardingTarget").path("id").asString();
            assertThat(created.toString()).doesNotContain(receiver.secret());

            XapiHttp provider = new XapiHttp(sender.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
            List<ObjectNode> first = statements(12, registration, "http://adlnet.gov/expapi/verbs/completed", "https://elearning.example/course/1");
            post(provider, first, sent, byId);
            voidedId = first.get(3).path("id").asString();
            ObjectNode voiding = voiding(voidedId);
            post(provider, List.of(voiding), sent, byId);
            // A statement of xAPI 2.0 (version 2.0.0) that the 1.0.3 receiver refuses: dead-lettered, and the rest goes on.
            ObjectNode v2 = statements(1, registration, "http://adlnet.gov/expapi/verbs/attempted", "https://elearning.example/course/2").get(0);
            v2.put("version", "2.0.0");
            refusedId = v2.path("id").asString();
            HttpResponse<String> stored2 = provider.withVersion("2.0.0").postJson("/statements", "[" + v2 + "]");
            assertThat(stored2.statusCode()).as(stored2.body()).isEqualTo(200);
            List<ObjectNode> after = statements(5, registration, "http://adlnet.gov/expapi/verbs/completed", "https://elearning.example/course/3");
            post(provider, after, sent, byId);

            awaitTrue(Duration.ofSeconds(60), () -> all(received, sent, voidedId));
            JsonNode status = targetStatus(admin, targetId);
            assertThat(status.path("deadLetters").asInt()).isEqualTo(1);
            assertThat(status.path("lagStatements").asInt()).isZero();
            positionBefore = status.path("positions").get(0).path("sequence").asLong();
            assertThat(positionBefore).isGreaterThanOrEqualTo(sent.size() + 1); // every statement stored, the refused one included

            // The dead letter: listed, refused again on retry, discarded.
            JsonNode letters = admin.execute("query($t: ID!) { forwardingDeadLetters(targetId: $t) { id statementId status sequence attempts } }",
                    Map.of("t", targetId));
            JsonNode letter = letters.path("data").path("forwardingDeadLetters").get(0);
            assertThat(letter.path("statementId").asString()).isEqualTo(refusedId);
            assertThat(letter.path("status").asInt()).isEqualTo(400);
            JsonNode retried = admin.execute("mutation($id: ID!) { retryDeadLetter(input: {id: $id}) { delivered deadLetter { attempts } userErrors { code message } } }",
                    Map.of("id", letter.path("id").asString()));
            assertThat(retried.path("data").path("retryDeadLetter").path("delivered").asBoolean()).isFalse();
            assertThat(retried.path("data").path("retryDeadLetter").path("userErrors").get(0).path("code").asString()).isEqualTo("REFUSED");
            assertThat(retried.path("data").path("retryDeadLetter").path("deadLetter").path("attempts").asInt()).isEqualTo(2);
            admin.execute("mutation($id: ID!) { discardDeadLetter(input: {id: $id}) { userErrors { code } } }", Map.of("id", letter.path("id").asString()));
            assertThat(targetStatus(admin, targetId).path("deadLetters").asInt()).isZero();

            // Killed mid-stream: statements posted just before the kill may or may not have been passed on.
            List<ObjectNode> beforeKill = statements(30, registration, "http://adlnet.gov/expapi/verbs/experienced", "https://elearning.example/course/4");
            post(provider, beforeKill, sent, byId);
            sender.kill();
            assertThat(sender.logText()).doesNotContain("forwarding-learner-").doesNotContain("ผู้เรียนส่งต่อ");
        } finally {
            sender.close();
        }

        ChildApplication restarted = ChildApplication.start(data);
        try {
            GraphQlHttp admin = new GraphQlHttp(restarted.baseUrl(), ChildApplication.ADMIN_TOKEN);
            assertThat(targetStatus(admin, targetId).path("positions").get(0).path("sequence").asLong()).isGreaterThanOrEqualTo(positionBefore);
            XapiHttp provider = new XapiHttp(restarted.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
            post(provider, statements(4, registration, "http://adlnet.gov/expapi/verbs/completed", "https://elearning.example/course/5"), sent, byId);
            awaitTrue(Duration.ofSeconds(60), () -> all(received, sent, voidedId));
            assertThat(restarted.logText()).doesNotContain("forwarding-learner-").doesNotContain("ผู้เรียนส่งต่อ");
            // Exactly as stored: the same id and content as the sender holds (the receiver sets its own stored and authority).
            for (String id : sent) {
                String query = id.equals(voidedId) ? "/statements?voidedStatementId=" + id : "/statements?statementId=" + id;
                JsonNode arrived = JSON.readTree(received.get(query).body());
                JsonNode stored = JSON.readTree(provider.get(query).body());
                assertThat(content(arrived)).as(id).isEqualTo(content(stored));
                assertThat(arrived.path("id").asString()).isEqualTo(id);
            }
        } finally {
            restarted.close();
        }

        HttpResponse<String> refusedThere = received.withVersion("2.0.0").get("/statements?statementId=" + refusedId);
        assertThat(refusedThere.statusCode()).as(refusedThere.body()).isEqualTo(404);
        // In order: the receiver stored them in the sender's order (the voided one is not listed, its voiding statement is).
        List<String> order = new ArrayList<>();
        String next = "/statements?ascending=true&limit=500&" + XapiHttp.query("registration", registration);
        JsonNode page = JSON.readTree(received.get(next).body());
        page.path("statements").forEach(s -> order.add(s.path("id").asString()));
        List<String> expected = new ArrayList<>(sent);
        expected.remove(voidedId);
        // the voiding statement is listed too: it refers to a statement of the registration (xAPI: statements referring to a match)
        assertThat(order).isEqualTo(expected);
    }

    // ---- a receiver that fails half the time ----------------------------------------------------

    /** Every other request is answered 500: everything arrives anyway, in order, with OAuth bearer tokens, and nothing personal is logged. */
    @Test
    void aReceiverThatFailsHalfTheTimeGetsEverythingInOrder(CapturedOutput output) throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("ผู้ส่ง " + UUID.randomUUID(), XapiScope.STATEMENTS_WRITE);
        String adminToken = tenants.token(access.tenant(), Role.TENANT_ADMIN);
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), adminToken);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
        List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
        HttpServer flaky = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flaky.createContext("/oauth/token", exchange -> {
            authorizations.add("token " + exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "{\"access_token\":\"flaky-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        flaky.createContext("/xapi/statements", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() % 2 == 1) {
                failures.incrementAndGet();
                answer(exchange, 500, "{\"error\":\"flaky\"}");
                return;
            }
            authorizations.add("lrs " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("X-Experience-API-Version"));
            List<String> ids = new ArrayList<>();
            JSON.readTree(body).forEach(s -> ids.add(s.path("id").asString()));
            arrivals.addAll(ids);
            answer(exchange, 200, JSON.writeValueAsString(ids));
        });
        flaky.start();
        String targetId = null;
        try {
            String endpoint = "http://127.0.0.1:" + flaky.getAddress().getPort() + "/xapi/";
            JsonNode created = admin.execute(CREATE, Map.of("input", Map.of("name", "ปลายทางที่ล้มบ่อย", "endpoint", endpoint, "version", "V2_0",
                    "scope", "ORGANISATION", "auth", Map.of("oauth", Map.of("tokenUrl", "http://127.0.0.1:" + flaky.getAddress().getPort() + "/oauth/token",
                            "clientId", "phatthana", "clientSecret", "client-secret-value", "scope", "statements/write")))));
            assertThat(created.path("data").path("createForwardingTarget").path("userErrors").size()).as(created.toString()).isZero();
            targetId = created.path("data").path("createForwardingTarget").path("forwardingTarget").path("id").asString();

            XapiHttp provider = new XapiHttp(xapiEndpoint(), access);
            List<String> sent = new ArrayList<>();
            Map<String, ObjectNode> byId = new java.util.HashMap<>();
            String registration = UUID.randomUUID().toString();
            for (int batch = 0; batch < 5; batch++) {
                post(provider, statements(8, registration, "http://adlnet.gov/expapi/verbs/completed", "https://elearning.example/course/" + batch), sent, byId);
                Thread.sleep(400);
            }
            awaitTrue(Duration.ofSeconds(90), () -> new LinkedHashSet<>(arrivals).size() >= sent.size());
            assertThat(new ArrayList<>(new LinkedHashSet<>(arrivals))).isEqualTo(sent);
            assertThat(failures.get()).isPositive();
            // the statements kept in memory to be sent are let go once the target is past them
            awaitTrue(Duration.ofSeconds(10), () -> forwarder.recent().heldFor(access.tenant().id()) == 0);
            assertThat(authorizations).contains("token Basic " + java.util.Base64.getEncoder()
                    .encodeToString("phatthana:client-secret-value".getBytes(StandardCharsets.UTF_8)));
            assertThat(authorizations).filteredOn(a -> a.startsWith("lrs ")).allMatch(a -> a.equals("lrs Bearer flaky-token 2.0.0"));
            JsonNode status = null;
            for (JsonNode target : admin.execute(TARGETS).path("data").path("forwardingTargets")) {
                if (target.path("id").asString().equals(targetId)) {
                    status = target.path("status");
                }
            }
            assertThat(status).isNotNull();
            assertThat(status.path("lastError").asString()).isEqualTo("HTTP 500");
            assertThat(status.path("lastErrorAt").isNull()).isFalse();
            assertThat(status.path("deadLetters").asInt()).isZero();
            assertThat(output.getAll()).doesNotContain("forwarding-learner-").doesNotContain("ผู้เรียนส่งต่อ").doesNotContain("client-secret-value");
        } finally {
            if (targetId != null) {
                admin.execute("mutation($id: ID!) { deleteForwardingTarget(input: {id: $id}) { userErrors { code } } }", Map.of("id", targetId));
            }
            flaky.stop(0);
        }
    }

    // ---- scope, filter and access ---------------------------------------------------------------

    /**
     * A NATIONAL target forwards every organisation's matching statements; a tenant admin may not
     * make one, sees only the organisation's own targets, and never a secret; bad input is refused
     * field by field.
     */
    @Test
    void aDeploymentTargetForwardsMatchingStatementsOfEveryOrganisation() throws Exception {
        TestTenants.XapiAccess one = tenants.xapi("หน่วยงานหนึ่ง " + UUID.randomUUID(), XapiScope.STATEMENTS_WRITE);
        TestTenants.XapiAccess two = tenants.xapi("หน่วยงานสอง " + UUID.randomUUID(), XapiScope.STATEMENTS_WRITE);
        GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
        GraphQlHttp adminOne = new GraphQlHttp(baseUrl(), tenants.token(one.tenant(), Role.TENANT_ADMIN));
        GraphQlHttp adminTwo = new GraphQlHttp(baseUrl(), tenants.token(two.tenant(), Role.TENANT_ADMIN));
        List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
        List<String> voided = Collections.synchronizedList(new ArrayList<>());
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/lrs/statements", exchange -> {
            // a voiding statement goes where the statement it voids went: here, the statements of this test's verb
            JSON.readTree(exchange.getRequestBody().readAllBytes()).forEach(s -> {
                if (s.path("verb").path("id").asString().equals("http://adlnet.gov/expapi/verbs/voided")) {
                    voided.add(s.path("object").path("id").asString());
                } else {
                    arrivals.add(s.path("id").asString());
                }
            });
            answer(exchange, 200, "[]");
        });
        sink.start();
        String endpoint = "http://127.0.0.1:" + sink.getAddress().getPort() + "/lrs/";
        String verb = "https://phatthana.example/verbs/forwarded-" + UUID.randomUUID();
        Map<String, Object> basic = Map.of("basic", Map.of("username", "user", "password", "very-secret-password"));
        String deploymentId = null;
        try {
            JsonNode bad = adminOne.execute(CREATE, Map.of("input", Map.of("name", " ", "endpoint", "ftp://x", "version", "V1_0_3",
                    "scope", "DEPLOYMENT", "auth", Map.of())));
            List<String> codes = new ArrayList<>();
            bad.path("data").path("createForwardingTarget").path("userErrors")
                    .forEach(e -> codes.add(String.join(".", JSON.convertValue(e.path("field"), String[].class)) + " " + e.path("code").asString()));
            assertThat(codes).containsExactlyInAnyOrder("input.scope NOT_ALLOWED", "input.name REQUIRED", "input.endpoint INVALID", "input.auth INVALID");

            JsonNode created = national.execute(CREATE, Map.of("input", Map.of("name", "LRS ระดับชาติ", "endpoint", endpoint, "version", "V1_0_3",
                    "scope", "DEPLOYMENT", "auth", basic, "filter", Map.of("verbs", List.of(verb)))));
            assertThat(created.path("data").path("createForwardingTarget").path("userErrors").size()).as(created.toString()).isZero();
            deploymentId = created.path("data").path("createForwardingTarget").path("forwardingTarget").path("id").asString();
            JsonNode own = adminOne.execute(CREATE, Map.of("input", Map.of("name", "ของหน่วยงาน", "endpoint", endpoint, "version", "V1_0_3",
                    "scope", "ORGANISATION", "auth", basic, "filter", Map.of("activityIds", List.of("https://elearning.example/none")))));
            String ownId = own.path("data").path("createForwardingTarget").path("forwardingTarget").path("id").asString();

            String nationalView = national.execute(TARGETS).toString();
            assertThat(nationalView).contains(deploymentId).doesNotContain(ownId).doesNotContain("very-secret-password");
            assertThat(adminOne.execute(TARGETS).toString()).contains(ownId).doesNotContain(deploymentId).doesNotContain("very-secret-password");
            assertThat(adminTwo.execute(TARGETS).path("data").path("forwardingTargets").size()).isZero();
            JsonNode foreign = adminTwo.execute("mutation($id: ID!) { setForwardingTargetEnabled(input: {id: $id, enabled: false}) { userErrors { code } } }",
                    Map.of("id", ownId));
            assertThat(GraphQlHttp.classification(foreign)).isEqualTo("NOT_FOUND");

            List<String> matching = new ArrayList<>();
            Map<String, ObjectNode> byId = new java.util.HashMap<>();
            String registration = UUID.randomUUID().toString();
            post(new XapiHttp(xapiEndpoint(), one), statements(3, registration, verb, "https://elearning.example/a"), matching, byId);
            List<String> other = new ArrayList<>();
            post(new XapiHttp(xapiEndpoint(), one), statements(2, registration, "http://adlnet.gov/expapi/verbs/completed", "https://elearning.example/a"),
                    other, byId);
            post(new XapiHttp(xapiEndpoint(), two), statements(3, registration, verb, "https://elearning.example/b"), matching, byId);
            awaitTrue(Duration.ofSeconds(60), () -> arrivals.containsAll(matching));
            Thread.sleep(1500);
            assertThat(new LinkedHashSet<>(arrivals)).containsExactlyInAnyOrderElementsOf(matching);
            assertThat(voided).isEmpty();

            // voiding a forwarded statement is forwarded; voiding one the target never got is not
            post(new XapiHttp(xapiEndpoint(), one), List.of(voiding(other.get(0)), voiding(matching.get(0))), new ArrayList<>(), byId);
            awaitTrue(Duration.ofSeconds(30), () -> voided.contains(matching.get(0)));
            Thread.sleep(1500);
            assertThat(voided).containsExactly(matching.get(0));
            adminOne.execute("mutation($id: ID!) { deleteForwardingTarget(input: {id: $id}) { userErrors { code } } }", Map.of("id", ownId));
            assertThat(adminOne.execute(TARGETS).path("data").path("forwardingTargets").size()).isZero();
        } finally {
            if (deploymentId != null) {
                national.execute("mutation($id: ID!) { deleteForwardingTarget(input: {id: $id}) { userErrors { code } } }", Map.of("id", deploymentId));
            }
            sink.stop(0);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static JsonNode targetStatus(GraphQlHttp admin, String targetId) {
        for (JsonNode target : admin.execute(TARGETS).path("data").path("forwardingTargets")) {
            if (target.path("id").asString().equals(targetId)) {
                return target.path("status");
            }
        }
        throw new AssertionError("target " + targetId + " not listed");
    }

    private static boolean all(XapiHttp received, List<String> ids, String voidedId) {
        for (String id : ids) {
            String query = id.equals(voidedId) ? "/statements?voidedStatementId=" + id : "/statements?statementId=" + id;
            if (received.get(query).statusCode() != 200) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode content(JsonNode statement) {
        ObjectNode copy = ((ObjectNode) statement).deepCopy();
        copy.remove("stored");
        copy.remove("authority");
        copy.remove("version");
        return copy;
    }

    private static void post(XapiHttp provider, List<ObjectNode> statements, List<String> sent, Map<String, ObjectNode> byId) {
        HttpResponse<String> response = provider.postJson("/statements", JSON.writeValueAsString(statements));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (ObjectNode statement : statements) {
            sent.add(statement.path("id").asString());
            byId.put(statement.path("id").asString(), statement);
        }
    }

    private static List<ObjectNode> statements(int count, String registration, String verb, String activity) {
        List<ObjectNode> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode statement = JSON.createObjectNode();
            statement.put("id", UUID.randomUUID().toString());
            String learner = UUID.randomUUID().toString().substring(0, 8);
            statement.putObject("actor").put("objectType", "Agent").put("name", "ผู้เรียนส่งต่อ " + learner)
                    .put("mbox", "mailto:forwarding-learner-" + learner + "@example.go.th");
            statement.putObject("verb").put("id", verb).putObject("display").put("th-TH", "เรียนจบ");
            ObjectNode object = statement.putObject("object").put("objectType", "Activity").put("id", activity);
            object.putObject("definition").putObject("name").put("th-TH", "หลักสูตรทดสอบการส่งต่อ");
            statement.putObject("result").put("completion", true).put("duration", "PT1H");
            statement.putObject("context").put("registration", registration);
            statement.put("timestamp", "2026-12-01T09:00:0" + (i % 10) + ".000Z");
            result.add(statement);
        }
        return result;
    }

    private static ObjectNode voiding(String targetId) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("id", UUID.randomUUID().toString());
        statement.putObject("actor").put("objectType", "Agent").put("mbox", "mailto:forwarding-learner-admin@example.go.th");
        statement.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/voided").putObject("display").put("en-US", "voided");
        statement.putObject("object").put("objectType", "StatementRef").put("id", targetId);
        statement.put("timestamp", "2026-12-01T10:00:00.000Z");
        return statement;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void awaitTrue(Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience);
            }
            Thread.sleep(200);
        }
    }
}
