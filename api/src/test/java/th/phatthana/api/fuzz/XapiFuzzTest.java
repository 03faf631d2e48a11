package th.phatthana.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.TestTenants;

/**
 * Fuzzes the xAPI resources over real HTTP: generated query parameters (the resource's own with
 * values of their kind, known names with wrong, odd and hostile values, unknown names, malformed
 * percent escapes), headers (credentials, version, Content-Type, preconditions) and bodies
 * (statements with wrong parts, any JSON, cut-off JSON, multipart, forms). Whatever is sent, the
 * answer is never a 5xx and nothing is logged at ERROR. About 15 seconds.
 */
class XapiFuzzTest extends FuzzingTest {

    static final int TRIES = 2500;

    /** The parameters each resource takes. */
    static final Map<String, List<String>> PARAMETERS = Map.of(
            "/xapi/statements", List.of("statementId", "voidedStatementId", "agent", "verb", "activity", "registration",
                    "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "more"),
            "/xapi/activities/state", List.of("activityId", "agent", "registration", "stateId", "since"),
            "/xapi/agents/profile", List.of("agent", "profileId", "since"),
            "/xapi/activities/profile", List.of("activityId", "profileId", "since"),
            "/xapi/activities", List.of("activityId"),
            "/xapi/agents", List.of("agent"));

    @Autowired
    TestTenants tenants;

    /** One request as generated. */
    record XapiCall(String method, String resource, List<String> parameters, Map<String, String> headers, String body) {

        String target() {
            return resource + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        }

        @Override
        public String toString() {
            return method + " " + target() + " " + headers + (body == null ? "" : " body " + abbreviate(body));
        }
    }

    @Test
    void noXapiRequestFailsOnTheServer() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ทดสอบความทนทาน");
        String authorization = "Basic " + base64(access.key() + ":" + access.secret());
        Generator generate = Generator.seeded();
        for (int i = 0; i < TRIES; i++) {
            XapiCall call = call(generate);
            Map<String, String> headers = new LinkedHashMap<>(call.headers());
            headers.computeIfPresent("Authorization", (name, value) -> value.equals("valid") ? authorization : value);
            RawHttp.Response response = RawHttp.send(port, call.method(), call.target(), headers,
                    call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8));
            count(call.method() + " " + response.status());
            String sent = "request " + i + " of seed " + generate.seed + ": " + call;
            assertThat(response.status()).as("%s\n→ %s", sent, abbreviate(response.text())).isLessThan(500);
            assertNothingLoggedAtError(sent);
        }
        logSummary(generate, TRIES);
    }

    XapiCall call(Generator generate) {
        String resource = generate.weighted(5, (Supplier<String>) () -> "/xapi/statements",
                2, (Supplier<String>) () -> "/xapi/activities/state", 2, (Supplier<String>) () -> "/xapi/agents/profile",
                1, (Supplier<String>) () -> generate.pick("/xapi/activities/profile", "/xapi/activities", "/xapi/agents"),
                1, (Supplier<String>) () -> generate.pick("/xapi/about", "/xapi/statements/", "/xapi/", "/xapi/%zz",
                        "/xapi/statements;jsessionid=x"));
        String method = generate.weighted(4, (Supplier<String>) () -> "GET", 3, (Supplier<String>) () -> "POST",
                3, (Supplier<String>) () -> "PUT", 1, (Supplier<String>) () -> generate.pick("DELETE", "HEAD", "OPTIONS", "PATCH"));
        List<String> own = PARAMETERS.getOrDefault(resource, List.of("agent"));
        List<String> parameters = generate.chance(0.75) ? generate.list(5, () -> wellFormedParameter(generate, own))
                : generate.list(6, () -> parameter(generate));
        if (resource.equals("/xapi/statements") && !method.equals("GET") && generate.chance(0.8)) {
            // writes of statements take no query parameters but a PUT's statementId: let most of them reach the store
            parameters = method.equals("PUT") ? List.of("statementId=" + UUID.randomUUID()) : List.of();
        }
        return new XapiCall(method, resource, parameters, headers(generate), generate.chance(0.2) ? null : body(generate));
    }

    /** One of these parameters with a value of the kind it takes, so that requests get past the checks into the store. */
    static String wellFormedParameter(Generator generate, List<String> names) {
        String name = generate.pick(names);
        String activity = "https://elearning.dla.go.th/activities/fuzz";
        String value = switch (name) {
            case "agent" -> generate.agent();
            case "activityId", "activity" -> generate.pick(activity, activity + "/กขค");
            case "verb" -> "http://adlnet.gov/expapi/verbs/completed";
            case "registration", "statementId", "voidedStatementId" -> UUID.randomUUID().toString();
            case "since", "until" -> generate.pick("2024-03-15T09:30:00Z", "2024-03-15T09:30:00.123456789+07:00", "1970-01-01T00:00:00Z",
                    "2099-03-15T09:30:00Z");
            case "limit" -> String.valueOf(generate.between(-5, 1000));
            case "format" -> generate.pick("ids", "exact", "canonical");
            case "ascending", "attachments", "related_agents", "related_activities" -> generate.pick("true", "false");
            default -> generate.string(); // stateId, profileId, more
        };
        return name + "=" + encode(value);
    }

    /** Any known name, or none, with any value, now and then unencoded. */
    static String parameter(Generator generate) {
        String name = generate.chance(0.85) ? generate.pick("statementId", "voidedStatementId", "agent", "verb", "activity",
                "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending",
                "activityId", "stateId", "profileId", "more", "method", "Content-Type", "Authorization", "content",
                "X-Experience-API-Version") : generate.string();
        String value = generate.weighted(3, (Supplier<String>) generate::agent, 4, (Supplier<String>) generate::string,
                2, (Supplier<String>) generate::number, 1, (Supplier<String>) () -> generate.json(2),
                2, (Supplier<String>) () -> generate.pick("true", "false", "ids", "exact", "canonical", "PUT", "POST", "GET", "DELETE",
                        "https://elearning.dla.go.th/activities/fuzz", "http://adlnet.gov/expapi/verbs/completed", "2024-03-15T09:30:00Z",
                        "eyJhIjoxfQ", "%%%"));
        return generate.chance(0.2) ? printable(name) + "=" + printable(value) : encode(name) + "=" + encode(value);
    }

    static Map<String, String> headers(Generator generate) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (generate.chance(0.95)) {
            headers.put("Authorization", generate.chance(0.92) ? "valid" : generate.pick("Basic", "Basic !!!",
                    "Basic " + base64("nokey:nosecret"), "Bearer pht_x", "Basic " + base64("\u0000:\u0000"), "basic " + base64("a:b:c")));
        }
        if (generate.chance(0.95)) {
            headers.put("X-Experience-API-Version", generate.chance(0.9) ? generate.pick("1.0.3", "2.0.0")
                    : generate.pick("1.0.0", "1.0", "1.0.99", "2.0", "3.0.0", "", "1.0.3, 2.0.0", "x"));
        }
        if (generate.chance(0.9)) {
            headers.put("Content-Type", generate.chance(0.8) ? generate.pick("application/json", "application/json; charset=utf-8")
                    : generate.pick("multipart/mixed; boundary=b0undary", "multipart/mixed", "multipart/mixed; boundary=",
                            "multipart/mixed; boundary=\"\"", "multipart/form-data; boundary=b0undary", "application/x-www-form-urlencoded",
                            "text/plain", "application/octet-stream", "a/b/c;;==", "*/*", "application/json; charset=klingon"));
        }
        if (generate.chance(0.2)) {
            headers.put(generate.pick("If-Match", "If-None-Match"), generate.pick("\"*\"", "*", "\"" + "0".repeat(40) + "\"", "0000",
                    "W/\"x\"", "\"a\", \"b\"", "**"));
        }
        if (generate.chance(0.1)) {
            headers.put("Accept-Language", generate.string().replaceAll("[\\r\\n\\u0000]", " "));
        }
        return headers;
    }

    static String body(Generator generate) {
        return generate.weighted(6, (Supplier<String>) generate::statements, 2, (Supplier<String>) () -> generate.json(3),
                1, (Supplier<String>) () -> "--b0undary\r\nContent-Type: application/json\r\n\r\n" + generate.statements()
                        + "\r\n--b0undary\r\nContent-Type: text/plain\r\nX-Experience-API-Hash: ab\r\n\r\n" + generate.string()
                        + "\r\n--b0undary--",
                1, (Supplier<String>) () -> "content=" + encode(generate.statements()) + "&Authorization=" + encode(generate.string())
                        + "&X-Experience-API-Version=1.0.3",
                1, (Supplier<String>) generate::string);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The text as it may stand unencoded in a request line: printable ASCII, no spaces. */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder();
        text.chars().filter(c -> c > 32 && c < 127 && c != '#').forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
