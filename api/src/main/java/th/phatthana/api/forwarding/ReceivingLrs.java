package th.phatthana.api.forwarding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import th.phatthana.lrs.statements.StoredStatement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts statements to a receiving LRS: {@code POST <endpoint>statements} with a JSON array of the
 * statements exactly as stored (ids, stored, authority and version kept), the target's
 * {@code X-Experience-API-Version}, and HTTP Basic or an OAuth 2 client-credentials bearer token
 * (fetched once and kept until shortly before it expires).
 */
class ReceivingLrs {

    /** What the receiver made of a batch. */
    sealed interface Outcome {
    }

    /** 2xx: stored (or already held with the same content). */
    record Accepted() implements Outcome {
    }

    /** A 4xx that will not change by sending again: the statement is refused. */
    record Refused(int status, String reason) implements Outcome {
    }

    /** Worth another try later: 5xx, 401, 403, 408, 429, a timeout or no connection. Never holds personal data. */
    record Failed(String error) implements Outcome {
    }

    private record Token(String value, Instant expires) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    ReceivingLrs(Duration timeout, JsonMapper json, Clock clock) {
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    Outcome send(ForwardingTarget target, List<StoredStatement> statements) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int i = 0; i < statements.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(statements.get(i).jsonUtf8());
        }
        body.write(']');
        String authorization;
        try {
            authorization = authorization(target);
        } catch (TokenFailure e) {
            return new Failed(e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.statementsUrl())).timeout(timeout)
                .header("Content-Type", "application/json").header("X-Experience-API-Version", target.version().header())
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Failed("TIMEOUT");
        } catch (IOException e) {
            return new Failed("CONNECTION");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("INTERRUPTED");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Accepted();
        }
        if (status == 401 || status == 403) {
            tokens.remove(target.id()); // an expired or revoked token: fetch another next time
            return new Failed("AUTH " + status);
        }
        if (status == 408 || status == 429 || status >= 500 || status < 400) {
            return new Failed("HTTP " + status);
        }
        String reason = response.body();
        return new Refused(status, reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    void forget(String targetId) {
        tokens.remove(targetId);
    }

    private String authorization(ForwardingTarget target) {
        if (target.authKind() == ForwardingTarget.AuthKind.BASIC) {
            return basic(target.authUser(), target.secret());
        }
        Token token = tokens.get(target.id());
        if (token == null || clock.instant().isAfter(token.expires())) {
            token = fetchToken(target);
            tokens.put(target.id(), token);
        }
        return "Bearer " + token.value();
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6749 §4.4: the client authenticates with HTTP Basic; the answer's access_token is used until 30 s before expires_in. */
    private Token fetchToken(ForwardingTarget target) {
        String form = "grant_type=client_credentials"
                + (target.oauthScope() == null || target.oauthScope().isBlank() ? "" : "&scope=" + URLEncoder.encode(target.oauthScope(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.tokenUrl())).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", basic(URLEncoder.encode(target.authUser(), StandardCharsets.UTF_8),
                        URLEncoder.encode(target.secret(), StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TokenFailure("TOKEN TIMEOUT");
        } catch (IOException e) {
            throw new TokenFailure("TOKEN CONNECTION");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenFailure("INTERRUPTED");
        }
        if (response.statusCode() != 200) {
            throw new TokenFailure("TOKEN HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            String value = answer.path("access_token").asString("");
            if (value.isBlank()) {
                throw new TokenFailure("TOKEN INVALID");
            }
            long seconds = answer.path("expires_in").asLong(300);
            return new Token(value, clock.instant().plusSeconds(Math.max(0, seconds - 30)));
        } catch (RuntimeException e) {
            if (e instanceof TokenFailure failure) {
                throw failure;
            }
            throw new TokenFailure("TOKEN INVALID");
        }
    }

    private static final class TokenFailure extends RuntimeException {
        TokenFailure(String error) {
            super(error, null, false, false);
        }
    }
}
