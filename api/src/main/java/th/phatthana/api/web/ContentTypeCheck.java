package th.phatthana.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import th.phatthana.lrs.xapi.XapiErrorResponses;

/**
 * Refuses (400) a request whose Content-Type is not one media type, e.g. {@code a/b/c;;==}, or is
 * a wildcard such as {@code *}{@code /*}, which no body can be. Spring MVC reads the header of
 * every request while it looks for a handler (the GraphQL routes are router functions) and fails
 * on such a value with an exception that would answer 500 on any path. Found by
 * {@code XapiFuzzTest}.
 */
@Configuration(proxyBeanMethods = false)
class ContentTypeCheck {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> contentTypeFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String contentType = request.getContentType();
                if (contentType != null && !usable(contentType)) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getOutputStream().write(XapiErrorResponses.body(HttpStatus.BAD_REQUEST,
                            "the Content-Type header is not a media type a body can have (e.g. application/json)")
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50); // after the xAPI door, which sets the version header
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** One concrete media type (a blank header is as good as none). */
    static boolean usable(String contentType) {
        if (contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
