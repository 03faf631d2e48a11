package th.phatthana.lrs.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

import th.phatthana.lrs.xapi.XapiException;

/**
 * The raw body and the query parameters of a document request, captured once by
 * {@link DocumentRequestFilter} before anything else can read the body: a document may be sent
 * with any Content-Type, including {@code application/x-www-form-urlencoded}, and must then still
 * be stored byte for byte instead of being parsed into request parameters by the servlet
 * container or Spring's form-content filter.
 */
record DocumentRequest(byte[] body, Map<String, List<String>> parameters) {

    static final String ATTRIBUTE = DocumentRequest.class.getName();

    /** The captured request, or (for a path the filter does not cover) a capture made now. */
    static DocumentRequest of(HttpServletRequest request, long maxBytes) throws IOException {
        DocumentRequest captured = (DocumentRequest) request.getAttribute(ATTRIBUTE);
        if (captured == null) {
            captured = capture(request, maxBytes);
            request.setAttribute(ATTRIBUTE, captured);
        }
        return captured;
    }

    /** Reads the body first, then the parameters: so the container never parses the body as a form. */
    static DocumentRequest capture(HttpServletRequest request, long maxBytes) throws IOException {
        byte[] body = read(request.getInputStream(), maxBytes);
        String query = request.getQueryString();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } else {
            // The 1.0.3 alternate request syntax (already unwrapped by the xAPI filter) carries its
            // parameters as form fields; with the body read above, nothing else is parsed here.
            request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        }
        return new DocumentRequest(body, Collections.unmodifiableMap(parameters));
    }

    /** The single value of a parameter, or null; 400 when it is given more than once. */
    String single(String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw XapiException.badRequest("parameter '" + name + "' is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    /** 400 naming the first parameter that the resource does not define for this method. */
    void allowOnly(Set<String> allowed, String resource) {
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw XapiException.badRequest("unknown parameter '" + name + "' for " + resource + " (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw XapiException.badRequest("the query string is not correctly percent-encoded near '" + text + "'");
        }
    }

    private static byte[] read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new XapiException(HttpStatus.CONTENT_TOO_LARGE, "the document exceeds the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
