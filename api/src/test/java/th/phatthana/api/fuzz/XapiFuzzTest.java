package th.phatthana.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeProperty;
import th.phatthana.api.testing.TestTenants;

/**
 * Fuzzes the xAPI resources over real HTTP: generated query parameters (known names with wrong,
 * odd and hostile values, unknown names, malformed percent escapes), headers (credentials,
 * version, Content-Type, preconditions) and bodies (statements with wrong parts, any JSON, cut-off
 * JSON, multipart, forms). Whatever is sent, the answer is never a 5xx and nothing is logged at
 * ERROR. The tries are few enough for CI (about half a minute).
 */
class XapiFuzzTest extends FuzzingTest {

    static final int TRIES = 2500;

    @Autowired
    TestTenants tenants;

    String authorization;

    /** One request as generated: method, resource, query parameters, headers, body. */
    record XapiCall(String method, String resource, List<String> parameters, Map<String, String> headers, String body) {

        String target() {
            return resource + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        }

        @Override
        public String toString() {
            return method + " " + target() + " " + headers + (body == null ? "" : " body " + abbreviate(body));
        }
    }

    @BeforeProperty
    void credential() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ทดสอบความทนทาน");
        authorization = "Basic " + Base64.getEncoder().encodeToString((access.key() + ":" + access.secret()).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE) // the generators hold their odd values themselves
    void noXapiRequestFailsOnTheServer(@ForAll("calls") XapiCall call) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        headers.computeIfPresent("Authorization", (name, value) -> value.equals("valid") ? authorization : value);
        RawHttp.Response response = RawHttp.send(port, call.method(), call.target(), headers,
                call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8));
        Statistics.label("status").collect(call.method() + " " + response.status());
        assertThat(response.status()).as("%s\n→ %s", call, abbreviate(response.text())).isLessThan(500);
        assertNothingLoggedAtError(call);
    }

    @Provide
    Arbitrary<XapiCall> calls() {
        Arbitrary<String> resource = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("/xapi/statements")),
                Tuple.of(2, Arbitraries.just("/xapi/activities/state")), Tuple.of(2, Arbitraries.just("/xapi/agents/profile")),
                Tuple.of(1, Arbitraries.of("/xapi/activities/profile", "/xapi/activities", "/xapi/agents")),
                Tuple.of(1, Arbitraries.of("/xapi/about", "/xapi/statements/", "/xapi/", "/xapi/%zz", "/xapi/statements;jsessionid=x")));
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("GET")), Tuple.of(3, Arbitraries.just("POST")),
                Tuple.of(3, Arbitraries.just("PUT")), Tuple.of(1, Arbitraries.of("DELETE", "HEAD", "OPTIONS", "PATCH")));
        return resource.flatMap(path -> {
            Arbitrary<List<String>> parameters = Arbitraries.frequencyOf(
                    Tuple.of(3, wellFormedParameter(PARAMETERS.getOrDefault(path, List.of("agent"))).list().ofMaxSize(5)),
                    Tuple.of(1, parameter().list().ofMaxSize(6)));
            return Combinators.combine(method, Arbitraries.just(path), parameters, headers(), body()).as(XapiCall::new);
        });
    }

    /** The parameters each resource takes. */
    static final Map<String, List<String>> PARAMETERS = Map.of(
            "/xapi/statements", List.of("statementId", "voidedStatementId", "agent", "verb", "activity", "registration",
                    "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "more"),
            "/xapi/activities/state", List.of("activityId", "agent", "registration", "stateId", "since"),
            "/xapi/agents/profile", List.of("agent", "profileId", "since"),
            "/xapi/activities/profile", List.of("activityId", "profileId", "since"),
            "/xapi/activities", List.of("activityId"),
            "/xapi/agents", List.of("agent"));

    /** One of these parameters with a value of the kind it takes, so that requests get past the checks into the store. */
    Arbitrary<String> wellFormedParameter(List<String> names) {
        String activity = "https://elearning.dla.go.th/activities/fuzz";
        Map<String, Arbitrary<String>> values = new LinkedHashMap<>();
        values.put("agent", JsonTexts.agents());
        values.put("activityId", Arbitraries.of(activity, activity + "/" + "ก".repeat(3)));
        values.put("activity", Arbitraries.of(activity));
        values.put("verb", Arbitraries.of("http://adlnet.gov/expapi/verbs/completed"));
        values.put("stateId", JsonTexts.strings());
        values.put("profileId", JsonTexts.strings());
        values.put("registration", Arbitraries.create(() -> java.util.UUID.randomUUID().toString()));
        values.put("statementId", Arbitraries.create(() -> java.util.UUID.randomUUID().toString()));
        values.put("voidedStatementId", Arbitraries.create(() -> java.util.UUID.randomUUID().toString()));
        values.put("since", Arbitraries.of("2024-03-15T09:30:00Z", "2024-03-15T09:30:00.123456789+07:00", "1970-01-01T00:00:00Z"));
        values.put("until", Arbitraries.of("2099-03-15T09:30:00Z", "2024-03-15T09:30:00+07:00"));
        values.put("limit", Arbitraries.integers().between(-5, 1000).map(String::valueOf));
        values.put("format", Arbitraries.of("ids", "exact", "canonical"));
        values.put("ascending", Arbitraries.of("true", "false"));
        values.put("attachments", Arbitraries.of("true", "false"));
        values.put("related_agents", Arbitraries.of("true", "false"));
        values.put("related_activities", Arbitraries.of("true", "false"));
        values.put("more", JsonTexts.strings());
        return Arbitraries.of(names).flatMap(name -> values.get(name).map(value -> name + "=" + encode(value)));
    }

    Arbitrary<String> parameter() {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("statementId", "voidedStatementId",
                "agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format",
                "attachments", "ascending", "activityId", "stateId", "profileId", "more", "method", "Content-Type", "Authorization",
                "content", "X-Experience-API-Version")), Tuple.of(1, JsonTexts.strings()));
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, JsonTexts.agents()),
                Tuple.of(4, JsonTexts.strings()), Tuple.of(2, JsonTexts.numbers()),
                Tuple.of(1, JsonTexts.any(2)),
                Tuple.of(2, Arbitraries.of("true", "false", "ids", "exact", "canonical", "PUT", "POST", "GET", "DELETE",
                        "https://elearning.dla.go.th/activities/fuzz", "http://adlnet.gov/expapi/verbs/completed",
                        java.util.UUID.randomUUID().toString(), "2024-03-15T09:30:00Z", "eyJhIjoxfQ", "%%%")));
        Arbitrary<Boolean> raw = Arbitraries.of(false, false, false, false, true);
        return Combinators.combine(name, value, raw).as((n, v, asIs) -> asIs ? printable(n) + "=" + printable(v) : encode(n) + "=" + encode(v));
    }

    Map<String, String> headers(Optional<String> authorization, Optional<String> version, Optional<String> contentType,
            Optional<String> precondition, Optional<String> other) {
        Map<String, String> headers = new LinkedHashMap<>();
        authorization.ifPresent(value -> headers.put("Authorization", value));
        version.ifPresent(value -> headers.put("X-Experience-API-Version", value));
        contentType.ifPresent(value -> headers.put("Content-Type", value));
        precondition.ifPresent(value -> headers.put(value.startsWith("*") ? "If-None-Match" : "If-Match", value.replaceFirst("^\\*", "")));
        other.ifPresent(value -> headers.put("Accept-Language", value));
        return headers;
    }

    Arbitrary<Map<String, String>> headers() {
        Arbitrary<Optional<String>> authorization = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("valid")),
                Tuple.of(1, Arbitraries.of("Basic", "Basic !!!", "Basic " + base64("nokey:nosecret"), "Bearer pht_x",
                        "Basic " + base64("\u0000:\u0000"), "basic " + base64("a:b:c")))).optional(0.95);
        Arbitrary<Optional<String>> version = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("1.0.3", "2.0.0")),
                Tuple.of(1, Arbitraries.of("1.0.0", "1.0", "1.0.99", "2.0", "3.0.0", "", "1.0.3, 2.0.0", "x"))).optional(0.95);
        Arbitrary<Optional<String>> contentType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("application/json", "application/json; charset=utf-8")),
                Tuple.of(2, Arbitraries.of("multipart/mixed; boundary=b0undary", "multipart/mixed",
                        "multipart/mixed; boundary=", "multipart/mixed; boundary=\"\"", "multipart/form-data; boundary=b0undary",
                        "application/x-www-form-urlencoded", "text/plain", "application/octet-stream", "a/b/c;;==", "*/*",
                        "application/json; charset=klingon"))).optional(0.9);
        Arbitrary<Optional<String>> precondition = Arbitraries.of("\"*\"", "*", "\"" + "0".repeat(40) + "\"", "0000", "W/\"x\"", "\"a\", \"b\"",
                "**", "*\"*\"").optional(0.2);
        Arbitrary<Optional<String>> language = JsonTexts.strings().map(RawOnly::headerValue).optional(0.1);
        return Combinators.combine(authorization, version, contentType, precondition, language).as(this::headers);
    }

    Arbitrary<String> body() {
        Arbitrary<String> multipart = Combinators.combine(JsonTexts.statements(), JsonTexts.strings())
                .as((statement, attachment) -> "--b0undary\r\nContent-Type: application/json\r\n\r\n" + statement
                        + "\r\n--b0undary\r\nContent-Type: text/plain\r\nX-Experience-API-Hash: ab\r\n\r\n" + attachment + "\r\n--b0undary--");
        Arbitrary<String> form = Combinators.combine(JsonTexts.statements(), JsonTexts.strings())
                .as((content, other) -> "content=" + encode(content) + "&Authorization=" + encode(other) + "&X-Experience-API-Version=1.0.3");
        return Arbitraries.frequencyOf(Tuple.of(6, JsonTexts.statements()), Tuple.of(2, JsonTexts.any(3)),
                Tuple.of(1, multipart), Tuple.of(1, form), Tuple.of(1, JsonTexts.strings()))
                .injectNull(0.2);
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

    static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…(" + text.length() + " characters)";
    }

    /** Values that can stand in a header line. */
    static final class RawOnly {
        static String headerValue(String text) {
            return text.replaceAll("[\\r\\n\\u0000]", " ");
        }
    }
}
