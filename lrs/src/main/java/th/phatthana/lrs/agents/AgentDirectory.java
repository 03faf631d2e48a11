package th.phatthana.lrs.agents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.lrs.statements.Agents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import th.phatthana.lrs.xapi.RecentWrites;

/**
 * The agents each tenant's statements have mentioned, for the Agents resource
 * ({@code GET /xapi/agents}): per identifier (IFI), the identifier itself and the names it has been
 * seen with. Collection {@code agents}, {@code _id = tenantId/<IFI key>}.
 *
 * <p>A Person combines the requested agent with the identities {@link PersonLinks} beans link to
 * it (for example a staff record's several identities): that is where merging happens, so the
 * directory itself stays one entry per identifier, filled cheaply from the statement stream.
 */
@Service
public class AgentDirectory {

    private static final Logger log = LoggerFactory.getLogger(AgentDirectory.class);

    static final String AGENTS = "agents";
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private final MongoTemplate mongo;
    private final ObjectProvider<PersonLinks> links;
    private final JsonMapper json;
    private final Clock clock;
    private MongoCollection<Document> agents;
    /** An agent seen again with the same names is not written again for a minute: {@code lastSeen} is kept to the minute. */
    private final RecentWrites recent;

    public AgentDirectory(MongoTemplate mongo, ObjectProvider<PersonLinks> links, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.recent = new RecentWrites(java.time.Duration.ofMinutes(1), 50_000, clock);
        this.links = links;
    }

    @PostConstruct
    void collection() {
        agents = mongo.getCollection(AGENTS);
    }

    /**
     * Records the identified agents of just-stored statements (actor, an Agent/Group object,
     * instructor, team, 2.0 contextAgents/contextGroups, group members, and the same inside a
     * SubStatement) with the names they carry. One bulk upsert for the batch; the authority is
     * left out (it names the credential, not a learner).
     */
    public void recordAgents(String tenantId, List<? extends JsonNode> statements) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (JsonNode statement : statements) {
            collect(statement, seen);
            JsonNode object = statement.path("object");
            if ("SubStatement".equals(object.path("objectType").asString(""))) {
                collect(object, seen);
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        seen.forEach((ifi, agent) -> {
            String fingerprint = new java.util.TreeSet<>(agent.names()).toString();
            if (!recent.writtenLately(key(tenantId, ifi), fingerprint)) {
                fingerprints.put(ifi, fingerprint);
            }
        });
        seen.keySet().retainAll(fingerprints.keySet());
        if (seen.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<UpdateOneModel<Document>> updates = new ArrayList<>(seen.size());
        for (Map.Entry<String, Seen> entry : seen.entrySet()) {
            List<Bson> changes = new ArrayList<>();
            changes.add(Updates.setOnInsert("tenantId", tenantId));
            changes.add(Updates.setOnInsert("ifi", entry.getKey()));
            changes.add(Updates.setOnInsert("identity", entry.getValue().identity()));
            if (!entry.getValue().names().isEmpty()) {
                changes.add(Updates.addEachToSet("names", new ArrayList<>(entry.getValue().names())));
            }
            changes.add(Updates.set("lastSeen", now));
            updates.add(new UpdateOneModel<>(Filters.eq("_id", key(tenantId, entry.getKey())), Updates.combine(changes),
                    new UpdateOptions().upsert(true)));
        }
        try {
            agents.bulkWrite(updates, new BulkWriteOptions().ordered(false));
            fingerprints.forEach((ifi, fingerprint) -> recent.wrote(key(tenantId, ifi), fingerprint));
        } catch (MongoException e) {
            // The statements are stored already; a missed directory update must not fail the write.
            // Type and code only: a store error quotes the keys it failed on (agents: e-mail addresses).
            log.warn("Could not record {} agent(s) for tenant {} ({}, code {})", updates.size(), tenantId, e.getClass().getSimpleName(),
                    e.getCode());
        }
    }

    /**
     * The Person object for an agent: {@code objectType "Person"} and the arrays {@code name},
     * {@code mbox}, {@code mbox_sha1sum}, {@code openid}, {@code account} over the agent's own
     * identifier and every identity linked to it (each array present when not empty). An agent
     * the LRS has never seen still gets a Person with its own identifier.
     */
    public ObjectNode person(String tenantId, AgentParameter agent) {
        Map<String, JsonNode> identities = new LinkedHashMap<>();
        identities.put(agent.ifiKey(), agent.agent());
        for (PersonLinks link : links.orderedStream().toList()) {
            for (JsonNode other : link.otherIdentities(tenantId, agent.agent(), agent.ifiKey())) {
                String key = ActorKey.of(other);
                if (key != null) {
                    identities.putIfAbsent(key, other);
                }
            }
        }
        Map<String, Document> known = new LinkedHashMap<>();
        List<String> ids = identities.keySet().stream().map(k -> key(tenantId, k)).toList();
        for (Document document : agents.find(Filters.in("_id", ids))) {
            known.put(document.getString("ifi"), document);
        }

        Set<String> names = new LinkedHashSet<>();
        Map<String, Set<String>> identifiers = new LinkedHashMap<>();
        Map<String, ObjectNode> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> identity : identities.entrySet()) {
            Document entry = known.get(identity.getKey());
            if (entry != null) {
                List<String> seenNames = entry.getList("names", String.class);
                if (seenNames != null) {
                    names.addAll(seenNames);
                }
            }
            JsonNode ifi = identity.getValue();
            JsonNode linkedName = ifi.get("name");
            if (!identity.getKey().equals(agent.ifiKey()) && linkedName != null && linkedName.isString()
                    && !linkedName.stringValue().isBlank()) {
                // A name that comes with a linked identity (e.g. from the staff record) is known to the LRS too.
                names.add(linkedName.stringValue());
            }
            for (String property : List.of("mbox", "mbox_sha1sum", "openid")) {
                JsonNode value = ifi.get(property);
                if (value != null && value.isString()) {
                    identifiers.computeIfAbsent(property, k -> new LinkedHashSet<>()).add(value.stringValue());
                }
            }
            JsonNode account = ifi.get("account");
            if (account != null && account.isObject()) {
                ObjectNode copy = json.createObjectNode()
                        .put("homePage", account.path("homePage").asString(""))
                        .put("name", account.path("name").asString(""));
                accounts.putIfAbsent(identity.getKey(), copy);
            }
        }

        ObjectNode person = json.createObjectNode().put("objectType", "Person");
        if (!names.isEmpty()) {
            ArrayNode array = person.putArray("name");
            names.forEach(array::add);
        }
        for (String property : List.of("mbox", "mbox_sha1sum", "openid")) {
            Set<String> values = identifiers.get(property);
            if (values != null && !values.isEmpty()) {
                ArrayNode array = person.putArray(property);
                values.forEach(array::add);
            }
        }
        if (!accounts.isEmpty()) {
            ArrayNode array = person.putArray("account");
            accounts.values().forEach(array::add);
        }
        return person;
    }

    /** The names the tenant's statements gave the person's identities (PDPA erasure: texts to look for). */
    public Set<String> namesOf(String tenantId, th.phatthana.lrs.statements.ErasedPerson person) {
        Set<String> names = new LinkedHashSet<>();
        for (Document entry : entriesOf(tenantId, person)) {
            List<String> seen = entry.getList("names", String.class);
            if (seen != null) {
                names.addAll(seen);
            }
        }
        return names;
    }

    /** Removes the person's identities from the tenant's directory (PDPA erasure); returns how many there were. */
    public long forget(String tenantId, th.phatthana.lrs.statements.ErasedPerson person) {
        List<Object> ids = entriesOf(tenantId, person).stream().map(entry -> entry.get("_id")).toList();
        return ids.isEmpty() ? 0 : agents.deleteMany(Filters.and(Filters.eq("tenantId", tenantId), Filters.in("_id", ids))).getDeletedCount();
    }

    private List<Document> entriesOf(String tenantId, th.phatthana.lrs.statements.ErasedPerson person) {
        List<Document> entries = new ArrayList<>();
        // by the primary key's range (tenantId/…): the collection has no other index
        Bson ofTenant = Filters.and(Filters.gte("_id", tenantId + "/"), Filters.lt("_id", tenantId + "0"), Filters.eq("tenantId", tenantId));
        for (Document entry : agents.find(ofTenant)) {
            if (person.isTheirs(entry.getString("ifi"))) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static String key(String tenantId, String ifiKey) {
        return tenantId + "/" + ifiKey;
    }

    /** One identifier as the batch mentions it: its IFI as a sub-document, and the names seen. */
    private record Seen(Document identity, Set<String> names) {
    }

    private static void collect(JsonNode statement, Map<String, Seen> seen) {
        addWithMembers(statement.get("actor"), seen);
        JsonNode object = statement.get("object");
        if (object != null && object.isObject()) {
            String type = object.path("objectType").asString("");
            if (type.equals("Agent") || type.equals("Group")) {
                addWithMembers(object, seen);
            }
        }
        JsonNode context = statement.get("context");
        if (context != null && context.isObject()) {
            addWithMembers(context.get("instructor"), seen);
            addWithMembers(context.get("team"), seen);
            for (JsonNode contextAgent : context.path("contextAgents")) {
                addWithMembers(contextAgent.get("agent"), seen);
            }
            for (JsonNode contextGroup : context.path("contextGroups")) {
                addWithMembers(contextGroup.get("group"), seen);
            }
        }
    }

    private static void addWithMembers(JsonNode actor, Map<String, Seen> seen) {
        if (actor == null || !actor.isObject()) {
            return;
        }
        boolean group = "Group".equals(actor.path("objectType").asString(""));
        if (!group) {
            add(actor, seen);
        }
        JsonNode members = actor.get("member");
        if (group && members != null && members.isArray()) {
            for (JsonNode member : members) {
                add(member, seen);
            }
        }
    }

    /** Adds an Agent (groups are not persons) with its one IFI. */
    private static void add(JsonNode agent, Map<String, Seen> seen) {
        if (agent == null || !agent.isObject()) {
            return;
        }
        String key = ActorKey.of(agent);
        if (key == null) {
            return;
        }
        Seen entry = seen.computeIfAbsent(key, k -> new Seen(identity(agent), new LinkedHashSet<>()));
        JsonNode name = agent.get("name");
        if (name != null && name.isString() && !name.stringValue().isBlank()) {
            entry.names().add(name.stringValue());
        }
    }

    private static Document identity(JsonNode agent) {
        for (String ifi : IFIS) {
            JsonNode value = agent.get(ifi);
            if (value == null || value.isNull()) {
                continue;
            }
            if (ifi.equals("account")) {
                return new Document("account", new Document("homePage", value.path("homePage").asString(""))
                        .append("name", value.path("name").asString("")));
            }
            return new Document(ifi, value.asString(""));
        }
        return new Document();
    }
}
