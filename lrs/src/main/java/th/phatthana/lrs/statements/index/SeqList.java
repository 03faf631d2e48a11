package th.phatthana.lrs.statements.index;

import java.util.Arrays;

/**
 * A sorted set of sequence numbers in one array: what the embedded store's statement index keeps
 * per query key. Statements mostly arrive in sequence order, so adding is an append; a batch that
 * finishes after a later one shifts a few entries. Not thread-safe: {@link TenantLists} guards it.
 */
final class SeqList {

    static final long NONE_ABOVE = Long.MAX_VALUE;
    static final long NONE_BELOW = Long.MIN_VALUE;

    private long[] seqs = new long[4];
    private int size;
    private boolean sorted = true;

    void add(long seq) {
        if (size == 0 || seq > seqs[size - 1]) {
            append(seq);
            return;
        }
        int at = Arrays.binarySearch(seqs, 0, size, seq);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        grow();
        System.arraycopy(seqs, at, seqs, at + 1, size - at);
        seqs[at] = seq;
        size++;
    }

    /** Adds in any order, for a bulk load; {@link #sort()} must follow before any read. */
    void addUnsorted(long seq) {
        if (size > 0 && seq <= seqs[size - 1]) {
            sorted = false;
        }
        append(seq);
    }

    void sort() {
        if (sorted) {
            return;
        }
        Arrays.sort(seqs, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || seqs[i] != seqs[distinct - 1]) {
                seqs[distinct++] = seqs[i];
            }
        }
        size = distinct;
        sorted = true;
    }

    boolean contains(long seq) {
        return Arrays.binarySearch(seqs, 0, size, seq) >= 0;
    }

    /** The smallest member at or above {@code from}, or {@link #NONE_ABOVE}. */
    long ceiling(long from) {
        int at = Arrays.binarySearch(seqs, 0, size, from);
        if (at < 0) {
            at = -at - 1;
        }
        return at < size ? seqs[at] : NONE_ABOVE;
    }

    /** The largest member at or below {@code from}, or {@link #NONE_BELOW}. */
    long floor(long from) {
        int at = Arrays.binarySearch(seqs, 0, size, from);
        if (at < 0) {
            at = -at - 2;
        }
        return at >= 0 ? seqs[at] : NONE_BELOW;
    }

    int size() {
        return size;
    }

    long bytes() {
        return 16L + 8L * seqs.length;
    }

    private void append(long seq) {
        grow();
        seqs[size++] = seq;
    }

    private void grow() {
        if (size == seqs.length) {
            seqs = Arrays.copyOf(seqs, seqs.length + (seqs.length >> 1) + 1);
        }
    }
}
