package th.phatthana.lrs.statements.index;

import java.util.List;

import org.bson.Document;

import th.phatthana.lrs.statements.StoredStatement;

/**
 * Answers statement queries from structures built for them, never by reading a tenant's
 * statements one by one: on MongoDB its compound indexes ({@link MongoStatementIndex}), on the
 * embedded store lists of sequence numbers kept in this process ({@link InProcessStatementIndex}).
 * The statement service tells it what it stored.
 */
public interface StatementIndex {

    /**
     * Statements just inserted (and any voiding they do already marked in the store): makes them
     * findable and gives referrers the keys of their targets (see {@link ReferrerKeys}). Pass the
     * documents actually inserted; one that is not in the store after all is skipped at read.
     */
    void added(String tenantId, List<Document> documents);

    /** Statements removed from the store again (after they were {@link #added}). */
    void removed(String tenantId, List<Document> documents);

    /**
     * Statements of the tenant were rewritten or removed in place (a PDPA erasure): whatever this
     * index holds of the tenant is read again from the store. Nothing to do where the store's own
     * indexes serve the queries.
     */
    default void rebuildTenant(String tenantId) {
    }

    /**
     * Up to {@code query.limit()} statements of the tenant matching the query, not voided, in
     * sequence order (newest first unless ascending).
     *
     * @throws QueryTimeLimitExceeded when the query is still running at its deadline
     */
    List<StoredStatement> find(IndexQuery query);
}
