package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Statement queries checked against a scan: a tenant gets a few hundred generated statements
 * (agents, groups with members, agents as objects, sub-statements, context agents and activities,
 * registrations, StatementRefs to earlier, later, missing and each other's statements, chains of
 * them, voids before and after their targets, two credentials), then every query kind, read page by
 * page through {@code more}, must return exactly the statements that this class finds by reading
 * every posted statement (its own reading of the specification, not the LRS's code), in order.
 * Run through {@link StatementQueryChecks} by {@link StatementQueryAgreementTest} (the MongoDB path) and
 * {@link EmbeddedStatementQueryAgreementTest} (the embedded store's in-process index).
 */
final class StatementQueryScenario {

    private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    private static final String[] VERBS = { "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/attempted",
            "http://adlnet.gov/expapi/verbs/passed", "https://phatthana.th/verbs/ลงทะเบียน" };
    private static final int PAGE = 7;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String endpoint;
    private final TestTenants tenants;
    private final Random random = new Random(2569);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    StatementQueryScenario(String endpoint, TestTenants tenants) {
        this.endpoint = endpoint;
        this.tenants = tenants;
    }

    /** A statement as posted, in posting order (the LRS's sequence order), and who posted it. */
    private record Posted(String id, ObjectNode statement, boolean bySecondCredential) {
    }

    // ---------------------------------------------------------------- the checks

    void everyQueryKindReturnsWhatAScanReturns() {
        TestTenants.XapiAccess main = tenants.xapi("อบต.ค้นหา");
        TestTenants.XapiAccess second = tenants.credential(main.tenant(), XapiScope.STATEMENTS_WRITE, XapiScope.STATEMENTS_READ_MINE);
        XapiHttp mainHttp = new XapiHttp(endpoint, main);
        XapiHttp secondHttp = new XapiHttp(endpoint, second);
        List<Posted> posted = generate(260);
        post(posted, mainHttp, secondHttp);
        Map<String, Instant> stored = storedTimes(mainHttp, posted);

        for (Map<String, String> query : queries(posted, stored)) {
            assertSameAsScan(mainHttp, query, posted, stored, p -> true);
            assertSameAsScan(mainHttp, withAscending(query), posted, stored, p -> true);
        }
        // A credential that may read only its own statements sees only those.
        for (Map<String, String> query : queries(posted, stored).subList(0, 12)) {
            assertSameAsScan(secondHttp, query, posted, stored, Posted::bySecondCredential);
        }
    }

    void moreCursorsStayStableWhileStatementsArrive() {
        XapiHttp xapi = new XapiHttp(endpoint, tenants.xapi("อบต.แบ่งหน้า"));
        String verb = "https://phatthana.th/verbs/paged-" + run;
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            before.add(postOne(xapi, verb, i));
        }
        for (boolean ascending : new boolean[] { false, true }) {
            List<String> read = new ArrayList<>();
            String next = "/statements?limit=4&ascending=" + ascending + "&" + XapiHttp.query("verb", verb);
            int arrivals = 0;
            while (!next.isEmpty()) {
                JsonNode page = read(xapi, next);
                page.path("statements").forEach(s -> read.add(s.path("id").asString()));
                // New statements matching the query arrive between pages.
                postOne(xapi, verb, 100 + arrivals++);
                postOne(xapi, verb, 100 + arrivals++);
                next = more(page);
            }
            List<String> expected = new ArrayList<>(before);
            if (!ascending) {
                java.util.Collections.reverse(expected);
            }
            assertThat(read).as("pages of a %s query while statements arrive", ascending ? "ascending" : "descending")
                    .containsExactlyElementsOf(expected);
            // The statements posted while paging are there for a new query.
            int total = before.size() + arrivals;
            before.clear();
            JsonNode all = read(xapi, "/statements?limit=500&ascending=true&" + XapiHttp.query("verb", verb));
            all.path("statements").forEach(s -> before.add(s.path("id").asString()));
            assertThat(before).hasSize(total);
        }
    }

    void resultsAndCursorsStayWithinTheirTenant() {
        TestTenants.XapiAccess a = tenants.xapi("อบต.เอ");
        TestTenants.XapiAccess b = tenants.xapi("อบต.บี");
        XapiHttp aHttp = new XapiHttp(endpoint, a);
        XapiHttp bHttp = new XapiHttp(endpoint, b);
        List<Posted> posted = generate(120);
        // The same statements, ids included, in both tenants; B gets only the first 70.
        List<Posted> onlyMain = posted.stream().map(p -> new Posted(p.id(), p.statement(), false)).toList();
        post(onlyMain, aHttp, aHttp);
        post(onlyMain.subList(0, 70), bHttp, bHttp);
        Map<String, Instant> storedA = storedTimes(aHttp, onlyMain);
        Map<String, Instant> storedB = storedTimes(bHttp, onlyMain.subList(0, 70));

        for (Map<String, String> query : queries(onlyMain, storedA).subList(0, 10)) {
            List<JsonNode> fromA = readAll(aHttp, query);
            assertThat(fromA).allSatisfy(s -> assertThat(authorityKey(s)).isEqualTo(a.key()));
            assertThat(ids(fromA)).containsExactlyElementsOf(scan(onlyMain, query, storedA, p -> true));
            List<JsonNode> fromB = readAll(bHttp, query);
            assertThat(fromB).allSatisfy(s -> assertThat(authorityKey(s)).isEqualTo(b.key()));
            assertThat(ids(fromB)).containsExactlyElementsOf(scan(onlyMain.subList(0, 70), query, storedB, p -> true));

            // A's cursor replayed by B reads B's statements only, and only ones matching the query.
            JsonNode firstOfA = read(aHttp, "/statements?" + encode(query, 3));
            if (!more(firstOfA).isEmpty()) {
                JsonNode replayed = read(bHttp, more(firstOfA));
                Set<String> matchingInB = new HashSet<>(scan(onlyMain.subList(0, 70), query, storedB, p -> true));
                replayed.path("statements").forEach(s -> {
                    assertThat(authorityKey(s)).isEqualTo(b.key());
                    assertThat(matchingInB).contains(s.path("id").asString());
                });
            }
        }
    }

    // ---------------------------------------------------------------- generation

    private List<Posted> generate(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        enum Kind { ACTIVITY, AGENT_OBJECT, SUB_STATEMENT, REFERENCE, VOID }
        Kind[] kinds = new Kind[count];
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            kinds[i] = roll < 62 ? Kind.ACTIVITY : roll < 72 ? Kind.AGENT_OBJECT : roll < 80 ? Kind.SUB_STATEMENT
                    : roll < 93 ? Kind.REFERENCE : Kind.VOID;
        }
        Set<Integer> voidedTargets = new HashSet<>();
        List<Posted> posted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode statement = json.createObjectNode();
            statement.put("id", ids.get(i));
            statement.set("actor", random.nextInt(6) == 0 ? group() : agent(random.nextInt(5)));
            statement.putObject("verb").put("id", VERBS[random.nextInt(VERBS.length)]);
            Kind kind = kinds[i];
            if (kind == Kind.VOID) {
                // A target anywhere (before or after), never itself a voiding statement, never voided twice.
                int target = random.nextInt(count);
                if (target == i || kinds[target] == Kind.VOID || !voidedTargets.add(target)) {
                    kind = Kind.ACTIVITY;
                } else {
                    statement.putObject("verb").put("id", VOIDED);
                    statement.putObject("object").put("objectType", "StatementRef").put("id", ids.get(target));
                }
            }
            switch (kind) {
                case ACTIVITY -> statement.set("object", activity(random.nextInt(6)));
                case AGENT_OBJECT -> statement.set("object", agent(random.nextInt(6)));
                case SUB_STATEMENT -> {
                    ObjectNode sub = statement.putObject("object");
                    sub.put("objectType", "SubStatement");
                    sub.set("actor", agent(random.nextInt(6)));
                    sub.putObject("verb").put("id", VERBS[random.nextInt(VERBS.length)]);
                    sub.set("object", activity(random.nextInt(6)));
                    sub.putObject("context").putObject("contextActivities").putArray("category").add(activity(6 + random.nextInt(2)));
                }
                case REFERENCE -> {
                    // Earlier, later (the target arrives after its referrer), or never stored.
                    String target = random.nextInt(10) == 0 ? UUID.randomUUID().toString() : ids.get(random.nextInt(count));
                    statement.putObject("object").put("objectType", "StatementRef").put("id", target);
                }
                case VOID -> {
                    // set above
                }
            }
            if (kind != Kind.VOID && random.nextInt(5) > 0) {
                ObjectNode context = statement.putObject("context");
                if (random.nextInt(4) > 0) {
                    context.put("registration", registration(random.nextInt(4)));
                }
                if (random.nextInt(3) == 0) {
                    context.set("instructor", agent(5));
                }
                if (random.nextInt(8) == 0) {
                    context.set("team", group());
                }
                ObjectNode activities = context.putObject("contextActivities");
                activities.putArray("parent").add(activity(6 + random.nextInt(2)));
                if (random.nextInt(2) == 0) {
                    activities.putArray("grouping").add(activity(8));
                }
            }
            posted.add(new Posted(ids.get(i), statement, random.nextInt(5) == 0));
        }
        return posted;
    }

    private ObjectNode agent(int n) {
        ObjectNode agent = json.createObjectNode().put("objectType", "Agent").put("name", "ผู้เรียน " + n);
        switch (n) {
            case 0, 1, 5 -> agent.put("mbox", "mailto:learner" + n + "-" + run + "@example.go.th");
            case 2 -> agent.putObject("account").put("homePage", "https://elearning.dla.go.th").put("name", "SK-" + run);
            case 3 -> agent.put("openid", "https://id.example.go.th/" + run);
            default -> agent.put("mbox_sha1sum", sha1("mailto:hashed-" + run + "@example.go.th"));
        }
        return agent;
    }

    /** An identified group whose members are learners 1 and 2. */
    private ObjectNode group() {
        ObjectNode group = json.createObjectNode().put("objectType", "Group").put("name", "ทีมงาน")
                .put("mbox", "mailto:team-" + run + "@example.go.th");
        group.putArray("member").add(agent(1)).add(agent(2));
        return group;
    }

    private ObjectNode activity(int n) {
        return json.createObjectNode().put("objectType", "Activity").put("id", activityId(n));
    }

    private String activityId(int n) {
        return "https://elearning.dla.go.th/" + run + "/activities/" + n;
    }

    private String registration(int n) {
        return UUID.nameUUIDFromBytes((run + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts in order, in batches of 1 to 12 statements; each batch by the credential of its first statement. */
    private void post(List<Posted> posted, XapiHttp main, XapiHttp second) {
        int i = 0;
        while (i < posted.size()) {
            boolean bySecond = posted.get(i).bySecondCredential();
            ArrayNode batch = json.createArrayNode();
            int end = Math.min(posted.size(), i + 1 + random.nextInt(12));
            for (; i < end && posted.get(i).bySecondCredential() == bySecond; i++) {
                batch.add(posted.get(i).statement().deepCopy());
            }
            HttpResponse<String> response = (bySecond ? second : main).postJson("/statements", batch.toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    private String postOne(XapiHttp xapi, String verb, int n) {
        String id = UUID.randomUUID().toString();
        ObjectNode statement = json.createObjectNode().put("id", id);
        statement.set("actor", agent(n % 5));
        statement.putObject("verb").put("id", verb);
        statement.set("object", activity(n % 6));
        assertThat(xapi.postJson("/statements", statement.toString()).statusCode()).isEqualTo(200);
        return id;
    }

    /** Each statement's stored time, read one by one by id (not through a query). */
    private Map<String, Instant> storedTimes(XapiHttp xapi, List<Posted> posted) {
        Map<String, Instant> stored = new HashMap<>();
        for (Posted p : posted) {
            HttpResponse<String> response = xapi.get("/statements?statementId=" + p.id());
            if (response.statusCode() == 404) {
                response = xapi.get("/statements?voidedStatementId=" + p.id());
            }
            assertThat(response.statusCode()).as("statement %s is stored", p.id()).isEqualTo(200);
            stored.put(p.id(), Instant.parse(json.readTree(response.body()).path("stored").asString()));
        }
        return stored;
    }

    // ---------------------------------------------------------------- queries

    private List<Map<String, String>> queries(List<Posted> posted, Map<String, Instant> stored) {
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(Map.of());
        for (int n : new int[] { 0, 1, 2, 3, 4, 5 }) {
            queries.add(Map.of("agent", agent(n).toString()));
            queries.add(Map.of("agent", agent(n).toString(), "related_agents", "true"));
        }
        queries.add(Map.of("agent", group().toString()));
        queries.add(Map.of("agent", group().toString(), "related_agents", "true"));
        for (String verb : VERBS) {
            queries.add(Map.of("verb", verb));
        }
        queries.add(Map.of("verb", VOIDED));
        for (int n = 0; n < 9; n++) {
            queries.add(Map.of("activity", activityId(n)));
            queries.add(Map.of("activity", activityId(n), "related_activities", "true"));
        }
        for (int n = 0; n < 4; n++) {
            queries.add(Map.of("registration", registration(n)));
        }
        List<Instant> times = posted.stream().map(p -> stored.get(p.id())).sorted().toList();
        Instant early = times.get(times.size() / 4);
        Instant late = times.get(times.size() * 3 / 4);
        queries.add(Map.of("since", early.toString()));
        queries.add(Map.of("until", late.toString()));
        queries.add(Map.of("since", early.toString(), "until", late.toString()));
        queries.add(Map.of("since", early.toString(), "until", late.toString(), "verb", VERBS[0]));
        queries.add(Map.of("agent", agent(1).toString(), "verb", VERBS[1]));
        queries.add(Map.of("agent", agent(2).toString(), "related_agents", "true", "activity", activityId(7),
                "related_activities", "true"));
        queries.add(Map.of("registration", registration(1), "activity", activityId(6), "related_activities", "true",
                "verb", VERBS[0]));
        queries.add(Map.of("agent", agent(5).toString(), "related_agents", "true", "since", early.toString()));
        return queries;
    }

    private static Map<String, String> withAscending(Map<String, String> query) {
        Map<String, String> ascending = new LinkedHashMap<>(query);
        ascending.put("ascending", "true");
        return ascending;
    }

    private void assertSameAsScan(XapiHttp xapi, Map<String, String> query, List<Posted> posted, Map<String, Instant> stored,
            Predicate<Posted> readable) {
        List<String> expected = scan(posted, query, stored, readable);
        assertThat(ids(readAll(xapi, query))).as("query %s", query).containsExactlyElementsOf(expected);
    }

    private List<JsonNode> readAll(XapiHttp xapi, Map<String, String> query) {
        List<JsonNode> statements = new ArrayList<>();
        String next = "/statements?" + encode(query, PAGE);
        int pages = 0;
        while (!next.isEmpty()) {
            JsonNode page = read(xapi, next);
            page.path("statements").forEach(statements::add);
            next = more(page);
            assertThat(++pages).as("pages of %s", query).isLessThan(1000);
        }
        return statements;
    }

    private static String encode(Map<String, String> query, int limit) {
        StringBuilder text = new StringBuilder("limit=" + limit);
        query.forEach((name, value) -> text.append('&').append(XapiHttp.query(name, value)));
        return text.toString();
    }

    private JsonNode read(XapiHttp xapi, String pathAndQuery) {
        HttpResponse<String> response = xapi.get(pathAndQuery);
        assertThat(response.statusCode()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String more(JsonNode page) {
        String more = page.path("more").asString("");
        return more.isEmpty() ? "" : more.substring("/xapi".length());
    }

    private static List<String> ids(List<JsonNode> statements) {
        return statements.stream().map(s -> s.path("id").asString()).toList();
    }

    private static String authorityKey(JsonNode statement) {
        return statement.path("authority").path("account").path("name").asString();
    }

    // ---------------------------------------------------------------- the scan

    /** The ids the query must return, read off every posted statement, in the order it must return them. */
    private List<String> scan(List<Posted> posted, Map<String, String> query, Map<String, Instant> stored, Predicate<Posted> readable) {
        Map<String, Posted> byId = new HashMap<>();
        posted.forEach(p -> byId.put(p.id(), p));
        Set<String> voided = new HashSet<>();
        for (Posted p : posted) {
            if (VOIDED.equals(p.statement().path("verb").path("id").asString()) && byId.containsKey(targetOf(p))) {
                voided.add(targetOf(p));
            }
        }
        Instant since = query.containsKey("since") ? Instant.parse(query.get("since")) : null;
        Instant until = query.containsKey("until") ? Instant.parse(query.get("until")) : null;
        List<String> result = new ArrayList<>();
        for (Posted p : posted) {
            Instant at = stored.get(p.id());
            if (voided.contains(p.id()) || !readable.test(p) || since != null && !at.isAfter(since) || until != null && at.isAfter(until)) {
                continue;
            }
            if (meets(p, query, byId)) {
                result.add(p.id());
            }
        }
        if (!"true".equals(query.get("ascending"))) {
            java.util.Collections.reverse(result);
        }
        return result;
    }

    /** Every filter condition holds for the statement itself or for a statement it targets, recursively (Communication 2.1.3). */
    private boolean meets(Posted p, Map<String, String> query, Map<String, Posted> byId) {
        for (Map.Entry<String, String> condition : query.entrySet()) {
            String name = condition.getKey();
            if (!Set.of("agent", "verb", "activity", "registration").contains(name)) {
                continue;
            }
            boolean met = false;
            Set<String> seen = new HashSet<>();
            for (Posted at = p; at != null && seen.add(at.id()) && !met; at = byId.get(targetOf(at))) {
                met = meetsItself(at.statement(), name, condition.getValue(), query);
            }
            if (!met) {
                return false;
            }
        }
        return true;
    }

    private boolean meetsItself(JsonNode statement, String condition, String value, Map<String, String> query) {
        return switch (condition) {
            case "verb" -> statement.path("verb").path("id").asString().equals(value);
            case "registration" -> statement.path("context").path("registration").asString("").equalsIgnoreCase(value);
            case "activity" -> "true".equals(query.get("related_activities"))
                    ? relatedActivities(statement).contains(value)
                    : isActivity(statement.path("object")) && statement.path("object").path("id").asString().equals(value);
            case "agent" -> {
                String wanted = identity(json.readTree(value));
                yield "true".equals(query.get("related_agents")) ? relatedAgents(statement).contains(wanted)
                        : identity(statement.path("actor")).equals(wanted) || isAgent(statement.path("object"))
                                && identity(statement.path("object")).equals(wanted);
            }
            default -> throw new IllegalArgumentException(condition);
        };
    }

    private static String targetOf(Posted p) {
        JsonNode object = p.statement().path("object");
        return "StatementRef".equals(object.path("objectType").asString()) ? object.path("id").asString() : null;
    }

    private static boolean isActivity(JsonNode object) {
        return !object.has("objectType") || "Activity".equals(object.path("objectType").asString());
    }

    private static boolean isAgent(JsonNode object) {
        return Set.of("Agent", "Group").contains(object.path("objectType").asString());
    }

    /** An agent's inverse functional identifier as one comparable string; "" for none (an anonymous group). */
    private static String identity(JsonNode agent) {
        for (String ifi : List.of("mbox", "mbox_sha1sum", "openid")) {
            if (agent.has(ifi)) {
                return ifi + "=" + agent.path(ifi).asString();
            }
        }
        return agent.has("account") ? "account=" + agent.path("account").path("homePage").asString() + "/"
                + agent.path("account").path("name").asString() : "";
    }

    /** Actor, object, their group members, context instructor and team, and the same inside a sub-statement. */
    private static Set<String> relatedAgents(JsonNode statement) {
        Set<String> agents = new HashSet<>();
        List<JsonNode> places = new ArrayList<>(List.of(statement.path("actor"), statement.path("context").path("instructor"),
                statement.path("context").path("team")));
        JsonNode object = statement.path("object");
        if (isAgent(object)) {
            places.add(object);
        } else if ("SubStatement".equals(object.path("objectType").asString())) {
            places.addAll(List.of(object.path("actor"), object.path("object"), object.path("context").path("instructor")));
        }
        for (JsonNode place : places) {
            if (place.isObject()) {
                agents.add(identity(place));
                place.path("member").forEach(member -> agents.add(identity(member)));
            }
        }
        agents.remove("");
        return agents;
    }

    /** The object activity and every context activity, of the statement and of its sub-statement. */
    private static Set<String> relatedActivities(JsonNode statement) {
        Set<String> activities = new HashSet<>();
        for (JsonNode part : List.of(statement, statement.path("object"))) {
            if (part != statement && !"SubStatement".equals(part.path("objectType").asString())) {
                continue;
            }
            if (isActivity(part.path("object")) && part.path("object").has("id")) {
                activities.add(part.path("object").path("id").asString());
            }
            for (JsonNode kind : part.path("context").path("contextActivities")) {
                kind.forEach(activity -> activities.add(activity.path("id").asString()));
            }
        }
        return activities;
    }
}
