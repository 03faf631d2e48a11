package th.phatthana.api.learningrecords;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import th.phatthana.schema.xapi.XapiVerbs;

/**
 * Where a completion list comes from, and for the known sources the columns their exports have
 * (the presets; docs/api.md lists them). Each field accepts any of its headers, compared without
 * spaces, hyphens or case. {@link #CUSTOM} has no preset: the request gives the mapping.
 */
enum ImportSource {
    DLA_ELEARNING("ระบบ e-Learning กรมส่งเสริมการปกครองท้องถิ่น", "DLA e-Learning export", XapiVerbs.COMPLETED, Map.of(
            ImportField.ACCOUNT_NAME, List.of("ชื่อผู้ใช้", "ชื่อผู้ใช้งาน", "Username"),
            ImportField.CITIZEN_ID, List.of("เลขประจำตัวประชาชน", "เลขบัตรประชาชน"),
            ImportField.NAME, List.of("ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อผู้เรียน"),
            ImportField.EMAIL, List.of("อีเมล", "E-mail", "Email"),
            ImportField.COURSE, List.of("หลักสูตร", "ชื่อหลักสูตร"),
            ImportField.DATE, List.of("วันที่สำเร็จการศึกษา", "วันที่จบหลักสูตร", "วันที่ผ่าน"),
            ImportField.HOURS, List.of("ชั่วโมงเรียน", "จำนวนชั่วโมง"),
            ImportField.SCORE, List.of("คะแนน", "คะแนนสอบ"),
            ImportField.PASSED, List.of("ผลการเรียน", "สถานะ"))),
    OCSC_LEARNING_PORTAL("OCSC Learning Portal (สำนักงาน ก.พ.)", "OCSC Learning Portal export", XapiVerbs.COMPLETED, Map.of(
            ImportField.CITIZEN_ID, List.of("เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "รหัสผู้เรียน"),
            ImportField.NAME, List.of("ชื่อ - สกุล", "ชื่อ-สกุล", "ชื่อ-นามสกุล"),
            ImportField.EMAIL, List.of("อีเมล", "E-mail"),
            ImportField.COURSE, List.of("ชื่อวิชา", "ชื่อหลักสูตร", "รายวิชา"),
            ImportField.DATE, List.of("วันที่ผ่านการเรียน", "วันที่เรียนจบ"),
            ImportField.HOURS, List.of("จำนวนชั่วโมง", "ชั่วโมงการเรียนรู้"),
            ImportField.SCORE, List.of("คะแนนสอบ", "คะแนนทดสอบหลังเรียน"),
            ImportField.PASSED, List.of("สถานะ", "ผลการเรียน"))),
    ATTENDANCE_SHEET("ใบลงชื่อเข้าร่วมอบรม (แบบทั่วไป)", "generic attendance sheet", XapiVerbs.ATTENDED, Map.of(
            ImportField.STAFF_NUMBER, List.of("รหัสบุคลากร", "เลขประจำตัว"),
            ImportField.CITIZEN_ID, List.of("เลขประจำตัวประชาชน"),
            ImportField.NAME, List.of("ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อ"),
            ImportField.COURSE, List.of("หลักสูตร", "ชื่อหลักสูตร", "โครงการ"),
            ImportField.ACTIVITY_ID, List.of("รหัสกิจกรรม", "activityId"),
            ImportField.DATE, List.of("วันที่", "วันที่อบรม"),
            ImportField.HOURS, List.of("จำนวนชั่วโมง", "ชั่วโมง"),
            ImportField.SCORE, List.of("คะแนน"),
            ImportField.PASSED, List.of("ผล", "ผลการอบรม"))),
    CUSTOM("กำหนดคอลัมน์เอง", "custom column mapping", XapiVerbs.COMPLETED, Map.of());

    private final String labelTh;
    private final String labelEn;
    private final String defaultVerb;
    private final Map<ImportField, List<String>> headers;

    ImportSource(String labelTh, String labelEn, String defaultVerb, Map<ImportField, List<String>> headers) {
        this.labelTh = labelTh;
        this.labelEn = labelEn;
        this.defaultVerb = defaultVerb;
        this.headers = new EnumMap<>(ImportField.class);
        this.headers.putAll(headers);
    }

    String labelTh() {
        return labelTh;
    }

    String labelEn() {
        return labelEn;
    }

    /** The verb of a row whose result column is empty or absent. */
    String defaultVerb() {
        return defaultVerb;
    }

    /** The preset's headers for each field, in field order. */
    Map<ImportField, List<String>> headers() {
        return headers;
    }

    /** The value of the context extension that names the source. */
    String iri() {
        return "https://phatthana.th/xapi/import-sources/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static ImportSource byName(String name) {
        for (ImportSource source : values()) {
            if (source.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return source;
            }
        }
        return null;
    }
}
