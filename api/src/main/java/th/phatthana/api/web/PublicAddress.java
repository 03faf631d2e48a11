package th.phatthana.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The address people and providers reach this server at: links in invitations, the xAPI endpoint
 * shown with credentials, the OIDC redirect ({@code PHATTHANA_PUBLIC_BASE_URL}, default
 * http://localhost:8080). Apart from the administration settings it is named under, because
 * sign-in needs it too.
 */
@ConfigurationProperties("phatthana.administration")
public record PublicAddress(String publicBaseUrl) {
    public PublicAddress {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
    }
}
