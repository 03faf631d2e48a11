package th.phatthana.lrs.statements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.lrs.xapi.XapiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The parameters of a statement query (GET /xapi/statements without an id), parsed and checked. */
record StatementQuery(Map<String, String> parameters, String agentKey, boolean relatedAgents, String verb,
        String activity, boolean relatedActivities, String registration, Instant since, Instant until, int limit,
        Format format, boolean attachments, boolean ascending, long afterSeq, long snapshotSeq) {

    enum Format { IDS, EXACT, CANONICAL }

    static final Set<String> QUERY_PARAMETERS = Set.of("agent", "verb", "activity", "registration", "related_activities",
            "related_agents", "since", "until", "limit", "format", "attachments", "ascending");

    static StatementQuery parse(Map<String, String> parameters, int maxPageSize, JsonMapper json) {
        for (String name : parameters.keySet()) {
            if (!QUERY_PARAMETERS.contains(name)) {
                throw XapiException.badRequest("unknown statement query parameter '" + name + "'");
            }
        }
        String agentKey = null;
        String agent = parameters.get("agent");
        if (agent != null) {
            JsonNode node;
            try {
                node = json.readTree(agent);
            } catch (RuntimeException e) {
                throw XapiException.badRequest("agent: must be a JSON Agent or Group object");
            }
            agentKey = ActorKey.of(node);
            if (!node.isObject() || agentKey == null) {
                throw XapiException.badRequest("agent: must be an Agent or identified Group with exactly one of "
                        + "mbox, mbox_sha1sum, openid, account");
            }
            int ifis = 0;
            for (String ifi : List.of("mbox", "mbox_sha1sum", "openid", "account")) {
                ifis += node.has(ifi) ? 1 : 0;
            }
            if (ifis != 1) {
                throw XapiException.badRequest("agent: must have exactly one inverse functional identifier");
            }
        }
        for (String name : List.of("verb", "activity")) {
            String value = parameters.get(name);
            if (value != null && !th.phatthana.lrs.statements.validation.Iris.isAbsolute(value)) {
                throw XapiException.badRequest(name + ": must be an IRI (with a scheme, such as https://...)");
            }
        }
        String registration = parameters.get("registration");
        if (registration != null) {
            try {
                registration = UUID.fromString(registration).toString();
            } catch (IllegalArgumentException e) {
                throw XapiException.badRequest("registration: must be a UUID");
            }
        }
        int limit = maxPageSize;
        String limitText = parameters.get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                throw XapiException.badRequest("limit: must be a non-negative integer");
            }
            if (limit < 0) {
                throw XapiException.badRequest("limit: must be a non-negative integer");
            }
            limit = limit == 0 ? maxPageSize : Math.min(limit, maxPageSize);
        }
        Format format = Format.EXACT;
        String formatText = parameters.get("format");
        if (formatText != null) {
            try {
                format = Format.valueOf(formatText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw XapiException.badRequest("format: must be ids, exact or canonical");
            }
        }
        return new StatementQuery(new LinkedHashMap<>(parameters), agentKey, bool(parameters, "related_agents"),
                parameters.get("verb"), parameters.get("activity"), bool(parameters, "related_activities"), registration,
                time(parameters, "since"), time(parameters, "until"), limit, format, bool(parameters, "attachments"),
                bool(parameters, "ascending"), 0, Long.MAX_VALUE);
    }

    static boolean bool(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw XapiException.badRequest(name + ": must be true or false");
    }

    static Instant time(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                throw XapiException.badRequest(name + ": must be an ISO 8601 timestamp with a time zone");
            }
        }
    }

    /** The cursor of the next page: the same query, continuing after {@code lastSeq}. */
    String moreToken(long lastSeq, long snapshot, JsonMapper json) {
        ObjectNode token = json.createObjectNode();
        ObjectNode params = token.putObject("q");
        parameters.forEach(params::put);
        token.put("after", lastSeq);
        token.put("snapshot", snapshot);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(token).getBytes(StandardCharsets.UTF_8));
    }

    static StatementQuery fromMoreToken(String more, int maxPageSize, JsonMapper json) {
        JsonNode token;
        try {
            token = json.readTree(new String(Base64.getUrlDecoder().decode(more), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw XapiException.badRequest("more: not a cursor this LRS issued");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : token.path("q").properties()) {
            parameters.put(entry.getKey(), entry.getValue().asString());
        }
        StatementQuery query = parse(parameters, maxPageSize, json);
        return new StatementQuery(query.parameters, query.agentKey, query.relatedAgents, query.verb, query.activity,
                query.relatedActivities, query.registration, query.since, query.until, query.limit, query.format,
                query.attachments, query.ascending, token.path("after").asLong(0),
                token.path("snapshot").asLong(Long.MAX_VALUE));
    }

    List<String> describe() {
        return new ArrayList<>(parameters.keySet());
    }
}
