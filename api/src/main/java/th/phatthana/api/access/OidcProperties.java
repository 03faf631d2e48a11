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
 */
@ConfigurationProperties("phatthana.oidc")
public record OidcProperties(String issuerUri, String audience, String tenantClaim, String rolesClaim, String provinceClaim,
        String committeeKindClaim) {

    public OidcProperties {
        tenantClaim = tenantClaim == null || tenantClaim.isBlank() ? "phatthana_tenant" : tenantClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "phatthana_roles" : rolesClaim;
        provinceClaim = provinceClaim == null || provinceClaim.isBlank() ? "phatthana_province" : provinceClaim;
        committeeKindClaim = committeeKindClaim == null || committeeKindClaim.isBlank() ? "phatthana_committee_kind" : committeeKindClaim;
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
