package th.phatthana.lrs.statements;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/** Attachment contents, once per tenant and hash ({@code _id} = tenantId/sha2). */
@Repository
class AttachmentRepository {

    private final MongoTemplate mongo;

    AttachmentRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection("statement_attachments");
    }

    void saveAll(String tenantId, Collection<Attachment> attachments) {
        for (Attachment attachment : attachments) {
            String id = tenantId + "/" + attachment.sha2();
            collection().replaceOne(Filters.eq("_id", id),
                    new Document("_id", id).append("tenantId", tenantId).append("sha2", attachment.sha2())
                            .append("contentType", attachment.contentType())
                            .append("content", new Binary(attachment.content())),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Removes the tenant's attachments with these hashes; returns how many there were. */
    long deleteAll(String tenantId, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return 0;
        }
        return collection().deleteMany(Filters.in("_id", hashes.stream().map(hash -> tenantId + "/" + hash).toList())).getDeletedCount();
    }

    List<Attachment> findAll(String tenantId, Collection<String> hashes) {
        List<Attachment> found = new ArrayList<>();
        if (hashes.isEmpty()) {
            return found;
        }
        List<String> ids = hashes.stream().map(hash -> tenantId + "/" + hash).toList();
        for (Document document : collection().find(Filters.in("_id", ids))) {
            found.add(new Attachment(document.getString("sha2"), document.getString("contentType"),
                    document.get("content", Binary.class).getData()));
        }
        return found;
    }
}
