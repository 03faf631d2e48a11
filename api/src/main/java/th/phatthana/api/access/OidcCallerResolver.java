package th.phatthana.api.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    /** By the audience they require (empty: none), built on first use, when the issuer is reachable. */
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    OidcCallerResolver(OidcProperties properties, TenantService tenants) {
        this.properties = properties;
        this.tenants = tenants;
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** A bearer JWT: signed by the issuer, valid now, with the configured audience. */
    TokenCheck check(String token) {
        if (!properties.enabled()) {
            return new TokenCheck.Invalid();
        }
        Optional<Jwt> jwt = decode(() -> decoder().decode(token));
        return jwt.isEmpty() ? new TokenCheck.Invalid() : callerOf(jwt.get());
    }

    /**
     * The ID token of a console sign-in (authorization-code flow): signed by the issuer, valid now,
     * for this client, with the nonce the sign-in started with; its claims map as a bearer JWT's do.
     */
    IdTokenCheck checkIdToken(String idToken, String nonce) {
        Optional<Jwt> jwt = decode(() -> idTokenDecoder().decode(idToken));
        if (jwt.isEmpty() || nonce == null || !nonce.equals(jwt.get().getClaimAsString("nonce"))) {
            return new IdTokenCheck(new TokenCheck.Invalid(), null);
        }
        return new IdTokenCheck(callerOf(jwt.get()), jwt.get().getClaimAsString("email"));
    }

    /** Who an ID token stands for, and the e-mail address it gives (may be null). */
    record IdTokenCheck(TokenCheck check, String email) {
    }

    private static Optional<Jwt> decode(java.util.function.Supplier<Jwt> decoding) {
        try {
            return Optional.of(decoding.get());
        } catch (JwtException | IllegalArgumentException | IllegalStateException e) {
            log.debug("JWT refused: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The caller a verified JWT stands for, by the claim mapping of {@link OidcProperties}. */
    private TokenCheck callerOf(Jwt jwt) {
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
                Role role = Role.valueOf(String.valueOf(name));
                if (!role.isSelfServiceRole()) { // self-service needs a user linked to a staff record: not from a token
                    roles.add(role);
                }
            } catch (IllegalArgumentException ignored) {
                // Roles of other applications in the same token are not ours.
            }
        }
        return roles;
    }

    private JwtDecoder decoder() {
        return decoders.computeIfAbsent(properties.audience() == null ? "" : properties.audience(), this::buildDecoder);
    }

    /** ID tokens are addressed to this application's client. */
    private JwtDecoder idTokenDecoder() {
        return decoders.computeIfAbsent(properties.clientId(), this::buildDecoder);
    }

    /** A decoder with the issuer's keys (from its discovery document) that also requires the audience, when given. */
    private JwtDecoder buildDecoder(String audience) {
        NimbusJwtDecoder built = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(properties.issuerUri());
        if (audience != null && !audience.isBlank()) {
            validator = new DelegatingOAuth2TokenValidator<>(validator, new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(audience)));
        }
        built.setJwtValidator(validator);
        return built;
    }
}
