package th.phatthana.tenants.access;

/** What a caller may do. Tenant roles act within one tenant; oversight roles read across tenants. */
public enum Role {
    /** ผู้ดูแลระบบของหน่วยงาน: everything within the tenant. */
    TENANT_ADMIN,
    /** เจ้าหน้าที่งานบุคคล: staff, assessments and plans of the tenant. */
    HR_OFFICER,
    /** Read-only within the tenant (dashboards). */
    VIEWER,
    /** Provincial personnel committee (ก.จ.จ./ก.ท.จ./ก.อบต.จังหวัด/ก.เมืองพัทยา): reads the tenants of its province and kind, approves their plans. */
    PROVINCIAL_COMMITTEE,
    /** National oversight (ก.จ./ก.ท./ก.อบต., กรมส่งเสริมการปกครองท้องถิ่น): reads every tenant, administers tenants. */
    NATIONAL;

    public boolean isTenantRole() {
        return this == TENANT_ADMIN || this == HR_OFFICER || this == VIEWER;
    }

    /** Whether these are the roles of a user or service account of one tenant: one or more tenant roles, nothing else. */
    public static boolean areTenantRoles(java.util.Collection<Role> roles) {
        return !roles.isEmpty() && roles.stream().allMatch(Role::isTenantRole);
    }
}
