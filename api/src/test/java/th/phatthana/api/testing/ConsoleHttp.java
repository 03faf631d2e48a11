package th.phatthana.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser as the console uses it: keeps the cookies the server sets (its own small jar, so the
 * tests see exactly what was set), and sends the XSRF-TOKEN cookie back in X-XSRF-TOKEN on every
 * change, as the console does, unless told not to.
 */
public final class ConsoleHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String language;
    private boolean sendCsrfHeader = true;

    public ConsoleHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends Accept-Language with every request from now on (null: none). */
    public ConsoleHttp language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    /** Whether changes carry the X-XSRF-TOKEN header (a forged request from another site would not). */
    public ConsoleHttp sendCsrfHeader(boolean send) {
        this.sendCsrfHeader = send;
        return this;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public HttpResponse<String> login(String email, String password) {
        return post("/api/auth/login", JSON.writeValueAsString(Map.of("email", email, "password", password)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GraphQL request with the session; the body plus {@code httpStatus}. */
    public JsonNode graphql(String document, Map<String, Object> variables) {
        HttpResponse<String> response = post("/graphql", JSON.writeValueAsString(Map.of("query", document, "variables", variables)));
        JsonNode node = JSON.readTree(response.body());
        ((tools.jackson.databind.node.ObjectNode) node).put("httpStatus", response.statusCode());
        return node;
    }

    public JsonNode graphql(String document) {
        return graphql(document, Map.of());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (sendCsrfHeader && cookies.containsKey("XSRF-TOKEN")) {
            builder.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            keepCookies(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The Set-Cookie header of a response for one cookie, or null. */
    public static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }
}
