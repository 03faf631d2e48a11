package th.phatthana.lrs.xapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unversionedResponseVersion the X-Experience-API-Version an LRS answers a request that sent none with
 *                        ({@code PHATTHANA_XAPI_UNVERSIONED_RESPONSE}, "2.0.0" or "1.0.3"; default "2.0.0", the newest)
 * @param maxRequestBytes largest accepted request body; larger ones get 413 ({@code PHATTHANA_XAPI_MAX_REQUEST_BYTES})
 * @param maxPageSize     most statements one GET returns ({@code limit=0} means this)
 * @param queryTimeLimit  longest a statement query may run before it is stopped with 503 and Retry-After
 *                        ({@code PHATTHANA_XAPI_QUERY_TIME_LIMIT}, default 5 s)
 * @param concurrentReadsPerCredential statement reads (GET /xapi/statements) one credential may have running at
 *                        once; more are refused with 429 and Retry-After ({@code PHATTHANA_XAPI_CONCURRENT_READS_PER_CREDENTIAL}, default 4)
 * @param concurrentReadsPerTenant statement reads of one tenant (all its credentials) running at once; more wait their
 *                        turn, at most the query time limit, then get 503 and Retry-After ({@code PHATTHANA_XAPI_CONCURRENT_READS_PER_TENANT}, default 2)
 */
@ConfigurationProperties("phatthana.xapi")
public record XapiProperties(Long maxRequestBytes, Integer maxPageSize, String unversionedResponseVersion,
        java.time.Duration queryTimeLimit, Integer concurrentReadsPerCredential, Integer concurrentReadsPerTenant) {
    public XapiProperties {
        if (queryTimeLimit == null) {
            queryTimeLimit = java.time.Duration.ofSeconds(5);
        }
        if (concurrentReadsPerCredential == null) {
            concurrentReadsPerCredential = 4;
        }
        if (concurrentReadsPerTenant == null) {
            concurrentReadsPerTenant = 2;
        }
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
