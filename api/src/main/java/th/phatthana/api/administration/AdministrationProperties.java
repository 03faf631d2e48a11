package th.phatthana.api.administration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param xapiSecretGracePeriod how long the previous secret of a rotated xAPI credential keeps working
 *                              ({@code PHATTHANA_XAPI_SECRET_GRACE_PERIOD}, default 24 hours)
 * @see th.phatthana.api.web.PublicAddress the public base URL, under the same prefix
 */
@ConfigurationProperties("phatthana.administration")
public record AdministrationProperties(Duration xapiSecretGracePeriod) {
    public AdministrationProperties {
        xapiSecretGracePeriod = xapiSecretGracePeriod == null ? Duration.ofHours(24) : xapiSecretGracePeriod;
    }
}
