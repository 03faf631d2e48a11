package th.phatthana.tenants.staff;

/** Personnel types of local government staff (ประเภทบุคลากรท้องถิ่น, §3.1). */
public enum PersonnelType {
    /** ข้าราชการหรือพนักงานส่วนท้องถิ่น: civil servant / local official. */
    LOCAL_OFFICIAL("ข้าราชการหรือพนักงานส่วนท้องถิ่น"),
    /** ข้าราชการหรือพนักงานครูและบุคลากรทางการศึกษา: teachers and education personnel. */
    TEACHER("ข้าราชการหรือพนักงานครูและบุคลากรทางการศึกษา"),
    /** ลูกจ้างประจำ: permanent employee. */
    PERMANENT_EMPLOYEE("ลูกจ้างประจำ"),
    /** พนักงานจ้าง: contract employee. */
    CONTRACT_EMPLOYEE("พนักงานจ้าง");

    private final String thaiName;

    PersonnelType(String thaiName) {
        this.thaiName = thaiName;
    }

    public String thaiName() {
        return thaiName;
    }

    /** The type named by its enum name, its Thai name or a common Thai short form; null when none. */
    public static PersonnelType parse(String text) {
        String value = Words.key(text);
        for (PersonnelType type : values()) {
            if (value.equals(type.name()) || value.equals(Words.key(type.thaiName))) {
                return type;
            }
        }
        return switch (value) {
            case "ข้าราชการ", "พนักงานส่วนท้องถิ่น", "พนักงานส่วนตำบล", "พนักงานเทศบาล", "ข้าราชการส่วนท้องถิ่น",
                    "ข้าราชการองค์การบริหารส่วนจังหวัด", "ข้าราชการหรือพนักงานส่วนท้องถิ่น" -> LOCAL_OFFICIAL;
            case "ครู", "ครูและบุคลากรทางการศึกษา", "ข้าราชการครู", "พนักงานครู", "บุคลากรทางการศึกษา" -> TEACHER;
            case "ลูกจ้าง" -> PERMANENT_EMPLOYEE;
            case "พนักงานจ้างตามภารกิจ", "พนักงานจ้างทั่วไป", "พนักงานจ้างผู้มีทักษะ", "พนักงานจ้างผู้เชี่ยวชาญพิเศษ" -> CONTRACT_EMPLOYEE;
            default -> null;
        };
    }
}
