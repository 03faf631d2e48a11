package th.phatthana.api.access;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;
import th.phatthana.api.problems.RequestLanguage;

/**
 * What the REST endpoints for files (imports, backups, downloads) answer a caller who is not signed
 * in, or who may not: the same everywhere, as {@code {"error": "…"}} in the request's language.
 */
public final class RestAccess {

    private RestAccess() {
    }

    /** 401, with the {@code WWW-Authenticate: Bearer} challenge a 401 must carry (RFC 9110 §15.5.2). */
    public static <T> ResponseEntity<T> unauthenticated(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        T body = (T) Map.of("error", signInFirst(request));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(body);
    }

    /** What a 401 says, in the request's language (also the body filter's, which answers before any controller). */
    static String signInFirst(HttpServletRequest request) {
        return RequestLanguage.say(request, Callers.SIGN_IN_TH, Callers.SIGN_IN_EN);
    }

    /** 403, saying what the action needs. */
    public static <T> ResponseEntity<T> forbidden(HttpServletRequest request, String th, String en) {
        @SuppressWarnings("unchecked")
        T body = (T) Map.of("error", RequestLanguage.say(request, th, en));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }
}
