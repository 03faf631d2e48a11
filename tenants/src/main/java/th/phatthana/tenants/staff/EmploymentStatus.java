package th.phatthana.tenants.staff;

/** Whether a staff member is working for the organisation (สถานะการปฏิบัติงาน). */
public enum EmploymentStatus {
    /** ปฏิบัติงาน: working. */
    ACTIVE("ปฏิบัติงาน"),
    /** ลา: on long leave (study leave, maternity leave, …). */
    ON_LEAVE("ลา"),
    /** พักราชการ / ให้ออกไว้ก่อน: suspended from duty. */
    SUSPENDED("พักราชการ"),
    /** โอน/ย้ายออก: transferred to another organisation. */
    TRANSFERRED_OUT("โอนย้ายออก"),
    /** เกษียณอายุ: retired. */
    RETIRED("เกษียณอายุ"),
    /** พ้นจากตำแหน่ง: resigned, contract ended, dismissed or deceased. */
    LEFT("พ้นจากตำแหน่ง");

    private final String thaiName;

    EmploymentStatus(String thaiName) {
        this.thaiName = thaiName;
    }

    public String thaiName() {
        return thaiName;
    }

    /** Whether the person still works for the organisation (active, on leave or suspended). */
    public boolean current() {
        return this == ACTIVE || this == ON_LEAVE || this == SUSPENDED;
    }

    /** By enum name, Thai name or a common Thai word; null when none. */
    public static EmploymentStatus parse(String text) {
        String value = Words.key(text);
        for (EmploymentStatus status : values()) {
            if (value.equals(status.name()) || value.equals(Words.key(status.thaiName))) {
                return status;
            }
        }
        return switch (value) {
            case "ปฏิบัติราชการ", "ทำงาน", "ปกติ" -> ACTIVE;
            case "ลาศึกษาต่อ", "ลาคลอด", "ลาป่วย" -> ON_LEAVE;
            case "ให้ออกไว้ก่อน" -> SUSPENDED;
            case "โอนออก", "ย้ายออก", "โอน/ย้ายออก" -> TRANSFERRED_OUT;
            case "เกษียณ", "เกษียณอายุราชการ" -> RETIRED;
            case "ลาออก", "สิ้นสุดสัญญา", "พ้นสภาพ" -> LEFT;
            default -> null;
        };
    }
}
