package th.phatthana.lrs.documents;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.lrs.agents.AgentParameter;
import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.tenants.credentials.XapiScope;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The xAPI document resources: State ({@code /xapi/activities/state}), Activity Profile
 * ({@code /xapi/activities/profile}) and Agent Profile ({@code /xapi/agents/profile}). HEAD is
 * answered by the GET handlers (same status and headers, no body).
 */
@RestController
class DocumentController {

    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IRI_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*");

    private final DocumentService documents;
    private final long maxDocumentBytes;
    private final JsonMapper json;

    DocumentController(DocumentService documents, DocumentsConfiguration configuration, JsonMapper json) {
        this.documents = documents;
        this.json = json;
        this.maxDocumentBytes = configuration.maxDocumentBytes();
    }

    // ---- State -------------------------------------------------------------------------------

    @GetMapping("/xapi/activities/state")
    ResponseEntity<byte[]> getState(HttpServletRequest request) throws IOException {
        return get(DocumentKind.STATE, request);
    }

    @PutMapping("/xapi/activities/state")
    ResponseEntity<Void> putState(HttpServletRequest request) throws IOException {
        return put(DocumentKind.STATE, request);
    }

    @PostMapping("/xapi/activities/state")
    ResponseEntity<Void> postState(HttpServletRequest request) throws IOException {
        return post(DocumentKind.STATE, request);
    }

    @DeleteMapping("/xapi/activities/state")
    ResponseEntity<Void> deleteState(HttpServletRequest request) throws IOException {
        return delete(DocumentKind.STATE, request);
    }

    // ---- Activity Profile -----------------------------------------------------------------------

    @GetMapping("/xapi/activities/profile")
    ResponseEntity<byte[]> getActivityProfile(HttpServletRequest request) throws IOException {
        return get(DocumentKind.ACTIVITY_PROFILE, request);
    }

    @PutMapping("/xapi/activities/profile")
    ResponseEntity<Void> putActivityProfile(HttpServletRequest request) throws IOException {
        return put(DocumentKind.ACTIVITY_PROFILE, request);
    }

    @PostMapping("/xapi/activities/profile")
    ResponseEntity<Void> postActivityProfile(HttpServletRequest request) throws IOException {
        return post(DocumentKind.ACTIVITY_PROFILE, request);
    }

    @DeleteMapping("/xapi/activities/profile")
    ResponseEntity<Void> deleteActivityProfile(HttpServletRequest request) throws IOException {
        return delete(DocumentKind.ACTIVITY_PROFILE, request);
    }

    // ---- Agent Profile --------------------------------------------------------------------------

    @GetMapping("/xapi/agents/profile")
    ResponseEntity<byte[]> getAgentProfile(HttpServletRequest request) throws IOException {
        return get(DocumentKind.AGENT_PROFILE, request);
    }

    @PutMapping("/xapi/agents/profile")
    ResponseEntity<Void> putAgentProfile(HttpServletRequest request) throws IOException {
        return put(DocumentKind.AGENT_PROFILE, request);
    }

    @PostMapping("/xapi/agents/profile")
    ResponseEntity<Void> postAgentProfile(HttpServletRequest request) throws IOException {
        return post(DocumentKind.AGENT_PROFILE, request);
    }

    @DeleteMapping("/xapi/agents/profile")
    ResponseEntity<Void> deleteAgentProfile(HttpServletRequest request) throws IOException {
        return delete(DocumentKind.AGENT_PROFILE, request);
    }

    // ---- the shared handling --------------------------------------------------------------------

    private ResponseEntity<byte[]> get(DocumentKind kind, HttpServletRequest request) throws IOException {
        XapiRequest xapi = authorize(kind, request, false);
        DocumentRequest parameters = DocumentRequest.of(request, maxDocumentBytes);
        Target target = target(kind, xapi, parameters, "GET", true);
        if (target.id().documentId() != null) {
            StoredDocument document = documents.get(target.id());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_TYPE, document.contentType())
                    .eTag(document.quotedEtag())
                    .lastModified(document.updated())
                    .body(document.content());
        }
        List<DocumentRepository.Entry> entries = documents.list(target.id(), target.allRegistrations(), target.since());
        // Without a registration, State lists ids over every registration: each id once.
        Set<String> seen = new LinkedHashSet<>();
        Instant lastModified = null;
        for (DocumentRepository.Entry entry : entries) {
            seen.add(entry.documentId());
            lastModified = entry.updated();
        }
        ArrayNode ids = json.createArrayNode();
        seen.forEach(ids::add);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (lastModified != null) {
            response.lastModified(lastModified);
        }
        return response.body(json.writeValueAsBytes(ids));
    }

    private ResponseEntity<Void> put(DocumentKind kind, HttpServletRequest request) throws IOException {
        XapiRequest xapi = authorize(kind, request, true);
        DocumentRequest parameters = DocumentRequest.of(request, maxDocumentBytes);
        Target target = target(kind, xapi, parameters, "PUT", false);
        StoredDocument stored = documents.put(target.id(), body(request, parameters), preconditions(request), xapi.version());
        return written(stored);
    }

    private ResponseEntity<Void> post(DocumentKind kind, HttpServletRequest request) throws IOException {
        XapiRequest xapi = authorize(kind, request, true);
        DocumentRequest parameters = DocumentRequest.of(request, maxDocumentBytes);
        Target target = target(kind, xapi, parameters, "POST", false);
        StoredDocument stored = documents.post(target.id(), body(request, parameters), preconditions(request));
        return written(stored);
    }

    private ResponseEntity<Void> delete(DocumentKind kind, HttpServletRequest request) throws IOException {
        XapiRequest xapi = authorize(kind, request, true);
        DocumentRequest parameters = DocumentRequest.of(request, maxDocumentBytes);
        // Only State deletes every document of a context at once; the profiles need the profileId.
        Target target = target(kind, xapi, parameters, "DELETE", kind == DocumentKind.STATE);
        if (target.id().documentId() == null) {
            documents.deleteAll(target.id(), target.allRegistrations());
        } else {
            documents.delete(target.id(), preconditions(request));
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Void> written(StoredDocument stored) {
        return ResponseEntity.noContent().eTag(stored.quotedEtag()).lastModified(stored.updated()).build();
    }

    private static DocumentService.Body body(HttpServletRequest request, DocumentRequest parameters) {
        return new DocumentService.Body(parameters.body(), request.getContentType());
    }

    private static Preconditions preconditions(HttpServletRequest request) {
        return Preconditions.parse(request.getHeader(HttpHeaders.IF_MATCH), request.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    private static XapiRequest authorize(DocumentKind kind, HttpServletRequest request, boolean write) {
        XapiRequest xapi = XapiRequest.of(request);
        Set<XapiScope> scopes = xapi.client().scopes();
        boolean allowed = kind == DocumentKind.STATE ? XapiScope.canUseState(scopes, write) : XapiScope.canUseProfiles(scopes, write);
        if (!allowed) {
            throw XapiException.forbidden("this credential may not " + (write ? "write" : "read") + " the "
                    + DocumentService.describe(kind) + " resource (it needs the \"" + (kind == DocumentKind.STATE ? "state" : "profile")
                    + "\" scope" + (write ? "" : " or \"all/read\"") + ")");
        }
        return xapi;
    }

    /** The addressed document, or (documentId null) every document of the context. */
    private record Target(DocumentId id, boolean allRegistrations, Instant since) {
    }

    private Target target(DocumentKind kind, XapiRequest xapi, DocumentRequest parameters, String method,
            boolean documentIdOptional) {
        String resource = method + " " + kind.path();
        Set<String> allowed = switch (kind) {
            case STATE -> method.equals("GET") ? Set.of("activityId", "agent", "registration", "stateId", "since")
                    : Set.of("activityId", "agent", "registration", "stateId");
            case ACTIVITY_PROFILE -> method.equals("GET") ? Set.of("activityId", "profileId", "since") : Set.of("activityId", "profileId");
            case AGENT_PROFILE -> method.equals("GET") ? Set.of("agent", "profileId", "since") : Set.of("agent", "profileId");
        };
        parameters.allowOnly(allowed, resource);

        String activityId = null;
        String agentKey = null;
        String registration = null;
        if (kind != DocumentKind.AGENT_PROFILE) {
            activityId = iri("activityId", parameters.single("activityId"));
        }
        if (kind != DocumentKind.ACTIVITY_PROFILE) {
            agentKey = AgentParameter.parse("agent", parameters.single("agent"), true, json).ifiKey();
        }
        if (kind == DocumentKind.STATE) {
            String value = parameters.single("registration");
            if (value != null) {
                if (!UUID_PATTERN.matcher(value).matches()) {
                    throw XapiException.badRequest("parameter 'registration' must be a UUID, not '" + value + "'");
                }
                registration = value.toLowerCase(Locale.ROOT);
            }
        }
        String documentId = parameters.single(kind.idParameter());
        if (documentId == null && !documentIdOptional) {
            throw XapiException.badRequest("missing required parameter '" + kind.idParameter() + "' for " + resource);
        }
        if (documentId != null && documentId.isEmpty()) {
            throw XapiException.badRequest("parameter '" + kind.idParameter() + "' must not be empty");
        }
        Instant since = null;
        String sinceValue = parameters.single("since");
        if (sinceValue != null) {
            since = Timestamps.parse("since", sinceValue);
        }
        DocumentId id = new DocumentId(xapi.tenantId(), kind, activityId, agentKey, registration, documentId);
        return new Target(id, kind == DocumentKind.STATE && registration == null, since);
    }

    private static String iri(String name, String value) {
        if (value == null) {
            throw XapiException.badRequest("missing required parameter '" + name + "'");
        }
        if (!IRI_PATTERN.matcher(value).matches()) {
            throw XapiException.badRequest("parameter '" + name + "' must be an IRI (with a scheme, such as https://...), not '" + value + "'");
        }
        return value;
    }
}
