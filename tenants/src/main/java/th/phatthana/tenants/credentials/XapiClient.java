package th.phatthana.tenants.credentials;

import java.util.Set;

/**
 * An authenticated xAPI caller: the tenant its credential belongs to, and what it may do. The
 * tenant comes only from here, never from a request body.
 */
public record XapiClient(String tenantId, String credentialId, String key, String displayName, Set<XapiScope> scopes) {
}
