package th.phatthana.lrs.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxRequestBytes largest accepted request body; larger ones get 413 ({@code PHATTHANA_XAPI_MAX_REQUEST_BYTES})
 * @param maxPageSize     most statements one GET returns ({@code limit=0} means this)
 */
@ConfigurationProperties("phatthana.xapi")
public record XapiProperties(Long maxRequestBytes, Integer maxPageSize) {
    public XapiProperties {
        if (maxRequestBytes == null) {
            maxRequestBytes = 20L * 1024 * 1024;
        }
        if (maxPageSize == null) {
            maxPageSize = 500;
        }
    }
}
