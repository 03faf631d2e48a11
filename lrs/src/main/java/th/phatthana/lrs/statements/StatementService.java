package th.phatthana.lrs.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;


import th.phatthana.lrs.statements.index.StatementIndex;
import th.phatthana.lrs.statements.validation.StatementValidationException;
import th.phatthana.lrs.statements.validation.StatementValidator;
import th.phatthana.lrs.statements.validation.XapiVersion;
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
 * Stores statements: parse, validate, assign ids, check attachments, conflicts and voiding
 * targets, write, publish. Nothing of a rejected request is stored.
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
     * Stores one statement or a batch; returns the ids in request order. The steps of the store
     * pipeline (docs/architecture.md, "The store pipeline"), each refusing the whole request
     * before anything is written.
     *
     * @param putId the {@code statementId} parameter of a PUT, or null for a POST
     */
    public List<String> store(XapiRequest request, JsonNode body, List<Attachment> parts, String putId) {
        XapiClient client = request.client();
        if (!XapiScope.canWriteStatements(client.scopes())) {
            throw XapiException.forbidden("this credential may not write statements (needs scope statements/write or all)");
        }
        List<ObjectNode> batch = parse(body, putId);
        validate(batch, request.version());
        Ids ids = assignIds(batch);
        Map<String, Attachment> attachmentsByHash = SignedStatements.checkAttachments(batch, parts, json);
        Set<String> alreadyStored = checkConflicts(client.tenantId(), ids);
        Map<String, String> voidTargets = checkVoidingTargets(client.tenantId(), ids.byId());
        List<ObjectNode> toStore = new ArrayList<>();
        ids.byId().forEach((id, statement) -> {
            if (!alreadyStored.contains(id)) {
                toStore.add(statement);
            }
        });
        if (!toStore.isEmpty()) {
            List<StoredStatement> written = write(request, toStore, voidTargets, attachmentsByHash);
            publish(client, toStore, written);
        }
        return new ArrayList<>(ids.byId().keySet());
    }

    /** 1. The request body as its statements: a PUT's one (with the id of its parameter), a POST's one or array. */
    private static List<ObjectNode> parse(JsonNode body, String putId) {
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
        return batch;
    }

    /** 2. Every statement valid for the request's xAPI version; the first failure named by its JSON path. */
    private void validate(List<ObjectNode> batch, XapiVersion version) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                validator.validate(batch.get(i), version);
            } catch (StatementValidationException e) {
                throw XapiException.badRequest(batch.size() > 1 ? "statements[" + i + "]: " + e.getMessage() : e.getMessage());
            }
        }
    }

    /** The statements by id in request order, and the ids the client gave (the others are new). */
    private record Ids(Map<String, ObjectNode> byId, Set<String> fromClient) {
    }

    /** 3. Ids: the client's (lower case), refused when repeated within the request, or new ones. */
    private static Ids assignIds(List<ObjectNode> batch) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Set<String> clientIds = new HashSet<>();
        for (ObjectNode statement : batch) {
            JsonNode idNode = statement.get("id");
            String id;
            if (idNode == null) {
                id = UUID.randomUUID().toString();
                statement.put("id", id);
            } else {
                id = idNode.asString().toLowerCase(Locale.ROOT);
                statement.put("id", id);
                clientIds.add(id);
            }
            if (byId.putIfAbsent(id, statement) != null) {
                throw XapiException.badRequest("statement id " + id + " appears more than once in the request");
            }
        }
        return new Ids(byId, clientIds);
    }

    /**
     * 4. Conflicts with what is stored: the same statement again is accepted and not stored twice
     * (its id is returned), a different one under a stored id is 409.
     */
    private Set<String> checkConflicts(String tenantId, Ids ids) {
        Map<String, StoredStatement> existing = ids.fromClient().isEmpty() ? Map.of() : statements.findByIds(tenantId, ids.fromClient());
        Set<String> alreadyStored = new HashSet<>();
        for (Map.Entry<String, StoredStatement> entry : existing.entrySet()) {
            if (!sameStatement(ids.byId().get(entry.getKey()), entry.getValue())) {
                throw XapiException.conflict("a different statement with id " + entry.getKey() + " is already stored");
            }
            alreadyStored.add(entry.getKey());
        }
        return alreadyStored;
    }

    /**
     * 5. Voiding: what each voiding statement voids (the validator has made sure its object is a
     * StatementRef), by voiding statement id; a target that is a voiding statement itself, stored
     * or in the request, is refused.
     */
    private Map<String, String> checkVoidingTargets(String tenantId, Map<String, ObjectNode> byId) {
        Map<String, String> voidTargets = new HashMap<>();
        byId.forEach((id, statement) -> {
            if (isVoiding(statement)) {
                voidTargets.put(id, statement.path("object").path("id").asString().toLowerCase(Locale.ROOT));
            }
        });
        if (voidTargets.isEmpty()) {
            return voidTargets;
        }
        for (StoredStatement target : statements.findByIds(tenantId, voidTargets.values()).values()) {
            if (isVoiding(json.readTree(target.jsonUtf8()))) {
                throw XapiException.badRequest("statement " + target.statementId() + " is a voiding statement and cannot be voided");
            }
        }
        for (String target : voidTargets.values()) {
            ObjectNode inBatch = byId.get(target);
            if (inBatch != null && isVoiding(inBatch)) {
                throw XapiException.badRequest("statement " + target + " is a voiding statement and cannot be voided");
            }
        }
        return voidTargets;
    }

    /**
     * 6. Write: reserve the batch's sequence numbers and {@code stored} time, complete the
     * statements, write attachments and statements, mark voided targets, tell the statement index;
     * the numbers left unused become holes of the stream. Returns what this request wrote to the stream.
     */
    private List<StoredStatement> write(XapiRequest request, List<ObjectNode> toStore, Map<String, String> voidTargets,
            Map<String, Attachment> attachmentsByHash) {
        XapiClient client = request.client();
        String tenantId = client.tenantId();
        Instant began = clock.beginWrite();
        long first = -1;
        List<Long> unused = new ArrayList<>();
        try {
            Set<String> voidedOnArrival = new HashSet<>(statements.alreadyVoided(tenantId,
                    toStore.stream().map(s -> s.get("id").asString()).toList()));
            StatementRepository.Reservation reservation = statements.reserveSequence(tenantId, toStore.size(), began);
            first = reservation.firstSeq();
            for (long seq = first; seq < first + toStore.size(); seq++) {
                unused.add(seq);
            }
            Map<String, ObjectNode> byId = new HashMap<>();
            Set<String> addedByUs = new HashSet<>();
            List<Document> documents = documents(request, toStore, reservation, voidedOnArrival, attachmentsByHash, byId, addedByUs);
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
            List<StoredStatement> written = new ArrayList<>(inserted.size());
            inserted.forEach(document -> written.add(StatementRepository.toStored(document)));
            return written;
        } finally {
            if (first >= 0) {
                statements.endReservation(tenantId, first, toStore.size(), unused);
            }
            clock.endWrite(began);
        }
    }

    /**
     * The statements completed as stored ({@code stored}, {@code authority}, and {@code timestamp}
     * and {@code version} when absent, noted in {@code addedByUs}) and their documents, numbered
     * from the reservation's first.
     */
    private List<Document> documents(XapiRequest request, List<ObjectNode> toStore, StatementRepository.Reservation reservation,
            Set<String> voidedOnArrival, Map<String, Attachment> attachmentsByHash, Map<String, ObjectNode> byId, Set<String> addedByUs) {
        XapiClient client = request.client();
        ObjectNode authority = authority(client);
        String defaultVersion = request.version() == XapiVersion.V2_0_0 ? "2.0.0" : "1.0.0";
        long seq = reservation.firstSeq();
        Instant stored = reservation.stored();
        String storedText = stored.toString();
        List<Document> documents = new ArrayList<>(toStore.size());
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
            documents.add(StatementRepository.toDocument(client.tenantId(), id, seq++, stored, voidedOnArrival.contains(id),
                    client.credentialId(), QueryFields.of(statement), json.writeValueAsBytes(statement), hashes));
        }
        return documents;
    }

    /**
     * 7. Publish: {@link StatementsStored} for the progress projector and the forwarder, then the
     * activity and agent directories. After the write has ended, so keeping them current never holds
     * back Consistent-Through.
     */
    private void publish(XapiClient client, List<ObjectNode> stored, List<StoredStatement> written) {
        // the event first: a reader that finds a number written but not yet published reads it back from the store
        events.publishEvent(new StatementsStored(client.tenantId(), stored.size(), written));
        activityDefinitions.recordDefinitions(client.tenantId(), stored, XapiScope.canDefine(client.scopes()));
        agentDirectory.recordAgents(client.tenantId(), stored);
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

    private static boolean isVoiding(JsonNode statement) {
        return XapiVerbs.VOIDED.equals(statement.path("verb").path("id").asString(null));
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
