package th.phatthana.lrs.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiProperties;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;

class StatementReadPermitsTest {

    private final StatementReadPermits permits = new StatementReadPermits(
            new XapiProperties(null, null, null, Duration.ofMillis(200), 2, 3));

    private static XapiClient client(String tenant, String credential) {
        return new XapiClient(tenant, credential, "key-" + credential, "Provider", Set.of(XapiScope.ALL));
    }

    @Test
    void aCredentialBeyondItsBoundIsRefusedAtOnceWith429AndRetryAfter() {
        StatementReadPermits.Permit first = permits.acquire(client("t1", "a"));
        StatementReadPermits.Permit second = permits.acquire(client("t1", "a"));
        long begin = System.nanoTime();
        XapiException refused = catchThrowableOfType(XapiException.class, () -> permits.acquire(client("t1", "a")));
        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(System.nanoTime() - begin).as("refused without waiting").isLessThan(Duration.ofMillis(100).toNanos());
        first.close();
        permits.acquire(client("t1", "a")).close();
        second.close();
    }

    @Test
    void aTenantBeyondItsBoundWaitsItsTurnThen503WithRetryAfter() throws Exception {
        StatementReadPermits.Permit a = permits.acquire(client("t2", "a"));
        StatementReadPermits.Permit b = permits.acquire(client("t2", "b"));
        StatementReadPermits.Permit c = permits.acquire(client("t2", "c"));
        long begin = System.nanoTime();
        XapiException refused = catchThrowableOfType(XapiException.class, () -> permits.acquire(client("t2", "d")));
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(System.nanoTime() - begin).as("waited for the time limit").isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
        // Another tenant is not held up by the first one's reads.
        permits.acquire(client("t3", "e")).close();
        // A waiting read gets the permit as soon as one is released.
        Thread release = new Thread(() -> {
            sleep(50);
            a.close();
        });
        release.start();
        permits.acquire(client("t2", "d")).close();
        release.join();
        b.close();
        c.close();
        // The refused read gave its credential permit back.
        permits.acquire(client("t2", "d")).close();
        permits.acquire(client("t2", "d")).close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
