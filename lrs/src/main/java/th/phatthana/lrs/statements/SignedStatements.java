package th.phatthana.lrs.statements;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;

import th.phatthana.lrs.xapi.XapiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Attachment rules of a statement request: every attachment without a {@code fileUrl} arrives as
 * a part whose {@code X-Experience-API-Hash} matches its {@code sha2}, no part is left over, and
 * a signature attachment is a JWS (RS256/384/512) whose payload is the statement it signs.
 */
final class SignedStatements {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private SignedStatements() {
    }

    static Map<String, Attachment> checkAttachments(List<ObjectNode> batch, List<Attachment> parts, JsonMapper json) {
        Map<String, Attachment> byHash = new HashMap<>();
        for (Attachment part : parts) {
            byHash.put(part.sha2(), part);
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            ObjectNode statement = batch.get(i);
            String where = batch.size() > 1 ? "statements[" + i + "]" : "statement";
            int index = 0;
            for (JsonNode attachment : statement.path("attachments")) {
                String sha2 = attachment.path("sha2").asString("");
                Attachment part = byHash.get(sha2);
                if (part == null) {
                    if (!attachment.has("fileUrl") || StatementService.isSignature(attachment)) {
                        throw XapiException.badRequest(where + ".attachments[" + index + "]: no multipart part with "
                                + "X-Experience-API-Hash " + sha2 + " was sent, and the attachment has no fileUrl");
                    }
                } else {
                    used.add(sha2);
                    if (StatementService.isSignature(attachment)) {
                        if (!"application/octet-stream".equals(attachment.path("contentType").asString(""))) {
                            throw XapiException.badRequest(where + ".attachments[" + index
                                    + "].contentType: a signature attachment must be application/octet-stream");
                        }
                        verifySignature(where, statement, part, json);
                    }
                }
                index++;
            }
        }
        for (Attachment part : parts) {
            if (!used.contains(part.sha2())) {
                throw XapiException.badRequest("multipart part with X-Experience-API-Hash " + part.sha2()
                        + " is not referenced by any statement's attachments");
            }
        }
        return byHash;
    }

    private static void verifySignature(String where, ObjectNode statement, Attachment part, JsonMapper json) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(part.content(), StandardCharsets.UTF_8).trim());
        } catch (ParseException e) {
            throw XapiException.badRequest(where + ": the signature attachment is not a JWS in compact serialization");
        }
        if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
            throw XapiException.badRequest(where + ": the signature must use RS256, RS384 or RS512, not "
                    + jws.getHeader().getAlgorithm());
        }
        JsonNode payload;
        try {
            payload = json.readTree(jws.getPayload().toString());
        } catch (RuntimeException e) {
            throw XapiException.badRequest(where + ": the JWS payload is not a JSON statement");
        }
        if (!payload.isObject() || !equivalent((ObjectNode) payload, statement)) {
            throw XapiException.badRequest(where + ": the JWS payload does not match the statement it signs");
        }
        List<Base64> chain = jws.getHeader().getX509CertChain();
        if (chain != null && !chain.isEmpty()) {
            java.security.cert.X509Certificate certificate = X509CertUtils.parse(chain.get(0).decode());
            if (certificate == null) {
                throw XapiException.badRequest(where + ": the JWS x5c certificate cannot be read");
            }
            PublicKey key = certificate.getPublicKey();
            try {
                if (!(key instanceof RSAPublicKey rsa) || !jws.verify(new RSASSAVerifier(rsa))) {
                    throw XapiException.badRequest(where + ": the JWS signature does not verify with its x5c certificate");
                }
            } catch (JOSEException e) {
                throw XapiException.badRequest(where + ": the JWS signature cannot be verified: " + e.getMessage());
            }
        }
    }

    /** The signed payload matches the statement apart from what is added after signing. */
    private static boolean equivalent(ObjectNode payload, ObjectNode statement) {
        ObjectNode signed = payload.deepCopy();
        ObjectNode actual = statement.deepCopy();
        if (!signed.has("id")) {
            actual.remove("id");
        } else if (actual.has("id")) {
            signed.put("id", signed.get("id").asString().toLowerCase(java.util.Locale.ROOT));
        }
        return StatementComparison.same(signed, actual, List.of("attachments", "authority", "stored", "version"));
    }
}
