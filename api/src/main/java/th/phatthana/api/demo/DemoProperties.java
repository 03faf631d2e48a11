package th.phatthana.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled   create the demo tenant on the first start against an empty store ({@code PHATTHANA_DEMO})
 * @param xapiKey   key of the demo xAPI credential ({@code PHATTHANA_DEMO_XAPI_KEY}); generated when blank
 * @param xapiSecret secret of the demo xAPI credential ({@code PHATTHANA_DEMO_XAPI_SECRET}); generated when blank
 * @param simulateLearning    post a year of demo e-Learning statements through the xAPI endpoint ({@code PHATTHANA_DEMO_SIMULATE})
 * @param bootstrapAdminToken GraphQL token of the demo tenant's first admin ({@code PHATTHANA_BOOTSTRAP_ADMIN_TOKEN}); generated when blank
 * @param adminPassword       console password of the demo tenant's admin ({@code PHATTHANA_DEMO_ADMIN_PASSWORD}); generated when blank
 * @param hrPassword          console password of the demo HR officer ({@code PHATTHANA_DEMO_HR_PASSWORD}); generated when blank
 * @param committeePassword   console password of the demo provincial committee member ({@code PHATTHANA_DEMO_COMMITTEE_PASSWORD}); generated when blank
 * @param nationalPassword    console password of the bootstrap NATIONAL admin in the demo ({@code PHATTHANA_DEMO_NATIONAL_PASSWORD},
 *                            read by the national bootstrap); generated when blank
 */
@ConfigurationProperties("phatthana.demo")
public record DemoProperties(boolean enabled, String xapiKey, String xapiSecret, String bootstrapAdminToken, boolean simulateLearning,
        String adminPassword, String hrPassword, String committeePassword, String nationalPassword) {
}
