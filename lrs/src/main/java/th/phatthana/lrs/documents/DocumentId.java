package th.phatthana.lrs.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Where a document lives: its tenant, its kind, its context (activity and/or agent, and for
 * state an optional registration) and its own id. The same context and id under two tenants are
 * two documents.
 *
 * @param activityId   the activity (state, activity profile), else null
 * @param agentKey     the agent's IFI key (state, agent profile), else null
 * @param registration the registration UUID in lower case (state only), or null
 * @param documentId   the stateId or profileId; null when addressing every document of the context
 */
record DocumentId(String tenantId, DocumentKind kind, String activityId, String agentKey, String registration, String documentId) {

    /**
     * Its own mapper with Jackson's defaults, not the application's: the scope and the key are
     * stored, so their text must never change with the application's JSON settings.
     */
    private static final JsonMapper STORED_FORM = JsonMapper.builder().build();

    /**
     * The context without the registration and the document id, unambiguously encoded (a JSON
     * array): the indexed field that id lists and multi-document deletes select on.
     */
    String scope() {
        ArrayNode scope = STORED_FORM.createArrayNode().add(kind.code());
        if (activityId != null) {
            scope.add(activityId);
        }
        if (agentKey != null) {
            scope.add(agentKey);
        }
        return STORED_FORM.writeValueAsString(scope);
    }

    /** The primary key: the tenant, then a digest of the full address (addresses can be long IRIs). */
    String key() {
        if (documentId == null) {
            throw new IllegalStateException("no document id");
        }
        ArrayNode address = STORED_FORM.createArrayNode().add(scope()).add(registration == null ? "" : registration).add(documentId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STORED_FORM.writeValueAsString(address).getBytes(StandardCharsets.UTF_8));
            return tenantId + "/" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
