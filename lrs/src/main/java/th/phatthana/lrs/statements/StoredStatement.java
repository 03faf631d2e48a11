package th.phatthana.lrs.statements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A statement as the LRS keeps it: the exact JSON it returns, and the order it was stored in.
 *
 * @param jsonUtf8  the complete statement (with id, stored, authority, version), exactly as returned, in UTF-8
 *                  (kept as bytes: responses and parsers take bytes, and Thai text as a Java string takes twice the space)
 * @param seq       per-tenant storage sequence: the order of the statement stream and of paging
 * @param voided    whether a voiding statement targets it
 */
public record StoredStatement(String tenantId, String statementId, long seq, Instant stored, boolean voided,
        String credentialId, byte[] jsonUtf8) {

    /** The statement's JSON as text. */
    public String json() {
        return new String(jsonUtf8, StandardCharsets.UTF_8);
    }
}
