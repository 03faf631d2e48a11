package th.phatthana.api.exports;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import th.phatthana.api.idp.IndividualPlan;
import th.phatthana.api.idp.IndividualPlanService;
import th.phatthana.api.time.ThaiDates;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Glossary;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantService;

/**
 * The individual development plan form (แบบแผนพัฒนารายบุคคล) on A4: who, which year, the competency gaps
 * as of the plan date, the development chosen with target dates and whether each is done, the
 * agreements recorded, and signature lines for the staff member and the supervisor.
 */
@Component
class IdpDocument {

    static final String TITLE = "แผนพัฒนารายบุคคล (Individual Development Plan: IDP)";
    static final String STAFF_SIGNS = "ผู้รับการพัฒนา";
    static final String SUPERVISOR_SIGNS = "ผู้บังคับบัญชา";

    private final IndividualPlanService plans;
    private final StaffService staff;
    private final DivisionService divisions;
    private final TenantService tenants;

    IdpDocument(IndividualPlanService plans, StaffService staff, DivisionService divisions, TenantService tenants) {
        this.plans = plans;
        this.staff = staff;
        this.divisions = divisions;
        this.tenants = tenants;
    }

    ReportDocument document(IndividualPlan plan) {
        Tenant tenant = tenants.findById(plan.tenantId()).orElseThrow();
        Staff member = staff.find(plan.tenantId(), plan.staffId()).orElseThrow();
        Staff inYear = member.inFiscalYear(plan.fiscalYear(), plans.today()).map(Staff.InFiscalYear::staff).orElse(member);
        Staff supervisor = member.supervisorId() == null ? null : staff.find(plan.tenantId(), member.supervisorId()).orElse(null);
        String division = inYear.divisionId() == null ? "-"
                : divisions.find(plan.tenantId(), inYear.divisionId()).map(d -> d.nameTh()).orElse("-");
        IndividualPlanService.Progress progress = plans.progress(plan);

        List<ReportDocument.Line> heading = new ArrayList<>();
        heading.add(new ReportDocument.Line("องค์กรปกครองส่วนท้องถิ่น", tenant.nameTh()));
        heading.add(new ReportDocument.Line(Glossary.FISCAL_YEAR + " (พ.ศ.)", (long) plan.fiscalYear()));
        heading.add(new ReportDocument.Line("ชื่อ-สกุล", member.fullNameTh()));
        heading.add(new ReportDocument.Line(Glossary.STAFF_NUMBER, member.staffNumber()));
        heading.add(new ReportDocument.Line("ตำแหน่ง", inYear.positionTitle() + (inYear.level() == null ? "" : " ระดับ" + inYear.level())));
        heading.add(new ReportDocument.Line(Glossary.DIVISION, division));
        heading.add(new ReportDocument.Line("ผู้บังคับบัญชา", supervisor == null ? "-" : supervisor.fullNameTh() + " (" + supervisor.positionTitle() + ")"));
        heading.add(new ReportDocument.Line("วันที่จัดทำแผน", ThaiDates.date(plan.planDate())));
        heading.add(new ReportDocument.Line("สถานะ", plan.status() == IndividualPlan.Status.AGREED ? "เห็นชอบแล้วทั้งสองฝ่าย" : "ร่าง (ยังไม่ได้รับความเห็นชอบครบทั้งสองฝ่าย)"));
        heading.add(new ReportDocument.Line("ความเห็นชอบของ" + STAFF_SIGNS, agreement(plan.staffAgreement())));
        heading.add(new ReportDocument.Line("ความเห็นชอบของ" + SUPERVISOR_SIGNS, agreement(plan.supervisorAgreement())));
        heading.add(new ReportDocument.Line("ความก้าวหน้า", "ดำเนินการแล้ว " + progress.done() + " จาก " + progress.items() + " รายการ"));

        ReportTable.Builder gaps = ReportTable.builder("gaps", "1. สมรรถนะที่กำหนดและช่องว่าง ณ วันที่จัดทำแผน").text("รหัส").text("สมรรถนะ")
                .integer("ระดับที่กำหนด").integer("ระดับที่ประเมิน").integer("ช่องว่าง");
        for (IndividualPlan.GapSnapshot gap : plan.gaps()) {
            gaps.row(gap.competencyCode(), gap.nameTh(), gap.requiredLevel(), gap.assessed() ? gap.assessedLevel() : null, gap.gap());
        }
        ReportTable.Builder items = ReportTable.builder("items", "2. การพัฒนาที่เลือก").integer("ลำดับ").text("สมรรถนะ").text("การพัฒนา")
                .date("วันที่เป้าหมาย").text("ผล");
        int n = 0;
        for (IndividualPlan.Item item : plan.items()) {
            n++;
            String kind = item.kind() == IndividualPlan.ItemKind.COURSE ? "หลักสูตรในแผนพัฒนาบุคลากร: " : "กิจกรรมอื่น: ";
            items.row(n, item.competencyCode() == null ? "-" : item.competencyCode() + " " + gapName(plan, item.competencyCode()),
                    kind + item.titleTh() + (item.note() == null ? "" : " (" + item.note() + ")"), item.targetDate(),
                    progress.doneKeys().contains(item.key()) ? "ดำเนินการแล้ว" : "ยังไม่ดำเนินการ");
        }
        String code = tenant.code() == null ? "" : tenant.code().replaceAll("[^A-Za-z0-9_-]", "");
        String number = member.staffNumber().replaceAll("[^A-Za-z0-9_-]", "");
        String stem = "idp-" + (code.isEmpty() ? "organisation" : code) + "-" + (number.isEmpty() ? "staff" : number) + "-" + plan.fiscalYear();
        return new ReportDocument(TITLE, heading, List.of(gaps.build(), items.build()),
                List.of(STAFF_SIGNS + " " + member.fullNameTh(), SUPERVISOR_SIGNS + (supervisor == null ? "" : " " + supervisor.fullNameTh())),
                tenant.nameTh() + " · แผนพัฒนารายบุคคล " + member.fullNameTh() + " · " + ThaiDates.fiscalYear(plan.fiscalYear()),
                ZonedDateTime.now(Clock.system(FiscalYears.BANGKOK)), stem);
    }

    private static String gapName(IndividualPlan plan, String code) {
        return plan.gaps().stream().filter(g -> g.competencyCode().equals(code)).map(IndividualPlan.GapSnapshot::nameTh).findFirst().orElse("");
    }

    private static String agreement(IndividualPlan.Agreement agreement) {
        if (agreement == null) {
            return "ยังไม่ได้บันทึก";
        }
        return "เห็นชอบเมื่อวันที่ " + ThaiDates.date(agreement.agreedOn()) + (agreement.onPaper() ? " ตามแบบที่ลงนาม บันทึกโดย " : " บันทึกโดย ")
                + agreement.recordedBy();
    }
}
