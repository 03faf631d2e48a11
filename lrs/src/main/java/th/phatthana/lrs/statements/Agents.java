package th.phatthana.lrs.statements;

import java.util.Collection;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Inverse functional identifiers (IFIs) of agents and groups as the flat keys the store indexes:
 * two actors are the same when they have the same key.
 */
public final class Agents {

    private Agents() {
    }

    /** The IFI key of an agent or identified group, or null for an anonymous group. */
    public static String ifiKey(JsonNode agent) {
        if (agent == null || !agent.isObject()) {
            return null;
        }
        JsonNode value = agent.get("mbox");
        if (value != null && value.isString()) {
            return "mbox|" + value.stringValue();
        }
        value = agent.get("mbox_sha1sum");
        if (value != null && value.isString()) {
            return "sha1|" + value.stringValue().toLowerCase(Locale.ROOT);
        }
        value = agent.get("openid");
        if (value != null && value.isString()) {
            return "openid|" + value.stringValue();
        }
        JsonNode account = agent.get("account");
        if (account != null && account.isObject()) {
            return "account|" + account.path("homePage").asString("") + "|" + account.path("name").asString("");
        }
        return null;
    }

    /** Adds the key of the agent or group and, for a group, of each member. */
    static void addWithMembers(JsonNode agentOrGroup, Collection<String> keys) {
        if (agentOrGroup == null || !agentOrGroup.isObject()) {
            return;
        }
        String key = ifiKey(agentOrGroup);
        if (key != null) {
            keys.add(key);
        }
        JsonNode members = agentOrGroup.get("member");
        if (members != null && members.isArray()) {
            for (JsonNode member : members) {
                String memberKey = ifiKey(member);
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
