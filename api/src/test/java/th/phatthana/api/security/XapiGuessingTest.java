package th.phatthana.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;

/**
 * Guessing xAPI secrets: after 10 wrong secrets for one key from one address within a minute
 * that address gets 429 with Retry-After for that key (and an audit event is written), while the
 * provider itself, at another address, goes on unhindered. An unknown key is answered no faster
 * than a wrong secret for a known one, so keys cannot be discovered by timing.
 */
class XapiGuessingTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    MongoTemplate mongo;

    @Test
    void repeatedWrongSecretsAreStoppedWithoutLockingOutTheProvider() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.เดารหัส");
        HttpClient attacker = HttpClient.newHttpClient();
        HttpClient provider = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        for (int i = 0; i < 10; i++) {
            assertThat(get(attacker, access.key(), "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> stopped = get(attacker, access.key(), "wrong-again");
        assertThat(stopped.statusCode()).isEqualTo(429);
        assertThat(stopped.headers().firstValue("Retry-After")).isPresent();
        assertThat(stopped.body()).contains("too many failed authentications");
        assertThat(get(attacker, access.key(), access.secret()).statusCode()).as("even the right secret waits at that address")
                .isEqualTo(429);
        assertThat(get(provider, access.key(), access.secret()).statusCode()).as("the provider at its own address").isEqualTo(200);
        assertThat(mongo.getCollection("audit_events").countDocuments(
                new Document("tenantId", access.tenant().id()).append("action", "xapi.credential.guessingStopped"))).isEqualTo(1);
    }

    @Test
    void anUnknownKeyTakesAsLongAsAWrongSecret() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.จับเวลา");
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.3")).build();
        List<Long> wrongSecret = new ArrayList<>();
        List<Long> unknownKey = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // a fresh key each time: nothing is throttled or cached
            wrongSecret.add(timed(client, i % 2 == 0 ? access.key() : tenants.credential(access.tenant()).key(), "not-it-" + i));
            unknownKey.add(timed(client, "no-such-key-" + i, "not-it-" + i));
        }
        Collections.sort(wrongSecret);
        Collections.sort(unknownKey);
        long wrongMedian = wrongSecret.get(4);
        long unknownMedian = unknownKey.get(4);
        assertThat(unknownMedian).as("unknown key %d µs vs wrong secret %d µs", unknownMedian / 1000, wrongMedian / 1000)
                .isGreaterThan(wrongMedian / 2);
    }

    private long timed(HttpClient client, String key, String secret) throws Exception {
        long start = System.nanoTime();
        assertThat(get(client, key, secret).statusCode()).isEqualTo(401);
        return System.nanoTime() - start;
    }

    private HttpResponse<String> get(HttpClient client, String key, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(xapiEndpoint() + "statements?limit=1")).header("Authorization", "Basic " + basic)
                .header("X-Experience-API-Version", "1.0.3").build(), HttpResponse.BodyHandlers.ofString());
    }
}
