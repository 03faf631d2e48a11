package th.phatthana.api.xapi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.xapi.documents.DocumentHttp.text;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optimistic concurrency of the three document resources (xAPI Communication 3.1, 2.0 §4.1.4): the
 * 204 / 412 / 409 matrix of PUT, POST and DELETE under If-Match and If-None-Match. State is run
 * with xAPI 2.0, where the conformance suite applies the "no header on an existing document → 409"
 * rule to State as well; the 1.0.3 State exception is tested on its own.
 */
class DocumentConcurrencyTest extends IntegrationTest {

    private static final String WRONG = "\"1111111111111111111111111111111111111111\"";

    @Autowired
    TestTenants tenants;

    final JsonMapper json = JsonMapper.builder().build();
    TestTenants.XapiAccess access;
    DocumentHttp v1;
    DocumentHttp v2;

    @BeforeEach
    void tenant() {
        access = tenants.xapi("อบต.พร้อมกัน");
        v1 = new DocumentHttp(new XapiHttp(xapiEndpoint(), access));
        v2 = new DocumentHttp(new XapiHttp(xapiEndpoint(), access).withVersion("2.0.0"));
    }

    private DocumentHttp.Target target(String kind) {
        return DocumentHttp.fresh(kind);
    }

    private String name(DocumentHttp http, String url) {
        return json.readTree(text(http.get(url))).path("name").asString();
    }

    /** Creates {"name": name, "keep": 1} with If-None-Match: * and returns its ETag from GET. */
    private String create(DocumentHttp http, String url, String name) {
        assertThat(http.putJson(url, "{\"name\":\"" + name + "\",\"keep\":1}", "If-None-Match", "*").statusCode()).isEqualTo(204);
        return http.etag(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void getAndWritesCarryAQuotedSha1EtagOfTheStoredBytes(String kind) {
        DocumentHttp.Target target = target(kind);
        String url = target.one("doc");
        String body = "{\"name\":\"สมหญิง\",\"progress\":0.50}";
        HttpResponse<byte[]> put = v2.putJson(url, body, "If-None-Match", "*");
        assertThat(put.statusCode()).isEqualTo(204);
        String expected = DocumentHttp.quotedSha1(body.getBytes(StandardCharsets.UTF_8));
        assertThat(put.headers().firstValue("ETag")).hasValue(expected);

        HttpResponse<byte[]> get = v2.get(url);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("ETag")).hasValue(expected);
        assertThat(get.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9a-f]{40}\"");
        assertThat(text(get)).isEqualTo(body);
        assertThat(get.headers().firstValue("Last-Modified")).isPresent();

        HttpResponse<byte[]> post = v2.postJson(url, "{\"more\":true}");
        assertThat(post.statusCode()).isEqualTo(204);
        HttpResponse<byte[]> merged = v2.get(url);
        assertThat(post.headers().firstValue("ETag")).hasValue(merged.headers().firstValue("ETag").orElseThrow());
        assertThat(merged.headers().firstValue("ETag")).hasValue(DocumentHttp.quotedSha1(merged.body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void putHonoursIfMatch(String kind) {
        String url = target(kind).one("put-if-match");
        String etag = create(v2, url, "original");

        HttpResponse<byte[]> wrong = v2.putJson(url, "{\"name\":\"wrong\"}", "If-Match", WRONG);
        assertThat(wrong.statusCode()).isEqualTo(412);
        assertThat(json.readTree(text(wrong)).path("message").asString()).contains("If-Match");
        assertThat(name(v2, url)).isEqualTo("original");

        // A weak tag never matches If-Match (strong comparison).
        assertThat(v2.putJson(url, "{\"name\":\"weak\"}", "If-Match", "W/" + etag).statusCode()).isEqualTo(412);
        assertThat(name(v2, url)).isEqualTo("original");

        assertThat(v2.putJson(url, "{\"name\":\"updated\"}", "If-Match", WRONG + ", " + etag).statusCode()).isEqualTo(204);
        assertThat(text(v2.get(url))).isEqualTo("{\"name\":\"updated\"}");

        // The old tag is stale now.
        assertThat(v2.putJson(url, "{\"name\":\"stale\"}", "If-Match", etag).statusCode()).isEqualTo(412);
        assertThat(name(v2, url)).isEqualTo("updated");

        assertThat(v2.putJson(url, "{\"name\":\"any\"}", "If-Match", "*").statusCode()).isEqualTo(204);
        assertThat(name(v2, url)).isEqualTo("any");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void putWithIfMatchOnAMissingDocumentFails(String kind) {
        String url = target(kind).one("missing");
        assertThat(v2.putJson(url, "{\"name\":\"x\"}", "If-Match", "*").statusCode()).isEqualTo(412);
        assertThat(v2.putJson(url, "{\"name\":\"x\"}", "If-Match", WRONG).statusCode()).isEqualTo(412);
        assertThat(v2.get(url).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void putHonoursIfNoneMatch(String kind) {
        String url = target(kind).one("put-if-none-match");
        String etag = create(v2, url, "first");

        HttpResponse<byte[]> again = v2.putJson(url, "{\"name\":\"second\"}", "If-None-Match", "*");
        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(json.readTree(text(again)).path("message").asString()).contains("already exists");
        assertThat(name(v2, url)).isEqualTo("first");

        assertThat(v2.putJson(url, "{\"name\":\"second\"}", "If-None-Match", etag).statusCode()).isEqualTo(412);
        assertThat(name(v2, url)).isEqualTo("first");

        assertThat(v2.putJson(url, "{\"name\":\"second\"}", "If-None-Match", WRONG).statusCode()).isEqualTo(204);
        assertThat(name(v2, url)).isEqualTo("second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void putWithoutEitherHeaderOnAnExistingDocumentIsAConflict(String kind) {
        String url = target(kind).one("put-no-header");
        create(v2, url, "kept");

        HttpResponse<byte[]> conflict = v2.putJson(url, "{\"name\":\"lost update\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode error = json.readTree(text(conflict));
        assertThat(error.path("error").asString()).isEqualTo("Conflict");
        assertThat(error.path("message").asString()).contains("If-Match").contains("already exists");
        assertThat(name(v2, url)).isEqualTo("kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"activity-profile", "agent-profile"})
    void aProfilePutWithoutEitherHeaderCannotCreateEither(String kind) {
        String url = target(kind).one("new-no-header");
        HttpResponse<byte[]> response = v1.putJson(url, "{\"name\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(text(response)).path("message").asString()).contains("If-None-Match: *");
        assertThat(v1.get(url).statusCode()).isEqualTo(404);
    }

    @Test
    void stateIsPutWithoutHeadersIn103ButNotOverAnExistingDocumentIn20() {
        DocumentHttp.Target target = target("state");
        String url = target.one("scratch");
        assertThat(v1.putJson(url, "{\"name\":\"one\"}").statusCode()).isEqualTo(204);
        assertThat(v1.putJson(url, "{\"name\":\"two\"}").statusCode()).isEqualTo(204);
        assertThat(name(v1, url)).isEqualTo("two");

        assertThat(v2.putJson(url, "{\"name\":\"three\"}").statusCode()).isEqualTo(409);
        assertThat(name(v2, url)).isEqualTo("two");
        String fresh = target.one("scratch-2");
        assertThat(v2.putJson(fresh, "{\"name\":\"new\"}").statusCode()).isEqualTo(204);
        assertThat(name(v2, fresh)).isEqualTo("new");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void postHonoursIfMatchAndIfNoneMatch(String kind) {
        String url = target(kind).one("post");
        String etag = create(v2, url, "original");

        assertThat(v2.postJson(url, "{\"name\":\"wrong\"}", "If-Match", WRONG).statusCode()).isEqualTo(412);
        assertThat(name(v2, url)).isEqualTo("original");
        assertThat(v2.postJson(url, "{\"name\":\"exists\"}", "If-None-Match", "*").statusCode()).isEqualTo(412);
        assertThat(name(v2, url)).isEqualTo("original");

        assertThat(v2.postJson(url, "{\"name\":\"merged\"}", "If-Match", etag).statusCode()).isEqualTo(204);
        JsonNode merged = json.readTree(text(v2.get(url)));
        assertThat(merged.path("name").asString()).isEqualTo("merged");
        assertThat(merged.path("keep").asInt()).isEqualTo(1);

        // Without a header a POST merges (it cannot lose data, so no 409).
        assertThat(v2.postJson(url, "{\"extra\":2}").statusCode()).isEqualTo(204);
        assertThat(json.readTree(text(v2.get(url))).path("extra").asInt()).isEqualTo(2);

        String missing = target(kind).one("post-missing");
        assertThat(v2.postJson(missing, "{\"a\":1}", "If-Match", "*").statusCode()).isEqualTo(412);
        assertThat(v2.get(missing).statusCode()).isEqualTo(404);
        assertThat(v2.postJson(missing, "{\"a\":1}", "If-None-Match", "*").statusCode()).isEqualTo(204);
        assertThat(text(v2.get(missing))).isEqualTo("{\"a\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void deleteHonoursIfMatchAndIfNoneMatch(String kind) {
        String url = target(kind).one("delete");
        String etag = create(v2, url, "doomed");

        assertThat(v2.delete(url, "If-Match", WRONG).statusCode()).isEqualTo(412);
        assertThat(v2.get(url).statusCode()).isEqualTo(200);
        assertThat(v2.delete(url, "If-None-Match", "*").statusCode()).isEqualTo(412);
        assertThat(v2.get(url).statusCode()).isEqualTo(200);

        assertThat(v2.delete(url, "If-Match", etag).statusCode()).isEqualTo(204);
        assertThat(v2.get(url).statusCode()).isEqualTo(404);

        // Gone: If-Match cannot hold any more; a plain DELETE is still 204.
        assertThat(v2.delete(url, "If-Match", etag).statusCode()).isEqualTo(412);
        assertThat(v2.delete(url).statusCode()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "activity-profile", "agent-profile"})
    void aPlainDeleteRemovesTheDocument(String kind) {
        String url = target(kind).one("plain-delete");
        create(v1, url, "bye");
        assertThat(v1.delete(url).statusCode()).isEqualTo(204);
        assertThat(v1.get(url).statusCode()).isEqualTo(404);
    }

    @Test
    void aGetWithAMatchingIfNoneMatchIsNotModified() {
        String url = target("activity-profile").one("cached");
        String etag = create(v2, url, "cached");
        HttpResponse<byte[]> response = v2.get(url, "If-None-Match", etag);
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void racingWritersNeitherCreateTwiceNorLoseAMerge() throws Exception {
        DocumentHttp.Target target = target("agent-profile");
        String url = target.one("race");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                creates.add(pool.submit(() -> {
                    start.await();
                    return v2.putJson(url, "{\"creator\":" + n + "}", "If-None-Match", "*").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> create : creates) {
                statuses.add(create.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(204, 412);
            assertThat(statuses.stream().filter(s -> s == 204).count()).isEqualTo(1);

            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> merges = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                merges.add(pool.submit(() -> {
                    go.await();
                    return v2.postJson(url, "{\"k" + n + "\":" + n + "}").statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> merge : merges) {
                assertThat(merge.get(30, TimeUnit.SECONDS)).isEqualTo(204);
            }
            JsonNode merged = json.readTree(text(v2.get(url)));
            for (int i = 0; i < writers; i++) {
                assertThat(merged.path("k" + i).asInt(-1)).as("k" + i).isEqualTo(i);
            }
            assertThat(merged.has("creator")).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
