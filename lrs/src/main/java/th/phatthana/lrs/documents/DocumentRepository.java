package th.phatthana.lrs.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import jakarta.annotation.PostConstruct;

/**
 * State, Activity Profile and Agent Profile documents in one collection, through the driver. The
 * {@code _id} is {@code tenantId/<digest of the address>} ({@link DocumentId#key()}); the one
 * secondary index starts with {@code tenantId}. Writes are compare-and-swap on a version counter
 * so the service can honour If-Match / If-None-Match atomically without transactions.
 */
@Repository
class DocumentRepository {

    static final String DOCUMENTS = "xapi_documents";

    private final MongoTemplate mongo;
    private MongoCollection<Document> documents;

    DocumentRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        documents = mongo.getCollection(DOCUMENTS);
        documents.createIndex(Indexes.ascending("tenantId", "scope", "registration", "updated"),
                new IndexOptions().name("tenant_scope_registration_updated"));
    }

    StoredDocument find(DocumentId id) {
        Document document = documents.find(Filters.eq("_id", id.key())).first();
        return document == null ? null : toStored(document);
    }

    /**
     * Ids and last-modified times of the documents of a context, oldest change first.
     *
     * @param allRegistrations for state without a registration parameter: every registration
     * @param since            only documents changed strictly after this, or null
     */
    List<Entry> list(DocumentId context, boolean allRegistrations, Instant since) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenantId", context.tenantId()), Filters.eq("scope", context.scope())));
        if (!allRegistrations) {
            filters.add(Filters.eq("registration", context.registration()));
        }
        if (since != null) {
            filters.add(Filters.gt("updated", Date.from(since)));
        }
        List<Entry> entries = new ArrayList<>();
        for (Document document : documents.find(Filters.and(filters))
                .projection(Projections.include("documentId", "updated")).sort(Sorts.ascending("updated"))) {
            entries.add(new Entry(document.getString("documentId"), document.getDate("updated").toInstant()));
        }
        return entries;
    }

    record Entry(String documentId, Instant updated) {
    }

    /** Inserts a new document; false when one with the same address exists already. */
    boolean insert(DocumentId id, String contentType, byte[] content, String etag, Instant updated) {
        try {
            documents.insertOne(toDocument(id, contentType, content, etag, updated, 1));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the document if it is still at {@code expectedVersion}; false when it changed or went. */
    boolean replace(DocumentId id, long expectedVersion, String contentType, byte[] content, String etag, Instant updated) {
        return documents.replaceOne(Filters.and(Filters.eq("_id", id.key()), Filters.eq("version", expectedVersion)),
                toDocument(id, contentType, content, etag, updated, expectedVersion + 1)).getMatchedCount() == 1;
    }

    /** Deletes the document if it is still at {@code expectedVersion}; false when it changed or went. */
    boolean delete(DocumentId id, long expectedVersion) {
        return documents.deleteOne(Filters.and(Filters.eq("_id", id.key()), Filters.eq("version", expectedVersion)))
                .getDeletedCount() == 1;
    }

    /** Deletes every document of a context (state without stateId); returns how many. */
    long deleteAll(DocumentId context, boolean allRegistrations) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenantId", context.tenantId()), Filters.eq("scope", context.scope())));
        if (!allRegistrations) {
            filters.add(Filters.eq("registration", context.registration()));
        }
        return documents.deleteMany(Filters.and(filters)).getDeletedCount();
    }

    /** Deletes the tenant's documents (state, agent profiles) whose agent key passes the test; returns how many. */
    long deleteByAgent(String tenantId, java.util.function.Predicate<String> agentKey) {
        List<Object> ids = new ArrayList<>();
        for (Document document : documents.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.ne("agent", null)))
                .projection(Projections.include("agent"))) {
            if (agentKey.test(document.getString("agent"))) {
                ids.add(document.get("_id"));
            }
        }
        return ids.isEmpty() ? 0 : documents.deleteMany(Filters.and(Filters.eq("tenantId", tenantId), Filters.in("_id", ids))).getDeletedCount();
    }

    private static Document toDocument(DocumentId id, String contentType, byte[] content, String etag, Instant updated, long version) {
        return new Document("_id", id.key())
                .append("tenantId", id.tenantId())
                .append("kind", id.kind().code())
                .append("scope", id.scope())
                .append("activityId", id.activityId())
                .append("agent", id.agentKey())
                .append("registration", id.registration())
                .append("documentId", id.documentId())
                .append("contentType", contentType)
                .append("content", new Binary(content))
                .append("etag", etag)
                .append("updated", Date.from(updated))
                .append("version", version);
    }

    private static StoredDocument toStored(Document document) {
        Binary content = document.get("content", Binary.class);
        return new StoredDocument(document.getString("_id"), document.getString("documentId"), document.getString("contentType"),
                content == null ? new byte[0] : content.getData(), document.getString("etag"),
                document.getDate("updated").toInstant(), document.get("version", Number.class).longValue());
    }
}
