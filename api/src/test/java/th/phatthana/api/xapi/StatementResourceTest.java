package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Statement resource over plain HTTP, including the requests a careless client sends. */
class StatementResourceTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    final JsonMapper json = JsonMapper.builder().build();
    XapiHttp xapi;

    @BeforeEach
    void tenant() {
        xapi = new XapiHttp(xapiEndpoint(), tenants.xapi("อบต.ทดสอบ"));
    }

    @Test
    void storesAStatementAndReturnsItWithTheLrsProperties() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> put = xapi.putJson("/statements?statementId=" + id,
                Statements.completed(null, "somchai@example.go.th", "https://elearning.dla.go.th/activities/a1"));
        assertThat(put.statusCode()).isEqualTo(204);

        HttpResponse<String> get = xapi.get("/statements?statementId=" + id);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(get.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
        JsonNode statement = json.readTree(get.body());
        assertThat(statement.get("id").asString()).isEqualTo(id);
        assertThat(statement.path("actor").path("name").asString()).isEqualTo("สมชาย ใจดี");
        assertThat(statement.path("object").path("definition").path("name").path("th-TH").asString()).isEqualTo("การป้องกันการทุจริต");
        assertThat(statement.has("stored")).isTrue();
        assertThat(statement.path("authority").path("account").path("name").asString()).isNotBlank();
        assertThat(statement.path("version").asString()).isEqualTo("1.0.0");
        assertThat(statement.path("timestamp").asString()).isEqualTo("2024-03-15T09:30:00+07:00");
    }

    @Test
    void aSingleContextActivityIsReturnedAsAnArray() {
        String id = UUID.randomUUID().toString();
        String statement = """
                {"id":"%s","actor":{"mbox":"mailto:ctx@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},
                 "object":{"id":"https://phatthana.th/activities/orientation"},
                 "context":{"contextActivities":{"parent":{"id":"https://phatthana.th/courses/orientation-2567"}}}}
                """.formatted(id);
        assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);
        JsonNode parent = json.readTree(xapi.get("/statements?statementId=" + id).body()).path("context").path("contextActivities").path("parent");
        assertThat(parent.isArray()).isTrue();
        assertThat(parent.get(0).path("id").asString()).isEqualTo("https://phatthana.th/courses/orientation-2567");
    }

    @Test
    void aBatchWithOneInvalidStatementIsRejectedWholeAndStoresNothing() {
        String goodId = UUID.randomUUID().toString();
        String bad = "{\"actor\":{\"mbox\":\"somchai@example.go.th\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
                + "\"object\":{\"id\":\"https://elearning.dla.go.th/activities/a1\"}}";
        HttpResponse<String> response = xapi.postJson("/statements",
                "[" + Statements.completed(goodId, "a@example.go.th", "https://elearning.dla.go.th/activities/a1") + "," + bad + "]");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("message").asString()).contains("statements[1]").contains("mbox");
        assertThat(xapi.get("/statements?statementId=" + goodId).statusCode()).isEqualTo(404);
    }

    @Test
    void theSameStatementTwiceIsAcceptedButADifferentOneUnderTheSameIdConflicts() {
        String id = UUID.randomUUID().toString();
        String statement = Statements.completed(id, "a@example.go.th", "https://elearning.dla.go.th/activities/a1");
        assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);
        assertThat(xapi.putJson("/statements?statementId=" + id, statement).statusCode()).isEqualTo(204);
        assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);

        String different = Statements.completed(id, "b@example.go.th", "https://elearning.dla.go.th/activities/a1");
        assertThat(xapi.putJson("/statements?statementId=" + id, different).statusCode()).isEqualTo(409);
        assertThat(xapi.postJson("/statements", different).statusCode()).isEqualTo(409);
        JsonNode stored = json.readTree(xapi.get("/statements?statementId=" + id).body());
        assertThat(stored.path("actor").path("mbox").asString()).isEqualTo("mailto:a@example.go.th");
    }

    @Test
    void extensionKeysWithDotsAndDollarsRoundTripAndAreNotQueryOperators() {
        String id = UUID.randomUUID().toString();
        String statement = """
                {"id":"%s","actor":{"mbox":"mailto:ext@example.go.th"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"https://elearning.dla.go.th/activities/ext",
                   "definition":{"extensions":{"https://example.go.th/ext/a.b.c":{"$gt":"","$where":"1","x.y":[1,2.5,"สาม"]}}}},
                 "context":{"extensions":{"https://example.go.th/ext/$set":{"$in":[null, true]}}}}
                """.formatted(id);
        assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);
        JsonNode stored = json.readTree(xapi.get("/statements?statementId=" + id).body());
        JsonNode extension = stored.path("object").path("definition").path("extensions").path("https://example.go.th/ext/a.b.c");
        assertThat(extension.path("$gt").asString()).isEmpty();
        assertThat(extension.path("$where").asString()).isEqualTo("1");
        assertThat(extension.path("x.y").get(2).asString()).isEqualTo("สาม");
        assertThat(stored.path("context").path("extensions").path("https://example.go.th/ext/$set").path("$in").size()).isEqualTo(2);
    }

    @Test
    void voidedStatementsAreOnlyReachableAsVoided() {
        String target = UUID.randomUUID().toString();
        xapi.postJson("/statements", Statements.completed(target, "v@example.go.th", "https://elearning.dla.go.th/activities/v"));
        String voiding = """
                {"actor":{"mbox":"mailto:hr@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(target);
        HttpResponse<String> response = xapi.postJson("/statements", voiding);
        assertThat(response.statusCode()).isEqualTo(200);
        String voidingId = json.readTree(response.body()).get(0).asString();

        assertThat(xapi.get("/statements?statementId=" + target).statusCode()).isEqualTo(404);
        assertThat(xapi.get("/statements?voidedStatementId=" + target).statusCode()).isEqualTo(200);
        // The voided statement is gone from queries; the voiding statement, which targets it, matches in its place.
        JsonNode list = json.readTree(xapi.get("/statements?" + XapiHttp.query("agent", "{\"mbox\":\"mailto:v@example.go.th\"}")).body());
        assertThat(list.path("statements").size()).isEqualTo(1);
        assertThat(list.path("statements").get(0).path("id").asString()).isEqualTo(voidingId);

        String voidTheVoid = """
                {"actor":{"mbox":"mailto:hr@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(voidingId);
        assertThat(xapi.postJson("/statements", voidTheVoid).statusCode()).isEqualTo(400);
    }

    /** The validator refuses it, in a batch too, before the store pipeline looks at voiding targets; nothing is stored. */
    @Test
    void aVoidingStatementWhoseObjectIsNotAStatementRefIsRefusedByTheValidator() {
        String id = UUID.randomUUID().toString();
        for (String object : new String[] { "{\"id\":\"https://elearning.dla.go.th/activities/v\"}",
                "{\"objectType\":\"Agent\",\"mbox\":\"mailto:v@example.go.th\"}" }) {
            String voiding = """
                    {"id":"%s","actor":{"mbox":"mailto:hr@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                     "object":%s}""".formatted(id, object);
            HttpResponse<String> single = xapi.postJson("/statements", voiding);
            assertThat(single.statusCode()).isEqualTo(400);
            assertThat(single.body()).contains("statement.object").contains("must have a StatementRef object");
            HttpResponse<String> batch = xapi.postJson("/statements",
                    "[" + Statements.completed(UUID.randomUUID().toString(), "v@example.go.th", "https://elearning.dla.go.th/activities/v") + ","
                            + voiding + "]");
            assertThat(batch.statusCode()).isEqualTo(400);
            assertThat(batch.body()).contains("statements[1]").contains("must have a StatementRef object");
        }
        assertThat(xapi.get("/statements?statementId=" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void queriesPageWithMoreLinksThatStayCorrectWhileStatementsArrive() {
        String verb = "https://phatthana.th/verbs/paged-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            String statement = "{\"actor\":{\"mbox\":\"mailto:p" + i + "@example.go.th\"},\"verb\":{\"id\":\"" + verb
                    + "\"},\"object\":{\"id\":\"https://elearning.dla.go.th/activities/p\"}}";
            assertThat(xapi.postJson("/statements", statement).statusCode()).isEqualTo(200);
        }
        JsonNode first = json.readTree(xapi.get("/statements?limit=2&" + XapiHttp.query("verb", verb)).body());
        assertThat(first.path("statements").size()).isEqualTo(2);
        assertThat(first.path("statements").get(0).path("actor").path("mbox").asString()).isEqualTo("mailto:p4@example.go.th");
        String more = first.path("more").asString();
        assertThat(more).startsWith("/xapi/statements?more=");

        // A statement arriving between pages must not shift the pages already being read.
        xapi.postJson("/statements", "{\"actor\":{\"mbox\":\"mailto:late@example.go.th\"},\"verb\":{\"id\":\"" + verb
                + "\"},\"object\":{\"id\":\"https://elearning.dla.go.th/activities/p\"}}");

        JsonNode second = json.readTree(xapi.get(more.substring("/xapi".length())).body());
        assertThat(second.path("statements").size()).isEqualTo(2);
        assertThat(second.path("statements").get(0).path("actor").path("mbox").asString()).isEqualTo("mailto:p2@example.go.th");
        JsonNode third = json.readTree(xapi.get(second.path("more").asString().substring("/xapi".length())).body());
        assertThat(third.path("statements").size()).isEqualTo(1);
        assertThat(third.path("statements").get(0).path("actor").path("mbox").asString()).isEqualTo("mailto:p0@example.go.th");
        assertThat(third.path("more").asString()).isEmpty();
    }

    @Test
    void requestsWithoutVersionOrCredentialsAreRefusedWithAReason() {
        HttpResponse<String> noVersion = xapi.withVersion(null).get("/statements");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("X-Experience-API-Version");

        HttpResponse<String> badSecret = new XapiHttp(xapiEndpoint(), "nobody", "wrong-secret", "1.0.3").get("/statements");
        assertThat(badSecret.statusCode()).isEqualTo(401);

        HttpResponse<String> about = new XapiHttp(xapiEndpoint(), null, null, null).get("/about");
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(json.readTree(about.body()).path("version").toString()).contains("1.0.3").contains("2.0.0");
    }

    @Test
    void anOversizedBodyIs413AndStoresNothing() {
        String id = UUID.randomUUID().toString();
        String padding = "ก".repeat(8 * 1024 * 1024);
        String statement = """
                {"id":"%s","actor":{"mbox":"mailto:big@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"https://phatthana.th/activities/big","definition":{"description":{"th-TH":"%s"}}}}
                """.formatted(id, padding);
        HttpResponse<String> response = xapi.postJson("/statements", statement);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("message").asString()).contains("exceeds the limit");
        assertThat(xapi.get("/statements?statementId=" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aQueryStringThatIsNotValidPercentEncodingIsABadRequest() throws Exception {
        for (String query : new String[] { "statementId=%zz", "agent=%E0%B8", "verb=%" }) {
            // Raw HTTP: java.net.URI refuses to build such a request at all.
            String response = rawGet("/xapi/statements?" + query);
            assertThat(response).as(query).startsWith("HTTP/1.1 400");
            assertThat(response).as(query).contains("percent-encoding");
        }
    }

    private String rawGet(String pathAndQuery) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + xapi.builder("/").build().headers().firstValue("Authorization").orElseThrow()
                    + "\r\nX-Experience-API-Version: 1.0.3\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void browserLaunchedContentGetsCorsAndHeadHasNoBody() {
        HttpResponse<String> preflight = xapi.send(xapi.builder("/statements")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elearning.dla.go.th")
                .header("Access-Control-Request-Method", "PUT"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://elearning.dla.go.th");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("X-Experience-API-Version");

        HttpResponse<String> head = xapi.send(xapi.builder("/statements").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
    }

    @Test
    void attachmentsTravelAsMultipartAndComeBackWithTheirStatement() throws Exception {
        byte[] certificate = "ใบประกาศนียบัตร: หลักสูตรการป้องกันการทุจริต".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha2 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(certificate));
        String id = UUID.randomUUID().toString();
        String statement = """
                {"id":"%s","actor":{"mbox":"mailto:cert@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                 "object":{"id":"https://phatthana.th/activities/anti-corruption"},
                 "attachments":[{"usageType":"https://phatthana.th/attachments/certificate","display":{"th-TH":"ใบประกาศ"},
                   "contentType":"text/plain; charset=utf-8","length":%d,"sha2":"%s"}]}
                """.formatted(id, certificate.length, sha2);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--b0undary\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n--b0undary\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + sha2
                + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(certificate);
        body.writeBytes("\r\n--b0undary--".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(xapi.post("/statements", "multipart/mixed; boundary=b0undary", body.toByteArray()).statusCode()).isEqualTo(200);

        HttpResponse<String> withAttachments = xapi.get("/statements?attachments=true&statementId=" + id);
        assertThat(withAttachments.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/mixed");
        assertThat(withAttachments.body()).contains("ใบประกาศนียบัตร: หลักสูตรการป้องกันการทุจริต").contains(sha2);

        // The statement promises an attachment that the request does not carry: refused, nothing stored.
        String missingId = UUID.randomUUID().toString();
        assertThat(xapi.postJson("/statements", statement.replace(id, missingId)).statusCode()).isEqualTo(400);
        assertThat(xapi.get("/statements?statementId=" + missingId).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownQueryParametersAndBadJsonAreBadRequests() {
        assertThat(xapi.get("/statements?colour=red").statusCode()).isEqualTo(400);
        HttpResponse<String> badJson = xapi.postJson("/statements", "{\"actor\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badJson.body()).path("message").asString()).contains("not valid JSON");
    }
}
