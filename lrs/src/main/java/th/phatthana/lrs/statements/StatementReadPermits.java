package th.phatthana.lrs.statements;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiProperties;
import th.phatthana.tenants.credentials.XapiClient;

/**
 * Bounds the statement reads running at once, so one client, or one tenant, cannot take the store
 * and the CPUs from the others:
 * <ul>
 * <li>per credential: a read beyond the bound is refused at once with 429 and {@code Retry-After}
 * (the client has that many of its own requests running);</li>
 * <li>per tenant, over all its credentials: a read beyond the bound waits its turn (first come,
 * first served), at most the query time limit, then gets 503 and {@code Retry-After}.</li>
 * </ul>
 * Waiting reads use no CPU; writes are never bounded here.
 */
@Component
class StatementReadPermits {

    /** Reads finish in milliseconds; a second is long enough for one of the client's own to finish. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int perCredential;
    private final int perTenant;
    private final long tenantWaitNanos;
    private final ConcurrentHashMap<String, Semaphore> byCredential = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Semaphore> byTenant = new ConcurrentHashMap<>();

    StatementReadPermits(XapiProperties properties) {
        this.perCredential = properties.concurrentReadsPerCredential();
        this.perTenant = properties.concurrentReadsPerTenant();
        this.tenantWaitNanos = properties.queryTimeLimit().toNanos();
    }

    /** A permit to read, released by closing it. */
    Permit acquire(XapiClient client) {
        Semaphore credential = byCredential.computeIfAbsent(client.credentialId(), id -> new Semaphore(perCredential));
        if (!credential.tryAcquire()) {
            throw XapiException.tooManyRequests("this credential already has " + perCredential
                    + " statement reads running; wait for one to finish", RETRY_AFTER_SECONDS);
        }
        Semaphore tenant = byTenant.computeIfAbsent(client.tenantId(), id -> new Semaphore(perTenant, true));
        boolean admitted = false;
        try {
            admitted = tenant.tryAcquire(tenantWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!admitted) {
                credential.release();
            }
        }
        if (!admitted) {
            throw XapiException.unavailable("this organisation's statement reads are all busy; repeat the request later",
                    RETRY_AFTER_SECONDS);
        }
        return () -> {
            tenant.release();
            credential.release();
        };
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
