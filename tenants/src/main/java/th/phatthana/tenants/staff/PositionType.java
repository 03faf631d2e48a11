package th.phatthana.tenants.staff;

/**
 * Position types (ประเภทตำแหน่ง) of local officials under the position standards (§7). Teachers and
 * employees are classified otherwise and may have none.
 */
public enum PositionType {
    /** ประเภทบริหารท้องถิ่น: ปลัด and รองปลัด. */
    EXECUTIVE("บริหารท้องถิ่น"),
    /** ประเภทอำนวยการท้องถิ่น: heads of divisions and sections (ผู้อำนวยการกอง, หัวหน้าสำนักปลัด, หัวหน้าฝ่าย). */
    DIRECTOR("อำนวยการท้องถิ่น"),
    /** ประเภทวิชาการ: professional positions (นัก…, …กร). */
    ACADEMIC("วิชาการ"),
    /** ประเภททั่วไป: general positions (เจ้าพนักงาน…, นายช่าง…). */
    GENERAL("ทั่วไป");

    private final String thaiName;

    PositionType(String thaiName) {
        this.thaiName = thaiName;
    }

    public String thaiName() {
        return thaiName;
    }

    /** By enum name or Thai name, with or without the word ประเภท; null when none. */
    public static PositionType parse(String text) {
        String value = Words.key(text);
        if (value.startsWith("ประเภท")) {
            value = value.substring("ประเภท".length());
        }
        for (PositionType type : values()) {
            if (value.equals(type.name()) || value.equals(Words.key(type.thaiName))) {
                return type;
            }
        }
        return switch (value) {
            case "บริหาร" -> EXECUTIVE;
            case "อำนวยการ" -> DIRECTOR;
            default -> null;
        };
    }
}
