package th.phatthana.api.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.access.TokenCheck;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;

/** Turns a JWT of the configured OIDC issuer into a caller, by the claim mapping in {@link OidcProperties}. */
class OidcCallerResolver {

    private static final Logger log = LoggerFactory.getLogger(OidcCallerResolver.class);

    private final OidcProperties properties;
    private final TenantService tenants;
    private volatile JwtDecoder decoder;

    OidcCallerResolver(OidcProperties properties, TenantService tenants) {
        this.properties = properties;
        this.tenants = tenants;
    }

    TokenCheck check(String token) {
        if (!properties.enabled()) {
            return new TokenCheck.Invalid();
        }
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException | IllegalArgumentException | IllegalStateException e) {
            log.debug("JWT refused: {}", e.getMessage());
            return new TokenCheck.Invalid();
        }
        Set<Role> roles = roles(jwt.getClaim(properties.rolesClaim()));
        if (roles.isEmpty()) {
            return new TokenCheck.Invalid();
        }
        String tenantId = null;
        String tenantCode = jwt.getClaimAsString(properties.tenantClaim());
        if (roles.stream().anyMatch(Role::isTenantRole)) {
            Optional<Tenant> tenant = tenantCode == null ? Optional.empty() : tenants.findByCode(tenantCode);
            if (tenant.isEmpty()) {
                return new TokenCheck.Invalid();
            }
            if (!tenant.get().isActive()) {
                return new TokenCheck.TenantSuspended(tenant.get().id());
            }
            tenantId = tenant.get().id();
        }
        TenantKind committeeKind = null;
        String kind = jwt.getClaimAsString(properties.committeeKindClaim());
        if (kind != null) {
            try {
                committeeKind = TenantKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                return new TokenCheck.Invalid();
            }
        }
        String name = jwt.getClaimAsString("name");
        return new TokenCheck.Valid(new Caller("oidc:" + jwt.getSubject(), name == null ? jwt.getSubject() : name, tenantId, roles,
                jwt.getClaimAsString(properties.provinceClaim()), committeeKind));
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split("\\s+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException ignored) {
                // Roles of other applications in the same token are not ours.
            }
        }
        return roles;
    }

    private JwtDecoder decoder() {
        JwtDecoder current = decoder;
        if (current == null) {
            synchronized (this) {
                if (decoder == null) {
                    NimbusJwtDecoder built = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
                    OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(properties.issuerUri());
                    if (properties.audience() != null && !properties.audience().isBlank()) {
                        validator = new DelegatingOAuth2TokenValidator<>(validator, new JwtClaimValidator<List<String>>("aud",
                                aud -> aud != null && aud.contains(properties.audience())));
                    }
                    built.setJwtValidator(validator);
                    decoder = built;
                }
                current = decoder;
            }
        }
        return current;
    }
}
