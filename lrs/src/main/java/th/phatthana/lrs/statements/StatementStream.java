package th.phatthana.lrs.statements;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What other modules may use of the LRS's statements: each tenant's statement stream, numbered
 * without gaps by storage sequence ({@code seq}). A number may be missing for a while (its write
 * is under way) or for good (a hole: the write was refused or failed). Read models are built from
 * this and never from the LRS's collections.
 */
public interface StatementStream {

    /**
     * The tenant's statements numbered {@code fromSeq} to {@code fromSeq + count - 1}, in order;
     * a number whose statement is not (yet) written is left out.
     */
    List<StoredStatement> read(String tenantId, long fromSeq, int count);

    /** The tenant's statement with this id (voided or not), if it is stored. */
    java.util.Optional<StoredStatement> find(String tenantId, String statementId);

    /** The highest sequence number given out for the tenant so far (0: none). */
    long lastSequence(String tenantId);

    /** The numbers from {@code fromSeq} to {@code fromSeq + count - 1} recorded as holes: they will never hold a statement. */
    Set<Long> holes(String tenantId, long fromSeq, int count);

    /** Whether a write of this process still holds the number (reserved, not yet written or given up). */
    boolean inFlight(String tenantId, long seq);

    /**
     * The tenants whose stream has numbers past their checkpoint: past {@code checkpoints.get(tenant)},
     * or past 0 for a tenant not in the map.
     */
    List<String> tenantsAhead(Map<String, Long> checkpoints);
}
