package th.phatthana.api.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An external OIDC issuer whose JWTs are accepted as bearer tokens, and how their claims map to
 * a caller. Off unless {@code issuerUri} ({@code PHATTHANA_OIDC_ISSUER_URI}) is set.
 *
 * @param issuerUri      the issuer; its discovery document gives the signing keys
 * @param audience       when set, the {@code aud} the token must carry
 * @param tenantClaim    claim holding the tenant code (default {@code phatthana_tenant})
 * @param rolesClaim     claim holding the role names, a list or a space-separated string (default {@code phatthana_roles})
 * @param provinceClaim  claim holding the province of a provincial committee member (default {@code phatthana_province})
 * @param committeeKindClaim claim holding the kind of organisation a committee oversees (default {@code phatthana_committee_kind})
 * @param clientId       this application's client at the issuer, for console sign-in (authorization-code flow with PKCE)
 * @param clientSecret   the client's secret, for a confidential client (sent with HTTP Basic); empty for a public client
 * @param redirectUri    where the issuer sends the browser back (default {@code <public base URL>/api/auth/oidc/callback})
 * @param scopes         the scopes asked for (default {@code openid profile email})
 */
@ConfigurationProperties("phatthana.oidc")
public record OidcProperties(String issuerUri, String audience, String tenantClaim, String rolesClaim, String provinceClaim,
        String committeeKindClaim, String clientId, String clientSecret, String redirectUri, String scopes) {

    public OidcProperties {
        tenantClaim = tenantClaim == null || tenantClaim.isBlank() ? "phatthana_tenant" : tenantClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "phatthana_roles" : rolesClaim;
        provinceClaim = provinceClaim == null || provinceClaim.isBlank() ? "phatthana_province" : provinceClaim;
        committeeKindClaim = committeeKindClaim == null || committeeKindClaim.isBlank() ? "phatthana_committee_kind" : committeeKindClaim;
        scopes = scopes == null || scopes.isBlank() ? "openid profile email" : scopes;
    }

    /** Whether JWTs of the issuer are accepted as bearer tokens. */
    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** Whether people can sign in to the console through the issuer: it needs a client id as well. */
    public boolean signInEnabled() {
        return enabled() && clientId != null && !clientId.isBlank();
    }
}
