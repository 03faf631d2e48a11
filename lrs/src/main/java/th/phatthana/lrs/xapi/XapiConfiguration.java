package th.phatthana.lrs.xapi;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import th.phatthana.tenants.access.GuessingThrottle;
import th.phatthana.tenants.access.ThrottleProperties;
import th.phatthana.tenants.credentials.XapiCredentialService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ XapiProperties.class, CorsProperties.class, ThrottleProperties.class })
class XapiConfiguration {

    /** The application's one clock: every "now" of the LRS and of the features above it (tests put a settable one first). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<XapiFilter> xapiFilter(XapiCredentialService credentials, XapiProperties properties,
            ConsistencyClock clock, CorsProperties cors, ThrottleProperties limits) {
        GuessingThrottle throttle = new GuessingThrottle(limits.failuresPerAddress(), limits.failuresPerKey(), limits.window());
        FilterRegistrationBean<XapiFilter> registration = new FilterRegistrationBean<>(
                new XapiFilter(credentials, properties, clock, cors, throttle));
        registration.addUrlPatterns("/xapi/*");
        // Before Spring Security and everything else: the xAPI door decides alone.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
