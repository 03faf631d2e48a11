package th.phatthana.lrs.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiProperties;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.json.JsonMapper;

/** Reads statements: one by id, or a page of a query with a {@code more} cursor. Always within the caller's tenant. */
@Service
public class StatementQueryService {

    private final StatementRepository statements;
    private final AttachmentRepository attachments;
    private final JsonMapper json;
    private final XapiProperties properties;

    StatementQueryService(StatementRepository statements, AttachmentRepository attachments, JsonMapper json,
            XapiProperties properties) {
        this.statements = statements;
        this.attachments = attachments;
        this.json = json;
        this.properties = properties;
    }

    record Page(List<StoredStatement> statements, String more, StatementQuery query) {
    }

    /** A single statement by id; a voided one only through {@code voidedStatementId}. */
    StoredStatement single(XapiRequest request, String statementId, boolean voided) {
        XapiClient client = request.client();
        boolean readAll = XapiScope.canReadAllStatements(client.scopes());
        if (!readAll && !XapiScope.canReadOwnStatements(client.scopes())) {
            throw XapiException.forbidden("this credential may not read statements");
        }
        StoredStatement found = statements.findById(client.tenantId(), statementId.toLowerCase(java.util.Locale.ROOT));
        String which = voided ? "voided statement " : "statement ";
        if (found == null || found.voided() != voided || !readAll && !client.credentialId().equals(found.credentialId())) {
            throw XapiException.notFound(which + statementId + " is not stored"
                    + (voided ? " or is not voided" : found != null && found.voided() ? " (it is voided; ask with voidedStatementId)" : ""));
        }
        return found;
    }

    Page query(XapiRequest request, Map<String, String> parameters) {
        StatementQuery query;
        if (parameters.containsKey("more")) {
            if (parameters.size() > 1) {
                throw XapiException.badRequest("more: a cursor carries its query; send no other parameters with it");
            }
            query = StatementQuery.fromMoreToken(parameters.get("more"), properties.maxPageSize(), json);
        } else {
            query = StatementQuery.parse(parameters, properties.maxPageSize(), json);
        }
        XapiClient client = request.client();
        boolean readAll = XapiScope.canReadAllStatements(client.scopes());
        if (!readAll && !XapiScope.canReadOwnStatements(client.scopes())) {
            throw XapiException.forbidden("this credential may not read statements");
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenantId", client.tenantId()));
        filters.add(Filters.eq("voided", false));
        if (!readAll) {
            filters.add(Filters.eq("credentialId", client.credentialId()));
        }
        List<Bson> content = new ArrayList<>();
        if (query.agentKey() != null) {
            content.add(Filters.eq(query.relatedAgents() ? "relatedAgents" : "agents", query.agentKey()));
        }
        if (query.verb() != null) {
            content.add(Filters.eq("verbId", query.verb()));
        }
        if (query.activity() != null) {
            content.add(Filters.eq(query.relatedActivities() ? "relatedActivities" : "activityId", query.activity()));
        }
        if (query.registration() != null) {
            content.add(Filters.eq("registration", query.registration()));
        }
        if (!content.isEmpty()) {
            Bson matches = Filters.and(content);
            List<String> referrers = statements.referrersOfMatching(client.tenantId(), matches);
            filters.add(referrers.isEmpty() ? matches : Filters.or(matches, Filters.in("_id", referrers)));
        }
        if (query.since() != null) {
            filters.add(Filters.gt("stored", Date.from(query.since())));
        }
        if (query.until() != null) {
            filters.add(Filters.lte("stored", Date.from(query.until())));
        }
        if (query.afterSeq() > 0) {
            filters.add(query.ascending() ? Filters.gt("seq", query.afterSeq()) : Filters.lt("seq", query.afterSeq()));
        }
        if (query.snapshotSeq() != Long.MAX_VALUE) {
            filters.add(Filters.lte("seq", query.snapshotSeq()));
        }
        List<StoredStatement> found = statements.find(Filters.and(filters), query.ascending(), query.limit() + 1);
        String more = "";
        if (found.size() > query.limit()) {
            found = found.subList(0, query.limit());
            long snapshot = query.snapshotSeq();
            if (snapshot == Long.MAX_VALUE && query.ascending()) {
                snapshot = statements.lastSequence(client.tenantId());
            }
            more = "/xapi/statements?more=" + query.moreToken(found.get(found.size() - 1).seq(), snapshot, json);
        }
        return new Page(found, more, query);
    }

    List<Attachment> attachmentsOf(String tenantId, List<StoredStatement> found) {
        List<String> hashes = new ArrayList<>();
        for (StoredStatement statement : found) {
            for (var attachment : json.readTree(statement.json()).path("attachments")) {
                String sha2 = attachment.path("sha2").asString(null);
                if (sha2 != null && !hashes.contains(sha2)) {
                    hashes.add(sha2);
                }
            }
        }
        return attachments.findAll(tenantId, hashes);
    }

    static Instant lastModified(List<StoredStatement> found) {
        return found.stream().map(StoredStatement::stored).max(Instant::compareTo).orElse(null);
    }
}
