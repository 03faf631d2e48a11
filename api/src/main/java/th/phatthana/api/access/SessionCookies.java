package th.phatthana.api.access;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import th.phatthana.tenants.access.ConsoleSessionService;

/**
 * The cookies of a console session: the session id ({@code PHATTHANA_SESSION}, HttpOnly, so no
 * script can read it) and the CSRF token ({@code XSRF-TOKEN}, readable by the console, which sends
 * it back in the {@code X-XSRF-TOKEN} header of every change). Both SameSite=Lax, and Secure when
 * the request came over HTTPS (directly or through a proxy saying so in X-Forwarded-Proto).
 * Neither has a Max-Age: they end with the browser, and the server ends the session earlier.
 */
public final class SessionCookies {

    public static final String SESSION = "PHATTHANA_SESSION";
    public static final String CSRF = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private SessionCookies() {
    }

    static void start(HttpServletRequest request, HttpServletResponse response, ConsoleSessionService.StartedSession session) {
        add(response, cookie(request, SESSION, session.sessionValue(), true, "/", null));
        add(response, cookie(request, CSRF, session.csrfToken(), false, "/", null));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        add(response, cookie(request, SESSION, "", true, "/", Duration.ZERO));
        add(response, cookie(request, CSRF, "", false, "/", Duration.ZERO));
    }

    /** A cookie of this application with the attributes every one of them gets. */
    static ResponseCookie cookie(HttpServletRequest request, String name, String value, boolean httpOnly, String path,
            Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(name, value).httpOnly(httpOnly).sameSite("Lax")
                .secure(secure(request)).path(path);
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    static void add(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static boolean secure(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        // A chain of proxies lists the protocol each was reached with; the first is the browser's.
        return request.isSecure() || forwarded != null && forwarded.split(",")[0].trim().equalsIgnoreCase("https");
    }

    /** The value of a cookie of the request, or null. */
    public static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The value of a cookie in the Cookie headers (of a WebSocket handshake), or null. */
    public static String value(HttpHeaders headers, String name) {
        List<String> lines = headers.get(HttpHeaders.COOKIE);
        if (lines != null) {
            for (String line : lines) {
                for (String pair : line.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                        return pair.substring(equals + 1).trim();
                    }
                }
            }
        }
        return null;
    }
}
