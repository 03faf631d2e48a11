package th.phatthana.api.forwarding;

import java.time.Instant;
import java.util.List;

/**
 * Another LRS that receives stored statements. The password or client secret ({@code secret}) is
 * kept for sending and never returned by the API.
 *
 * @param tenantId  the organisation forwarded (scope ORGANISATION), null for DEPLOYMENT
 * @param authUser  BASIC: the user name; OAUTH: the client id
 */
public record ForwardingTarget(String id, String name, String endpoint, Version version, Scope scope, String tenantId,
        AuthKind authKind, String authUser, String secret, String tokenUrl, String oauthScope, List<String> verbs,
        List<String> activityIds, boolean enabled, Instant createdAt, Instant lastForwardedAt, Instant lastErrorAt, String lastError,
        int consecutiveFailures, Instant nextAttemptAt) {

    public enum Scope {
        ORGANISATION, DEPLOYMENT
    }

    public enum AuthKind {
        BASIC, OAUTH
    }

    /** The xAPI version spoken to the receiver, as the schema names it and as the header says it. */
    public enum Version {
        V1_0_3("1.0.3"), V2_0("2.0.0");

        private final String header;

        Version(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    public ForwardingTarget {
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        activityIds = activityIds == null ? List.of() : List.copyOf(activityIds);
    }

    /** The statements resource of the receiver. */
    String statementsUrl() {
        return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + "statements";
    }

    boolean filtered() {
        return !verbs.isEmpty() || !activityIds.isEmpty();
    }
}
