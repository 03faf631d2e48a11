package th.phatthana.api.progress;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import th.phatthana.api.access.BearerTokens;
import th.phatthana.api.access.Callers;
import th.phatthana.api.access.SessionCookies;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.ConsoleSessionService;
import th.phatthana.tenants.access.SessionCheck;
import th.phatthana.tenants.access.TokenCheck;

/**
 * Authentication of GraphQL over WebSocket (subscriptions). Browsers cannot set headers on a
 * WebSocket, so a bearer token comes in the {@code connection_init} payload as
 * {@code {"Authorization": "Bearer …"}}; without one, the console session cookie of the handshake
 * counts (the handshake itself passed the CallerFilter, and Spring's origin check keeps other
 * sites' pages from opening it). The caller is put into the session attributes, where the
 * {@code CallerInterceptor} reads it for every operation of the connection. A connection without
 * either stays anonymous (every progress field then answers UNAUTHENTICATED); a wrong token or an
 * ended session refuses the connection. The token or session is checked again for every operation,
 * so revoking the token, signing out, disabling the user or suspending the organisation stops new
 * operations at once, and running subscriptions end within seconds ({@link LiveCaller}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before the CallerInterceptor, which reads the caller this refreshes
class ProgressWebSocketInterceptor implements WebSocketGraphQlInterceptor {

    private static final String SESSION_VALUE = ProgressWebSocketInterceptor.class.getName() + ".session";
    private static final String TOKEN_VALUE = ProgressWebSocketInterceptor.class.getName() + ".token";

    private final BearerTokens bearerTokens;
    private final ConsoleSessionService sessions;

    ProgressWebSocketInterceptor(BearerTokens bearerTokens, ConsoleSessionService sessions) {
        this.bearerTokens = bearerTokens;
        this.sessions = sessions;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            Map<String, Object> attributes = socket.getSessionInfo().getAttributes();
            if (attributes.get(TOKEN_VALUE) instanceof String token) {
                attributes.put(Caller.class.getName(), bearerTokens.check(token) instanceof TokenCheck.Valid valid ? valid.caller() : Callers.ANONYMOUS);
            } else if (attributes.get(SESSION_VALUE) instanceof String sessionValue) {
                attributes.put(Caller.class.getName(), sessions.check(sessionValue) instanceof SessionCheck.Valid valid ? valid.caller() : Callers.ANONYMOUS);
            }
            LiveCaller live = liveCaller(attributes);
            if (live != null) {
                request.configureExecutionInput((input, builder) -> builder
                        .graphQLContext(context -> context.put(LiveCaller.CONTEXT_KEY, live)).build());
            }
        }
        return chain.next(request);
    }

    /** Re-checks the credential the connection was opened with, or null for an anonymous connection. */
    private LiveCaller liveCaller(Map<String, Object> attributes) {
        if (attributes.get(TOKEN_VALUE) instanceof String token) {
            return () -> bearerTokens.check(token) instanceof TokenCheck.Valid;
        }
        if (attributes.get(SESSION_VALUE) instanceof String sessionValue) {
            return () -> sessions.check(sessionValue) instanceof SessionCheck.Valid;
        }
        return null;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        if (header instanceof String authorization && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.error(new IllegalArgumentException("Authorization must be 'Bearer <token>'"));
            }
            String token = authorization.substring(7).trim();
            if (bearerTokens.check(token) instanceof TokenCheck.Valid valid) {
                sessionInfo.getAttributes().put(Caller.class.getName(), valid.caller());
                sessionInfo.getAttributes().put(TOKEN_VALUE, token);
                return Mono.empty();
            }
            return Mono.error(new IllegalArgumentException("the bearer token is invalid, expired or revoked"));
        }
        String sessionValue = SessionCookies.value(sessionInfo.getHeaders(), SessionCookies.SESSION);
        if (sessionValue == null) {
            return Mono.empty();
        }
        if (sessions.check(sessionValue) instanceof SessionCheck.Valid valid) {
            sessionInfo.getAttributes().put(Caller.class.getName(), valid.caller());
            sessionInfo.getAttributes().put(SESSION_VALUE, sessionValue);
            return Mono.empty();
        }
        return Mono.error(new IllegalArgumentException("the console session has ended: sign in again"));
    }
}
