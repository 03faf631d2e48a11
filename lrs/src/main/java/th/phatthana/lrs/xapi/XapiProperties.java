package th.phatthana.lrs.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unversionedResponseVersion the X-Experience-API-Version an LRS answers a request that sent none with
 *                        ({@code PHATTHANA_XAPI_UNVERSIONED_RESPONSE}, "2.0.0" or "1.0.3"; default "2.0.0", the newest)
 * @param maxRequestBytes largest accepted request body; larger ones get 413 ({@code PHATTHANA_XAPI_MAX_REQUEST_BYTES})
 * @param maxPageSize     most statements one GET returns ({@code limit=0} means this)
 */
@ConfigurationProperties("phatthana.xapi")
public record XapiProperties(Long maxRequestBytes, Integer maxPageSize, String unversionedResponseVersion) {
    public XapiProperties {
        if (maxRequestBytes == null) {
            maxRequestBytes = 20L * 1024 * 1024;
        }
        if (maxPageSize == null) {
            maxPageSize = 500;
        }
        if (unversionedResponseVersion == null || unversionedResponseVersion.isBlank()) {
            unversionedResponseVersion = "2.0.0";
        } else if (!unversionedResponseVersion.equals("2.0.0") && !unversionedResponseVersion.equals("1.0.3")) {
            throw new IllegalArgumentException("phatthana.xapi.unversioned-response-version must be 2.0.0 or 1.0.3");
        }
    }
}
