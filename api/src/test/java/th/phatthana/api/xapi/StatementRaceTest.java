package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.lrs.statements.StatementRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that store the same statement at the same moment. xAPI: the same id with the same
 * content is not a conflict; only different content under one id is (409). And whatever is
 * refused leaves no gap in the tenant's statement stream for progress to wait on.
 */
class StatementRaceTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestTenants tenants;

    @Autowired
    StatementRepository repository;

    private final ExecutorService pool = Executors.newFixedThreadPool(24);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void twentySimultaneousPostsOfOneStatementAllSucceedAndStoreItOnce() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.แข่งกัน");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        for (int round = 0; round < 5; round++) {
            String id = UUID.randomUUID().toString();
            String statement = statement(id, "racer-" + round, "https://example.org/race/" + round);
            List<HttpResponse<String>> answers = together(20, () -> xapi.postJson("/statements", statement));
            assertThat(answers).extracting(HttpResponse::statusCode).as("round %d", round).containsOnly(200);
            assertThat(countFor(xapi, "racer-" + round)).as("stored once").isEqualTo(1);
        }
        assertNoGapsIn(access);
    }

    @Test
    void aBatchRacingASinglePostOfOneOfItsStatementsIsStoredWhole() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ชุดแข่ง");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        for (int round = 0; round < 10; round++) {
            String actor = "batch-racer-" + round;
            List<String> statements = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                statements.add(statement(UUID.randomUUID().toString(), actor, "https://example.org/batch/" + i));
            }
            String batch = "[" + String.join(",", statements) + "]";
            String single = statements.get(round * 5);
            List<HttpResponse<String>> answers = together(2, () -> xapi.postJson("/statements", batch),
                    () -> xapi.postJson("/statements", single));
            assertThat(answers).extracting(HttpResponse::statusCode).as("round %d: %s", round, answers).containsOnly(200);
            assertThat(countFor(xapi, actor)).isEqualTo(50);
        }
        assertNoGapsIn(access);
    }

    @Test
    void differentStatementsUnderOneIdAtOnceStoreExactlyOneAndRefuseTheRest() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.ขัดแย้ง");
        XapiHttp xapi = new XapiHttp(xapiEndpoint(), access);
        for (int round = 0; round < 5; round++) {
            String id = UUID.randomUUID().toString();
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String statement = statement(id, "conflict-" + round, "https://example.org/conflict/" + i);
                posts.add(() -> xapi.postJson("/statements", statement));
            }
            List<HttpResponse<String>> answers = together(10, posts);
            assertThat(answers.stream().filter(a -> a.statusCode() == 200).count()).as("one wins").isEqualTo(1);
            assertThat(answers.stream().filter(a -> a.statusCode() == 409).count()).as("the rest conflict").isEqualTo(9);
            String winner = xapi.get("/statements?statementId=" + id).body();
            assertThat(winner).contains("https://example.org/conflict/");
        }
        assertNoGapsIn(access);
    }

    /** Every number of the stream holds a statement or is recorded as a hole; no write is left in flight. */
    private void assertNoGapsIn(TestTenants.XapiAccess access) {
        String tenantId = access.tenant().id();
        long last = repository.lastSequence(tenantId);
        assertThat(last).isPositive();
        Set<Long> holes = repository.holes(tenantId, 1, (int) last);
        Set<Long> written = new java.util.HashSet<>();
        repository.read(tenantId, 1, (int) last).forEach(statement -> written.add(statement.seq()));
        for (long seq = 1; seq <= last; seq++) {
            assertThat(written.contains(seq) || holes.contains(seq)).as("number %d of the stream is neither written nor a hole", seq).isTrue();
            assertThat(written.contains(seq) && holes.contains(seq)).as("number %d is both", seq).isFalse();
            assertThat(repository.inFlight(tenantId, seq)).isFalse();
        }
    }

    private static int countFor(XapiHttp xapi, String actor) {
        String agent = "{\"mbox\":\"mailto:" + actor + "@example.org\"}";
        JsonNode page = JSON.readTree(xapi.get("/statements?limit=500&" + XapiHttp.query("agent", agent)).body());
        return page.path("statements").size();
    }

    static String statement(String id, String actor, String activity) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:%s@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"%s"}}""".formatted(id, actor, activity);
    }

    @SafeVarargs
    private List<HttpResponse<String>> together(int copies, Callable<HttpResponse<String>>... requests) throws Exception {
        List<Callable<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            all.add(requests[i % requests.length]);
        }
        return together(copies, all);
    }

    private List<HttpResponse<String>> together(int count, List<Callable<HttpResponse<String>>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (Callable<HttpResponse<String>> request : requests.subList(0, count)) {
            futures.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }
}
