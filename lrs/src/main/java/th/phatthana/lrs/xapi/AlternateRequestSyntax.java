package th.phatthana.lrs.xapi;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * xAPI 1.0.3 alternate request syntax (Communication §1.3): a browser that cannot send custom
 * headers or methods POSTs a form with {@code ?method=PUT}, the headers as form fields and the
 * body in {@code content}. Turned back into the ordinary request here, once, for every resource.
 */
final class AlternateRequestSyntax {

    private static final Set<String> HEADER_FIELDS = Set.of("authorization", "x-experience-api-version", "content-type",
            "content-length", "if-match", "if-none-match");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private AlternateRequestSyntax() {
    }

    static HttpServletRequest unwrap(HttpServletRequest request, long maxBytes) {
        String query = request.getQueryString();
        if (!"POST".equals(request.getMethod()) || query == null || !query.startsWith("method=") && !query.contains("&method=")) {
            return request;
        }
        Map<String, String[]> all = request.getParameterMap();
        String[] methods = all.get("method");
        if (methods == null) {
            return request;
        }
        String method = methods[0].toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw XapiException.badRequest("alternate request syntax: unsupported method '" + methods[0] + "'");
        }
        if (!query.equals("method=" + methods[0])) {
            throw XapiException.badRequest("alternate request syntax: the query string may hold only 'method'; "
                    + "send everything else as form fields");
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw XapiException.badRequest("alternate request syntax requires Content-Type application/x-www-form-urlencoded");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String[]> parameters = new LinkedHashMap<>();
        String content = null;
        for (Map.Entry<String, String[]> entry : all.entrySet()) {
            String name = entry.getKey();
            if (name.equals("method")) {
                continue;
            }
            if (name.equals("content")) {
                content = entry.getValue()[0];
            } else if (HEADER_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, entry.getValue()[0]);
            } else {
                parameters.put(name, entry.getValue());
            }
        }
        String version = headers.containsKey("X-Experience-API-Version") ? headers.get("X-Experience-API-Version")
                : request.getHeader("X-Experience-API-Version");
        if (version != null && version.trim().startsWith("2.")) {
            throw XapiException.badRequest("the alternate request syntax (?method=) was removed in xAPI 2.0; "
                    + "send the request with its own method and headers");
        }
        byte[] body = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        if (body.length > maxBytes) {
            throw new XapiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "content exceeds the size limit");
        }
        if (!headers.containsKey("Content-Type") && content != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Rewritten(request, method, headers, parameters, body);
    }

    private static final class Rewritten extends HttpServletRequestWrapper {
        private final String method;
        private final Map<String, String> headers;
        private final Map<String, String[]> parameters;
        private final byte[] body;

        Rewritten(HttpServletRequest request, String method, Map<String, String> headers, Map<String, String[]> parameters,
                byte[] body) {
            super(request);
            this.method = method;
            this.headers = headers;
            this.parameters = parameters;
            this.body = body;
        }

        @Override
        public String getMethod() {
            return method;
        }

        /** A header sent as a form field wins; other headers are the real request's. */
        @Override
        public String getHeader(String name) {
            if (name.equalsIgnoreCase("Content-Length")) {
                return String.valueOf(body.length);
            }
            if (headers.containsKey(name)) {
                return headers.get(name);
            }
            return name.equalsIgnoreCase("Content-Type") ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(Collections.list(super.getHeaderNames()));
            names.addAll(headers.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public String getContentType() {
            return headers.get("Content-Type");
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ByteArrayServletInputStream(body);
        }
    }
}
