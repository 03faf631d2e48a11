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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.HashSet;


/**
 * An online backup of the persistent embedded store: taken while four providers post statements,
 * it holds every statement acknowledged before it was asked for, and an application started from it
 * (in a fresh data directory) has exactly the statements the backup reported, with progress that
 * equals a rebuild from those statements. A backup is refused without the NATIONAL role.
 */
class OnlineBackupTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NATIONAL_TOKEN = "pht_backup_test_national_token_0123456789abcdef";

    @TempDir
    Path workDir;

    @Test
    void aBackupUnderLoadHoldsEveryAcknowledgedStatementAndRestoresExactly() throws Exception {
        Path data = workDir.resolve("data");
        Files.createDirectories(data);
        Map<String, String> settings = new HashMap<>(Map.of("PHATTHANA_BOOTSTRAP_NATIONAL", "true",
                "PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN", NATIONAL_TOKEN));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> beforeBackup;
        JsonNode backup;
        try (ChildApplication app = ChildApplication.start(data, settings)) {
            HttpResponse<String> refused = post(app.baseUrl() + "/api/admin/backup", ChildApplication.ADMIN_TOKEN);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("NATIONAL");

            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> providers = providers(app, acknowledged, stop);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            beforeBackup = Set.copyOf(acknowledged);
            HttpResponse<String> made = post(app.baseUrl() + "/api/admin/backup", NATIONAL_TOKEN);
            int atBackup = acknowledged.size();
            while (acknowledged.size() < atBackup + 50 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            stop.set(true);
            for (Thread provider : providers) {
                provider.join(Duration.ofSeconds(30));
            }
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
            backup = JSON.readTree(made.body());
            assertThat(beforeBackup).hasSizeGreaterThan(50);
            assertThat(acknowledged.size()).as("providers kept writing while the backup was taken").isGreaterThan(beforeBackup.size());
        }

        Path restoredData = workDir.resolve("restored");
        Files.createDirectories(restoredData);
        Map<String, String> restore = new HashMap<>(Map.of("PHATTHANA_RESTORE_FROM", backup.path("file").asString()));
        long reported = backup.path("documents").path("statements").asLong();
        try (ChildApplication app = ChildApplication.start(restoredData, restore)) {
            Set<String> stored = storedIds(app);
            assertThat(stored).as("every statement acknowledged before the backup").containsAll(beforeBackup);
            assertThat(acknowledged).as("nothing that was not acknowledged").containsAll(stored);
            assertThat((long) stored.size()).as("the statements the backup reported").isEqualTo(reported);
            assertProgressEqualsARebuild(app);
        }
    }

    private static List<Thread> providers(ChildApplication app, Set<String> acknowledged, AtomicBoolean stop) {
        XapiHttp xapi = new XapiHttp(app.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
        List<Thread> providers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int provider = p;
            providers.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (!stop.get()) {
                    List<String> ids = new ArrayList<>();
                    StringBuilder batch = new StringBuilder("[");
                    for (int i = 0; i < 10; i++) {
                        String id = UUID.randomUUID().toString();
                        ids.add(id);
                        batch.append(i == 0 ? "" : ",").append(CrashDurabilityTest.statement(id, (provider + n + i) % 6, (n + i) % 20));
                    }
                    n++;
                    HttpResponse<String> response = xapi.postJson("/statements", batch.append(']').toString());
                    if (response.statusCode() == 200) {
                        acknowledged.addAll(ids);
                    } else {
                        System.out.println("refused: " + response.statusCode() + " " + response.body());
                    }
                }
            }));
        }
        return providers;
    }

    private static HttpResponse<String> post(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Set<String> storedIds(ChildApplication app) {
        XapiHttp xapi = new XapiHttp(app.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
        Set<String> stored = new HashSet<>();
        String next = "/statements?limit=500";
        while (next != null) {
            HttpResponse<String> response = xapi.get(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode statement : page.path("statements")) {
                stored.add(statement.path("id").asString());
            }
            String more = page.path("more").asString("");
            next = more.isEmpty() ? null : more.substring(more.indexOf("/statements"));
        }
        return stored;
    }

    /** The restored read model, once caught up, says what a rebuild from the restored statements says. */
    private static void assertProgressEqualsARebuild(ChildApplication app) throws InterruptedException {
        GraphQlHttp graphql = new GraphQlHttp(app.baseUrl(), ChildApplication.ADMIN_TOKEN);
        String query = "{ unmatchedActors(first: 100) { displayKey statements } }";
        Map<String, Integer> stored = new HashMap<>();
        XapiHttp xapi = new XapiHttp(app.xapiEndpoint(), ChildApplication.XAPI_KEY, ChildApplication.XAPI_SECRET, "1.0.3");
        String next = "/statements?limit=500";
        while (next != null) {
            JsonNode page = JSON.readTree(xapi.get(next).body());
            for (JsonNode statement : page.path("statements")) {
                stored.merge("mbox|" + statement.path("actor").path("mbox").asString(), 1, Integer::sum);
            }
            String more = page.path("more").asString("");
            next = more.isEmpty() ? null : more.substring(more.indexOf("/statements"));
        }
        Map<String, Integer> projected = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            projected = new HashMap<>();
            for (JsonNode actor : graphql.execute(query, Map.of()).path("data").path("unmatchedActors")) {
                projected.put(actor.path("displayKey").asString(), actor.path("statements").asInt());
            }
            if (projected.equals(stored)) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(projected).as("statements per learner in the restored progress vs the restored statements").isEqualTo(stored);
    }
}
