package th.phatthana.lrs.statements.index;

import java.util.Arrays;

/**
 * When a tenant's statements were stored, as runs of sequence numbers: entry {@code i} says that
 * statements from {@code firstSeq[i]} up to the next entry's first seq were stored at
 * {@code storedMillis[i]}. {@code stored} never decreases with {@code seq} within a tenant, so the
 * entries are sorted by both and a time maps to a seq by binary search. One entry per stored batch.
 */
final class Timeline {

    private long[] firstSeq = new long[8];
    private long[] storedMillis = new long[8];
    private int size;

    void add(long seq, long millis) {
        if (size > 0 && seq >= firstSeq[size - 1]) {
            if (millis == storedMillis[size - 1]) {
                return;
            }
            append(seq, millis);
            return;
        }
        int at = Arrays.binarySearch(firstSeq, 0, size, seq);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (at > 0 && storedMillis[at - 1] == millis) {
            return;
        }
        grow();
        System.arraycopy(firstSeq, at, firstSeq, at + 1, size - at);
        System.arraycopy(storedMillis, at, storedMillis, at + 1, size - at);
        firstSeq[at] = seq;
        storedMillis[at] = millis;
        size++;
    }

    /**
     * The lowest seq of a statement stored after {@code millis} (so every lower seq was stored at
     * or before it), or {@link SeqList#NONE_ABOVE}.
     */
    long firstSeqStoredAfter(long millis) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (storedMillis[middle] > millis) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low < size ? firstSeq[low] : SeqList.NONE_ABOVE;
    }

    long bytes() {
        return 32L + 16L * firstSeq.length;
    }

    private void append(long seq, long millis) {
        grow();
        firstSeq[size] = seq;
        storedMillis[size] = millis;
        size++;
    }

    private void grow() {
        if (size == firstSeq.length) {
            int capacity = firstSeq.length + (firstSeq.length >> 1) + 1;
            firstSeq = Arrays.copyOf(firstSeq, capacity);
            storedMillis = Arrays.copyOf(storedMillis, capacity);
        }
    }
}
