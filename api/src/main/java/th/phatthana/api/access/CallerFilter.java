package th.phatthana.api.access;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.ConsoleSessionService;
import th.phatthana.tenants.access.GuessingThrottle;
import th.phatthana.tenants.access.Secrets;
import th.phatthana.tenants.access.SessionCheck;
import th.phatthana.tenants.access.TokenCheck;
import tools.jackson.databind.json.JsonMapper;

/**
 * Establishes the caller of the GraphQL API and the {@code /api/} endpoints: from the bearer token
 * when there is an Authorization header (an access token of this application or a JWT of the
 * configured OIDC issuer), else from the console session cookie. A request with neither goes on as
 * {@link Callers#ANONYMOUS}; a bad token or an ended session is refused here with 401.
 * <p>
 * A change (POST, PUT, PATCH, DELETE) authenticated by the session cookie must carry the CSRF
 * token in {@code X-XSRF-TOKEN}, equal to the {@code XSRF-TOKEN} cookie and to the token issued
 * with the session; bearer requests need none, as a browser never adds that header by itself.
 */
class CallerFilter extends OncePerRequestFilter {

    /** The request attribute holding the console session of a cookie-authenticated request. */
    static final String SESSION_ATTRIBUTE = th.phatthana.tenants.access.ConsoleSession.class.getName();
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Sign-in endpoints that work without a session, whatever cookie the browser still holds. */
    private static final Set<String> SESSIONLESS = Set.of("/api/auth/config", "/api/auth/login");
    private static final Set<String> SESSIONLESS_PREFIXES = Set.of("/api/auth/invitations/", "/api/auth/oidc/");

    private final BearerTokens bearerTokens;
    private final ConsoleSessionService sessions;

    private final GuessingThrottle throttle;

    private final JsonMapper json;

    CallerFilter(BearerTokens bearerTokens, ConsoleSessionService sessions, GuessingThrottle throttle, JsonMapper json) {
        this.json = json;
        this.bearerTokens = bearerTokens;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            bearer(authorization, request, response, chain);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String sessionValue = SessionCookies.value(request, SessionCookies.SESSION);
        if (sessionValue == null || SESSIONLESS.contains(path) || SESSIONLESS_PREFIXES.stream().anyMatch(path::startsWith)) {
            anonymous(request, response, chain);
            return;
        }
        boolean authEndpoint = path.startsWith("/api/auth/");
        switch (sessions.check(sessionValue)) {
            case SessionCheck.Valid valid -> {
                if (CHANGES.contains(request.getMethod()) && !csrfTokenSent(request, valid)) {
                    refuseSession(request, response, path, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "CSRF_TOKEN_INVALID",
                            AuthMessage.CSRF_TOKEN_INVALID);
                    return;
                }
                request.setAttribute(Callers.ATTRIBUTE, valid.caller());
                request.setAttribute(SESSION_ATTRIBUTE, valid.session());
                chain.doFilter(withPrincipal(request), response);
            }
            case SessionCheck.Ended ended -> {
                SessionCookies.clear(request, response);
                if (authEndpoint) {
                    anonymous(request, response, chain);
                } else {
                    refuseSession(request, response, path, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "SESSION_ENDED",
                            AuthMessage.SESSION_ENDED);
                }
            }
            case SessionCheck.TenantSuspended suspended -> {
                if (authEndpoint) {
                    anonymous(request, response, chain);
                } else {
                    refuseSession(request, response, path, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "ORGANISATION_SUSPENDED",
                            AuthMessage.ORGANISATION_SUSPENDED);
                }
            }
        }
    }

    private void bearer(String authorization, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "the Authorization header must be 'Bearer <token>'");
            return;
        }
        String address = request.getRemoteAddr();
        GuessingThrottle.Refusal refusal = throttle.refusal(address, null);
        if (refusal != null) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            refuse(response, 429, "UNAUTHENTICATED", "too many invalid bearer tokens from this address; try again in "
                    + refusal.retryAfterSeconds() + " s");
            return;
        }
        TokenCheck check = bearerTokens.check(authorization.substring(7).trim());
        if (check instanceof TokenCheck.Invalid) {
            throttle.failed(address, null);
        }
        switch (check) {
            case TokenCheck.Valid valid -> {
                request.setAttribute(Callers.ATTRIBUTE, valid.caller());
                chain.doFilter(withPrincipal(request), response);
            }
            case TokenCheck.TenantSuspended suspended -> refuse(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                    "the organisation of this token is suspended");
            case TokenCheck.Invalid invalid -> refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "the bearer token is invalid, expired or revoked");
        }
    }

    /**
     * The caller also as the servlet principal with its roles, which the actuator reads: health
     * details are shown to NATIONAL callers only ({@code management.endpoint.health.roles}).
     */
    private static HttpServletRequest withPrincipal(HttpServletRequest request) {
        Caller caller = (Caller) request.getAttribute(Callers.ATTRIBUTE);
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public java.security.Principal getUserPrincipal() {
                return caller::subject;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.roles().stream().anyMatch(granted -> granted.name().equals(role));
            }
        };
    }

    private static void anonymous(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(Callers.ATTRIBUTE, Callers.ANONYMOUS);
        chain.doFilter(request, response);
    }

    private static boolean csrfTokenSent(HttpServletRequest request, SessionCheck.Valid valid) {
        String header = request.getHeader(SessionCookies.CSRF_HEADER);
        return Secrets.sameValue(header, SessionCookies.value(request, SessionCookies.CSRF))
                && ConsoleSessionService.csrfMatches(valid.session(), header);
    }

    /** A refusal of a session, in the shape the door speaks: GraphQL errors, or the console's {@code error} object. */
    private void refuseSession(HttpServletRequest request, HttpServletResponse response, String path, int status,
            String classification, String code, AuthMessage message) throws IOException {
        String text = message.text(request);
        if (path.startsWith("/graphql")) {
            write(response, status, Map.of("errors", java.util.List.of(Map.of("message", text, "extensions",
                    Map.of("classification", classification, "code", code)))));
        } else {
            write(response, status, Map.of("error", Map.of("code", code, "message", text)));
        }
    }

    private void refuse(HttpServletResponse response, int status, String classification, String message)
            throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        write(response, status, Map.of("errors", java.util.List.of(Map.of("message", message, "extensions",
                Map.of("classification", classification, "code", classification)))));
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
