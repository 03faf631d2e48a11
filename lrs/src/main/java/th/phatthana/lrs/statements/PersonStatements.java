package th.phatthana.lrs.statements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For other modules: the statements about one person (by the agents of their identities) and the
 * attachments of a statement, read with the LRS's own queries, within one tenant. Voided statements
 * are left out, as in an xAPI query.
 */
@Service
public class PersonStatements {

    private final StatementQueryService queries;
    private final StatementRepository statements;
    private final AttachmentRepository attachments;
    private final JsonMapper json;

    PersonStatements(StatementQueryService queries, StatementRepository statements, AttachmentRepository attachments, JsonMapper json) {
        this.queries = queries;
        this.statements = statements;
        this.attachments = attachments;
        this.json = json;
    }

    /** A statement of the tenant with its parsed JSON. */
    public record Found(String statementId, JsonNode statement) {
    }

    /** The statements whose actor is one of these agents, newest first (by stored), at most {@code limit} for each agent. */
    public List<Found> about(String tenantId, List<JsonNode> agents, int limit) {
        XapiRequest request = reader(tenantId);
        Map<String, StoredStatement> byId = new LinkedHashMap<>();
        for (JsonNode agent : agents) {
            Map<String, String> parameters = new HashMap<>();
            parameters.put("agent", json.writeValueAsString(agent));
            parameters.put("limit", Integer.toString(limit));
            for (StoredStatement statement : queries.query(request, parameters).statements()) {
                byId.putIfAbsent(statement.statementId(), statement);
            }
        }
        List<StoredStatement> found = new ArrayList<>(byId.values());
        found.sort(Comparator.comparingLong(StoredStatement::seq).reversed());
        return found.stream().map(s -> new Found(s.statementId(), json.readTree(s.jsonUtf8()))).toList();
    }

    /** One statement of the tenant that is not voided. */
    public Optional<Found> find(String tenantId, String statementId) {
        if (statementId == null || !statementId.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        StoredStatement found = statements.findById(tenantId, statementId.toLowerCase(java.util.Locale.ROOT));
        if (found == null || found.voided()) {
            return Optional.empty();
        }
        return Optional.of(new Found(found.statementId(), json.readTree(found.jsonUtf8())));
    }

    /** The content of the tenant's attachment with this hash. */
    public Optional<Attachment> attachment(String tenantId, String sha2) {
        return attachments.findAll(tenantId, List.of(sha2)).stream().findFirst();
    }

    private static XapiRequest reader(String tenantId) {
        return new XapiRequest(new XapiClient(tenantId, "system:person-statements", "system:person-statements", "system",
                Set.of(XapiScope.STATEMENTS_READ)), XapiVersion.V1_0_3);
    }
}
