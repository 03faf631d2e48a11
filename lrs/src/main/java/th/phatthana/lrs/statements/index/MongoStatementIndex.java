package th.phatthana.lrs.statements.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import th.phatthana.lrs.statements.StatementRepository;
import th.phatthana.lrs.statements.StoredStatement;

/**
 * Statement queries on MongoDB, each answered by one compound index walked in {@code seq} order
 * from the query's bounds, with the index named as a hint:
 * <ul>
 * <li>{@code tenant_keys_seq} {@code (tenantId, keys, seq)} for queries with agent, verb, activity
 * or registration (keys is multikey: one entry per key of a statement);</li>
 * <li>{@code tenant_credential_seq} {@code (tenantId, credentialId, seq)} for a credential that may
 * read only its own statements and asks for no key;</li>
 * <li>{@code tenant_seq} {@code (tenantId, seq)} (unique) for queries without keys;</li>
 * <li>{@code tenant_stored_seq} {@code (tenantId, stored, seq)}: since and until become a seq range
 * by one probe each, because {@code stored} never decreases with {@code seq} within a tenant
 * ({@link StatementRepository#reserveSequence(String, int, java.time.Instant)});</li>
 * <li>{@code tenant_statement_ref} {@code (tenantId, statementRef)}: the referrers of new statements.</li>
 * </ul>
 * {@code voided: false} and the exact time bounds are checked on the documents the walk reaches.
 * Every query runs with {@code maxTimeMS} set to what is left of its time limit.
 */
public final class MongoStatementIndex implements StatementIndex {

    static final String SEQ = "tenant_seq";
    static final String KEYS = "tenant_keys_seq";
    static final String CREDENTIAL = "tenant_credential_seq";
    static final String STORED = "tenant_stored_seq";
    static final String STATEMENT_REF = "tenant_statement_ref";
    /** Query indexes of earlier versions: no query uses them, and each costs every insert. */
    static final List<String> OBSOLETE = List.of("tenant_agents_seq", "tenant_credential", "tenant_verb_seq",
            "tenant_related_activities_seq", "tenant_registration_seq");

    private final MongoCollection<Document> statements;
    private final ReferrerKeys referrerKeys;

    public MongoStatementIndex(StatementRepository repository) {
        this.statements = repository.collection();
        this.referrerKeys = new ReferrerKeys(statements);
        statements.createIndex(Indexes.ascending("tenantId", "keys", "seq"), new IndexOptions().name(KEYS));
        statements.createIndex(Indexes.ascending("tenantId", "credentialId", "seq"), new IndexOptions().name(CREDENTIAL));
        statements.createIndex(Indexes.ascending("tenantId", "stored", "seq"), new IndexOptions().name(STORED));
        statements.createIndex(Indexes.ascending("tenantId", "statementRef"), new IndexOptions().name(STATEMENT_REF).sparse(true));
        StoreIndexes.drop(statements, OBSOLETE);
    }

    @Override
    public void added(String tenantId, List<Document> documents) {
        referrerKeys.propagate(tenantId, documents, this::referrersOf);
    }

    private List<Document> referrersOf(String tenantId, Collection<String> statementIds) {
        return statements.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.in("statementRef", statementIds)))
                .projection(ReferrerKeys.PROJECTION).hint(new Document("tenantId", 1).append("statementRef", 1))
                .into(new ArrayList<>());
    }

    @Override
    public void removed(String tenantId, List<Document> documents) {
        // The store's own indexes lose them with the documents.
    }

    @Override
    public List<StoredStatement> find(IndexQuery query) {
        try {
            FindIterable<Document> found = plan(query);
            if (found == null) {
                return List.of();
            }
            List<StoredStatement> result = new ArrayList<>(Math.min(query.limit(), 1024));
            for (Document document : found) {
                result.add(StatementRepository.toStored(document));
            }
            return result;
        } catch (MongoExecutionTimeoutException e) {
            throw new QueryTimeLimitExceeded();
        }
    }

    /** The find that answers the query (for {@code explain} in tests), or null when its bounds exclude everything. */
    FindIterable<Document> plan(IndexQuery query) {
        long lowest = query.lowestSeq();
        long highest = query.highestSeq();
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenantId", query.tenantId()));
        if (query.since() != null) {
            lowest = Math.max(lowest, firstSeqStoredAfter(query, Date.from(query.since())));
            filters.add(Filters.gt("stored", Date.from(query.since())));
        }
        if (query.until() != null) {
            highest = Math.min(highest, firstSeqStoredAfter(query, Date.from(query.until())) - 1);
            filters.add(Filters.lte("stored", Date.from(query.until())));
        }
        if (lowest > highest) {
            return null;
        }
        Bson hint;
        if (query.keys().size() == 1) {
            filters.add(Filters.eq("keys", query.keys().get(0)));
            hint = indexKeys(KEYS);
        } else if (!query.keys().isEmpty()) {
            filters.add(Filters.all("keys", query.keys()));
            hint = indexKeys(KEYS);
        } else if (query.credentialId() != null) {
            hint = indexKeys(CREDENTIAL);
        } else {
            hint = indexKeys(SEQ);
        }
        if (query.credentialId() != null) {
            filters.add(Filters.eq("credentialId", query.credentialId()));
        }
        filters.add(Filters.eq("voided", false));
        filters.add(Filters.gte("seq", lowest));
        if (highest != Long.MAX_VALUE) {
            filters.add(Filters.lte("seq", highest));
        }
        return statements.find(Filters.and(filters)).sort(query.ascending() ? Sorts.ascending("seq") : Sorts.descending("seq"))
                .hint(hint).limit(query.limit()).batchSize(query.limit() + 1).maxTime(query.remainingMillis(), TimeUnit.MILLISECONDS);
    }

    /** The lowest seq of the tenant stored after {@code time}; {@code Long.MAX_VALUE} if none. */
    private long firstSeqStoredAfter(IndexQuery query, Date time) {
        Document first = statements.find(Filters.and(Filters.eq("tenantId", query.tenantId()), Filters.gt("stored", time)))
                .sort(Sorts.ascending("stored", "seq")).projection(new Document("seq", 1).append("_id", 0))
                .hint(indexKeys(STORED)).limit(1).maxTime(query.remainingMillis(), TimeUnit.MILLISECONDS).first();
        return first == null ? Long.MAX_VALUE : first.get("seq", Number.class).longValue();
    }

    /** Hints by key pattern rather than name: the embedded server (tests) ignores hints, MongoDB matches either. */
    private static Bson indexKeys(String indexName) {
        return switch (indexName) {
            case KEYS -> new Document("tenantId", 1).append("keys", 1).append("seq", 1);
            case CREDENTIAL -> new Document("tenantId", 1).append("credentialId", 1).append("seq", 1);
            case STORED -> new Document("tenantId", 1).append("stored", 1).append("seq", 1);
            default -> new Document("tenantId", 1).append("seq", 1);
        };
    }
}
