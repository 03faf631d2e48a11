package th.phatthana.tenants.tenant;

/**
 * What an erasure under the PDPA does with the learning records (xAPI statements) whose actor is
 * the person erased. Every other trace of the person goes either way.
 */
public enum ErasurePolicy {

    /** The statements are removed; the organisation's learning counts lose them. */
    DELETE,

    /**
     * The person is replaced, in every statement, by a random account that nothing links back to
     * them, and their name is removed: the learning counts stay, anonymous. The default.
     */
    PSEUDONYMISE;

    public static final ErasurePolicy DEFAULT = PSEUDONYMISE;
}
