package th.phatthana.api.learningrecords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * An organisation's saved column mappings for the learning-record import (collection
 * {@code learning_import_mappings}, id {@code <tenantId>/<name>}): the headers of a source that none
 * of the presets reads, kept under a name so the next list of that source imports with
 * {@code mappingName}.
 */
@Component
class SavedMappings {

    static final String COLLECTION = "learning_import_mappings";

    private final MongoTemplate mongo;

    SavedMappings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Saved(String name, Map<ImportField, String> mapping, String savedBy, Instant savedAt) {
    }

    List<Saved> list(String tenantId) {
        List<Saved> saved = new ArrayList<>();
        for (Document document : mongo.getCollection(COLLECTION).find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("name"))) {
            saved.add(saved(document));
        }
        return saved;
    }

    Optional<Saved> find(String tenantId, String name) {
        Document document = mongo.getCollection(COLLECTION).find(Filters.eq("_id", tenantId + "/" + name.strip())).first();
        return Optional.ofNullable(document).map(SavedMappings::saved);
    }

    void save(String tenantId, String name, Map<ImportField, String> mapping, String savedBy, Instant at) {
        Document fields = new Document();
        mapping.forEach((field, header) -> fields.append(field.key(), header));
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", tenantId + "/" + name.strip()),
                new Document("_id", tenantId + "/" + name.strip()).append("tenantId", tenantId).append("name", name.strip())
                        .append("mapping", fields).append("savedBy", savedBy).append("savedAt", java.util.Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    boolean delete(String tenantId, String name) {
        return mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", tenantId + "/" + name.strip())).getDeletedCount() > 0;
    }

    private static Saved saved(Document document) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        Document fields = document.get("mapping", Document.class);
        if (fields != null) {
            fields.forEach((key, value) -> {
                ImportField field = ImportField.byKey(key);
                if (field != null && value instanceof String header) {
                    mapping.put(field, header);
                }
            });
        }
        java.util.Date at = document.getDate("savedAt");
        return new Saved(document.getString("name"), mapping, document.getString("savedBy"), at == null ? null : at.toInstant());
    }

    static Map<String, String> json(Map<ImportField, String> mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        mapping.forEach((field, header) -> out.put(field.key(), header));
        return out;
    }
}
