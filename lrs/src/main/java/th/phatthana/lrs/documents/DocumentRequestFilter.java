package th.phatthana.lrs.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import th.phatthana.lrs.xapi.XapiErrorResponses;
import th.phatthana.lrs.xapi.XapiException;

/**
 * Captures the body and query parameters of State, Activity Profile and Agent Profile requests
 * right after the xAPI filter, before Spring's form-content filter or the container can consume a
 * form-encoded body as parameters (see {@link DocumentRequest}).
 */
class DocumentRequestFilter extends OncePerRequestFilter {

    private final long maxDocumentBytes;

    DocumentRequestFilter(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.setAttribute(DocumentRequest.ATTRIBUTE, DocumentRequest.capture(request, maxDocumentBytes));
        } catch (XapiException e) {
            response.setStatus(e.status().value());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(XapiErrorResponses.body(e.status(), e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
