package th.phatthana.lrs.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.lrs.xapi.XapiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules shared by the State, Activity Profile and Agent Profile resources (xAPI
 * Communication 2.2-2.7 and 3.1): any content stored byte for byte with its Content-Type, the JSON
 * merge of POST, and optimistic concurrency with strong ETags (the SHA-1 of the stored bytes).
 *
 * <p>Every write reads the current document, checks the request's preconditions against it, and
 * writes only if the document is still the one it read (compare-and-swap on a version counter, or
 * an insert that fails on an existing key); when another writer got in between, it starts again.
 * So If-Match / If-None-Match hold even under concurrent writers, without transactions.
 */
@Service
class DocumentService {

    static final String JSON_TYPE = "application/json";
    static final String DEFAULT_TYPE = "application/octet-stream";
    private static final int MAX_ATTEMPTS = 10;

    /**
     * Its own mapper, not the application's: merged documents are parsed and written without
     * changing numbers (no double rounding, no stripped zeros) and refuse trailing content.
     */
    private static final JsonMapper EXACT_NUMBERS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final DocumentRepository repository;

    private final Clock clock;

    DocumentService(DocumentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A request body and its Content-Type (null when the request had none). */
    record Body(byte[] bytes, String contentType) {
    }

    StoredDocument get(DocumentId id) {
        StoredDocument document = repository.find(id);
        if (document == null) {
            throw XapiException.notFound("no " + describe(id.kind()) + " document with " + id.kind().idParameter() + " '"
                    + id.documentId() + "' in this context");
        }
        return document;
    }

    List<DocumentRepository.Entry> list(DocumentId context, boolean allRegistrations, Instant since) {
        return repository.list(context, allRegistrations, since);
    }

    /**
     * Stores the body as the document. Without If-Match / If-None-Match a profile document can be
     * neither created (400: the client must say which it means) nor overwritten (409); a state
     * document can be overwritten in xAPI 1.0.3 but not in 2.0 (409), where the conformance suite
     * applies the profile rule to state too.
     */
    StoredDocument put(DocumentId id, Body body, Preconditions preconditions, XapiVersion version) {
        String contentType = contentType(body);
        if (isJson(contentType)) {
            parseJson(body.bytes(), "the document");
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredDocument current = repository.find(id);
            check(preconditions, current);
            if (preconditions.none()) {
                if (current != null && (id.kind().isProfile() || version == XapiVersion.V2_0_0)) {
                    throw XapiException.conflict("the " + describe(id.kind()) + " document '" + id.documentId()
                            + "' already exists and the PUT had neither If-Match nor If-None-Match: check its current state "
                            + "(GET it), then PUT again with If-Match set to its current ETag to replace it");
                }
                if (current == null && id.kind().isProfile()) {
                    throw XapiException.badRequest("a PUT to the " + describe(id.kind()) + " resource must carry If-Match or "
                            + "If-None-Match: send If-None-Match: * to create the document, or If-Match with its ETag to replace it");
                }
            }
            StoredDocument written = write(id, current, contentType, body.bytes());
            if (written != null) {
                return written;
            }
        }
        throw busy(id);
    }

    /**
     * Stores the body as a new document, or merges it into the stored one when both are JSON
     * objects: the posted top-level properties replace those of the same name, the others stay.
     * Anything else is 400 and leaves the stored document as it was.
     */
    StoredDocument post(DocumentId id, Body body, Preconditions preconditions) {
        String contentType = contentType(body);
        JsonNode posted = isJson(contentType) ? parseJson(body.bytes(), "the posted document") : null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredDocument current = repository.find(id);
            check(preconditions, current);
            StoredDocument written;
            if (current == null) {
                written = write(id, null, contentType, body.bytes());
            } else {
                written = write(id, current, JSON_TYPE, merge(current, posted, contentType));
            }
            if (written != null) {
                return written;
            }
        }
        throw busy(id);
    }

    void delete(DocumentId id, Preconditions preconditions) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredDocument current = repository.find(id);
            check(preconditions, current);
            if (current == null || repository.delete(id, current.version())) {
                return;
            }
        }
        throw busy(id);
    }

    void deleteAll(DocumentId context, boolean allRegistrations) {
        repository.deleteAll(context, allRegistrations);
    }

    /** Writes over {@code current} (or creates when null); null when another writer got there first. */
    private StoredDocument write(DocumentId id, StoredDocument current, String contentType, byte[] content) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (current != null && !now.isAfter(current.updated())) {
            // Last-Modified and "since" must see every change as later than the one before.
            now = current.updated().plusMillis(1);
        }
        String etag = sha1(content);
        boolean done = current == null
                ? repository.insert(id, contentType, content, etag, now)
                : repository.replace(id, current.version(), contentType, content, etag, now);
        return done ? new StoredDocument(id.key(), id.documentId(), contentType, content, etag, now,
                current == null ? 1 : current.version() + 1) : null;
    }

    private static byte[] merge(StoredDocument current, JsonNode posted, String postedType) {
        if (!isJson(current.contentType())) {
            throw XapiException.badRequest("cannot merge: the stored document has Content-Type '" + current.contentType()
                    + "', not application/json; a POST merges only JSON objects (PUT replaces the document)");
        }
        if (posted == null) {
            throw XapiException.badRequest("cannot merge: the posted document has Content-Type '" + postedType
                    + "', not application/json, and the stored document is JSON; a POST merges only JSON objects");
        }
        if (!posted.isObject()) {
            throw XapiException.badRequest("cannot merge: the posted document is JSON but not a JSON object");
        }
        JsonNode stored;
        try {
            stored = EXACT_NUMBERS.readTree(current.content());
        } catch (JacksonException e) {
            stored = null;
        }
        if (stored == null || !stored.isObject()) {
            throw XapiException.badRequest("cannot merge: the stored document is not a JSON object (PUT replaces it)");
        }
        ObjectNode merged = ((ObjectNode) stored).setAll((ObjectNode) posted);
        return EXACT_NUMBERS.writeValueAsBytes(merged);
    }

    private static void check(Preconditions preconditions, StoredDocument current) {
        String etag = current == null ? null : current.etag();
        if (!preconditions.pass(etag)) {
            throw XapiException.preconditionFailed(preconditions.failure(etag));
        }
    }

    private static JsonNode parseJson(byte[] bytes, String what) {
        try {
            JsonNode node = EXACT_NUMBERS.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest(what + " has Content-Type application/json but is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw XapiException.badRequest(what + " has Content-Type application/json but is not valid JSON");
        }
    }

    /** The request's Content-Type as sent (checked to be a media type), or application/octet-stream. */
    private static String contentType(Body body) {
        String contentType = body.contentType();
        if (contentType == null || contentType.isBlank()) {
            return DEFAULT_TYPE;
        }
        try {
            MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw XapiException.badRequest("Content-Type '" + contentType + "' is not a valid media type");
        }
        return contentType.trim();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XapiException busy(DocumentId id) {
        return new XapiException(HttpStatus.CONFLICT, "the " + describe(id.kind()) + " document '" + id.documentId()
                + "' kept changing while this request tried to write it; retry");
    }

    static String describe(DocumentKind kind) {
        return switch (kind) {
            case STATE -> "State";
            case ACTIVITY_PROFILE -> "Activity Profile";
            case AGENT_PROFILE -> "Agent Profile";
        };
    }
}
