package th.phatthana.api.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.tenant.TenantService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class AccessConfiguration {

    @Bean
    OidcCallerResolver oidcCallerResolver(OidcProperties properties, TenantService tenants) {
        return new OidcCallerResolver(properties, tenants);
    }

    @Bean
    FilterRegistrationBean<CallerFilter> callerFilter(AccessTokenService tokens, OidcCallerResolver oidc) {
        FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(new CallerFilter(tokens, oidc));
        registration.addUrlPatterns("/graphql", "/graphql/*", "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
