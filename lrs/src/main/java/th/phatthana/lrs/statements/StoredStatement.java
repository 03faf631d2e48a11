package th.phatthana.lrs.statements;

import java.time.Instant;

/**
 * A statement as the LRS keeps it: the exact JSON it returns, and the order it was stored in.
 *
 * @param json      the complete statement (with id, stored, authority, version), exactly as returned
 * @param seq       per-tenant storage sequence: the order of the statement stream and of paging
 * @param voided    whether a voiding statement targets it
 */
public record StoredStatement(String tenantId, String statementId, long seq, Instant stored, boolean voided,
        String credentialId, String json) {
}
