package th.phatthana.lrs.statements;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiProperties;
import th.phatthana.tenants.credentials.XapiClient;

/**
 * Bounds how many statement reads one credential has running at once, so a client that opens many
 * connections cannot take the store (or the CPUs) from other tenants: a read beyond the bound is
 * refused at once with 429 and {@code Retry-After}, before it touches the store.
 */
@Component
class StatementReadPermits {

    /** Reads finish in milliseconds; a second is long enough for one of the client's own to finish. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int perCredential;
    private final ConcurrentHashMap<String, Semaphore> byCredential = new ConcurrentHashMap<>();

    StatementReadPermits(XapiProperties properties) {
        this.perCredential = properties.concurrentReadsPerCredential();
    }

    /** A permit to read, released by closing it; 429 when the credential has none left. */
    Permit acquire(XapiClient client) {
        Semaphore permits = byCredential.computeIfAbsent(client.credentialId(), id -> new Semaphore(perCredential));
        if (!permits.tryAcquire()) {
            throw XapiException.tooManyRequests("this credential already has " + perCredential
                    + " statement reads running; wait for one to finish", RETRY_AFTER_SECONDS);
        }
        return permits::release;
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
