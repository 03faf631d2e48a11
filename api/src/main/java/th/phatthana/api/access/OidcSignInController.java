package th.phatthana.api.access;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.api.web.PublicAddress;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.ConsoleSession;
import th.phatthana.tenants.access.ConsoleSessionService;
import th.phatthana.tenants.access.Secrets;
import th.phatthana.tenants.access.TokenCheck;
import th.phatthana.tenants.audit.AuditTrail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Console sign-in through the configured OIDC issuer ("sign in with your organisation's account").
 * {@code /login} sends the browser to the issuer with a fresh state, nonce and PKCE challenge,
 * remembered in a short-lived HttpOnly cookie of this browser; {@code /callback} checks the state
 * against that cookie, exchanges the code with the verifier, verifies the ID token (signature,
 * issuer, audience = client id, nonce), maps its claims exactly as a bearer JWT's, starts a session
 * and sends the browser to {@code /}. A sign-in that fails goes to {@code /?signInError=<code>}.
 */
@RestController
class OidcSignInController {

    static final String LOGIN_PATH = "/api/auth/oidc/login";
    static final String CALLBACK_PATH = "/api/auth/oidc/callback";
    private static final String FLOW_COOKIE = "PHATTHANA_OIDC";
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(OidcSignInController.class);

    private final OidcProperties properties;
    private final OidcSignIn oidc;
    private final OidcCallerResolver resolver;
    private final ConsoleSessionService sessions;
    private final AuditTrail audit;

    OidcSignInController(OidcProperties properties, PublicAddress address, JsonMapper json, OidcCallerResolver resolver,
            ConsoleSessionService sessions, AuditTrail audit) {
        this.properties = properties;
        this.oidc = new OidcSignIn(properties, address.publicBaseUrl(), json);
        this.resolver = resolver;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GetMapping(LOGIN_PATH)
    ResponseEntity<?> login(HttpServletRequest request, HttpServletResponse response) {
        if (!properties.signInEnabled()) {
            return AuthController.error(HttpStatus.NOT_FOUND, "OIDC_DISABLED", AuthMessage.OIDC_DISABLED.text(request));
        }
        String state = Secrets.randomValue();
        String nonce = Secrets.randomValue();
        String verifier = Secrets.randomValue();
        String location;
        try {
            location = oidc.authorizationUrl(state, nonce, verifier);
        } catch (OidcSignIn.OidcException e) {
            log.warn("OIDC sign-in could not start: {}", e.getMessage());
            return failed("OIDC_UNAVAILABLE");
        }
        // Random values are base64url, so '.' separates them safely.
        SessionCookies.add(response, SessionCookies.cookie(request, FLOW_COOKIE, state + "." + nonce + "." + verifier, true,
                "/api/auth/oidc", FLOW_LIFETIME));
        return redirect(location);
    }

    @GetMapping(CALLBACK_PATH)
    ResponseEntity<?> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error, HttpServletRequest request, HttpServletResponse response) {
        if (!properties.signInEnabled()) {
            return AuthController.error(HttpStatus.NOT_FOUND, "OIDC_DISABLED", AuthMessage.OIDC_DISABLED.text(request));
        }
        String flow = SessionCookies.value(request, FLOW_COOKIE);
        SessionCookies.add(response, SessionCookies.cookie(request, FLOW_COOKIE, "", true, "/api/auth/oidc", Duration.ZERO));
        if (error != null) {
            return failed("OIDC_REFUSED");
        }
        String[] parts = flow == null ? new String[0] : flow.split("\\.");
        if (parts.length != 3 || code == null || !Secrets.sameValue(parts[0], state)) {
            return failed("OIDC_STATE_MISMATCH");
        }
        OidcCallerResolver.IdTokenCheck checked;
        try {
            checked = resolver.checkIdToken(oidc.idToken(code, parts[2]), parts[1]);
        } catch (OidcSignIn.OidcException e) {
            log.warn("OIDC sign-in failed: {}", e.getMessage());
            return failed("OIDC_FAILED");
        }
        return switch (checked.check()) {
            case TokenCheck.Valid valid -> {
                Caller caller = valid.caller();
                ConsoleSessionService.StartedSession session = sessions.startFor(new ConsoleSession.ExternalIdentity(caller.subject(),
                        caller.displayName(), checked.email(), caller.tenantId(), caller.roles(), caller.province(),
                        caller.committeeKind()));
                sessions.end(SessionCookies.value(request, SessionCookies.SESSION));
                audit.record(caller.tenantId(), caller, "auth.signIn", caller.subject(), Map.of("method", "oidc"), request.getRemoteAddr());
                SessionCookies.start(request, response, session);
                yield redirect("/");
            }
            case TokenCheck.TenantSuspended suspended -> failed("ORGANISATION_SUSPENDED");
            case TokenCheck.Invalid invalid -> failed("OIDC_NO_ACCESS");
        };
    }

    private static ResponseEntity<?> failed(String code) {
        return redirect("/?signInError=" + code);
    }

    private static ResponseEntity<?> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location)).build();
    }
}
