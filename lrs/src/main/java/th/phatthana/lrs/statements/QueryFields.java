package th.phatthana.lrs.statements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.schema.xapi.XapiVerbs;
import tools.jackson.databind.JsonNode;

/**
 * The fields a statement is found by, pulled out of its JSON once at store time. The JSON itself
 * is kept as a string and never queried, so its keys (which may hold '.' and '$') cannot act as
 * query operators.
 */
record QueryFields(String verbId, String activityId, List<String> agents, List<String> relatedAgents,
        List<String> relatedActivities, String registration, String statementRef, String voidedTarget) {

    static QueryFields of(JsonNode statement) {
        JsonNode object = statement.path("object");
        String verbId = statement.path("verb").path("id").asString(null);

        Set<String> agents = new LinkedHashSet<>();
        String actorKey = ActorKey.of(statement.get("actor"));
        if (actorKey != null) {
            agents.add(actorKey);
        }
        if (Agents.isAgentOrGroup(object)) {
            String objectKey = ActorKey.of(object);
            if (objectKey != null) {
                agents.add(objectKey);
            }
        }

        Set<String> relatedAgents = new LinkedHashSet<>(agents);
        Set<String> relatedActivities = new LinkedHashSet<>();
        collectRelated(statement, relatedAgents, relatedActivities);
        Agents.addWithMembers(statement.get("authority"), relatedAgents);

        String activityId = Agents.isActivity(object) ? object.path("id").asString(null) : null;
        String registration = statement.path("context").path("registration").asString(null);
        String statementRef = "StatementRef".equals(object.path("objectType").asString(null))
                ? object.path("id").asString(null) : null;
        String voidedTarget = XapiVerbs.VOIDED.equals(verbId) ? statementRef : null;
        return new QueryFields(verbId, activityId, new ArrayList<>(agents), new ArrayList<>(relatedAgents),
                new ArrayList<>(relatedActivities), registration, statementRef, voidedTarget);
    }

    /** Actor, object, context agents and activities of a statement or sub-statement. */
    private static void collectRelated(JsonNode statement, Set<String> relatedAgents, Set<String> relatedActivities) {
        Agents.addWithMembers(statement.get("actor"), relatedAgents);
        JsonNode object = statement.path("object");
        if (Agents.isAgentOrGroup(object)) {
            Agents.addWithMembers(object, relatedAgents);
        } else if (Agents.isActivity(object)) {
            String id = object.path("id").asString(null);
            if (id != null) {
                relatedActivities.add(id);
            }
        } else if ("SubStatement".equals(object.path("objectType").asString(null))) {
            collectRelated(object, relatedAgents, relatedActivities);
        }
        JsonNode context = statement.get("context");
        if (context == null || !context.isObject()) {
            return;
        }
        Agents.addWithMembers(context.get("instructor"), relatedAgents);
        Agents.addWithMembers(context.get("team"), relatedAgents);
        for (JsonNode contextAgent : context.path("contextAgents")) {
            Agents.addWithMembers(contextAgent.get("agent"), relatedAgents);
        }
        for (JsonNode contextGroup : context.path("contextGroups")) {
            Agents.addWithMembers(contextGroup.get("group"), relatedAgents);
        }
        JsonNode contextActivities = context.get("contextActivities");
        if (contextActivities != null && contextActivities.isObject()) {
            for (JsonNode kind : contextActivities.values()) {
                if (kind.isArray()) {
                    for (JsonNode activity : kind) {
                        addActivity(activity, relatedActivities);
                    }
                } else {
                    addActivity(kind, relatedActivities);
                }
            }
        }
    }

    private static void addActivity(JsonNode activity, Set<String> ids) {
        String id = activity.path("id").asString(null);
        if (id != null) {
            ids.add(id);
        }
    }
}
