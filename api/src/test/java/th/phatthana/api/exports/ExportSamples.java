package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import th.phatthana.schema.FiscalYears;

/** A report as the progress engine would give one, with Thai that needs shaping (tone marks over upper vowels, ญ ฐ, ำ). */
final class ExportSamples {

    static final String ORGANISATION = "องค์การบริหารส่วนตำบลสังคม";
    static final String COURSE = "การพัฒนาทักษะดิจิทัลสำหรับผู้ปฏิบัติงานท้องถิ่น";
    static final String SHAPING_LINE = "ผู้ที่ได้รับการพัฒนาแล้ว ปีงบประมาณ พ.ศ. ๒๕๖๗ นี้ ปั้น กิ่ง";
    static final int STAFF = 70;

    private ExportSamples() {
    }

    static ProgressReport report() {
        ReportTable summary = ReportTable.builder("summary", "สรุปผล")
                .text("รายการ").integer("จำนวน (คน)").integer("เป้าหมาย (คน)").percent("ร้อยละ")
                .row("บุคลากรทั้งหมด", 42, 42, new BigDecimal("100"))
                .row(SHAPING_LINE, 30, 40, new BigDecimal("71.4"))
                .row("ผู้ที่ยังไม่ได้รับการพัฒนา", 12, null, new BigDecimal("28.6"))
                .build();
        ReportTable goals = ReportTable.builder("goals", "เป้าหมาย")
                .text("เป้าหมาย").text("ตัวชี้วัด").percent("ค่าเป้าหมาย").percent("ผลการดำเนินงาน").text("สถานะ")
                .row("บุคลากรได้รับการพัฒนาอย่างทั่วถึง", "ร้อยละของบุคลากรที่ได้รับการพัฒนาอย่างน้อยปีละ 1 หลักสูตร",
                        new BigDecimal("80"), new BigDecimal("71.4"), "ยังไม่บรรลุ")
                .row("ผู้บริหารมีสมรรถนะด้านการบริหารจัดการ", "ร้อยละของผู้บริหารที่ผ่านการประเมินสมรรถนะ",
                        new BigDecimal("100"), new BigDecimal("100"), "บรรลุ")
                .build();
        ReportTable courses = ReportTable.builder("courses", "หลักสูตร")
                .text("หลักสูตร").text("วิธีการพัฒนา").date("วันที่เริ่ม").integer("ผู้เข้ารับการพัฒนา").integer("ผ่าน")
                .decimal("ชั่วโมงรวม").decimal("งบประมาณ (บาท)")
                .row(COURSE, "อบรม (e-Learning)", LocalDate.of(2023, 10, 1), 25, 23, new BigDecimal("187.5"), new BigDecimal("12500.00"))
                .row("ความรู้เกี่ยวกับกฎหมายท้องถิ่นและระเบียบที่เกี่ยวข้อง", "อบรมในห้องเรียน", LocalDate.of(2024, 2, 14), 12, 12,
                        new BigDecimal("72"), new BigDecimal("48000"))
                .row("การจัดทำงบประมาณและการบริหารการเงินการคลัง ณ ฐานปฏิบัติงาน", "สอนงาน", null, 5, 3, new BigDecimal("15"), null)
                .build();
        ReportTable divisions = ReportTable.builder("divisions", "ส่วนราชการ")
                .text("ส่วนราชการ").integer("บุคลากร").integer("ได้รับการพัฒนา").percent("ร้อยละ")
                .row("สำนักปลัด", 18, 14, new BigDecimal("77.8"))
                .row("กองคลัง", 10, 7, new BigDecimal("70"))
                .row("กองช่าง", 14, 9, new BigDecimal("64.3"))
                .build();
        ReportTable targetGroups = ReportTable.builder("targetGroups", "กลุ่มเป้าหมาย")
                .text("กลุ่มเป้าหมาย").integer("บุคลากร").integer("ได้รับการพัฒนา").percent("ร้อยละ")
                .row("ผู้บริหารท้องถิ่น", 3, 3, new BigDecimal("100"))
                .row("พนักงานส่วนตำบลสายงานผู้ปฏิบัติ", 25, 18, new BigDecimal("72"))
                .row("พนักงานจ้าง", 14, 9, new BigDecimal("64.3"))
                .build();
        ReportTable.Builder staff = ReportTable.builder("staff", "บุคลากร")
                .text("เลขที่ตำแหน่ง").text("ชื่อ-สกุล").text("ตำแหน่ง").text("ส่วนราชการ").integer("หลักสูตรที่ผ่าน")
                .decimal("ชั่วโมงการพัฒนา").date("พัฒนาล่าสุด");
        for (int i = 1; i <= STAFF; i++) {
            staff.row(String.format("64-3-01-%04d", i), "นางสาวญาณิศา ฐิติพันธุ์ " + i, "นักจัดการงานทั่วไปปฏิบัติการ",
                    i % 2 == 0 ? "สำนักปลัด" : "กองคลัง", i % 4, new BigDecimal(i % 4 * 7.5).setScale(1),
                    i % 4 == 0 ? null : LocalDate.of(2024, 1 + i % 9, 1 + i % 27));
        }
        return new ProgressReport("รายงานความก้าวหน้าการพัฒนาบุคลากร", ORGANISATION, "6430101",
                "แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. 2567–2569", 2567, 2569, 2567, 1, "ก.อบต.จังหวัดหนองคาย มติครั้งที่ 1/2567 เมื่อ 1 กันยายน 2566",
                ZonedDateTime.of(2024, 11, 5, 14, 5, 0, 0, FiscalYears.BANGKOK),
                List.of("ผู้รายงาน", "ปลัดองค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล"),
                List.of(summary, goals, courses, divisions, targetGroups, staff.build()));
    }
}
