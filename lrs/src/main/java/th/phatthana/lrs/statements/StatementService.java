package th.phatthana.lrs.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;


import th.phatthana.lrs.statements.index.StatementIndex;
import th.phatthana.lrs.statements.validation.StatementValidator;
import th.phatthana.lrs.activities.ActivityDefinitionService;
import th.phatthana.lrs.agents.AgentDirectory;
import th.phatthana.lrs.xapi.ConsistencyClock;
import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.schema.xapi.XapiVerbs;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores statements: validate every statement of the request, then check conflicts, voiding and
 * attachments, then write. Nothing of a rejected request is stored.
 */
@Service
public class StatementService {

    static final String AUTHORITY_HOME_PAGE = "https://phatthana.th/xapi/credentials";
    private static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    private final StatementRepository statements;
    private final AttachmentRepository attachments;
    private final StatementValidator validator = new StatementValidator();
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    private final ConsistencyClock clock;
    private final ActivityDefinitionService activityDefinitions;
    private final AgentDirectory agentDirectory;
    private final StatementIndex statementIndex;

    public StatementService(StatementRepository statements, AttachmentRepository attachments, JsonMapper json,
            ApplicationEventPublisher events, ConsistencyClock clock, ActivityDefinitionService activityDefinitions,
            AgentDirectory agentDirectory, StatementIndex statementIndex) {
        this.statementIndex = statementIndex;
        this.clock = clock;
        this.activityDefinitions = activityDefinitions;
        this.agentDirectory = agentDirectory;
        this.statements = statements;
        this.attachments = attachments;
        this.json = json;
        this.events = events;
    }

    /**
     * Stores one statement or a batch; returns the ids in request order.
     *
     * @param putId the {@code statementId} parameter of a PUT, or null for a POST
     */
    public List<String> store(XapiRequest request, JsonNode body, List<Attachment> parts, String putId) {
        XapiClient client = request.client();
        if (!XapiScope.canWriteStatements(client.scopes())) {
            throw XapiException.forbidden("this credential may not write statements (needs scope statements/write or all)");
        }
        List<ObjectNode> batch = new ArrayList<>();
        if (putId != null) {
            if (!body.isObject()) {
                throw XapiException.badRequest("PUT takes exactly one statement object");
            }
            ObjectNode statement = (ObjectNode) body;
            JsonNode id = statement.get("id");
            if (id != null && !putId.equalsIgnoreCase(id.asString(""))) {
                throw XapiException.badRequest("statement.id '" + id.asString("") + "' differs from the statementId parameter '" + putId + "'");
            }
            statement.put("id", putId);
            batch.add(statement);
        } else if (body.isArray()) {
            if (body.isEmpty()) {
                throw XapiException.badRequest("the batch holds no statements");
            }
            int index = 0;
            for (JsonNode element : body) {
                if (!element.isObject()) {
                    throw XapiException.badRequest("statements[" + index + "]: must be a statement object");
                }
                batch.add((ObjectNode) element);
                index++;
            }
        } else if (body.isObject()) {
            batch.add((ObjectNode) body);
        } else {
            throw XapiException.badRequest("the body must be a statement object or an array of statements");
        }

        for (int i = 0; i < batch.size(); i++) {
            try {
                validator.validate(batch.get(i), request.version());
            } catch (th.phatthana.lrs.statements.validation.StatementValidationException e) {
                throw XapiException.badRequest(batch.size() > 1 ? "statements[" + i + "]: " + e.getMessage() : e.getMessage());
            }
        }

        // Ids: the client's, checked for repeats within the request, or new ones.
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Set<String> clientIds = new HashSet<>();
        for (ObjectNode statement : batch) {
            JsonNode idNode = statement.get("id");
            String id;
            if (idNode == null) {
                id = UUID.randomUUID().toString();
                statement.put("id", id);
            } else {
                id = idNode.asString().toLowerCase(java.util.Locale.ROOT);
                statement.put("id", id);
                clientIds.add(id);
            }
            if (byId.putIfAbsent(id, statement) != null) {
                throw XapiException.badRequest("statement id " + id + " appears more than once in the request");
            }
        }

        Map<String, Attachment> attachmentsByHash = SignedStatements.checkAttachments(batch, parts, json);

        // Conflicts with what is stored: the same statement again is accepted and not stored twice.
        String tenantId = client.tenantId();
        Map<String, StoredStatement> existing = clientIds.isEmpty() ? Map.of() : statements.findByIds(tenantId, clientIds);
        Set<String> alreadyStored = new HashSet<>();
        for (Map.Entry<String, StoredStatement> entry : existing.entrySet()) {
            if (!sameStatement(byId.get(entry.getKey()), entry.getValue())) {
                throw XapiException.conflict("a different statement with id " + entry.getKey() + " is already stored");
            }
            alreadyStored.add(entry.getKey());
        }

        // Voiding: the target must not be a voiding statement itself.
        Map<String, String> voidTargets = new HashMap<>();
        for (ObjectNode statement : batch) {
            if (XapiVerbs.VOIDED.equals(statement.path("verb").path("id").asString(null))) {
                JsonNode object = statement.path("object");
                if (!"StatementRef".equals(object.path("objectType").asString(null))) {
                    throw XapiException.badRequest("statement.object: a voiding statement (verb " + XapiVerbs.VOIDED
                            + ") must have a StatementRef as its object");
                }
                voidTargets.put(statement.get("id").asString(), object.path("id").asString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!voidTargets.isEmpty()) {
            Map<String, StoredStatement> targets = statements.findByIds(tenantId, voidTargets.values());
            for (StoredStatement target : targets.values()) {
                if (isVoiding(target)) {
                    throw XapiException.badRequest("statement " + target.statementId()
                            + " is a voiding statement and cannot be voided");
                }
            }
            for (String target : voidTargets.values()) {
                ObjectNode inBatch = byId.get(target);
                if (inBatch != null && XapiVerbs.VOIDED.equals(inBatch.path("verb").path("id").asString(null))) {
                    throw XapiException.badRequest("statement " + target + " is a voiding statement and cannot be voided");
                }
            }
        }

        List<ObjectNode> toStore = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> entry : byId.entrySet()) {
            if (!alreadyStored.contains(entry.getKey())) {
                toStore.add(entry.getValue());
            }
        }
        if (!toStore.isEmpty()) {
            write(request, toStore, voidTargets, attachmentsByHash);
        }
        return new ArrayList<>(byId.keySet());
    }

    private void write(XapiRequest request, List<ObjectNode> toStore, Map<String, String> voidTargets,
            Map<String, Attachment> attachmentsByHash) {
        XapiClient client = request.client();
        String tenantId = client.tenantId();
        Instant began = clock.beginWrite();
        long first = -1;
        List<Long> unused = new ArrayList<>();
        try {
            ObjectNode authority = authority(client);
            String defaultVersion = request.version() == th.phatthana.lrs.statements.validation.XapiVersion.V2_0_0 ? "2.0.0" : "1.0.0";
            Set<String> voidedOnArrival = new HashSet<>(statements.alreadyVoided(tenantId,
                    toStore.stream().map(s -> s.get("id").asString()).toList()));
            StatementRepository.Reservation reservation = statements.reserveSequence(tenantId, toStore.size(), began);
            first = reservation.firstSeq();
            for (long seq = first; seq < first + toStore.size(); seq++) {
                unused.add(seq);
            }
            long seq = first;
            Instant stored = reservation.stored();
            String storedText = stored.toString();
            List<Document> documents = new ArrayList<>(toStore.size());
            Map<String, ObjectNode> byId = new HashMap<>();
            Set<String> addedByUs = new HashSet<>();
            for (ObjectNode statement : toStore) {
                String id = statement.get("id").asString();
                byId.put(id, statement);
                normalizeContextActivities(statement);
                JsonNode subStatement = statement.get("object");
                if (subStatement instanceof ObjectNode sub && "SubStatement".equals(sub.path("objectType").asString(null))) {
                    normalizeContextActivities(sub);
                }
                if (!statement.has("timestamp")) {
                    statement.put("timestamp", storedText);
                    addedByUs.add(id + "/timestamp");
                }
                statement.put("stored", storedText);
                statement.set("authority", authority);
                if (!statement.has("version")) {
                    statement.put("version", defaultVersion);
                    addedByUs.add(id + "/version");
                }
                List<String> hashes = new ArrayList<>();
                for (JsonNode attachment : statement.path("attachments")) {
                    String sha2 = attachment.path("sha2").asString(null);
                    if (sha2 != null && attachmentsByHash.containsKey(sha2)) {
                        hashes.add(sha2);
                    }
                }
                documents.add(StatementRepository.toDocument(tenantId, id, seq++, stored, voidedOnArrival.contains(id),
                        client.credentialId(), QueryFields.of(statement), json.writeValueAsBytes(statement), hashes));
            }
            if (!attachmentsByHash.isEmpty()) {
                attachments.saveAll(tenantId, attachmentsByHash.values());
            }
            List<Document> taken = statements.insertNew(documents);
            if (!taken.isEmpty()) {
                acceptOnlyTheSameAgain(tenantId, documents, taken, byId, addedByUs);
            }
            unused.clear();
            taken.forEach(document -> unused.add(document.get("seq", Number.class).longValue()));
            for (Map.Entry<String, String> voiding : voidTargets.entrySet()) {
                statements.markVoided(tenantId, voiding.getValue(), voiding.getKey());
            }
            List<Document> inserted = new ArrayList<>(documents);
            inserted.removeAll(taken);
            statementIndex.added(tenantId, inserted);
        } finally {
            if (first >= 0) {
                statements.endReservation(tenantId, first, toStore.size(), unused);
            }
            clock.endWrite(began);
        }
        // After endWrite, so keeping the directories current never holds back Consistent-Through.
        activityDefinitions.recordDefinitions(tenantId, toStore, XapiScope.canDefine(client.scopes()));
        agentDirectory.recordAgents(tenantId, toStore);
        events.publishEvent(new StatementsStored(tenantId, toStore.size()));
    }

    /**
     * Statements of this request that another request stored at the same moment: the same
     * statement again is fine (xAPI: not a conflict), a different one under the same id is a 409,
     * and then nothing of this request is kept.
     */
    private void acceptOnlyTheSameAgain(String tenantId, List<Document> documents, List<Document> taken,
            Map<String, ObjectNode> byId, Set<String> addedByUs) {
        Map<String, StoredStatement> storedNow = statements.findByIds(tenantId,
                taken.stream().map(document -> document.getString("statementId")).toList());
        for (Document document : taken) {
            String id = document.getString("statementId");
            ObjectNode asSent = byId.get(id).deepCopy();
            if (addedByUs.contains(id + "/timestamp")) {
                asSent.remove("timestamp");
            }
            if (addedByUs.contains(id + "/version")) {
                asSent.remove("version");
            }
            StoredStatement other = storedNow.get(id);
            if (other == null || !sameStatement(asSent, other)) {
                List<Document> inserted = new ArrayList<>(documents);
                inserted.removeAll(taken);
                statements.remove(inserted);
                throw XapiException.conflict("a different statement with id " + id + " was stored at the same moment; nothing was stored");
            }
        }
    }

    /** A single context activity is stored, and so returned, as an array of one (Data 2.4.6.2). */
    private void normalizeContextActivities(ObjectNode statement) {
        JsonNode contextActivities = statement.path("context").get("contextActivities");
        if (contextActivities instanceof ObjectNode activities) {
            for (String kind : List.copyOf(activities.propertyNames())) {
                JsonNode value = activities.get(kind);
                if (value.isObject()) {
                    activities.set(kind, json.createArrayNode().add(value));
                }
            }
        }
    }

    ObjectNode authority(XapiClient client) {
        ObjectNode authority = json.createObjectNode();
        authority.put("objectType", "Agent");
        authority.put("name", client.displayName());
        ObjectNode account = authority.putObject("account");
        account.put("homePage", AUTHORITY_HOME_PAGE);
        account.put("name", client.key());
        return authority;
    }

    private boolean isVoiding(StoredStatement statement) {
        JsonNode node = json.readTree(statement.jsonUtf8());
        return XapiVerbs.VOIDED.equals(node.path("verb").path("id").asString(null));
    }

    /** Whether a statement sent again is the one stored, ignoring what the LRS itself added. */
    private boolean sameStatement(ObjectNode incoming, StoredStatement stored) {
        ObjectNode storedNode = (ObjectNode) json.readTree(stored.jsonUtf8());
        ObjectNode candidate = incoming.deepCopy();
        normalizeContextActivities(candidate);
        JsonNode object = candidate.get("object");
        if (object instanceof ObjectNode sub && "SubStatement".equals(sub.path("objectType").asString(null))) {
            normalizeContextActivities(sub);
        }
        if (!candidate.has("version")) {
            storedNode.remove("version");
        }
        if (!candidate.has("timestamp")) {
            storedNode.remove("timestamp");
        }
        return StatementComparison.same(storedNode, candidate, List.of("stored", "authority"));
    }

    static boolean isSignature(JsonNode attachment) {
        return SIGNATURE_USAGE.equals(attachment.path("usageType").asString(null));
    }
}
