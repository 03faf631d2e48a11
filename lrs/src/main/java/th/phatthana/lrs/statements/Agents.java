package th.phatthana.lrs.statements;

import java.util.Collection;

import th.phatthana.schema.xapi.ActorKey;
import tools.jackson.databind.JsonNode;

/** Which agents a statement involves, as the keys ({@link ActorKey}) the store indexes them by. */
public final class Agents {

    private Agents() {
    }

    /** Adds the key of the agent or group and, for a group, of each member. */
    static void addWithMembers(JsonNode agentOrGroup, Collection<String> keys) {
        if (agentOrGroup == null || !agentOrGroup.isObject()) {
            return;
        }
        String key = ActorKey.of(agentOrGroup);
        if (key != null) {
            keys.add(key);
        }
        JsonNode members = agentOrGroup.get("member");
        if (members != null && members.isArray()) {
            for (JsonNode member : members) {
                String memberKey = ActorKey.of(member);
                if (memberKey != null) {
                    keys.add(memberKey);
                }
            }
        }
    }

    static boolean isAgentOrGroup(JsonNode object) {
        String type = object.path("objectType").asString("");
        return type.equals("Agent") || type.equals("Group");
    }

    static boolean isActivity(JsonNode object) {
        JsonNode type = object.get("objectType");
        return type == null || "Activity".equals(type.asString(""));
    }
}
