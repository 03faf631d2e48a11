package th.phatthana.api.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of the OIDC authorization-code flow with PKCE (RFC 7636, S256): where to send
 * the browser, and the exchange of the code the issuer sends back for an ID token. The endpoints
 * come from the issuer's discovery document, read once.
 */
class OidcSignIn {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OidcProperties properties;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    private volatile Endpoints endpoints;

    /** Thrown when the issuer cannot be reached or answers what it should not. */
    static class OidcException extends Exception {
        OidcException(String message) {
            super(message);
        }

        OidcException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Endpoints(String authorization, String token) {
    }

    private final JsonMapper json;

    OidcSignIn(OidcProperties properties, String publicBaseUrl, JsonMapper json) {
        this.json = json;
        this.properties = properties;
        this.redirectUri = properties.redirectUri() == null || properties.redirectUri().isBlank()
                ? publicBaseUrl + OidcSignInController.CALLBACK_PATH : properties.redirectUri();
    }

    /** The issuer's authorization URL for one sign-in. */
    String authorizationUrl(String state, String nonce, String codeVerifier) throws OidcException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", properties.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", properties.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        String authorization = endpoints().authorization();
        return authorization + (authorization.contains("?") ? "&" : "?") + form(query);
    }

    /** Exchanges the code for the ID token, proving with the verifier that this server started the sign-in. */
    String idToken(String code, String codeVerifier) throws OidcException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", properties.clientId());
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints().token())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
            String credentials = encode(properties.clientId()) + ":" + encode(properties.clientSecret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode answer = send(request.build(), "token endpoint");
        String idToken = answer.path("id_token").asString(null);
        if (idToken == null) {
            throw new OidcException("the token endpoint gave no id_token");
        }
        return idToken;
    }

    private Endpoints endpoints() throws OidcException {
        Endpoints known = endpoints;
        if (known == null) {
            String issuer = properties.issuerUri().replaceAll("/+$", "");
            JsonNode discovery = send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(TIMEOUT).GET().build(), "discovery document");
            String authorization = discovery.path("authorization_endpoint").asString(null);
            String token = discovery.path("token_endpoint").asString(null);
            if (authorization == null || token == null) {
                throw new OidcException("the issuer's discovery document names no authorization_endpoint or token_endpoint");
            }
            known = new Endpoints(authorization, token);
            endpoints = known;
        }
        return known;
    }

    private JsonNode send(HttpRequest request, String what) throws OidcException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new OidcException("the issuer's " + what + " answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            throw new OidcException("the issuer's " + what + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("interrupted while reading the issuer's " + what, e);
        }
    }

    static String challenge(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
