package th.phatthana.tenants.access;

/** The outcome of checking a console session cookie. */
public sealed interface SessionCheck {

    /** A live session and who it stands for now. */
    record Valid(ConsoleSession session, Caller caller) implements SessionCheck {
    }

    /** Unknown, idle too long, past its absolute end, signed out, or its user disabled. */
    record Ended() implements SessionCheck {
    }

    /** A live session of a suspended organisation: refused as forbidden; it works again once reinstated. */
    record TenantSuspended(String tenantId) implements SessionCheck {
    }
}
