package th.phatthana.api.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.ConsoleSessionService;
import th.phatthana.tenants.access.GuessingThrottle;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OidcProperties.class, AccessProperties.class })
class AccessConfiguration {

    @Bean
    OidcCallerResolver oidcCallerResolver(OidcProperties properties, TenantService tenants) {
        return new OidcCallerResolver(properties, tenants);
    }

    @Bean
    BearerTokens bearerTokens(AccessTokenService tokens, OidcCallerResolver oidc) {
        return new BearerTokens(tokens, oidc);
    }

    @Bean
    FilterRegistrationBean<CallerFilter> callerFilter(BearerTokens bearerTokens, ConsoleSessionService sessions,
            th.phatthana.tenants.access.ThrottleProperties limits, JsonMapper json) {
        // Bearer tokens are their own secret: only the address is counted.
        int failuresPerAddress = limits.failuresPerAddress();
        GuessingThrottle throttle = new GuessingThrottle(failuresPerAddress, failuresPerAddress, limits.window());
        FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(
                new CallerFilter(bearerTokens, sessions, throttle, json));
        registration.addUrlPatterns("/graphql", "/graphql/*", "/api/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** After the CallerFilter: refusals by who is calling and by size, before any body is read. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(AccessProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                properties.graphql().maxRequestBytes(), properties.upload().maxRequestBytes(), json));
        registration.addUrlPatterns("/graphql", "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }
}
