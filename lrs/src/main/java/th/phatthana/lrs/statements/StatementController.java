package th.phatthana.lrs.statements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiProperties;
import th.phatthana.lrs.xapi.XapiRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The xAPI Statement resource, {@code /xapi/statements}. */
@RestController
@RequestMapping("/xapi/statements")
class StatementController {

    private static final Set<String> SINGLE_PARAMETERS = Set.of("statementId", "voidedStatementId", "attachments", "format");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final StatementService store;
    private final StatementQueryService reader;
    private final JsonMapper json;
    private final XapiProperties properties;
    private final StatementReadPermits readPermits;

    StatementController(StatementService store, StatementQueryService reader, JsonMapper json, XapiProperties properties,
            StatementReadPermits readPermits) {
        this.readPermits = readPermits;
        this.store = store;
        this.reader = reader;
        this.json = json;
        this.properties = properties;
    }

    @PutMapping
    ResponseEntity<Void> put(HttpServletRequest request) throws IOException {
        Map<String, String> parameters = parameters(request);
        String statementId = parameters.remove("statementId");
        if (statementId == null) {
            throw XapiException.badRequest("PUT needs the statementId parameter");
        }
        if (!parameters.isEmpty()) {
            throw XapiException.badRequest("unexpected parameter '" + parameters.keySet().iterator().next() + "' on PUT");
        }
        checkUuid("statementId", statementId);
        Body body = readBody(request);
        store.store(XapiRequest.of(request), body.statements(), body.attachments(), statementId.toLowerCase(Locale.ROOT));
        return ResponseEntity.noContent().build();
    }

    @PostMapping
    ResponseEntity<String> post(HttpServletRequest request) throws IOException {
        Map<String, String> parameters = parameters(request);
        if (!parameters.isEmpty()) {
            throw XapiException.badRequest("unexpected parameter '" + parameters.keySet().iterator().next() + "' on POST");
        }
        Body body = readBody(request);
        List<String> ids = store.store(XapiRequest.of(request), body.statements(), body.attachments(), null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(ids));
    }

    @GetMapping
    ResponseEntity<byte[]> get(HttpServletRequest request) {
        XapiRequest xapi = XapiRequest.of(request);
        try (StatementReadPermits.Permit permit = readPermits.acquire(xapi.client())) {
            return read(request, xapi);
        }
    }

    private ResponseEntity<byte[]> read(HttpServletRequest request, XapiRequest xapi) {
        Map<String, String> parameters = parameters(request);
        String statementId = parameters.get("statementId");
        String voidedStatementId = parameters.get("voidedStatementId");
        List<Locale.LanguageRange> languages = languages(request.getHeader("Accept-Language"));

        if (statementId != null || voidedStatementId != null) {
            if (statementId != null && voidedStatementId != null) {
                throw XapiException.badRequest("send statementId or voidedStatementId, not both");
            }
            for (String name : parameters.keySet()) {
                if (!SINGLE_PARAMETERS.contains(name)) {
                    throw XapiException.badRequest("parameter '" + name + "' cannot be combined with statementId or voidedStatementId");
                }
            }
            String id = statementId != null ? statementId : voidedStatementId;
            checkUuid(statementId != null ? "statementId" : "voidedStatementId", id);
            StatementQuery.Format format = StatementQuery.parse(withoutIds(parameters), properties.maxPageSize(), json).format();
            boolean withAttachments = StatementQuery.bool(parameters, "attachments");
            StoredStatement found = reader.single(xapi, id, voidedStatementId != null);
            byte[] body = format(found, format, languages);
            return respond(body, withAttachments ? reader.attachmentsOf(xapi.tenantId(), List.of(found)) : null,
                    found.stored());
        }

        StatementQueryService.Page page = reader.query(xapi, parameters);
        // Bytes throughout: the stored statements are UTF-8 already and are copied as they are.
        ByteArrayOutputStream body = new ByteArrayOutputStream(page.statements().size() * 3072 + 256);
        write(body, "{\"statements\":[");
        for (int i = 0; i < page.statements().size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(format(page.statements().get(i), page.query().format(), languages));
        }
        write(body, "],\"more\":\"" + page.more() + "\"}");
        return respond(body.toByteArray(),
                page.query().attachments() ? reader.attachmentsOf(xapi.tenantId(), page.statements()) : null,
                StatementQueryService.lastModified(page.statements()));
    }

    private ResponseEntity<byte[]> respond(byte[] body, List<Attachment> attachments, Instant lastModified) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (lastModified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(lastModified));
        }
        if (attachments == null) {
            return response.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        String boundary = "xapi-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        write(out, "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n");
        out.writeBytes(body);
        write(out, "\r\n");
        for (Attachment attachment : attachments) {
            write(out, "--" + boundary + "\r\nContent-Type: " + attachment.contentType()
                    + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + attachment.sha2() + "\r\n\r\n");
            out.writeBytes(attachment.content());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--");
        return response.contentType(MediaType.parseMediaType("multipart/mixed; boundary=" + boundary)).body(out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] format(StoredStatement statement, StatementQuery.Format format, List<Locale.LanguageRange> languages) {
        if (format == StatementQuery.Format.EXACT) {
            return statement.jsonUtf8();
        }
        ObjectNode node = (ObjectNode) json.readTree(statement.jsonUtf8());
        if (format == StatementQuery.Format.IDS) {
            StatementFormats.toIds(node);
        } else {
            StatementFormats.toCanonical(node, languages);
        }
        return json.writeValueAsBytes(node);
    }

    private record Body(JsonNode statements, List<Attachment> attachments) {
    }

    private Body readBody(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        String mediaType = MultipartMixed.mediaType(contentType);
        byte[] bytes = readAll(request.getInputStream());
        if (mediaType.equals("application/json")) {
            return new Body(parseJson(bytes), List.of());
        }
        if (!mediaType.equals("multipart/mixed")) {
            throw XapiException.badRequest("Content-Type must be application/json or multipart/mixed, not '"
                    + (contentType == null ? "" : contentType) + "'");
        }
        List<MultipartMixed.Part> parts = MultipartMixed.parse(bytes, MultipartMixed.boundary(contentType));
        if (parts.isEmpty() || !MultipartMixed.mediaType(parts.get(0).header("Content-Type")).equals("application/json")) {
            throw XapiException.badRequest("the first part of a multipart/mixed statement request must be application/json");
        }
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            MultipartMixed.Part part = parts.get(i);
            String hash = part.header("X-Experience-API-Hash");
            if (hash == null || hash.isBlank()) {
                throw XapiException.badRequest("multipart part " + (i + 1) + " has no X-Experience-API-Hash header");
            }
            String encoding = part.header("Content-Transfer-Encoding");
            if (encoding == null || !encoding.equalsIgnoreCase("binary")) {
                throw XapiException.badRequest("multipart part " + (i + 1) + " must have Content-Transfer-Encoding: binary");
            }
            if (!hash.equalsIgnoreCase(sha2(part.body(), hash.length()))) {
                throw XapiException.badRequest("multipart part " + (i + 1) + ": its content does not have the SHA-2 hash "
                        + hash + " its X-Experience-API-Hash header claims");
            }
            attachments.add(new Attachment(hash, part.header("Content-Type"), part.body()));
        }
        return new Body(parseJson(parts.get(0).body()), attachments);
    }

    private JsonNode parseJson(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest("the request body is empty; a statement or an array of statements is required");
            }
            return node;
        } catch (JacksonException e) {
            throw XapiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > properties.maxRequestBytes()) {
                throw new XapiException(HttpStatus.CONTENT_TOO_LARGE,
                        "request body exceeds the limit of " + properties.maxRequestBytes() + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static String sha2(byte[] content, int hexLength) {
        String algorithm = switch (hexLength) {
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        return parameters;
    }

    private static Map<String, String> withoutIds(Map<String, String> parameters) {
        Map<String, String> rest = new LinkedHashMap<>(parameters);
        rest.remove("statementId");
        rest.remove("voidedStatementId");
        return rest;
    }

    private static void checkUuid(String name, String value) {
        if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw XapiException.badRequest(name + ": must be a UUID");
        }
    }

    private static List<Locale.LanguageRange> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
