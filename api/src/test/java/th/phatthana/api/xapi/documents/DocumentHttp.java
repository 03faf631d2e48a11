package th.phatthana.api.xapi.documents;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import th.phatthana.api.testing.XapiHttp;

/** Raw document requests for the tests: any method, body, Content-Type and precondition headers. */
final class DocumentHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final XapiHttp xapi;

    DocumentHttp(XapiHttp xapi) {
        this.xapi = xapi;
    }

    /** Where a document lives: a resource path and its query without the document id. */
    record Target(String path, String contextQuery, String idParameter, boolean profile, String name) {

        String one(String documentId) {
            return path + "?" + contextQuery + "&" + XapiHttp.query(idParameter, documentId);
        }

        String all() {
            return path + "?" + contextQuery;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Target state(String activityId, String agentJson) {
        return new Target("/activities/state", XapiHttp.query("activityId", activityId) + "&" + XapiHttp.query("agent", agentJson),
                "stateId", false, "State");
    }

    static Target activityProfile(String activityId) {
        return new Target("/activities/profile", XapiHttp.query("activityId", activityId), "profileId", true, "Activity Profile");
    }

    static Target agentProfile(String agentJson) {
        return new Target("/agents/profile", XapiHttp.query("agent", agentJson), "profileId", true, "Agent Profile");
    }

    /** A fresh target of each kind, so tests never see each other's documents. */
    static Target fresh(String kind) {
        String activity = "https://elearning.dla.go.th/activities/" + UUID.randomUUID();
        String agent = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:" + UUID.randomUUID() + "@example.go.th\"}";
        return switch (kind) {
            case "state" -> state(activity, agent);
            case "activity-profile" -> activityProfile(activity);
            case "agent-profile" -> agentProfile(agent);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    HttpResponse<byte[]> send(String method, String pathAndQuery, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = xapi.builder(pathAndQuery);
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        extra.forEach(builder::header);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        builder.method(method, publisher);
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> putJson(String pathAndQuery, String json, String... headers) {
        return send("PUT", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<byte[]> postJson(String pathAndQuery, String json, String... headers) {
        return send("POST", pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, null, headers);
    }

    HttpResponse<byte[]> head(String pathAndQuery) {
        return send("HEAD", pathAndQuery, null, null);
    }

    HttpResponse<byte[]> delete(String pathAndQuery, String... headers) {
        return send("DELETE", pathAndQuery, null, null, headers);
    }

    /** The ETag of the document as GET reports it (quoted). */
    String etag(String pathAndQuery) {
        return get(pathAndQuery).headers().firstValue("ETag").orElseThrow();
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String quotedSha1(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
