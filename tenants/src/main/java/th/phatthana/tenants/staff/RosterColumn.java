package th.phatthana.tenants.staff;

import java.util.Locale;

/**
 * The columns of a staff roster file (CSV or XLSX), in template order: the Thai header people see,
 * the English key that may be used instead, whether a value is required, what it holds, and the
 * template's example. Headers are matched with case and spaces ignored.
 */
public enum RosterColumn {
    STAFF_NUMBER("staffNumber", "รหัสบุคลากร", true,
            "เลขประจำตัวบุคลากรของหน่วยงาน ไม่ซ้ำกัน ใช้จับคู่ข้อมูลเดิมเมื่อนำเข้าซ้ำ", "6431501-0099"),
    TITLE("title", "คำนำหน้าชื่อ", false, "นาย นาง นางสาว ว่าที่ร้อยตรี …", "นางสาว"),
    FIRST_NAME("firstNameTh", "ชื่อ", true, "ชื่อภาษาไทย", "สุดารัตน์"),
    LAST_NAME("lastNameTh", "นามสกุล", true, "นามสกุลภาษาไทย", "ทองดี"),
    PERSONNEL_TYPE("personnelType", "ประเภทบุคลากร", true,
            "ข้าราชการหรือพนักงานส่วนท้องถิ่น / ครูและบุคลากรทางการศึกษา / ลูกจ้างประจำ / พนักงานจ้าง",
            "ข้าราชการหรือพนักงานส่วนท้องถิ่น"),
    POSITION_TITLE("positionTitle", "ตำแหน่ง", true, "ชื่อตำแหน่ง", "นักจัดการงานทั่วไป"),
    POSITION_TYPE("positionType", "ประเภทตำแหน่ง", false, "บริหารท้องถิ่น / อำนวยการท้องถิ่น / วิชาการ / ทั่วไป (เว้นว่างได้สำหรับครูและลูกจ้าง)",
            "วิชาการ"),
    LINE_OF_WORK_CODE("lineOfWorkCode", "รหัสสายงาน", false, "รหัสสายงานตามมาตรฐานกำหนดตำแหน่ง", "3103"),
    LINE_OF_WORK("lineOfWork", "สายงาน", false, "ชื่อสายงาน", "นักจัดการงานทั่วไป"),
    LEVEL("level", "ระดับ", false, "ระดับตำแหน่ง เช่น ปฏิบัติการ ชำนาญการ ต้น กลาง", "ปฏิบัติการ"),
    DIVISION("division", "ส่วนราชการ", false, "ชื่อส่วนราชการที่มีอยู่ในระบบแล้ว เช่น สำนักปลัด กองคลัง", "สำนักปลัด"),
    APPOINTMENT_DATE("appointmentDate", "วันที่บรรจุ", true,
            "วันที่บรรจุแต่งตั้งครั้งแรก: ปปปป-ดด-วว (ค.ศ.) หรือ วว/ดด/ปปปป (พ.ศ. หรือ ค.ศ.)", "02/06/2568"),
    PROBATION_END_DATE("probationEndDate", "วันสิ้นสุดการทดลองปฏิบัติหน้าที่ราชการ", false,
            "วันสุดท้ายของการทดลองปฏิบัติหน้าที่ราชการ (ครู: วันสิ้นสุดการเตรียมความพร้อมและพัฒนาอย่างเข้ม)", "01/12/2568"),
    STATUS("status", "สถานะ", false, "ปฏิบัติงาน / ลา / พักราชการ / โอนย้ายออก / เกษียณอายุ / พ้นจากตำแหน่ง (ว่าง = ปฏิบัติงาน)", "ปฏิบัติงาน"),
    EFFECTIVE_ON("effectiveOn", "วันที่มีผล", false,
            "วันที่การเปลี่ยนแปลงของแถวนี้มีผล (ย้ายส่วนราชการ เปลี่ยนตำแหน่ง ลา โอนย้ายออก …): ปปปป-ดด-วว หรือ วว/ดด/ปปปป (ว่าง = วันที่นำเข้า)", ""),
    EMAIL("email", "อีเมล", false, "อีเมลที่ใช้ในระบบ e-Learning (xAPI mbox)", "sudarat.t@sangkhom.go.th"),
    ACCOUNT_HOME_PAGE("accountHomePage", "เว็บไซต์ระบบ e-Learning", false, "xAPI account homePage", "https://elearning.dla.go.th"),
    ACCOUNT_NAME("accountName", "ชื่อผู้ใช้ระบบ e-Learning", false, "xAPI account name", "sudarat.t"),
    CITIZEN_ID("citizenId", "เลขประจำตัวประชาชน", false,
            "13 หลัก ระบบเก็บเฉพาะค่าแฮช ไม่แสดงคืน เว้นว่าง = คงค่าเดิม", "");

    private final String key;
    private final String header;
    private final boolean required;
    private final String description;
    private final String example;

    RosterColumn(String key, String header, boolean required, String description, String example) {
        this.key = key;
        this.header = header;
        this.required = required;
        this.description = description;
        this.example = example;
    }

    public String key() {
        return key;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    public String example() {
        return example;
    }

    /** The column a header names (Thai header or English key), or null. */
    public static RosterColumn byHeader(String header) {
        String wanted = normalise(header);
        for (RosterColumn column : values()) {
            if (wanted.equals(normalise(column.header)) || wanted.equals(normalise(column.key))) {
                return column;
            }
        }
        return null;
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String value = text.replace("\uFEFF", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return value.endsWith("*") ? value.substring(0, value.length() - 1) : value;
    }
}
