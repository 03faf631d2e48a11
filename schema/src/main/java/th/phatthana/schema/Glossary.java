package th.phatthana.schema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Thai terms as Thai HR offices write them, in one place: messages, exports and the console use
 * these. The console reads them from {@code web/src/i18n/glossary.json}, which is this class's
 * {@link #terms()} written out; {@code GlossaryTest} fails when the two differ.
 */
public final class Glossary {

    public static final Locale THAI = Locale.forLanguageTag("th");

    public static final String STAFF_NUMBER = "รหัสบุคลากร";
    public static final String STAFF = "บุคลากร";
    public static final String DIVISION = "ส่วนราชการ";
    public static final String LINE_OF_WORK = "สายงาน";
    public static final String POSITION_TYPE = "ประเภทตำแหน่ง";
    public static final String TARGET_GROUP = "กลุ่มเป้าหมาย";
    /** Completed a development (a course, counted in the plan's indicators). */
    public static final String COMPLETED_DEVELOPMENT = "ผ่านการพัฒนา";
    /** Took part in some development in the year (the progress figure "developed"). */
    public static final String DEVELOPED = "ได้รับการพัฒนา";
    public static final String SPENT = "เบิกจ่ายจริง";
    public static final String SPENT_SHARE = "ร้อยละการเบิกจ่าย";
    public static final String PLANNED_BUDGET = "งบประมาณตามแผน";
    public static final String FISCAL_YEAR = "ปีงบประมาณ";
    public static final String FIRST_VERSION = "ฉบับแรก";
    /** Followed by the amendment's number: "ฉบับปรับปรุง ครั้งที่ 2". */
    public static final String AMENDED_VERSION = "ฉบับปรับปรุง ครั้งที่";
    public static final String PLAN = "แผนพัฒนาบุคลากร";
    public static final String DATA_AS_OF = "ข้อมูล ณ วันที่";

    private Glossary() {
    }

    /** A version of a plan: "ฉบับแรก" (0, the plan as first approved) or "ฉบับปรับปรุง ครั้งที่ N". Thai only. */
    public static String versionLabel(int number) {
        return number == 0 ? FIRST_VERSION : AMENDED_VERSION + " " + number;
    }

    /** Input fields as Thai forms name them, for messages; the last part of a dotted path is looked up. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("staffNumber", STAFF_NUMBER),
            Map.entry("title", "คำนำหน้าชื่อ"), Map.entry("firstNameTh", "ชื่อ"), Map.entry("lastNameTh", "นามสกุล"),
            Map.entry("personnelType", "ประเภทบุคลากร"), Map.entry("positionTitle", "ชื่อตำแหน่ง"),
            Map.entry("positionType", POSITION_TYPE), Map.entry("level", "ระดับ"), Map.entry("appointmentDate", "วันที่บรรจุ"),
            Map.entry("probationEndDate", "วันที่ครบทดลองปฏิบัติหน้าที่ราชการ"), Map.entry("divisionId", DIVISION),
            Map.entry("nameTh", "ชื่อภาษาไทย"), Map.entry("nameEn", "ชื่อภาษาอังกฤษ"), Map.entry("citizenId", "เลขประจำตัวประชาชน"),
            Map.entry("mbox", "อีเมล"), Map.entry("name", "ชื่อ"), Map.entry("reason", "เหตุผล"), Map.entry("sortOrder", "ลำดับ"));

    /** The Thai name of an input field ({@code lineOfWork.nameTh} → ชื่อภาษาไทย), or the field itself. */
    public static String fieldName(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        if (field.startsWith("lineOfWork")) {
            return LINE_OF_WORK + (last.equals("code") ? " (รหัส)" : "");
        }
        return FIELDS.getOrDefault(last, field);
    }

    /** Every term by its key, as {@code web/src/i18n/glossary.json} holds them. */
    public static Map<String, String> terms() {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("staffNumber", STAFF_NUMBER);
        terms.put("staff", STAFF);
        terms.put("division", DIVISION);
        terms.put("lineOfWork", LINE_OF_WORK);
        terms.put("positionType", POSITION_TYPE);
        terms.put("targetGroup", TARGET_GROUP);
        terms.put("completedDevelopment", COMPLETED_DEVELOPMENT);
        terms.put("developed", DEVELOPED);
        terms.put("spent", SPENT);
        terms.put("spentShare", SPENT_SHARE);
        terms.put("plannedBudget", PLANNED_BUDGET);
        terms.put("fiscalYear", FISCAL_YEAR);
        terms.put("firstVersion", FIRST_VERSION);
        terms.put("amendedVersion", AMENDED_VERSION);
        terms.put("plan", PLAN);
        terms.put("dataAsOf", DATA_AS_OF);
        return terms;
    }
}
