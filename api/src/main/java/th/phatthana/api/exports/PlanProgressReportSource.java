package th.phatthana.api.exports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import th.phatthana.schema.Glossary;
import th.phatthana.api.time.ThaiDates;
import th.phatthana.api.idp.IndividualPlanService;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.progress.ProgressService;
import th.phatthana.api.progress.ProgressViews.CourseProgress;
import th.phatthana.api.progress.ProgressViews.GroupProgress;
import th.phatthana.api.progress.ProgressViews.IndicatorProgress;
import th.phatthana.api.progress.ProgressViews.PlanProgress;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;

/**
 * The progress report from the progress engine: the same figures as the GraphQL {@code planProgress}
 * and {@code staffProgress} queries (ProgressService), read with the caller's rights.
 */
@Component
class PlanProgressReportSource implements ProgressReportSource {

    static final String TITLE = "รายงานความก้าวหน้าการพัฒนาบุคลากร";

    private final ProgressService progress;
    private final PlanService plans;
    private final StaffService staff;
    private final DivisionService divisions;
    private final IndividualPlanService individualPlans;

    PlanProgressReportSource(ProgressService progress, PlanService plans, StaffService staff, DivisionService divisions,
            IndividualPlanService individualPlans) {
        this.progress = progress;
        this.plans = plans;
        this.staff = staff;
        this.divisions = divisions;
        this.individualPlans = individualPlans;
    }

    static final String IDP_AGREED = "บุคลากรที่มีแผนพัฒนารายบุคคล (IDP) ที่เห็นชอบแล้ว";
    static final String IDP_AGREED_SHARE = "ร้อยละของบุคลากรที่มีแผนพัฒนารายบุคคล (IDP) ที่เห็นชอบแล้ว";

    @Override
    public ProgressReport report(String planId, int fiscalYear, Caller caller) {
        Plan plan = plans.read(planId, caller);
        Tenant tenant = plans.tenant(plan);
        PlanProgress p = progress.planProgress(planId, fiscalYear, caller);
        // the same figures as planProgress.individualPlansAgreed and individualPlanAgreedShare
        IndividualPlanService.Share idp = individualPlans.agreedShare(plan.tenantId(), p.fiscalYear());

        ReportTable summary = ReportTable.builder("summary", "สรุปผล").text("รายการ").decimal("ค่า").text("หน่วย")
                .row("บุคลากรทั้งหมด", p.staffCount(), "คน")
                .row(Glossary.STAFF + "ที่" + Glossary.DEVELOPED, p.staffDeveloped(), "คน")
                .row("ร้อยละของบุคลากรที่ได้รับการพัฒนา", round(p.staffDevelopedShare(), 2), "ร้อยละ")
                .row("ชั่วโมงการพัฒนารวม", round(p.totalHours(), 2), "ชั่วโมง")
                .row("ชั่วโมงการพัฒนาเฉลี่ยต่อคน", round(p.hoursPerPerson(), 2), "ชั่วโมง")
                .row(IDP_AGREED, idp.agreed(), "คน")
                .row(IDP_AGREED_SHARE, round(idp.share() * 100, 2), "ร้อยละ")
                .row(Glossary.PLANNED_BUDGET, p.budget().planned(), "บาท")
                .row(Glossary.SPENT, round(p.budget().spent(), 2), "บาท")
                .row(Glossary.SPENT_SHARE, round(p.budget().spentShare(), 2), "ร้อยละ")
                .build();

        ReportTable.Builder goals = ReportTable.builder("goals", "เป้าหมายและตัวชี้วัด").text("เป้าหมาย").text("ตัวชี้วัด")
                .decimal("ค่าเป้าหมาย").decimal("ผลการดำเนินงาน").text("หน่วย").text("ผลการประเมิน");
        for (IndicatorProgress i : p.indicators()) {
            goals.row(i.goalTitle(), i.description(), i.target() == null ? null : round(i.target(), 2),
                    i.value() == null ? null : round(i.value(), 2), unit(i.unit()),
                    i.met() == null ? "" : i.met() ? "บรรลุ" : "ยังไม่บรรลุ");
        }

        ReportTable.Builder courses = ReportTable.builder("courses", "หลักสูตร").text("หลักสูตร").text("ในแผนปีนี้")
                .integer("ผู้เข้ารับการพัฒนาตามแผน (คน)").integer("กลุ่มเป้าหมาย (คน)").integer("เริ่มแล้ว (คน)")
                .integer("สำเร็จในกลุ่มเป้าหมาย (คน)").integer("สำเร็จนอกกลุ่มเป้าหมาย (คน)")
                .percent("ร้อยละที่สำเร็จของกลุ่มเป้าหมาย").decimal("ชั่วโมงรวม").integer("งบประมาณตามแผน (บาท)")
                .decimal(Glossary.SPENT + " (บาท)");
        for (CourseProgress c : p.courses()) {
            courses.row(c.titleTh(), c.planned() ? "ใช่" : "ไม่ใช่", c.plannedParticipants(), c.targetParticipants(),
                    c.participantsStarted(), c.participantsCompletedInTarget(), c.participantsCompletedOutsideTarget(),
                    round(c.completionRate(), 1), round(c.totalHours(), 2),
                    c.budgetPlanned(), round(c.budgetSpent(), 2));
        }

        Map<String, String> divisionNames = new HashMap<>();
        for (Division division : divisions.list(plan.tenantId())) {
            divisionNames.put(division.id(), division.nameTh());
        }
        ReportTable.Builder people = ReportTable.builder("staff", Glossary.STAFF).text("เลขที่ตำแหน่ง").text("ชื่อ-สกุล").text("ตำแหน่ง")
                .text(Glossary.DIVISION).integer("หลักสูตรที่สำเร็จ").decimal("ชั่วโมงการพัฒนา");
        Map<String, ProgressService.StaffTotals> totals = progress.staffTotals(planId, fiscalYear, caller);
        for (Staff.InFiscalYear entry : staff.register(plan.tenantId(), fiscalYear)) {
            Staff member = entry.staff(); // as the register stood for the year
            ProgressService.StaffTotals s = totals.getOrDefault(member.id(), new ProgressService.StaffTotals(0, 0));
            people.row(member.staffNumber(), member.fullNameTh(), member.positionTitle(),
                    member.divisionId() == null ? "" : divisionNames.getOrDefault(member.divisionId(), ""), s.coursesCompleted(),
                    round(s.hours(), 2));
        }

        Integer version = p.planVersion() != null ? p.planVersion() : plan.currentVersion();
        String approval = version == null ? "" : plans.version(plan, version).map(v -> approval(v.approval())).orElse("");
        return new ProgressReport(TITLE, tenant.nameTh(), tenant.code(), plan.title(), plan.fiscalYearStart(), plan.fiscalYearEnd(),
                p.fiscalYear(), version, approval, ZonedDateTime.now(Clock.system(FiscalYears.BANGKOK)), signatories(tenant.kind()),
                List.of(summary, goals.build(), courses.build(), groups("divisions", Glossary.DIVISION, p.byDivision()),
                        groups("targetGroups", Glossary.TARGET_GROUP, p.byTargetGroup()), people.build()));
    }

    /** "ก.อบต.จังหวัดหนองคาย มติครั้งที่ 1/2567 เมื่อ 1 กันยายน 2566", from what the committee recorded. */
    static String approval(Plan.Review review) {
        if (review == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(review.committee() == null ? "" : review.committee());
        if (review.resolutionNumber() != null && !review.resolutionNumber().isBlank()) {
            // committees write the number as "9/2569" or as "ครั้งที่ 9/2569": the word once either way
            String number = review.resolutionNumber().strip().replaceFirst("^ครั้งที่\\s*", "");
            text.append(text.isEmpty() ? "" : " ").append("มติครั้งที่ ").append(number);
        }
        if (review.resolutionDate() != null) {
            text.append(text.isEmpty() ? "" : " ").append("เมื่อ ").append(ThaiDates.date(review.resolutionDate()));
        }
        return text.toString();
    }

    /** Who signs an organisation's report: the officer who made it, the permanent secretary and the chief executive. */
    static List<String> signatories(TenantKind kind) {
        return switch (kind) {
            case PAO -> List.of("ผู้รายงาน", "ปลัดองค์การบริหารส่วนจังหวัด", "นายกองค์การบริหารส่วนจังหวัด");
            case MUNICIPALITY -> List.of("ผู้รายงาน", "ปลัดเทศบาล", "นายกเทศมนตรี");
            case SAO -> List.of("ผู้รายงาน", "ปลัดองค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล");
            case PATTAYA -> List.of("ผู้รายงาน", "ปลัดเมืองพัทยา", "นายกเมืองพัทยา");
        };
    }

    private static ReportTable groups(String key, String title, List<GroupProgress> groups) {
        ReportTable.Builder table = ReportTable.builder(key, title).text(title).integer("บุคลากร (คน)").integer("ได้รับการพัฒนา (คน)")
                .percent("ร้อยละ").decimal("ชั่วโมงรวม").decimal("ชั่วโมงต่อคน");
        for (GroupProgress g : groups) {
            table.row(g.name(), g.staffCount(), g.staffDeveloped(), round(g.share(), 1), round(g.totalHours(), 2),
                    round(g.hoursPerPerson(), 2));
        }
        return table.build();
    }

    static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    private static String unit(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "PERCENT" -> "ร้อยละ";
            case "HOURS" -> "ชั่วโมง";
            case "PERSONS", "PEOPLE" -> "คน";
            case "COURSES" -> "หลักสูตร";
            case "BAHT" -> "บาท";
            case "SCORE" -> "คะแนน";
            case "OTHER" -> "";
            default -> unit;
        };
    }
}
