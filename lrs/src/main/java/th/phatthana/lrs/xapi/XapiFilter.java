package th.phatthana.lrs.xapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import th.phatthana.lrs.statements.validation.StatementValidationException;
import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.tenants.access.GuessingThrottle;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiCredentialService;

/**
 * The door of every {@code /xapi/} request: CORS for browser-launched content of the allowed
 * origins ({@link CorsProperties}), the 1.0.3
 * alternate request syntax, the body size limit, the version header, and HTTP Basic
 * authentication, which fixes the tenant for the rest of the request.
 */
public class XapiFilter extends OncePerRequestFilter {

    static final String CORS_ALLOWED_HEADERS = "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, "
            + "X-Experience-API-Hash, Content-Transfer-Encoding, Accept-Language";
    static final String CORS_EXPOSED_HEADERS = "ETag, Last-Modified, Content-Type, Content-Length, X-Experience-API-Version, "
            + "X-Experience-API-Consistent-Through";

    private final XapiCredentialService credentials;
    private final XapiProperties properties;
    private final ConsistencyClock clock;

    private final CorsProperties cors;
    private final GuessingThrottle throttle;

    public XapiFilter(XapiCredentialService credentials, XapiProperties properties, ConsistencyClock clock, CorsProperties cors,
            GuessingThrottle throttle) {
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
        this.cors = cors;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest original, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean allowedOrigin = cors.allows(original.getHeader("Origin"));
        if (allowedOrigin) {
            addCorsHeaders(original, response);
        }
        // Before anything can fail, so error responses carry it too.
        response.setHeader("X-Experience-API-Consistent-Through", clock.consistentThrough().toString());
        if ("OPTIONS".equals(original.getMethod())) {
            if (allowedOrigin) {
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
                response.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", "3600");
            }
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        if (original.getContentLengthLong() > properties.maxRequestBytes()) {
            XapiErrorResponses.write(response, HttpStatus.CONTENT_TOO_LARGE,
                    "request body of " + original.getContentLengthLong() + " bytes exceeds the limit of "
                            + properties.maxRequestBytes() + " bytes");
            return;
        }
        if (!validQueryString(original.getQueryString())) {
            XapiErrorResponses.write(response, HttpStatus.BAD_REQUEST,
                    "the query string is not valid percent-encoding of UTF-8 text (e.g. %zz, or a cut-off %E0%B8)");
            return;
        }
        HttpServletRequest request;
        try {
            request = AlternateRequestSyntax.unwrap(original, properties.maxRequestBytes());
        } catch (XapiException e) {
            XapiErrorResponses.write(response, e.status(), e.getMessage());
            return;
        }

        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean about = path.equals("/xapi/about") || path.equals("/xapi/about/");

        String versionHeader = request.getHeader("X-Experience-API-Version");
        XapiVersion version;
        if (versionHeader == null) {
            if (!about) {
                response.setHeader("X-Experience-API-Version", properties.unversionedResponseVersion());
                XapiErrorResponses.write(response, HttpStatus.BAD_REQUEST, "the X-Experience-API-Version header is required");
                return;
            }
            version = XapiVersion.V2_0_0;
        } else {
            try {
                version = XapiVersion.fromHeader(versionHeader.trim());
            } catch (StatementValidationException e) {
                response.setHeader("X-Experience-API-Version", properties.unversionedResponseVersion());
                XapiErrorResponses.write(response, HttpStatus.BAD_REQUEST, e.getMessage());
                return;
            }
        }
        response.setHeader("X-Experience-API-Version", version.headerValue());

        if (about) {
            chain.doFilter(request, response);
            return;
        }
        String[] keyAndSecret = basic(request.getHeader("Authorization"));
        String key = keyAndSecret == null ? null : keyAndSecret[0];
        String address = request.getRemoteAddr();
        GuessingThrottle.Refusal refusal = throttle.refusal(address, key);
        if (refusal != null) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            XapiErrorResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "too many failed authentications from this address; "
                    + "try again in " + refusal.retryAfterSeconds() + " s");
            return;
        }
        Optional<XapiClient> client = keyAndSecret == null ? Optional.empty() : credentials.authenticate(keyAndSecret[0], keyAndSecret[1]);
        if (client.isEmpty()) {
            if (throttle.failed(address, key)) {
                credentials.recordLockout(key, address);
            }
            if (request.getHeader("Sec-Fetch-Mode") == null) {
                // Not to browsers (they send Sec-Fetch-Mode on every request): the challenge would make
                // one prompt for and remember the credentials, and send them along with forms of other sites.
                response.setHeader("WWW-Authenticate", "Basic realm=\"xAPI\"");
            }
            XapiErrorResponses.write(response, HttpStatus.UNAUTHORIZED,
                    "valid HTTP Basic credentials (an xAPI key and secret of an active organisation) are required");
            return;
        }
        request.setAttribute(XapiRequest.ATTRIBUTE, new XapiRequest(client.get(), version));
        chain.doFilter(request, response);
    }

    /**
     * Whether every percent escape of the query string is two hex digits and the bytes they make
     * are UTF-8: the servlet container would otherwise fail on the first parameter read (a 500).
     * Checked on the query string alone: a form body may be an xAPI document, read as bytes.
     */
    static boolean validQueryString(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return true;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0 || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(query.charAt(i + 1), 16) * 16 + Character.digit(query.charAt(i + 2), 16));
                i += 2;
            } else if (c == '&' || c == '=') {
                if (!utf8(bytes.toByteArray())) {
                    return false;
                }
                bytes.reset();
            } else {
                bytes.write(c);
            }
        }
        return utf8(bytes.toByteArray());
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The key and secret of a Basic Authorization header, or null when it holds none. */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
    }

    /**
     * For an origin on the allow-list only. No {@code Access-Control-Allow-Credentials}: xAPI
     * clients send their key and secret in an explicit Authorization header, which needs none;
     * cookies and remembered credentials must never ride along on a cross-site request.
     */
    private static void addCorsHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", request.getHeader("Origin"));
        response.setHeader("Vary", "Origin");
        response.setHeader("Access-Control-Expose-Headers", CORS_EXPOSED_HEADERS);
    }
}
