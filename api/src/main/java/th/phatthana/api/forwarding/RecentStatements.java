package th.phatthana.api.forwarding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import th.phatthana.lrs.statements.StoredStatement;

/**
 * The statements this instance stored lately, as its writers published them, up to a number of
 * bytes: the forwarder sends them from here instead of reading each one back from the store, which
 * was most of forwarding's cost. Anything not here (stored before a restart, by another instance,
 * or pushed out by newer ones) is read from the store as before, so what is kept here only saves
 * work and never decides what is sent.
 */
final class RecentStatements {

    private record Key(String tenantId, long seq) {
    }

    private final long capacityBytes;
    private final Map<String, NavigableMap<Long, StoredStatement>> byTenant = new HashMap<>();
    /** Insertion order, oldest first: what goes when the bytes are over capacity. */
    private final ArrayDeque<Key> order = new ArrayDeque<>();
    private long bytes;
    private int held;

    RecentStatements(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    synchronized void add(String tenantId, List<StoredStatement> statements) {
        if (capacityBytes <= 0 || statements.isEmpty()) {
            return;
        }
        NavigableMap<Long, StoredStatement> tenant = byTenant.computeIfAbsent(tenantId, id -> new TreeMap<>());
        for (StoredStatement statement : statements) {
            if (tenant.put(statement.seq(), statement) == null) {
                order.addLast(new Key(tenantId, statement.seq()));
                bytes += statement.jsonUtf8().length;
                held++;
            }
        }
        while (bytes > capacityBytes && !order.isEmpty()) {
            remove(order.pollFirst());
        }
    }

    /** The tenant's statements numbered {@code fromSeq}, {@code fromSeq + 1}, … without a gap, at most {@code count}: those held here. */
    synchronized List<StoredStatement> run(String tenantId, long fromSeq, int count) {
        NavigableMap<Long, StoredStatement> tenant = byTenant.get(tenantId);
        List<StoredStatement> run = new ArrayList<>();
        if (tenant == null) {
            return run;
        }
        for (long seq = fromSeq; seq < fromSeq + count; seq++) {
            StoredStatement statement = tenant.get(seq);
            if (statement == null) {
                break;
            }
            run.add(statement);
        }
        return run;
    }

    /** Lets go of the tenant's statements up to and including {@code seq}: every target is past them. */
    synchronized void dropThrough(String tenantId, long seq) {
        NavigableMap<Long, StoredStatement> tenant = byTenant.get(tenantId);
        if (tenant == null) {
            return;
        }
        NavigableMap<Long, StoredStatement> passed = tenant.headMap(seq, true);
        for (StoredStatement statement : passed.values()) {
            bytes -= statement.jsonUtf8().length;
            held--;
        }
        passed.clear();
        if (tenant.isEmpty()) {
            byTenant.remove(tenantId);
        }
        // their keys in `order` are passed over when they come up; cleared out if they pile up
        // behind an older statement still held (another organisation's, its target failing)
        while (!order.isEmpty() && !holds(order.peekFirst())) {
            order.pollFirst();
        }
        if (order.size() > 2 * held + 1024) {
            order.removeIf(key -> !holds(key));
        }
    }

    synchronized void clear() {
        byTenant.clear();
        order.clear();
        bytes = 0;
        held = 0;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** How many of the organisation's statements are held. */
    synchronized int heldFor(String tenantId) {
        NavigableMap<Long, StoredStatement> tenant = byTenant.get(tenantId);
        return tenant == null ? 0 : tenant.size();
    }

    synchronized int size() {
        return held;
    }

    /** Keys kept for the eviction order (held ones and ones passed over): for the test of its bound. */
    synchronized int orderSize() {
        return order.size();
    }

    private boolean holds(Key key) {
        NavigableMap<Long, StoredStatement> tenant = byTenant.get(key.tenantId());
        return tenant != null && tenant.containsKey(key.seq());
    }

    private void remove(Key key) {
        NavigableMap<Long, StoredStatement> tenant = byTenant.get(key.tenantId());
        if (tenant == null) {
            return;
        }
        StoredStatement statement = tenant.remove(key.seq());
        if (statement != null) {
            bytes -= statement.jsonUtf8().length;
            held--;
        }
        if (tenant.isEmpty()) {
            byTenant.remove(key.tenantId());
        }
    }
}
