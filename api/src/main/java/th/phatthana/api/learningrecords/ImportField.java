package th.phatthana.api.learningrecords;

/**
 * What a column of a completion list may hold: one way of naming the person (staff number,
 * citizen ID, e-mail, e-Learning account name, Thai name), the course (Thai title of a plan course,
 * or an activity IRI), and the record (date, hours, score, result).
 */
enum ImportField {
    STAFF_NUMBER("staffNumber", "รหัสบุคลากร"),
    CITIZEN_ID("citizenId", "เลขประจำตัวประชาชน"),
    EMAIL("email", "อีเมล"),
    ACCOUNT_NAME("accountName", "ชื่อผู้ใช้ระบบ e-Learning"),
    NAME("name", "ชื่อ-นามสกุล"),
    COURSE("course", "หลักสูตร"),
    ACTIVITY_ID("activityId", "รหัสกิจกรรม (activity IRI)"),
    DATE("date", "วันที่"),
    HOURS("hours", "จำนวนชั่วโมง"),
    SCORE("score", "คะแนน"),
    PASSED("passed", "ผลการเรียน");

    private final String key;
    private final String labelTh;

    ImportField(String key, String labelTh) {
        this.key = key;
        this.labelTh = labelTh;
    }

    String key() {
        return key;
    }

    String labelTh() {
        return labelTh;
    }

    static ImportField byKey(String key) {
        for (ImportField field : values()) {
            if (field.key.equalsIgnoreCase(key == null ? "" : key.strip())) {
                return field;
            }
        }
        return null;
    }

    /** Whether the field names the person. */
    boolean identifiesThePerson() {
        return this == STAFF_NUMBER || this == CITIZEN_ID || this == EMAIL || this == ACCOUNT_NAME || this == NAME;
    }
}
