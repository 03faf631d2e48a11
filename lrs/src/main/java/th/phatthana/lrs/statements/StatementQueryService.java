package th.phatthana.lrs.statements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import th.phatthana.lrs.statements.index.IndexQuery;
import th.phatthana.lrs.statements.index.QueryTimeLimitExceeded;
import th.phatthana.lrs.statements.index.StatementIndex;
import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiProperties;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.json.JsonMapper;

/** Reads statements: one by id, or a page of a query with a {@code more} cursor. Always within the caller's tenant. */
@Service
public class StatementQueryService {

    /** What a stopped query's Retry-After suggests: long enough for a burst to pass. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final StatementRepository statements;
    private final StatementIndex index;
    private final AttachmentRepository attachments;
    private final JsonMapper json;
    private final XapiProperties properties;

    StatementQueryService(StatementRepository statements, StatementIndex index, AttachmentRepository attachments, JsonMapper json,
            XapiProperties properties) {
        this.statements = statements;
        this.index = index;
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
        IndexQuery indexQuery = new IndexQuery(client.tenantId(), QueryKeys.of(query), readAll ? null : client.credentialId(),
                query.since(), query.until(), query.ascending(), query.afterSeq(), query.snapshotSeq(), query.limit() + 1,
                System.nanoTime() + properties.queryTimeLimit().toNanos());
        List<StoredStatement> found;
        try {
            found = index.find(indexQuery);
        } catch (QueryTimeLimitExceeded e) {
            throw XapiException.unavailable("the statement query was stopped after its time limit of "
                    + properties.queryTimeLimit().toMillis() + " ms so that it does not hold up others; repeat it later, "
                    + "or narrow it (since/until, agent, activity)", RETRY_AFTER_SECONDS);
        }
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
            for (var attachment : json.readTree(statement.jsonUtf8()).path("attachments")) {
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
