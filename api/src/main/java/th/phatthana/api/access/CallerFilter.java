package th.phatthana.api.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.TokenCheck;

/**
 * Establishes the caller of the GraphQL API and the export endpoints from the bearer token: an
 * access token issued by this application, or a JWT of the configured OIDC issuer. A request
 * without a token goes on as {@link Callers#ANONYMOUS}; a bad token is refused here with 401.
 */
class CallerFilter extends OncePerRequestFilter {

    private final AccessTokenService tokens;
    private final OidcCallerResolver oidc;

    CallerFilter(AccessTokenService tokens, OidcCallerResolver oidc) {
        this.tokens = tokens;
        this.oidc = oidc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            request.setAttribute(Callers.ATTRIBUTE, Callers.ANONYMOUS);
            chain.doFilter(request, response);
            return;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "the Authorization header must be 'Bearer <token>'");
            return;
        }
        String token = authorization.substring(7).trim();
        TokenCheck check = token.startsWith(AccessTokenService.PREFIX) ? tokens.check(token) : oidc.check(token);
        switch (check) {
            case TokenCheck.Valid valid -> {
                request.setAttribute(Callers.ATTRIBUTE, valid.caller());
                chain.doFilter(request, response);
            }
            case TokenCheck.TenantSuspended suspended -> refuse(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                    "the organisation of this token is suspended");
            case TokenCheck.Invalid invalid -> refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "the bearer token is invalid, expired or revoked");
        }
    }

    private static void refuse(HttpServletResponse response, int status, String classification, String message)
            throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\""
                + classification + "\",\"code\":\"" + classification + "\"}}]}");
    }
}
