package th.phatthana.lrs.activities;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import th.phatthana.lrs.xapi.RecentWrites;

/**
 * The canonical Activity objects of each tenant (xAPI Communication 2.5, Data 2.4.4.1), kept up to
 * date from the definitions in stored statements, and read by {@code GET /xapi/activities}.
 *
 * <p>Storage: collection {@code activities}, {@code _id = tenantId/activityId}. The language maps
 * ({@code name}, {@code description}) are sub-documents keyed by language tag, so that an update
 * merges them tag by tag with {@code $set}; every other definition property is kept as its JSON
 * text under {@code fields.<property>}, because {@code extensions} keys are IRIs with dots (and
 * possibly {@code $}) that must round-trip exactly and can never act as field paths or operators.
 */
@Service
public class ActivityDefinitionService {

    private static final Logger log = LoggerFactory.getLogger(ActivityDefinitionService.class);

    static final String ACTIVITIES = "activities";
    private static final List<String> LANGUAGE_MAPS = List.of("name", "description");
    /** Definition properties other than the language maps, in the order they are returned. */
    private static final List<String> FIELDS = List.of("type", "moreInfo", "interactionType", "correctResponsesPattern", "choices",
            "scale", "source", "target", "steps", "extensions");
    private static final Set<String> CONTEXT_ACTIVITY_KINDS = Set.of("parent", "grouping", "category", "other");
    /** RFC 5646 tags never hold '.' or '$'; anything else cannot be a safe field name and is skipped. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private MongoCollection<Document> activities;
    /** A definition sent again unchanged is not written again for a minute (see {@link RecentWrites}). */
    private final RecentWrites recent;

    public ActivityDefinitionService(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.recent = new RecentWrites(java.time.Duration.ofMinutes(1), 50_000, clock);
    }

    @PostConstruct
    void collection() {
        activities = mongo.getCollection(ACTIVITIES);
    }

    /**
     * Records the activity definitions carried by just-stored statements: the statement object,
     * the context activities, and the same inside a SubStatement. One bulk upsert for the batch;
     * nothing at all when no activity in it carries a {@code definition}.
     *
     * @param statements the statements as stored (valid xAPI)
     * @param mayDefine  whether the writing credential may change canonical definitions (the
     *                   "define" scope): if so, language maps are merged (new entries added, same
     *                   tags replaced) and the other definition properties given replace the stored
     *                   ones; if not, only activities not yet known are created
     */
    public void recordDefinitions(String tenantId, List<? extends JsonNode> statements, boolean mayDefine) {
        Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        for (JsonNode statement : statements) {
            collect(statement, definitions);
            JsonNode object = statement.path("object");
            if ("SubStatement".equals(object.path("objectType").asString(""))) {
                collect(object, definitions);
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        definitions.forEach((activityId, definition) -> {
            String fingerprint = (mayDefine ? "define " : "create ") + definition;
            if (!recent.writtenLately(key(tenantId, activityId), fingerprint)) {
                fingerprints.put(activityId, fingerprint);
            }
        });
        definitions.keySet().retainAll(fingerprints.keySet());
        if (definitions.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(definitions.size());
        Date now = Date.from(clock.instant());
        for (Map.Entry<String, ObjectNode> entry : definitions.entrySet()) {
            String activityId = entry.getKey();
            List<Bson> changes = new ArrayList<>();
            changes.add(Updates.setOnInsert("tenantId", tenantId));
            changes.add(Updates.setOnInsert("activityId", activityId));
            for (Map.Entry<String, Object> field : fields(entry.getValue()).entrySet()) {
                changes.add(mayDefine ? Updates.set(field.getKey(), field.getValue()) : Updates.setOnInsert(field.getKey(), field.getValue()));
            }
            changes.add(mayDefine ? Updates.set("updated", now) : Updates.setOnInsert("updated", now));
            updates.add(new UpdateOneModel<>(Filters.eq("_id", key(tenantId, activityId)), Updates.combine(changes),
                    new UpdateOptions().upsert(true)));
        }
        try {
            activities.bulkWrite(updates, new BulkWriteOptions().ordered(false));
            fingerprints.forEach((activityId, fingerprint) -> recent.wrote(key(tenantId, activityId), fingerprint));
        } catch (MongoException e) {
            // The statements are stored already; a missed definition update must not fail the write.
            // Type and code only: a store error quotes the keys it failed on (agents: e-mail addresses).
            log.warn("Could not record {} activity definition(s) for tenant {} ({}, code {})", updates.size(), tenantId, e.getClass().getSimpleName(),
                    e.getCode());
        }
    }

    /**
     * The canonical Activity object: {@code objectType}, {@code id} and, when any statement has
     * defined it, the {@code definition}. An activity known only by its id is still returned
     * (xAPI 2.0 requires it; 1.0.3 allows it).
     */
    public ObjectNode activity(String tenantId, String activityId) {
        ObjectNode activity = json.createObjectNode().put("objectType", "Activity").put("id", activityId);
        Document stored = activities.find(Filters.eq("_id", key(tenantId, activityId))).first();
        if (stored == null) {
            return activity;
        }
        ObjectNode definition = json.createObjectNode();
        for (String map : LANGUAGE_MAPS) {
            Document entries = stored.get(map, Document.class);
            if (entries != null && !entries.isEmpty()) {
                ObjectNode languageMap = definition.putObject(map);
                entries.forEach((tag, text) -> languageMap.put(tag, String.valueOf(text)));
            }
        }
        Document fields = stored.get("fields", Document.class);
        if (fields != null) {
            for (String field : FIELDS) {
                String text = fields.getString(field);
                if (text != null) {
                    definition.set(field, json.readTree(text));
                }
            }
        }
        if (!definition.isEmpty()) {
            activity.set("definition", definition);
        }
        return activity;
    }

    static String key(String tenantId, String activityId) {
        return tenantId + "/" + activityId;
    }

    /** The update paths for one folded definition: {@code name.<tag>}, {@code description.<tag>}, {@code fields.<property>}. */
    private static Map<String, Object> fields(ObjectNode definition) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (String map : LANGUAGE_MAPS) {
            JsonNode entries = definition.get(map);
            if (entries != null && entries.isObject()) {
                for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                    if (LANGUAGE_TAG.matcher(entry.getKey()).matches() && entry.getValue().isString()) {
                        paths.put(map + "." + entry.getKey(), entry.getValue().stringValue());
                    }
                }
            }
        }
        for (String field : FIELDS) {
            JsonNode value = definition.get(field);
            if (value != null && !value.isNull()) {
                paths.put("fields." + field, value.toString());
            }
        }
        return paths;
    }

    /** Adds the definitions of the statement's (or SubStatement's) object and context activities, in order. */
    private void collect(JsonNode statement, Map<String, ObjectNode> definitions) {
        JsonNode object = statement.get("object");
        if (object != null && object.isObject() && isActivity(object)) {
            fold(object, definitions);
        }
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        if (contextActivities.isObject()) {
            for (Map.Entry<String, JsonNode> kind : contextActivities.properties()) {
                if (!CONTEXT_ACTIVITY_KINDS.contains(kind.getKey())) {
                    continue;
                }
                JsonNode value = kind.getValue();
                if (value.isArray()) {
                    for (JsonNode activity : value) {
                        fold(activity, definitions);
                    }
                } else if (value.isObject()) {
                    // xAPI 1.0.x allows a single activity instead of an array.
                    fold(value, definitions);
                }
            }
        }
    }

    /** Folds one activity's definition into what the batch says so far: later statements win, tag by tag. */
    private void fold(JsonNode activity, Map<String, ObjectNode> definitions) {
        JsonNode id = activity.get("id");
        JsonNode definition = activity.get("definition");
        if (id == null || !id.isString() || definition == null || !definition.isObject() || definition.isEmpty()) {
            return;
        }
        ObjectNode folded = definitions.computeIfAbsent(id.stringValue(), k -> json.createObjectNode());
        for (Map.Entry<String, JsonNode> property : definition.properties()) {
            JsonNode known = folded.get(property.getKey());
            if (LANGUAGE_MAPS.contains(property.getKey()) && known != null && known.isObject() && property.getValue().isObject()) {
                ((ObjectNode) known).setAll((ObjectNode) property.getValue().deepCopy());
            } else {
                folded.set(property.getKey(), property.getValue().deepCopy());
            }
        }
    }

    private static boolean isActivity(JsonNode object) {
        JsonNode type = object.get("objectType");
        return type == null || "Activity".equals(type.asString(""));
    }
}
