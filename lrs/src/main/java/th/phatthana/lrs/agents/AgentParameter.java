package th.phatthana.lrs.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.lrs.statements.Agents;
import th.phatthana.lrs.xapi.XapiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code agent} query parameter (State, Agent Profile and Agents resources): a JSON Agent, or an
 * identified Group where allowed, with exactly one inverse functional identifier. Two parameters
 * name the same agent when their {@link #ifiKey() IFI keys} are equal, whatever else they carry
 * (a {@code name}, an {@code objectType}); the key is the one the statement store indexes.
 *
 * @param agent  the parsed JSON object as sent
 * @param ifiKey the agent's IFI key ({@link ActorKey#of(tools.jackson.databind.JsonNode)})
 */
public record AgentParameter(JsonNode agent, String ifiKey) {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern IRI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S*");
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    /**
     * Parses and checks the parameter.
     *
     * @param name        the parameter name, for messages
     * @param value       the raw (URL-decoded) value; null when the parameter is missing
     * @param allowGroups whether an identified Group is acceptable (documents) or only an Agent (Agents resource)
     * @param json        the application's mapper
     * @throws XapiException 400 naming the parameter and what is wrong with it
     */
    public static AgentParameter parse(String name, String value, boolean allowGroups, JsonMapper json) {
        if (value == null) {
            throw XapiException.badRequest("missing required parameter '" + name + "'");
        }
        JsonNode agent;
        try {
            agent = json.readTree(value);
        } catch (JacksonException e) {
            throw XapiException.badRequest("parameter '" + name + "' is not valid JSON: it must be an Agent object such as "
                    + "{\"mbox\":\"mailto:someone@example.org\"}");
        }
        if (agent == null || !agent.isObject()) {
            throw XapiException.badRequest("parameter '" + name + "' must be a JSON Agent object, not " + describe(agent));
        }
        JsonNode objectType = agent.get("objectType");
        if (objectType != null) {
            String type = objectType.isString() ? objectType.stringValue() : "";
            boolean ok = type.equals("Agent") || allowGroups && type.equals("Group");
            if (!ok) {
                throw XapiException.badRequest("parameter '" + name + "': objectType must be " + (allowGroups ? "\"Agent\" or \"Group\"" : "\"Agent\"")
                        + ", not " + objectType);
            }
        }
        JsonNode agentName = agent.get("name");
        if (agentName != null && !agentName.isString()) {
            throw XapiException.badRequest("parameter '" + name + "': name must be a string");
        }
        List<String> present = new ArrayList<>();
        for (String ifi : IFIS) {
            if (agent.has(ifi) && !agent.get(ifi).isNull()) {
                present.add(ifi);
            }
        }
        if (present.size() != 1) {
            throw XapiException.badRequest("parameter '" + name + "' must have exactly one inverse functional identifier "
                    + "(mbox, mbox_sha1sum, openid or account); it has " + (present.isEmpty() ? "none" : String.join(", ", present)));
        }
        String ifi = present.get(0);
        JsonNode v = agent.get(ifi);
        switch (ifi) {
            case "mbox" -> {
                if (!v.isString() || !v.stringValue().startsWith("mailto:") || !v.stringValue().contains("@")) {
                    throw XapiException.badRequest("parameter '" + name + "': mbox must be a \"mailto:\" IRI such as \"mailto:someone@example.org\"");
                }
            }
            case "mbox_sha1sum" -> {
                if (!v.isString() || !SHA1_HEX.matcher(v.stringValue()).matches()) {
                    throw XapiException.badRequest("parameter '" + name + "': mbox_sha1sum must be 40 hexadecimal characters");
                }
            }
            case "openid" -> {
                if (!v.isString() || !IRI_SCHEME.matcher(v.stringValue()).matches()) {
                    throw XapiException.badRequest("parameter '" + name + "': openid must be an absolute URI");
                }
            }
            default -> {
                if (!v.isObject()) {
                    throw XapiException.badRequest("parameter '" + name + "': account must be an object with homePage and name");
                }
                JsonNode homePage = v.get("homePage");
                JsonNode accountName = v.get("name");
                if (homePage == null || !homePage.isString() || !IRI_SCHEME.matcher(homePage.stringValue()).matches()) {
                    throw XapiException.badRequest("parameter '" + name + "': account.homePage must be an absolute IRL");
                }
                if (accountName == null || !accountName.isString()) {
                    throw XapiException.badRequest("parameter '" + name + "': account.name must be a string");
                }
            }
        }
        return new AgentParameter(agent, ActorKey.of(agent));
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isString() ? "a string" : node.toString();
    }
}
