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
    NATIONAL,
    /**
     * พนักงาน/บุคลากร (self-service): a user linked to one staff record, who reads that record and what hangs off it,
     * nothing else of the tenant. Not a tenant role: every tenant-wide read refuses it ({@link Caller#canRead}).
     */
    STAFF,
    /**
     * ผู้บังคับบัญชา (self-service): a staff user who also reads the records of the staff who report to them (the
     * supervision link), nothing else of the tenant. Not a tenant role.
     */
    SUPERVISOR;

    /** Roles that read (and, some, write) the whole tenant. */
    public boolean isTenantRole() {
        return this == TENANT_ADMIN || this == HR_OFFICER || this == VIEWER;
    }

    /** Oversight roles: users of no tenant. */
    public boolean isOversightRole() {
        return this == PROVINCIAL_COMMITTEE || this == NATIONAL;
    }

    /** Self-service roles: a user of one tenant linked to a staff record, reading only what the link allows. */
    public boolean isSelfServiceRole() {
        return this == STAFF || this == SUPERVISOR;
    }

    /** Whether these are the roles of a self-service user: STAFF, optionally with SUPERVISOR, nothing else. */
    public static boolean areSelfServiceRoles(java.util.Collection<Role> roles) {
        return roles.contains(STAFF) && roles.stream().allMatch(Role::isSelfServiceRole);
    }

    /** Whether these are the roles of a user or service account of one tenant: one or more tenant roles, nothing else. */
    public static boolean areTenantRoles(java.util.Collection<Role> roles) {
        return !roles.isEmpty() && roles.stream().allMatch(Role::isTenantRole);
    }
}
