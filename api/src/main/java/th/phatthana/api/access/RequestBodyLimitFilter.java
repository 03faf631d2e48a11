package th.phatthana.api.access;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.tenants.access.Caller;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits that apply before any body is parsed, and after the caller is known (it runs after the
 * {@link CallerFilter}): a GraphQL POST or a file upload from nobody is refused with 401 without
 * reading its body, and one larger than its limit with 413, counted as it arrives when it has no
 * Content-Length. So an anonymous client can no longer make the server read and parse 90 MB.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {


    private final long graphqlMaxBytes;
    private final long uploadMaxBytes;

    private final JsonMapper json;

    RequestBodyLimitFilter(long graphqlMaxBytes, long uploadMaxBytes, JsonMapper json) {
        this.json = json;
        this.graphqlMaxBytes = graphqlMaxBytes;
        this.uploadMaxBytes = uploadMaxBytes;
    }

    /** The file endpoints: every {@code /api/…/import}, and certificates. */
    static boolean isUpload(String path) {
        return path.startsWith("/api/") && path.endsWith("/import") || path.equals("/api/certificates");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean graphql = path.equals("/graphql") && "POST".equals(request.getMethod());
        boolean upload = isUpload(path) && "POST".equals(request.getMethod());
        if (!graphql && !upload) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = (Caller) request.getAttribute(Callers.ATTRIBUTE);
        if (caller == null || caller == Callers.ANONYMOUS) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, path, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", RestAccess.signInFirst(request));
            return;
        }
        long limit = graphql ? graphqlMaxBytes : uploadMaxBytes;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(response, path, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE", RequestLanguage.say(request,
                    "ข้อมูลที่ส่งมีขนาด " + length + " ไบต์ เกินขีดจำกัด " + limit + " ไบต์",
                    "the request body of " + length + " bytes exceeds the limit of " + limit + " bytes"));
            return;
        }
        if (length < 0) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(response, path, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE", RequestLanguage.say(request,
                        "ข้อมูลที่ส่งเกินขีดจำกัด " + limit + " ไบต์", "the request body exceeds the limit of " + limit + " bytes"));
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String path, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Object body = path.equals("/graphql")
                ? Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", code, "code", code))))
                : Map.of("error", Map.of("code", code, "message", message));
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** A request whose body was read into memory (within the limit) while being counted. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new th.phatthana.lrs.xapi.ByteArrayServletInputStream(body);
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
