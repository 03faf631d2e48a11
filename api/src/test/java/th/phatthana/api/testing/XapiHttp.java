package th.phatthana.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for xAPI requests that the jxapi library cannot make (bad input, raw headers). */
public final class XapiHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String endpoint;
    private final String authorization;
    private final String version;

    public XapiHttp(String endpoint, String key, String secret, String version) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.authorization = key == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.version = version;
    }

    public XapiHttp(String endpoint, TestTenants.XapiAccess access) {
        this(endpoint, access.key(), access.secret(), "1.0.3");
    }

    public XapiHttp withVersion(String otherVersion) {
        return new XapiHttp(endpoint, authorization, otherVersion, true);
    }

    private XapiHttp(String endpoint, String authorization, String version, boolean raw) {
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.version = version;
    }

    public static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(builder(pathAndQuery).GET());
    }

    public HttpResponse<String> postJson(String pathAndQuery, String json) {
        return send(builder(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> putJson(String pathAndQuery, String json) {
        return send(builder(pathAndQuery).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body) {
        return send(builder(pathAndQuery).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpRequest.Builder builder(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (version != null) {
            builder.header("X-Experience-API-Version", version);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
