package th.phatthana.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts GraphQL documents over real HTTP as a dashboard would, with one bearer token. */
public final class GraphQlHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final String token;
    private String language = "en";

    /**
     * Sends this Accept-Language (null: none, so messages come in Thai). English by default, as the
     * tests read the English texts of messages.
     */
    public GraphQlHttp language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public GraphQlHttp(String baseUrl, String token) {
        this.url = baseUrl + "/graphql";
        this.token = token;
    }

    /** The whole response body: {@code data} and {@code errors}. */
    public JsonNode execute(String document, Map<String, Object> variables) {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode node = JSON.readTree(response.body());
            if (node.isObject()) {
                ((tools.jackson.databind.node.ObjectNode) node).put("httpStatus", response.statusCode());
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode execute(String document) {
        return execute(document, Map.of());
    }

    /** The classification of the first error, or null. */
    public static String classification(JsonNode response) {
        JsonNode errors = response.path("errors");
        return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("extensions").path("classification").asString(null) : null;
    }
}
