package th.phatthana.api.progress;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.TokenCheck;

/**
 * Authentication of GraphQL over WebSocket (subscriptions): browsers cannot set headers on a
 * WebSocket, so the bearer token comes in the {@code connection_init} payload as
 * {@code {"Authorization": "Bearer …"}}. The caller it names is put into the session attributes,
 * where the {@code CallerInterceptor} reads it for every operation of the connection, as it reads
 * the request attributes of HTTP. A missing token leaves the connection anonymous (every progress
 * field then answers UNAUTHENTICATED); a wrong one refuses the connection.
 */
@Component
class ProgressWebSocketInterceptor implements WebSocketGraphQlInterceptor {

    private final AccessTokenService tokens;

    ProgressWebSocketInterceptor(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String authorization) || authorization.isBlank()) {
            return Mono.empty();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(new IllegalArgumentException("Authorization must be 'Bearer <token>'"));
        }
        String token = authorization.substring(7).trim();
        TokenCheck check = token.startsWith(AccessTokenService.PREFIX) ? tokens.check(token) : new TokenCheck.Invalid();
        if (check instanceof TokenCheck.Valid valid) {
            sessionInfo.getAttributes().put(Caller.class.getName(), valid.caller());
            return Mono.empty();
        }
        return Mono.error(new IllegalArgumentException("the bearer token is invalid, expired or revoked"));
    }
}
