package th.phatthana.api.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.json.JsonMapper;

/** Generators of JSON texts for the fuzzers: any JSON, and xAPI-shaped objects with wrong parts. */
final class JsonTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonTexts() {
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    /** Strings a careless or hostile client sends: any Unicode, long ones, look-alikes of operators, IRIs and dates. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('ก', '๛').ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(500).ofMaxLength(3000)),
                Tuple.of(3, Arbitraries.of("", " ", "$gt", "{\"$gt\":\"\"}", "a.b", "mailto:x@example.org", "mailto:",
                        "http://example.org/a", "https://", "urn:x", "not an iri", "2024-02-30T25:61:00Z", "2024-03-15T09:30:00+07:00",
                        "+999999999-12-31T23:59:59Z", "PT3H", "P-1D", "PT99999999999999999999H", "2567", "-1", "0", "1e400",
                        "00000000-0000-0000-0000-000000000000", "ZZZZZZZZ-0000-0000-0000-000000000000", "\u0000", "\uD800", "%zz",
                        "../../etc/passwd", "<script>", "=cmd|' /C calc'!A0", "null", "true", "ปฏิบัติการ")),
                Tuple.of(1, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
                Arbitraries.of("1e400", "-1e400", "1E-400", "123456789012345678901234567890123456789", "-0", "0.0000000000000000001",
                        "1.0", "100", "-100", "2147483648", "9223372036854775808"));
    }

    /** Any JSON value, nested up to {@code depth}. */
    static Arbitrary<String> any(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(Arbitraries.of("null", "true", "false"), numbers(), strings().map(JsonTexts::quote));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> any(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> member = Combinators.combine(keys(), Arbitraries.lazy(() -> any(depth - 1)))
                .as((key, value) -> quote(key) + ":" + value);
        Arbitrary<String> object = member.list().ofMaxSize(5).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array),
                Tuple.of(2, object));
    }

    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("objectType", "id", "mbox", "mbox_sha1sum", "openid", "account", "homePage", "name",
                "member", "verb", "display", "object", "definition", "type", "result", "score", "scaled", "raw", "min", "max", "success",
                "completion", "duration", "context", "registration", "instructor", "team", "contextActivities", "parent", "grouping",
                "category", "other", "extensions", "timestamp", "stored", "authority", "version", "attachments", "sha2", "length",
                "contentType", "usageType", "fileUrl", "contextAgents", "contextGroups", "relevantTypes", "$gt", "a.b", ""),
                strings());
    }

    /** Agents: valid ones of each identifier, groups, and wrong ones. */
    static Arbitrary<String> agents() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("{\"mbox\":\"mailto:fuzz@example.go.th\"}",
                        "{\"objectType\":\"Agent\",\"mbox_sha1sum\":\"" + "a".repeat(40) + "\"}",
                        "{\"openid\":\"https://id.example.go.th/fuzz\"}",
                        "{\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\"fuzz\"}}",
                        "{\"objectType\":\"Group\",\"name\":\"ทีม\",\"member\":[{\"mbox\":\"mailto:a@example.go.th\"}]}",
                        "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.go.th\",\"member\":[]}")),
                Tuple.of(1, Arbitraries.of("{}", "[]", "\"mailto:x@example.org\"", "{\"mbox\":1}", "{\"mbox\":\"x\"}",
                        "{\"account\":{\"homePage\":5}}", "{\"account\":[]}", "{\"mbox\":\"mailto:a@b\",\"openid\":\"http://x\"}",
                        "{\"objectType\":\"Group\",\"member\":{}}", "{\"objectType\":\"Person\",\"mbox\":[\"mailto:a@b\"]}",
                        "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000))),
                Tuple.of(2, Combinators.combine(keys(), any(2)).as((k, v) -> "{" + quote(k) + ":" + v + "}")));
    }

    /** Statements: each part valid or not, optional parts present or not, now and then nothing like one. */
    static Arbitrary<String> statements() {
        Arbitrary<String> verb = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"}",
                "{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"}",
                "{\"id\":\"http://adlnet.gov/expapi/verbs/attended\",\"display\":{\"th-TH\":\"เข้าร่วม\"}}")), Tuple.of(1, any(2)));
        Arbitrary<String> object = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("{\"id\":\"https://elearning.dla.go.th/activities/fuzz\"}",
                "{\"objectType\":\"Activity\",\"id\":\"https://elearning.dla.go.th/activities/fuzz\",\"definition\":{\"name\":{\"th-TH\":\"หลักสูตร\"},\"type\":\"http://adlnet.gov/expapi/activities/course\"}}",
                "{\"objectType\":\"StatementRef\",\"id\":\"" + java.util.UUID.randomUUID() + "\"}",
                "{\"objectType\":\"SubStatement\",\"actor\":{\"mbox\":\"mailto:s@example.go.th\"},\"verb\":{\"id\":\"http://x.org/v\"},\"object\":{\"id\":\"http://x.org/a\"}}")),
                Tuple.of(1, agents()), Tuple.of(1, any(3)));
        Arbitrary<java.util.List<String>> optional = Combinators.combine(Arbitraries.of("result", "context", "timestamp", "id", "attachments", "version",
                "authority", "stored", "voided", "extensions"), Arbitraries.oneOf(any(3), Arbitraries.of(
                        "{\"score\":{\"scaled\":1.5}}", "{\"score\":{\"raw\":5,\"min\":10,\"max\":1}}", "{\"duration\":\"PT1H\"}",
                        "{\"registration\":\"not-a-uuid\"}", "{\"contextActivities\":{\"parent\":{\"id\":\"http://x.org/p\"}}}",
                        "{\"instructor\":{\"mbox\":\"mailto:t@example.go.th\"}}", "\"" + java.util.UUID.randomUUID() + "\"",
                        "[{\"usageType\":\"http://x.org/u\",\"display\":{\"en\":\"a\"},\"contentType\":\"text/plain\",\"length\":1,\"sha2\":\"ab\"}]")))
                .as((key, value) -> quote(key) + ":" + value).list().ofMaxSize(3);
        Arbitrary<String> statement = Combinators.combine(agents(), verb, object, optional)
                .as((actor, v, o, more) -> "{\"actor\":" + actor + ",\"verb\":" + v + ",\"object\":" + o
                        + (more.isEmpty() ? "" : "," + String.join(",", more)) + "}");
        return Arbitraries.frequencyOf(Tuple.of(6, statement),
                Tuple.of(2, statement.list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]")),
                Tuple.of(1, any(3)),
                Tuple.of(1, statement.map(s -> s.substring(0, s.length() / 2))));
    }
}
