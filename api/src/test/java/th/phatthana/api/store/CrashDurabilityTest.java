package th.phatthana.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import th.phatthana.api.testing.ChildApplication;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.XapiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promise of an LRS: a statement answered 200 is kept. Four providers post batches to the
 * application on the persistent embedded store; the process is killed with SIGKILL at a random
 * moment, restarted on the same data, and every acknowledged id must be there. Three crashes in a
 * row; afterwards the progress read model must have caught up on its own with every stored
 * statement counted exactly once, and no log line may hold a stack trace or a learner's address.
 */
@Tag("crash")
class CrashDurabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PROVIDERS = 4;
    private static final int LEARNERS = 6;

    @TempDir
    Path workDir;

    @Test
    void everyAcknowledgedStatementSurvivesSigkillAndProgressResumesExactly() throws Exception {
        Path data = workDir.resolve("data");
        Files.createDirectories(data);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Path> logs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ChildApplication app = ChildApplication.start(data);
            logs.add(app.log());
            try {
                if (round > 0) {
                    assertAllStored(app, acknowledged, "after crash " + round + " (seed " + seed + ")");
                }
                postUntilKilled(app, acknowledged, random);
            } finally {
                app.close();
            }
        }
        try (ChildApplication app = ChildApplication.start(data)) {
            logs.add(app.log());
            Map<String, Integer> stored = assertAllStored(app, acknowledged, "after the last crash (seed " + seed + ")");
            assertThat(acknowledged).hasSizeGreaterThan(200);
            awaitProgressCounts(app, stored);
        }
        for (Path log : logs) {
            String text = Files.readString(log);
            assertThat(text).as("log %s", log).doesNotContain("crash-learner").doesNotContain("\tat ");
        }
    }

    /** Providers post batches until the process dies under them; a kill lands at a random moment. */
    private static void postUntilKilled(ChildApplication app, Set<String> acknowledged, Random random) throws Exception {
        XapiHttp xapi = new XapiHttp(app.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
        AtomicBoolean dead = new AtomicBoolean();
        List<Thread> providers = new ArrayList<>();
        for (int p = 0; p < PROVIDERS; p++) {
            Random own = new Random(random.nextLong());
            Thread provider = Thread.ofPlatform().start(() -> {
                while (!dead.get()) {
                    List<String> ids = new ArrayList<>();
                    StringBuilder batch = new StringBuilder("[");
                    int size = 1 + own.nextInt(40);
                    for (int i = 0; i < size; i++) {
                        String id = UUID.randomUUID().toString();
                        ids.add(id);
                        batch.append(i == 0 ? "" : ",").append(statement(id, own.nextInt(LEARNERS), own.nextInt(20)));
                    }
                    try {
                        HttpResponse<String> response = xapi.postJson("/statements", batch.append(']').toString());
                        if (response.statusCode() == 200) {
                            acknowledged.addAll(ids);
                        }
                    } catch (RuntimeException e) {
                        return; // the process is gone
                    }
                }
            });
            providers.add(provider);
        }
        Thread.sleep(1500 + random.nextInt(2500));
        app.kill();
        dead.set(true);
        for (Thread provider : providers) {
            provider.join(Duration.ofSeconds(30));
        }
    }

    static String statement(String id, int learner, int activity) {
        return """
                {"id":"%s","actor":{"objectType":"Agent","mbox":"mailto:crash-learner-%d@example.org"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"https://example.org/crash/activity-%d"}}""".formatted(id, learner, activity);
    }

    /** Reads every stored statement through the Statement API; asserts each acknowledged id is among them; counts per learner. */
    private static Map<String, Integer> assertAllStored(ChildApplication app, Set<String> acknowledged, String when) {
        XapiHttp xapi = new XapiHttp(app.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
        Set<String> stored = new java.util.HashSet<>();
        Map<String, Integer> perLearner = new HashMap<>();
        String next = "/statements?limit=500";
        while (next != null && !next.isEmpty()) {
            HttpResponse<String> response = xapi.get(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode statement : page.path("statements")) {
                stored.add(statement.path("id").asString());
                perLearner.merge("mbox|" + statement.path("actor").path("mbox").asString(), 1, Integer::sum);
            }
            String more = page.path("more").asString("");
            next = more.isEmpty() ? null : more.substring(more.indexOf("/statements"));
        }
        List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
        assertThat(lost).as("acknowledged statements missing %s, of %d acknowledged", when, acknowledged.size()).isEmpty();
        return perLearner;
    }

    /** The projector resumes by itself: each learner's statement count in progress equals what is stored, no more, no less. */
    private static void awaitProgressCounts(ChildApplication app, Map<String, Integer> stored) throws InterruptedException {
        GraphQlHttp graphql = new GraphQlHttp(app.baseUrl(), ChildApplication.ADMIN_TOKEN);
        Map<String, Integer> projected = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode answer = graphql.execute("{ unmatchedActors(first: 100) { displayKey statements } }", Map.of());
            projected = new HashMap<>();
            for (JsonNode actor : answer.path("data").path("unmatchedActors")) {
                projected.put(actor.path("displayKey").asString(), actor.path("statements").asInt());
            }
            if (projected.equals(stored)) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(projected).as("statements per learner in progress vs stored").isEqualTo(stored);
    }
}
