package th.phatthana.tenants.staff;

/**
 * The four target groups (กลุ่มเป้าหมาย) of §4.2, in order of precedence for a staff member's
 * primary group: see {@link TargetGroups}.
 */
public enum TargetGroup {
    /** กลุ่มที่ ๔ บุคลากรที่ดำรงตำแหน่งประเภทบริหารท้องถิ่น: ปลัด and รองปลัด. */
    EXECUTIVE("บุคลากรที่ดำรงตำแหน่งประเภทบริหารท้องถิ่น"),
    /** กลุ่มที่ ๓ ประเภทอำนวยการท้องถิ่น และสายงานผู้บริหารสถานศึกษา (incl. heads of child development centres). */
    DIRECTOR_LEVEL("บุคลากรที่ดำรงตำแหน่งประเภทอำนวยการท้องถิ่นและสายงานผู้บริหารสถานศึกษา"),
    /** กลุ่มที่ ๑ บุคลากรแรกบรรจุ. */
    NEWLY_APPOINTED("บุคลากรแรกบรรจุ"),
    /** กลุ่มที่ ๒ บุคลากรที่มีประสบการณ์. */
    EXPERIENCED("บุคลากรที่มีประสบการณ์");

    private final String thaiName;

    TargetGroup(String thaiName) {
        this.thaiName = thaiName;
    }

    public String thaiName() {
        return thaiName;
    }
}
