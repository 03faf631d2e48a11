package th.phatthana.lrs.statements;

import java.util.List;

/**
 * Published after statements are stored, so readers of the statement stream can catch up at once.
 *
 * @param count   the statements the request stored (some may have been stored by another request a moment before)
 * @param written the ones this request wrote to the stream, exactly as stored, in sequence order: a
 *                reader may use them instead of reading them back (the {@code voided} flag is the one at the write)
 */
public record StatementsStored(String tenantId, int count, List<StoredStatement> written) {
}
