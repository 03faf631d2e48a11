package th.phatthana.lrs.statements.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One tenant's part of the {@link InProcessStatementIndex}: a {@link SeqList} per query key and
 * per credential, one of every statement, one of the statements a query must skip (voided or
 * removed), the {@link Timeline}, and which statements target which by StatementRef. A read lock
 * per walk, a write lock per stored batch: readers never wait for another tenant, and a walk is
 * bounded by its page size and time limit.
 */
final class TenantLists {

    /** Where a walk stopped: the seqs it found, and the position to go on from (or none). */
    record Walk(long[] seqs, int count, long resumeFrom, boolean exhausted) {
    }

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, SeqList> byKey = new HashMap<>();
    private final Map<String, SeqList> byCredential = new HashMap<>();
    private final SeqList all = new SeqList();
    private final SeqList hidden = new SeqList();
    private final Timeline timeline = new Timeline();
    /** Target statement id → {@code _id}s of the statements that refer to it. */
    private final Map<String, List<String>> referrers = new HashMap<>();

    /** Adds a statement (caller holds the write lock). {@code bulk}: in any order, {@link #finishBulk()} follows. */
    void add(long seq, List<String> keys, String credentialId, boolean hide, boolean bulk) {
        for (String key : keys) {
            add(byKey.computeIfAbsent(key, k -> new SeqList()), seq, bulk);
        }
        if (credentialId != null) {
            add(byCredential.computeIfAbsent(credentialId, k -> new SeqList()), seq, bulk);
        }
        add(all, seq, bulk);
        if (hide) {
            add(hidden, seq, bulk);
        }
    }

    private static void add(SeqList list, long seq, boolean bulk) {
        if (bulk) {
            list.addUnsorted(seq);
        } else {
            list.add(seq);
        }
    }

    /** Keys a statement gained after it was added (its target arrived, or gained keys). Caller holds the write lock. */
    void addKeys(long seq, List<String> keys) {
        for (String key : keys) {
            byKey.computeIfAbsent(key, k -> new SeqList()).add(seq);
        }
    }

    void hide(long seq) {
        hidden.add(seq);
    }

    void stored(long seq, long millis) {
        timeline.add(seq, millis);
    }

    void referrer(String targetStatementId, String referrerId) {
        List<String> ids = referrers.computeIfAbsent(targetStatementId, k -> new ArrayList<>(1));
        if (!ids.contains(referrerId)) {
            ids.add(referrerId);
        }
    }

    List<String> referrersOf(java.util.Collection<String> statementIds) {
        List<String> ids = new ArrayList<>();
        for (String statementId : statementIds) {
            ids.addAll(referrers.getOrDefault(statementId, List.of()));
        }
        return ids;
    }

    void finishBulk() {
        byKey.values().forEach(SeqList::sort);
        byCredential.values().forEach(SeqList::sort);
        all.sort();
        hidden.sort();
    }

    long firstSeqStoredAfter(long millis) {
        return timeline.firstSeqStoredAfter(millis);
    }

    /**
     * The lists a query intersects, smallest first (the walk is then led by the rarest key), or
     * null when one of its keys has no statement at all. Caller holds a lock.
     */
    List<SeqList> lists(IndexQuery query) {
        List<SeqList> lists = new ArrayList<>(query.keys().size() + 1);
        for (String key : query.keys()) {
            SeqList list = byKey.get(key);
            if (list == null) {
                return null;
            }
            lists.add(list);
        }
        if (query.credentialId() != null) {
            SeqList list = byCredential.get(query.credentialId());
            if (list == null) {
                return null;
            }
            lists.add(list);
        }
        if (lists.isEmpty()) {
            lists.add(all);
        }
        lists.sort(Comparator.comparingInt(SeqList::size));
        return lists;
    }

    /**
     * Walks the intersection of {@code lists} from {@code from} towards {@code bound} (inclusive;
     * downwards unless ascending), skipping hidden statements, until {@code wanted} are found.
     * Leapfrog: each list in turn is asked for its first member at or past the current candidate;
     * a candidate all lists agree on is a match. Caller holds a lock.
     */
    Walk walk(List<SeqList> lists, long from, long bound, boolean ascending, int wanted, IndexQuery deadline) {
        long[] found = new long[wanted];
        int count = 0;
        long candidate = from;
        int steps = 0;
        while (count < wanted) {
            int agreed = 0;
            for (int i = 0; agreed < lists.size(); i = (i + 1) % lists.size()) {
                long next = ascending ? lists.get(i).ceiling(candidate) : lists.get(i).floor(candidate);
                if (beyond(next, bound, ascending)) {
                    return new Walk(found, count, 0, true);
                }
                if (next == candidate) {
                    agreed++;
                } else {
                    candidate = next;
                    agreed = 1;
                }
                if ((++steps & 0xFFF) == 0) {
                    deadline.checkDeadline();
                }
            }
            if (!hidden.contains(candidate)) {
                found[count++] = candidate;
            }
            candidate = ascending ? candidate + 1 : candidate - 1;
        }
        return new Walk(found, count, candidate, false);
    }

    private static boolean beyond(long seq, long bound, boolean ascending) {
        return ascending ? seq == SeqList.NONE_ABOVE || seq > bound : seq == SeqList.NONE_BELOW || seq < bound;
    }

    /** Approximate heap bytes of the lists, for the log. */
    /** How many statements the tenant has (hidden ones included). */
    long size() {
        return all.size();
    }

    long bytes() {
        long bytes = all.bytes() + hidden.bytes() + timeline.bytes();
        for (SeqList list : byKey.values()) {
            bytes += list.bytes() + 64;
        }
        for (SeqList list : byCredential.values()) {
            bytes += list.bytes() + 64;
        }
        return bytes;
    }
}
