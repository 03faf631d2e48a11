package th.phatthana.lrs.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import th.phatthana.schema.xapi.ActorKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code ids} and {@code canonical} statement formats (xAPI Communication §2.1.3). The
 * {@code exact} format is the stored JSON itself and needs no work.
 */
final class StatementFormats {

    private StatementFormats() {
    }

    /** Agents, groups, activities and verbs reduced to their identifiers. */
    static void toIds(ObjectNode statement) {
        idsOfAgent(statement.get("actor"));
        JsonNode verb = statement.get("verb");
        if (verb instanceof ObjectNode verbNode) {
            verbNode.retain("id");
        }
        JsonNode object = statement.get("object");
        if (object instanceof ObjectNode objectNode) {
            String type = objectNode.path("objectType").asString("Activity");
            switch (type) {
                case "Agent", "Group" -> idsOfAgent(objectNode);
                case "SubStatement" -> toIds(objectNode);
                case "StatementRef" -> { }
                default -> objectNode.retain("id");
            }
        }
        idsOfAgent(statement.get("authority"));
        JsonNode context = statement.get("context");
        if (context instanceof ObjectNode contextNode) {
            idsOfAgent(contextNode.get("instructor"));
            idsOfAgent(contextNode.get("team"));
            JsonNode contextActivities = contextNode.get("contextActivities");
            if (contextActivities instanceof ObjectNode activities) {
                for (JsonNode list : activities.values()) {
                    if (list.isArray()) {
                        for (JsonNode activity : list) {
                            if (activity instanceof ObjectNode activityNode) {
                                activityNode.retain("id");
                            }
                        }
                    } else if (list instanceof ObjectNode activityNode) {
                        activityNode.retain("id");
                    }
                }
            }
        }
    }

    private static void idsOfAgent(JsonNode node) {
        if (!(node instanceof ObjectNode agent)) {
            return;
        }
        boolean identified = ActorKey.of(agent) != null;
        if (identified) {
            agent.retain("objectType", "mbox", "mbox_sha1sum", "openid", "account");
        } else {
            agent.retain("objectType", "member");
            for (JsonNode member : agent.path("member")) {
                idsOfAgent(member);
            }
        }
    }

    /** Language maps reduced to the one language the caller prefers most. */
    static void toCanonical(ObjectNode statement, List<Locale.LanguageRange> languages) {
        reduce(statement.path("verb").get("display"), languages);
        canonicalObject(statement.get("object"), languages);
        JsonNode contextActivities = statement.path("context").get("contextActivities");
        if (contextActivities instanceof ObjectNode activities) {
            for (JsonNode list : activities.values()) {
                if (list.isArray()) {
                    list.forEach(activity -> canonicalObject(activity, languages));
                } else {
                    canonicalObject(list, languages);
                }
            }
        }
        for (JsonNode attachment : statement.path("attachments")) {
            reduce(attachment.get("display"), languages);
            reduce(attachment.get("description"), languages);
        }
    }

    private static void canonicalObject(JsonNode object, List<Locale.LanguageRange> languages) {
        if (!(object instanceof ObjectNode node)) {
            return;
        }
        if ("SubStatement".equals(node.path("objectType").asString(null))) {
            toCanonical(node, languages);
            return;
        }
        JsonNode definition = node.get("definition");
        if (definition == null) {
            return;
        }
        reduce(definition.get("name"), languages);
        reduce(definition.get("description"), languages);
        for (String components : List.of("choices", "scale", "source", "target", "steps")) {
            for (JsonNode component : definition.path(components)) {
                reduce(component.get("description"), languages);
            }
        }
    }

    private static void reduce(JsonNode map, List<Locale.LanguageRange> languages) {
        if (!(map instanceof ObjectNode languageMap) || languageMap.size() <= 1) {
            return;
        }
        List<String> tags = new ArrayList<>(languageMap.propertyNames());
        String chosen = null;
        if (!languages.isEmpty()) {
            List<String> matches = Locale.filterTags(languages, tags);
            if (!matches.isEmpty()) {
                chosen = matches.get(0);
            }
        }
        if (chosen == null) {
            chosen = tags.contains("en-US") ? "en-US" : tags.get(0);
        }
        for (String tag : tags) {
            if (!tag.equalsIgnoreCase(chosen)) {
                languageMap.remove(tag);
            }
        }
    }
}
