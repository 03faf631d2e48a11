package th.phatthana.lrs.statements;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Service;

import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.tenants.tenant.ErasurePolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Erases a person from one tenant's statements (PDPA). Every statement of the tenant is read once;
 * one that names the person as an agent anywhere (actor, object, instructor, team, context agents
 * and groups, group members, authority, inside a SubStatement) or mentions one of their
 * identifying texts is:
 * <ul>
 * <li>removed, when the policy is {@link ErasurePolicy#DELETE} and the person is its actor; its
 *     sequence number is recorded as a hole of the stream, so progress never waits for it;</li>
 * <li>otherwise rewritten: every agent that is the person becomes the random account
 *     {@link ErasedPerson#ERASED_HOME_PAGE} + pseudonym without a name, each identifying text
 *     elsewhere is replaced by {@code "erased"}, and its attachments are dropped (a signature or a
 *     certificate carries the person's identity); the query fields are drawn again from the new JSON.</li>
 * </ul>
 * Attachments that no remaining statement uses are removed, before the statements change, so a
 * run that stops part-way leaves statements that the next run finds again. Running it again
 * finds nothing more to do.
 */
@Service
public class StatementErasure {

    private final StatementRepository statements;
    private final AttachmentRepository attachments;
    private final JsonMapper json;
    private final th.phatthana.lrs.statements.index.StatementIndex statementIndex;

    StatementErasure(StatementRepository statements, AttachmentRepository attachments, JsonMapper json,
            th.phatthana.lrs.statements.index.StatementIndex statementIndex) {
        this.statements = statements;
        this.attachments = attachments;
        this.json = json;
        this.statementIndex = statementIndex;
    }

    /** What one run changed. */
    public record Result(int deleted, int pseudonymised, long attachmentsDeleted) {
    }

    public Result erase(String tenantId, ErasedPerson person, ErasurePolicy policy) {
        Map<String, Long> toDelete = new LinkedHashMap<>();
        Map<String, ObjectNode> toRewrite = new LinkedHashMap<>();
        Map<String, List<String>> newKeys = new LinkedHashMap<>();
        Set<String> hashesKept = new HashSet<>();
        Set<String> hashesDropped = new HashSet<>();
        for (Document document : statements.allOfTenant(tenantId)) {
            String text = jsonText(document.get("json"));
            List<String> hashes = document.getList("attachments", String.class, List.of());
            List<String> keys = document.getList("keys", String.class, List.of());
            List<String> remapped = pseudonymousKeys(keys, person);
            boolean keyed = !remapped.equals(keys);
            if (!keyed && !person.mentionedInJson(text)) {
                hashesKept.addAll(hashes);
                continue;
            }
            String statementId = document.getString("statementId");
            ObjectNode statement = (ObjectNode) json.readTree(text);
            if (policy == ErasurePolicy.DELETE && person.isTheirs(ActorKey.of(statement.get("actor")))) {
                toDelete.put(statementId, document.get("seq", Number.class).longValue());
                hashesDropped.addAll(hashes);
            } else if (pseudonymise(statement, person)) {
                statement.remove("attachments");
                toRewrite.put(statementId, statement);
                newKeys.put(statementId, remapped);
                hashesDropped.addAll(hashes);
            } else {
                hashesKept.addAll(hashes); // a text that only looked like theirs (e.g. inside someone else's identifier)
                if (keyed) {
                    newKeys.put(statementId, remapped); // keys it took over from a statement of theirs it refers to
                }
            }
        }
        hashesDropped.removeAll(hashesKept);
        long attachmentsDeleted = attachments.deleteAll(tenantId, hashesDropped);
        statements.recordHoles(tenantId, toDelete.values());
        statements.deleteAll(tenantId, toDelete.keySet());
        for (Map.Entry<String, List<String>> keyed : newKeys.entrySet()) {
            ObjectNode rewritten = toRewrite.get(keyed.getKey());
            if (rewritten != null) {
                statements.rewrite(tenantId, keyed.getKey(), keyed.getValue(), json.writeValueAsBytes(rewritten));
            } else {
                statements.setKeys(tenantId, keyed.getKey(), keyed.getValue());
            }
        }
        statementIndex.rebuildTenant(tenantId);
        return new Result(toDelete.size(), toRewrite.size(), attachmentsDeleted);
    }

    /**
     * The statement's query keys with each agent key of the person replaced by the pseudonym's: the
     * statement's own agent positions and those it took over from a statement it refers to alike.
     */
    static List<String> pseudonymousKeys(List<String> keys, ErasedPerson person) {
        String pseudonymKey = "account|" + ErasedPerson.ERASED_HOME_PAGE + "|" + person.pseudonym();
        java.util.LinkedHashSet<String> result = new java.util.LinkedHashSet<>();
        for (String key : keys) {
            String replaced = key;
            for (String prefix : List.of(QueryKeys.AGENT, QueryKeys.RELATED_AGENT)) {
                if (key.startsWith(prefix) && person.isTheirs(key.substring(prefix.length()))) {
                    replaced = prefix + pseudonymKey;
                }
            }
            result.add(replaced);
        }
        return new ArrayList<>(result);
    }

    /**
     * Replaces the person in the statement (in place): each agent or group that is theirs becomes
     * the pseudonymous account, without a name; each identifying text elsewhere becomes
     * {@code "erased"}. The identifiers and names of other agents are left as they are. Whether
     * anything changed.
     */
    static boolean pseudonymise(JsonNode node, ErasedPerson person) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            String key = ActorKey.of(object);
            if (key != null && person.isTheirs(key)) {
                for (String property : List.of("name", "mbox", "mbox_sha1sum", "openid", "account")) {
                    object.remove(property);
                }
                object.putObject("account").put("homePage", ErasedPerson.ERASED_HOME_PAGE).put("name", person.pseudonym());
                changed = true;
            } else if (key != null) {
                // someone else: their identifier and name are theirs, whatever they contain
                JsonNode members = object.get("member");
                return members != null && pseudonymise(members, person);
            }
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                JsonNode value = field.getValue();
                if (value.isString()) {
                    String redacted = person.redact(value.stringValue());
                    if (!redacted.equals(value.stringValue())) {
                        object.put(field.getKey(), redacted);
                        changed = true;
                    }
                } else if (key != null && field.getKey().equals("account")) {
                    continue; // the pseudonym just set
                } else {
                    changed |= pseudonymise(value, person);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isString()) {
                    String redacted = person.redact(element.stringValue());
                    if (!redacted.equals(element.stringValue())) {
                        array.set(i, redacted);
                        changed = true;
                    }
                } else {
                    changed |= pseudonymise(element, person);
                }
            }
        }
        return changed;
    }

    private static String jsonText(Object stored) {
        return stored instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8) : (String) stored;
    }
}
