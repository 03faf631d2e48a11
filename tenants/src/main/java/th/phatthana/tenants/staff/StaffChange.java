package th.phatthana.tenants.staff;

/** What happened on a date in a staff member's register history (the kinds of entry a Thai personnel record keeps). */
public enum StaffChange {
    /** บรรจุแต่งตั้ง / รับโอน: the person joins the organisation. */
    APPOINTED("บรรจุแต่งตั้ง"),
    /** ย้ายส่วนราชการ: another division. */
    MOVED("ย้ายส่วนราชการ"),
    /** เลื่อนหรือเปลี่ยนตำแหน่ง: another position, position type or level. */
    POSITION_CHANGED("เปลี่ยนตำแหน่ง"),
    /** เปลี่ยนสายงาน: another line of work. */
    LINE_OF_WORK_CHANGED("เปลี่ยนสายงาน"),
    /** ลา: long leave starts (study, maternity, …). */
    LEAVE("ลา"),
    /** กลับมาปฏิบัติงาน: back from leave or suspension. */
    RETURNED("กลับมาปฏิบัติงาน"),
    /** พักราชการ / ให้ออกไว้ก่อน. */
    SUSPENDED("พักราชการ"),
    /** โอน/ย้ายออก: to another organisation. */
    TRANSFERRED_OUT("โอนย้ายออก"),
    /** เกษียณอายุ. */
    RETIRED("เกษียณอายุ"),
    /** พ้นจากตำแหน่ง: resigned, contract ended, dismissed or deceased. */
    LEFT("พ้นจากตำแหน่ง"),
    /** อื่น ๆ: any other dated change of the register's values. */
    OTHER("อื่น ๆ");

    private final String thaiName;

    StaffChange(String thaiName) {
        this.thaiName = thaiName;
    }

    public String thaiName() {
        return thaiName;
    }

    /** What a change of the register's values from one period to the next is, when the caller does not say. */
    static StaffChange between(StaffPeriod before, StaffPeriod after) {
        if (before.status() != after.status()) {
            return switch (after.status()) {
                case ACTIVE -> RETURNED;
                case ON_LEAVE -> LEAVE;
                case SUSPENDED -> SUSPENDED;
                case TRANSFERRED_OUT -> TRANSFERRED_OUT;
                case RETIRED -> RETIRED;
                case LEFT -> LEFT;
            };
        }
        if (!java.util.Objects.equals(before.divisionId(), after.divisionId())) {
            return MOVED;
        }
        if (!java.util.Objects.equals(before.lineOfWork(), after.lineOfWork())) {
            return LINE_OF_WORK_CHANGED;
        }
        if (!java.util.Objects.equals(before.positionTitle(), after.positionTitle()) || before.positionType() != after.positionType()
                || !java.util.Objects.equals(before.level(), after.level())) {
            return POSITION_CHANGED;
        }
        return OTHER;
    }
}
