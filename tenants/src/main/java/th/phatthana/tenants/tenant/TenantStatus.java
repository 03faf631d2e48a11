package th.phatthana.tenants.tenant;

public enum TenantStatus {
    ACTIVE,
    /** Credentials and tokens stop working; data stays intact. */
    SUSPENDED
}
