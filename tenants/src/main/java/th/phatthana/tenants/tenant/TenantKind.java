package th.phatthana.tenants.tenant;

/**
 * The four kinds of local administrative organisation (องค์กรปกครองส่วนท้องถิ่น), each with the
 * provincial personnel committee that approves its development plan.
 */
public enum TenantKind {
    /** องค์การบริหารส่วนจังหวัด (อบจ.), approved by ก.จ.จ. */
    PAO("องค์การบริหารส่วนจังหวัด", "ก.จ.จ."),
    /** เทศบาล (นคร/เมือง/ตำบล), approved by ก.ท.จ. */
    MUNICIPALITY("เทศบาล", "ก.ท.จ."),
    /** องค์การบริหารส่วนตำบล (อบต.), approved by ก.อบต.จังหวัด */
    SAO("องค์การบริหารส่วนตำบล", "ก.อบต.จังหวัด"),
    /** เมืองพัทยา, approved by ก.เมืองพัทยา */
    PATTAYA("เมืองพัทยา", "ก.เมืองพัทยา");

    private final String thaiName;
    private final String approvingCommittee;

    TenantKind(String thaiName, String approvingCommittee) {
        this.thaiName = thaiName;
        this.approvingCommittee = approvingCommittee;
    }

    public String thaiName() {
        return thaiName;
    }

    /** The provincial personnel committee that approves plans of this kind (§4.3.5, §18). */
    public String approvingCommittee() {
        return approvingCommittee;
    }
}
