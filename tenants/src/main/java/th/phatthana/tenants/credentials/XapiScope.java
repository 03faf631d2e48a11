package th.phatthana.tenants.credentials;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** The xAPI 1.0.3 OAuth scope list (xAPI-Communication §4.2). */
public enum XapiScope {
    STATEMENTS_WRITE("statements/write"),
    STATEMENTS_READ("statements/read"),
    STATEMENTS_READ_MINE("statements/read/mine"),
    STATE("state"),
    DEFINE("define"),
    PROFILE("profile"),
    ALL_READ("all/read"),
    ALL("all");

    private final String value;

    XapiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<XapiScope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Whether a credential holding {@code granted} may write statements. */
    public static boolean canWriteStatements(Collection<XapiScope> granted) {
        return granted.contains(ALL) || granted.contains(STATEMENTS_WRITE);
    }

    /** Whether a credential may read every statement of its tenant (not only its own). */
    public static boolean canReadAllStatements(Collection<XapiScope> granted) {
        return granted.contains(ALL) || granted.contains(ALL_READ) || granted.contains(STATEMENTS_READ);
    }

    /** Whether a credential may read at least the statements it wrote itself. */
    public static boolean canReadOwnStatements(Collection<XapiScope> granted) {
        return canReadAllStatements(granted) || granted.contains(STATEMENTS_READ_MINE);
    }

    public static boolean canUseState(Collection<XapiScope> granted, boolean write) {
        return granted.contains(ALL) || granted.contains(STATE) || (!write && granted.contains(ALL_READ));
    }

    public static boolean canUseProfiles(Collection<XapiScope> granted, boolean write) {
        return granted.contains(ALL) || granted.contains(PROFILE) || (!write && granted.contains(ALL_READ));
    }

    /**
     * Whether a credential may read the Agents and Activities resources (what the LRS knows of
     * people and activities from all statements): with a read scope, never with write-only scopes.
     */
    public static boolean canReadDirectories(Collection<XapiScope> granted) {
        return canReadAllStatements(granted) || canUseProfiles(granted, false) || canUseState(granted, false);
    }

    /** Whether statements from this credential may update the canonical activity definitions. */
    public static boolean canDefine(Collection<XapiScope> granted) {
        return granted.contains(ALL) || granted.contains(DEFINE);
    }
}
