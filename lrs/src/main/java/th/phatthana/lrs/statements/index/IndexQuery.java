package th.phatthana.lrs.statements.index;

import java.time.Instant;
import java.util.List;

/**
 * A statement query as the index sees it.
 *
 * @param keys          query keys the statements must all hold (see {@code QueryKeys}); none: every statement
 * @param credentialId  only statements stored with this credential, or null for all
 * @param since         only statements stored after this, or null
 * @param until         only statements stored at or before this, or null
 * @param afterSeq      a {@code more} cursor's position: only statements after it in the query's order; 0 for none
 * @param snapshotSeq   only statements with a sequence number up to this ({@code Long.MAX_VALUE}: no bound)
 * @param limit         at most this many
 * @param deadlineNanos {@link System#nanoTime()} by which the query must have its answer
 */
public record IndexQuery(String tenantId, List<String> keys, String credentialId, Instant since, Instant until,
        boolean ascending, long afterSeq, long snapshotSeq, int limit, long deadlineNanos) {

    /** Inclusive lowest sequence number the cursor and snapshot allow (time bounds come on top). */
    long lowestSeq() {
        return ascending && afterSeq > 0 ? afterSeq + 1 : 1;
    }

    /** Inclusive highest sequence number the cursor and snapshot allow. */
    long highestSeq() {
        long highest = snapshotSeq;
        if (!ascending && afterSeq > 0) {
            highest = Math.min(highest, afterSeq - 1);
        }
        return highest;
    }

    long remainingMillis() {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new QueryTimeLimitExceeded();
        }
    }
}
