package th.phatthana.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * Random inputs for the fuzzers from one seeded {@link Random}, so a failure is reproduced by its
 * seed (printed with it; set {@code -Dphatthana.fuzz.seed=…} to replay). Generates strings a
 * careless or hostile client sends, any JSON, and xAPI-shaped objects with wrong parts.
 */
final class Generator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final long seed;
    private final Random random;

    Generator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seed of {@code -Dphatthana.fuzz.seed}, else a new one. */
    static Generator seeded() {
        String given = System.getProperty("phatthana.fuzz.seed");
        return new Generator(given != null ? Long.parseLong(given) : new Random().nextLong());
    }

    // ---- choosing --------------------------------------------------------------------------------

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One of the suppliers, chosen by weight: {@code weighted(3, a, 1, b)}. */
    @SuppressWarnings("unchecked")
    <T> T weighted(Object... weightsAndSuppliers) {
        int total = 0;
        for (int i = 0; i < weightsAndSuppliers.length; i += 2) {
            total += (Integer) weightsAndSuppliers[i];
        }
        int chosen = random.nextInt(total);
        for (int i = 0; i < weightsAndSuppliers.length; i += 2) {
            chosen -= (Integer) weightsAndSuppliers[i];
            if (chosen < 0) {
                return ((Supplier<T>) weightsAndSuppliers[i + 1]).get();
            }
        }
        throw new IllegalStateException();
    }

    List<String> list(int maxSize, Supplier<String> element) {
        List<String> list = new ArrayList<>();
        for (int n = between(0, maxSize); n > 0; n--) {
            list.add(element.get());
        }
        return list;
    }

    // ---- texts -----------------------------------------------------------------------------------

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    /** Strings a careless or hostile client sends: any Unicode, Thai, long ones, operators, IRIs, dates. */
    String string() {
        return weighted(4, (Supplier<String>) () -> anyCharacters(between(0, 40)),
                2, (Supplier<String>) () -> thai(between(0, 30)),
                1, (Supplier<String>) () -> "x".repeat(between(500, 3000)),
                3, (Supplier<String>) () -> pick("", " ", "$gt", "{\"$gt\":\"\"}", "a.b", "mailto:x@example.org", "mailto:",
                        "http://example.org/a", "https://", "urn:x", "not an iri", "2024-02-30T25:61:00Z", "2024-03-15T09:30:00+07:00",
                        "+999999999-12-31T23:59:59Z", "PT3H", "P-1D", "PT99999999999999999999H", "2567", "-1", "0", "1e400",
                        "00000000-0000-0000-0000-000000000000", "ZZZZZZZZ-0000-0000-0000-000000000000", "\u0000", "\uD800", "%zz",
                        "../../etc/passwd", "<script>", "=cmd|' /C calc'!A0", "null", "true", "ปฏิบัติการ"),
                1, (Supplier<String>) () -> UUID.randomUUID().toString());
    }

    private String anyCharacters(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (chance(0.7) ? between(0, 127) : between(0, 0xFFFF)));
        }
        return text.toString();
    }

    private String thai(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) between('ก', '๛'));
        }
        return text.toString();
    }

    String number() {
        return weighted(2, (Supplier<String>) () -> String.valueOf(random.nextInt()),
                1, (Supplier<String>) () -> String.valueOf(random.nextLong()),
                1, (Supplier<String>) () -> String.valueOf(random.nextDouble() * Math.pow(10, between(-300, 300))),
                2, (Supplier<String>) () -> pick("1e400", "-1e400", "1E-400", "123456789012345678901234567890123456789", "-0",
                        "0.0000000000000000001", "1.0", "100", "-100", "2147483648", "9223372036854775808"));
    }

    /** Any JSON value, nested up to {@code depth}. */
    String json(int depth) {
        if (depth <= 0 || chance(0.5)) {
            return weighted(1, (Supplier<String>) () -> pick("null", "true", "false"), 1, (Supplier<String>) this::number,
                    2, (Supplier<String>) () -> quote(string()));
        }
        if (chance(0.35)) {
            return "[" + String.join(",", list(4, () -> json(depth - 1))) + "]";
        }
        return "{" + String.join(",", list(5, () -> quote(key()) + ":" + json(depth - 1))) + "}";
    }

    String key() {
        return chance(0.3) ? string() : pick("objectType", "id", "mbox", "mbox_sha1sum", "openid", "account", "homePage", "name",
                "member", "verb", "display", "object", "definition", "type", "result", "score", "scaled", "raw", "min", "max", "success",
                "completion", "duration", "context", "registration", "instructor", "team", "contextActivities", "parent", "grouping",
                "category", "other", "extensions", "timestamp", "stored", "authority", "version", "attachments", "sha2", "length",
                "contentType", "usageType", "fileUrl", "contextAgents", "contextGroups", "relevantTypes", "$gt", "a.b", "");
    }

    // ---- xAPI shapes -----------------------------------------------------------------------------

    /** Agents: valid ones of each identifier and groups, mostly; wrong ones; any object. */
    String agent() {
        return weighted(8, (Supplier<String>) () -> pick("{\"mbox\":\"mailto:fuzz@example.go.th\"}",
                        "{\"objectType\":\"Agent\",\"mbox_sha1sum\":\"" + "a".repeat(40) + "\"}",
                        "{\"openid\":\"https://id.example.go.th/fuzz\"}",
                        "{\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\"fuzz\"}}",
                        "{\"objectType\":\"Group\",\"name\":\"ทีม\",\"member\":[{\"mbox\":\"mailto:a@example.go.th\"}]}",
                        "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.go.th\",\"member\":[]}"),
                1, (Supplier<String>) () -> pick("{}", "[]", "\"mailto:x@example.org\"", "{\"mbox\":1}", "{\"mbox\":\"x\"}",
                        "{\"account\":{\"homePage\":5}}", "{\"account\":[]}", "{\"mbox\":\"mailto:a@b\",\"openid\":\"http://x\"}",
                        "{\"objectType\":\"Group\",\"member\":{}}", "{\"objectType\":\"Person\",\"mbox\":[\"mailto:a@b\"]}",
                        "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)),
                1, (Supplier<String>) () -> "{" + quote(key()) + ":" + json(2) + "}");
    }

    /** Statements: each part mostly valid, optional parts present or not; batches; any JSON; cut-off text. */
    String statements() {
        return weighted(6, (Supplier<String>) this::statement,
                2, (Supplier<String>) () -> "[" + String.join(",", list(3, this::statement)) + "]",
                1, (Supplier<String>) () -> json(3),
                1, (Supplier<String>) () -> {
                    String statement = statement();
                    return statement.substring(0, statement.length() / 2);
                });
    }

    String statement() {
        String verb = chance(0.8) ? pick("{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"}",
                "{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"}",
                "{\"id\":\"http://adlnet.gov/expapi/verbs/attended\",\"display\":{\"th-TH\":\"เข้าร่วม\"}}") : json(2);
        String object = weighted(6, (Supplier<String>) () -> pick("{\"id\":\"https://elearning.dla.go.th/activities/fuzz\"}",
                        "{\"objectType\":\"Activity\",\"id\":\"https://elearning.dla.go.th/activities/fuzz\",\"definition\":"
                                + "{\"name\":{\"th-TH\":\"หลักสูตร\"},\"type\":\"http://adlnet.gov/expapi/activities/course\"}}",
                        "{\"objectType\":\"StatementRef\",\"id\":\"" + UUID.randomUUID() + "\"}",
                        "{\"objectType\":\"SubStatement\",\"actor\":{\"mbox\":\"mailto:s@example.go.th\"},\"verb\":{\"id\":\"http://x.org/v\"},"
                                + "\"object\":{\"id\":\"http://x.org/a\"}}"),
                1, (Supplier<String>) this::agent, 1, (Supplier<String>) () -> json(3));
        List<String> more = list(2, () -> quote(pick("result", "context", "timestamp", "id", "attachments", "version", "authority",
                "stored", "voided", "extensions")) + ":" + (chance(0.5) ? json(3) : pick("{\"score\":{\"scaled\":1.5}}",
                        "{\"score\":{\"raw\":5,\"min\":10,\"max\":1}}", "{\"duration\":\"PT1H\"}", "{\"registration\":\"not-a-uuid\"}",
                        "{\"contextActivities\":{\"parent\":{\"id\":\"http://x.org/p\"}}}", "{\"instructor\":{\"mbox\":\"mailto:t@example.go.th\"}}",
                        "\"" + UUID.randomUUID() + "\"", "[{\"usageType\":\"http://x.org/u\",\"display\":{\"en\":\"a\"},"
                                + "\"contentType\":\"text/plain\",\"length\":1,\"sha2\":\"ab\"}]")));
        return "{\"actor\":" + agent() + ",\"verb\":" + verb + ",\"object\":" + object + (more.isEmpty() ? "" : "," + String.join(",", more))
                + "}";
    }
}
