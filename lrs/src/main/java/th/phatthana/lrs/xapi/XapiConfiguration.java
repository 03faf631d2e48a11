package th.phatthana.lrs.xapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import th.phatthana.tenants.access.GuessingThrottle;
import th.phatthana.tenants.credentials.XapiCredentialService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ XapiProperties.class, CorsProperties.class })
class XapiConfiguration {

    @Bean
    FilterRegistrationBean<XapiFilter> xapiFilter(XapiCredentialService credentials, XapiProperties properties,
            ConsistencyClock clock, CorsProperties cors,
            @Value("${phatthana.throttle.failures-per-address:30}") int failuresPerAddress,
            @Value("${phatthana.throttle.failures-per-key:10}") int failuresPerKey,
            @Value("${phatthana.throttle.window:PT1M}") java.time.Duration window) {
        GuessingThrottle throttle = new GuessingThrottle(failuresPerAddress, failuresPerKey, window);
        FilterRegistrationBean<XapiFilter> registration = new FilterRegistrationBean<>(
                new XapiFilter(credentials, properties, clock, cors, throttle));
        registration.addUrlPatterns("/xapi/*");
        // Before Spring Security and everything else: the xAPI door decides alone.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
