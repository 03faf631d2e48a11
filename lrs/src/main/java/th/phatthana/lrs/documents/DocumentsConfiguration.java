package th.phatthana.lrs.documents;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

import th.phatthana.lrs.xapi.XapiProperties;

/**
 * Wiring of the document resources: the body-capturing filter, right after the xAPI filter
 * (order +10) and well before Spring's form-content filter (order -9900); and Tomcat's acceptance
 * of the raw JSON that xAPI clients put in query strings.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    /** MongoDB documents hold at most 16 MiB; keep room for the other fields. */
    static final long STORABLE_BYTES = 15L * 1024 * 1024;

    private final long maxDocumentBytes;

    DocumentsConfiguration(XapiProperties properties) {
        this.maxDocumentBytes = Math.min(properties.maxRequestBytes(), STORABLE_BYTES);
    }

    long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    @Bean
    FilterRegistrationBean<DocumentRequestFilter> documentRequestFilter() {
        FilterRegistrationBean<DocumentRequestFilter> registration = new FilterRegistrationBean<>(new DocumentRequestFilter(maxDocumentBytes));
        registration.addUrlPatterns("/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents/profile");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * xAPI clients in the field, ADL's jxapi among them, put the {@code agent} JSON into the query
     * string without percent-encoding it ({@code ?agent={"mbox":"mailto:..."}}). Tomcat refuses
     * such request targets with a bare 400 unless these characters are relaxed (the same as
     * {@code server.tomcat.relaxed-query-chars}); they are still decoded as ordinary query text.
     */
    @Bean
    TomcatConnectorCustomizer xapiRelaxedQueryChars() {
        return connector -> connector.setProperty("relaxedQueryChars", "\"<>[\\]^`{|}");
    }
}
