package th.phatthana.api.administration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param xapiSecretGracePeriod how long the previous secret of a rotated xAPI credential keeps working
 *                              ({@code PHATTHANA_XAPI_SECRET_GRACE_PERIOD}, default 24 hours)
 * @param publicBaseUrl         the address providers reach this server at, for the endpoint shown with
 *                              credentials ({@code PHATTHANA_PUBLIC_BASE_URL}, default http://localhost:8080)
 */
@ConfigurationProperties("phatthana.administration")
public record AdministrationProperties(Duration xapiSecretGracePeriod, String publicBaseUrl) {
    public AdministrationProperties {
        xapiSecretGracePeriod = xapiSecretGracePeriod == null ? Duration.ofHours(24) : xapiSecretGracePeriod;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
    }
}
