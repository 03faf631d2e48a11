package th.phatthana.api.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.CallerPreferences;
import th.phatthana.tenants.access.CallerPreferencesService;
import th.phatthana.tenants.access.ConsoleSession;
import th.phatthana.tenants.access.ConsoleSessionService;
import th.phatthana.tenants.access.InvitationService;
import th.phatthana.tenants.access.PasswordService;
import th.phatthana.tenants.access.SignInService;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantService;

/**
 * The console's sign-in: password sign-in and sign-out, the current session, the person's
 * language, password change, and invitations. JSON in and out; a refusal is
 * {@code {"error": {"code": …, "message": …}}} with the message in Thai, or English when the
 * request's Accept-Language prefers it. Bodies must be {@code application/json}, which a form on
 * another site cannot send, so the sign-in cannot be forged across sites either.
 */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private final SignInService signIn;
    private final ConsoleSessionService sessions;
    private final InvitationService invitations;
    private final AppUserService users;
    private final TenantService tenants;
    private final CallerPreferencesService preferences;
    private final SignedInUsers signedInUsers;
    private final OidcProperties oidc;
    private final AuditTrail audit;
    private final Clock clock;

    AuthController(SignInService signIn, ConsoleSessionService sessions, InvitationService invitations, AppUserService users,
            TenantService tenants, CallerPreferencesService preferences, SignedInUsers signedInUsers, OidcProperties oidc,
            AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.signIn = signIn;
        this.sessions = sessions;
        this.invitations = invitations;
        this.users = users;
        this.tenants = tenants;
        this.preferences = preferences;
        this.signedInUsers = signedInUsers;
        this.oidc = oidc;
        this.audit = audit;
    }

    record LoginRequest(String email, String password) {
    }

    record PreferencesRequest(String language) {
    }

    record PasswordChangeRequest(String currentPassword, String newPassword) {
    }

    record AcceptRequest(String password) {
    }

    @GetMapping("/config")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("oidc", oidc.signInEnabled());
        config.put("oidcLoginUrl", oidc.signInEnabled() ? OidcSignInController.LOGIN_PATH : null);
        config.put("passwordMinLength", PasswordService.MIN_LENGTH);
        return config;
    }

    @PostMapping(path = "/login")
    ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        if (blank(body.email()) || blank(body.password())) {
            return badRequest(request, "email and password are required");
        }
        return switch (signIn.signIn(body.email(), body.password(), request.getRemoteAddr())) {
            case SignInService.Outcome.SignedIn signedIn -> {
                sessions.end(SessionCookies.value(request, SessionCookies.SESSION));
                SessionCookies.start(request, response, signedIn.session());
                yield ResponseEntity.ok(signedInUsers.of(Caller.of(signedIn.user()), signedIn.session().session()));
            }
            case SignInService.Outcome.BadCredentials bad -> error(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
                    AuthMessage.BAD_CREDENTIALS.text(request));
            case SignInService.Outcome.AccountLocked locked -> lockedUntil(HttpStatus.LOCKED, "ACCOUNT_LOCKED",
                    AuthMessage.ACCOUNT_LOCKED.text(request, locked.until()), locked.until());
            case SignInService.Outcome.AddressBlocked blocked -> lockedUntil(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                    AuthMessage.TOO_MANY_ATTEMPTS.text(request, blocked.until()), blocked.until());
            case SignInService.Outcome.Disabled disabled -> error(HttpStatus.FORBIDDEN, "ACCOUNT_DISABLED",
                    AuthMessage.ACCOUNT_DISABLED.text(request));
            case SignInService.Outcome.OrganisationSuspended suspended -> error(HttpStatus.FORBIDDEN, "ORGANISATION_SUSPENDED",
                    AuthMessage.ORGANISATION_SUSPENDED.text(request));
        };
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        // By the cookie, so that a session refused for a suspended organisation is removed too.
        sessions.end(SessionCookies.value(request, SessionCookies.SESSION));
        SessionCookies.clear(request, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/session")
    ResponseEntity<?> currentSession(HttpServletRequest request) {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return unauthenticated(request);
        }
        return ResponseEntity.ok(signedInUsers.of(caller, sessionOf(request)));
    }

    @PutMapping(path = "/preferences")
    ResponseEntity<?> preferences(@RequestBody PreferencesRequest body, HttpServletRequest request) {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return unauthenticated(request);
        }
        if (!CallerPreferences.isLanguage(body.language())) {
            return error(HttpStatus.BAD_REQUEST, "UNSUPPORTED_LANGUAGE", AuthMessage.UNSUPPORTED_LANGUAGE.text(request),
                    Map.of("field", "language"));
        }
        preferences.setLanguage(caller, body.language());
        return ResponseEntity.ok(signedInUsers.of(caller, sessionOf(request)));
    }

    @PostMapping(path = "/password")
    ResponseEntity<?> changePassword(@RequestBody PasswordChangeRequest body, HttpServletRequest request) {
        ConsoleSession session = sessionOf(request);
        if (session == null) {
            return unauthenticated(request);
        }
        if (session.userId() == null) {
            return error(HttpStatus.BAD_REQUEST, "NO_PASSWORD", AuthMessage.NO_PASSWORD.text(request));
        }
        Optional<ResponseEntity<?>> refused = passwordRefused(body.newPassword(), "newPassword", request);
        if (refused.isPresent()) {
            return refused.get();
        }
        AppUser user = users.find(session.userId()).orElseThrow();
        return switch (signIn.changePassword(user, session, body.currentPassword(), body.newPassword(), request.getRemoteAddr())) {
            case SignInService.ChangeOutcome.Changed changed -> ResponseEntity.noContent().build();
            case SignInService.ChangeOutcome.WrongCurrentPassword wrong -> error(HttpStatus.BAD_REQUEST, "WRONG_CURRENT_PASSWORD",
                    AuthMessage.WRONG_CURRENT_PASSWORD.text(request), Map.of("field", "currentPassword"));
            case SignInService.ChangeOutcome.Locked locked -> lockedUntil(HttpStatus.LOCKED, "ACCOUNT_LOCKED",
                    AuthMessage.ACCOUNT_LOCKED.text(request, locked.until()), locked.until());
        };
    }

    @GetMapping("/invitations/{token}")
    ResponseEntity<?> invitation(@PathVariable String token, HttpServletRequest request) {
        InvitationService.Lookup lookup = invitations.lookup(token);
        if (!(lookup instanceof InvitationService.Lookup.Open open)) {
            return invitationRefused(lookup, request);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", open.user().name());
        shown.put("email", open.user().email());
        shown.put("organisation", open.user().tenantId() == null ? null
                : tenants.findById(open.user().tenantId()).map(t -> Map.of("nameTh", t.nameTh())).orElse(null));
        shown.put("expiresAt", open.invitation().expiresAt().toString());
        return ResponseEntity.ok(shown);
    }

    @PostMapping(path = "/invitations/{token}/accept")
    ResponseEntity<?> accept(@PathVariable String token, @RequestBody AcceptRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        InvitationService.Lookup lookup = invitations.lookup(token);
        if (!(lookup instanceof InvitationService.Lookup.Open open)) {
            return invitationRefused(lookup, request);
        }
        Optional<ResponseEntity<?>> refused = passwordRefused(body.password(), "password", request);
        if (refused.isPresent()) {
            return refused.get();
        }
        AppUser user = open.user();
        if (!user.enabled()) {
            return error(HttpStatus.FORBIDDEN, "ACCOUNT_DISABLED", AuthMessage.ACCOUNT_DISABLED.text(request));
        }
        if (user.tenantId() != null && !tenants.findById(user.tenantId()).map(Tenant::isActive).orElse(false)) {
            return error(HttpStatus.FORBIDDEN, "ORGANISATION_SUSPENDED", AuthMessage.ORGANISATION_SUSPENDED.text(request));
        }
        Optional<AppUser> accepted = invitations.use(open.invitation(), body.password());
        if (accepted.isEmpty()) {
            return invitationRefused(invitations.lookup(token), request);
        }
        // A new password: whoever held the old one is signed out everywhere.
        sessions.endAllOf(user.id(), null);
        sessions.end(SessionCookies.value(request, SessionCookies.SESSION));
        ConsoleSessionService.StartedSession session = sessions.startFor(accepted.get());
        users.noteSignIn(user.id(), clock.instant());
        audit.record(user.tenantId(), Caller.of(user), "invitation.accept", "user:" + user.id(), Map.of(), request.getRemoteAddr());
        SessionCookies.start(request, response, session);
        return ResponseEntity.ok(signedInUsers.of(Caller.of(accepted.get()), session.session()));
    }

    private ResponseEntity<?> invitationRefused(InvitationService.Lookup lookup, HttpServletRequest request) {
        return switch (lookup) {
            case InvitationService.Lookup.Expired expired -> error(HttpStatus.GONE, "INVITATION_EXPIRED",
                    AuthMessage.INVITATION_EXPIRED.text(request, expired.invitation().expiresAt()),
                    Map.of("expiresAt", expired.invitation().expiresAt().toString()));
            case InvitationService.Lookup.Used used -> error(HttpStatus.GONE, "INVITATION_USED", AuthMessage.INVITATION_USED.text(request));
            default -> error(HttpStatus.NOT_FOUND, "INVITATION_NOT_FOUND", AuthMessage.INVITATION_NOT_FOUND.text(request));
        };
    }

    private static Optional<ResponseEntity<?>> passwordRefused(String password, String field, HttpServletRequest request) {
        return PasswordService.problem(password).map(problem -> switch (problem) {
            case TOO_SHORT -> error(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_SHORT",
                    AuthMessage.PASSWORD_TOO_SHORT.text(request, PasswordService.MIN_LENGTH), Map.of("field", field));
            case TOO_LONG -> error(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_LONG",
                    AuthMessage.PASSWORD_TOO_LONG.text(request, PasswordService.MAX_LENGTH), Map.of("field", field));
        });
    }

    private static ConsoleSession sessionOf(HttpServletRequest request) {
        return request.getAttribute(CallerFilter.SESSION_ATTRIBUTE) instanceof ConsoleSession session ? session : null;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpServletRequest request) {
        return badRequest(request, "the body must be a JSON object");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<?> notJson(HttpServletRequest request) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                AuthMessage.BAD_REQUEST.text(request, "send JSON (Content-Type: application/json)"));
    }

    private static ResponseEntity<?> badRequest(HttpServletRequest request, String detail) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", AuthMessage.BAD_REQUEST.text(request, detail));
    }

    private static ResponseEntity<?> unauthenticated(HttpServletRequest request) {
        return error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", AuthMessage.UNAUTHENTICATED.text(request));
    }

    private ResponseEntity<?> lockedUntil(HttpStatus status, String code, String message, Instant until) {
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(body(code, message, Map.of("lockedUntil", until.toString())));
    }

    static ResponseEntity<?> error(HttpStatus status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    private static ResponseEntity<?> error(HttpStatus status, String code, String message, Map<String, Object> details) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(code, message, details));
    }

    private static Map<String, Object> body(String code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.putAll(details);
        return Map.of("error", error);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
