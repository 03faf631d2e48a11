package th.phatthana.api.access;

import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.TokenCheck;

/**
 * Who a bearer value stands for, on every door that takes one (HTTP and the GraphQL WebSocket):
 * a value shaped like a JWT goes to the OIDC issuer when one is configured; any other value is
 * looked up by its hash among the application's access tokens, whatever it starts with, so a
 * token value an operator chose works like a generated one.
 */
public class BearerTokens {

    private final AccessTokenService tokens;
    private final OidcCallerResolver oidc;

    BearerTokens(AccessTokenService tokens, OidcCallerResolver oidc) {
        this.tokens = tokens;
        this.oidc = oidc;
    }

    public TokenCheck check(String value) {
        return oidc.enabled() && AccessTokenService.looksLikeJwt(value) ? oidc.check(value) : tokens.check(value);
    }
}
