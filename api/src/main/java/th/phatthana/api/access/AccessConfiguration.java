package th.phatthana.api.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.ConsoleSessionService;
import th.phatthana.tenants.tenant.TenantService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
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
            @org.springframework.beans.factory.annotation.Value("${phatthana.throttle.failures-per-address:30}") int failuresPerAddress,
            @org.springframework.beans.factory.annotation.Value("${phatthana.throttle.window:PT1M}") java.time.Duration window) {
        // Bearer tokens are their own secret: only the address is counted.
        th.phatthana.tenants.access.GuessingThrottle throttle = new th.phatthana.tenants.access.GuessingThrottle(failuresPerAddress,
                failuresPerAddress, window);
        FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(new CallerFilter(bearerTokens, sessions, throttle));
        registration.addUrlPatterns("/graphql", "/graphql/*", "/api/*", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** After the CallerFilter: refusals by who is calling and by size, before any body is read. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @org.springframework.beans.factory.annotation.Value("${phatthana.graphql.max-request-bytes:1048576}") long graphqlMaxBytes,
            @org.springframework.beans.factory.annotation.Value("${phatthana.upload.max-request-bytes:20971520}") long uploadMaxBytes) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(graphqlMaxBytes, uploadMaxBytes));
        registration.addUrlPatterns("/graphql", "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }
}
