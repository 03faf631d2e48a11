package th.phatthana.api.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import th.phatthana.api.access.Callers;
import th.phatthana.tenants.access.Caller;

/**
 * {@code /actuator/prometheus} for NATIONAL callers only (a bearer token or a console session, read
 * by the caller filter before this one): the metrics describe the whole deployment. No credentials
 * 401, any other caller 403.
 */
class MetricsAccessFilter extends OncePerRequestFilter {

    /** Registered for the metrics endpoints only (a plain filter bean would guard every path). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<MetricsAccessFilter> metricsAccess() {
            FilterRegistrationBean<MetricsAccessFilter> registration = new FilterRegistrationBean<>(new MetricsAccessFilter());
            registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*", "/actuator/metrics", "/actuator/metrics/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21); // after the caller filter (+20), which identifies the caller
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS || caller.subject() == null) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "metrics need a NATIONAL caller's bearer token");
            return;
        }
        if (!caller.isNational()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "metrics are for NATIONAL callers");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}").getBytes(StandardCharsets.UTF_8));
    }
}
