package th.phatthana.tenants.access;

/** The outcome of checking a bearer token. */
public sealed interface TokenCheck {

    /** A usable token and who it stands for. */
    record Valid(Caller caller) implements TokenCheck {
    }

    /** Unknown, expired, revoked, or its user disabled. */
    record Invalid() implements TokenCheck {
    }

    /** A good token of a suspended organisation: refused as forbidden, not as unknown. */
    record TenantSuspended(String tenantId) implements TokenCheck {
    }
}
