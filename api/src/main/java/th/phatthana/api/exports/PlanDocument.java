package th.phatthana.api.exports;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanContent.Course;
import th.phatthana.api.plans.PlanContent.CourseCategory;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.time.ThaiDates;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Glossary;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.staff.TargetGroup;
import th.phatthana.tenants.tenant.Tenant;

/**
 * The 3-year personnel development plan as the organisation files it (issue 16): a cover block, the
 * six sections of §15(2) in the master plan's order, the committee of §14.1 and the signatures of the
 * ปลัด and the chief executive. One revision: an approved version or the open draft.
 */
@Component
class PlanDocument {

    static final String RATIONALE = "หลักการและเหตุผล";
    static final String GOALS = "เป้าหมายการพัฒนา";
    static final String COURSES = "หลักสูตรการพัฒนา";
    static final String METHODS = "วิธีการพัฒนาและระยะเวลาดำเนินการพัฒนา";
    static final String BUDGET = "งบประมาณ";
    static final String MONITORING = "การติดตามและประเมินผล";
    static final String COMMITTEE = "คณะกรรมการจัดทำแผนพัฒนาบุคลากร";

    private final PlanService plans;

    PlanDocument(PlanService plans) {
        this.plans = plans;
    }

    /** One revision's content, its number and its approval ("" for the draft). */
    record Revision(int number, PlanContent content, String status) {
    }

    /**
     * The revision asked for: by default the version in force (the current approved one), else the
     * open draft the caller may see; a number the plan does not have is NOT_FOUND.
     */
    Revision revision(Plan plan, Integer number, Caller caller) {
        Optional<Plan.Revision> draft = plans.visibleDraft(plan, caller);
        if (number == null) {
            Optional<PlanVersion> current = plans.currentVersion(plan);
            if (current.isPresent()) {
                return approved(current.get());
            }
            return draft.map(PlanDocument::draft).orElseThrow(PlanDocument::noVersion);
        }
        if (draft.isPresent() && draft.get().number() == number) {
            return draft(draft.get());
        }
        return plans.version(plan, number).map(PlanDocument::approved).orElseThrow(PlanDocument::noVersion);
    }

    private static ApiException noVersion() {
        return ApiException.notFound("ฉบับของแผน", "plan version");
    }

    private static Revision approved(PlanVersion version) {
        String approval = PlanProgressReportSource.approval(version.approval());
        return new Revision(version.number(), version.content(), approval.isBlank() ? "ได้รับความเห็นชอบ" : "ได้รับความเห็นชอบ: " + approval);
    }

    private static Revision draft(Plan.Revision draft) {
        return new Revision(draft.number(), draft.content(), "ร่าง (ยังไม่ได้รับความเห็นชอบ)");
    }

    ReportDocument document(Plan plan, Revision revision) {
        Tenant tenant = plans.tenant(plan);
        PlanContent content = revision.content();
        List<Integer> years = plan.fiscalYears();
        String span = plan.fiscalYearStart() + "–" + plan.fiscalYearEnd();
        List<ReportDocument.Line> cover = List.of(
                new ReportDocument.Line("องค์กรปกครองส่วนท้องถิ่น", tenant.nameTh()),
                new ReportDocument.Line(Glossary.FISCAL_YEAR + " (พ.ศ.)", span),
                new ReportDocument.Line("ฉบับ", Glossary.versionLabel(revision.number())),
                new ReportDocument.Line("สถานะ", revision.status()));

        List<ReportDocument.Section> sections = new ArrayList<>();
        sections.add(new ReportDocument.Section("1. " + RATIONALE, List.of(text(content.rationale())), List.of()));
        sections.add(goals(content, years));
        sections.add(courses(content, years));
        sections.add(new ReportDocument.Section("4. " + METHODS, List.of(text(content.methodsAndDuration().description()),
                "วิธีการพัฒนาที่ใช้: " + (content.methodsUsed().isEmpty() ? "-"
                        : content.methodsUsed().stream().map(PlanDocument::method).collect(Collectors.joining(", "))),
                "ระยะเวลาดำเนินการพัฒนา: " + Glossary.FISCAL_YEAR + " พ.ศ. " + span + " ตามตารางหลักสูตรในข้อ 3"), List.of()));
        sections.add(budget(content, years));
        sections.add(monitoring(content));
        sections.add(committee(content));

        String code = tenant.code() == null ? "" : tenant.code().replaceAll("[^A-Za-z0-9_-]", "");
        String stem = "plan-" + (code.isEmpty() ? "organisation" : code) + "-" + plan.fiscalYearStart() + "-v" + revision.number();
        return new ReportDocument(plan.title(), cover, List.of(), signatories(tenant),
                tenant.nameTh() + " · " + plan.title() + " · " + Glossary.versionLabel(revision.number()),
                ZonedDateTime.now(Clock.system(FiscalYears.BANGKOK)), stem, sections);
    }

    /** The ปลัด and the chief executive (the progress reports' signatories without ผู้รายงาน). */
    static List<String> signatories(Tenant tenant) {
        List<String> all = PlanProgressReportSource.signatories(tenant.kind());
        return all.subList(1, all.size());
    }

    private static ReportDocument.Section goals(PlanContent content, List<Integer> years) {
        List<String> paragraphs = new ArrayList<>();
        ReportTable.Builder table = ReportTable.builder("goals", "ตัวชี้วัดและค่าเป้าหมาย").text("เป้าหมาย").text("ตัวชี้วัด")
                .text("หน่วย").text("เกณฑ์");
        years.forEach(year -> table.decimal("ค่าเป้าหมาย " + year));
        int n = 0;
        for (PlanContent.Goal goal : content.goals()) {
            n++;
            paragraphs.add("2." + n + " " + text(goal.title()) + (goal.description() == null || goal.description().isBlank() ? "" : ": " + goal.description()));
            for (PlanContent.Indicator indicator : goal.indicators()) {
                List<Object> row = new ArrayList<>(List.of(text(goal.title()), text(indicator.description()), unit(indicator.unit()),
                        comparator(indicator.comparator())));
                for (int year : years) {
                    row.add(indicator.targets().stream().filter(t -> t.fiscalYear() == year).findFirst()
                            .map(t -> target(t.value())).orElse(null));
                }
                table.row(row.toArray());
            }
        }
        return new ReportDocument.Section("2. " + GOALS, paragraphs, List.of(table.build()));
    }

    private static ReportDocument.Section courses(PlanContent content, List<Integer> years) {
        List<ReportTable> tables = new ArrayList<>();
        int n = 0;
        for (CourseCategory category : CourseCategory.values()) {
            n++;
            List<Course> courses = content.courses().stream().filter(c -> c.category() == category).toList();
            if (courses.isEmpty()) {
                continue;
            }
            ReportTable.Builder table = ReportTable.builder("courses-" + category.name(), "3." + n + " " + category.thaiName())
                    .text("หลักสูตร").text("วิธีการพัฒนา").text("กลุ่มเป้าหมาย").text("ระยะเวลาดำเนินการ");
            for (int year : years) {
                table.integer("ผู้เข้ารับการพัฒนา " + year + " (คน)").integer("งบประมาณ " + year + " (บาท)");
            }
            for (Course course : courses) {
                List<Object> row = new ArrayList<>(List.of(text(course.titleTh()),
                        course.methods().stream().map(PlanDocument::method).collect(Collectors.joining(", ")), target(course.target()),
                        schedule(course.schedule())));
                for (int year : years) {
                    Optional<PlanContent.CourseYear> y = course.year(year);
                    row.add(y.map(PlanContent.CourseYear::plannedParticipants).orElse(null));
                    row.add(y.map(PlanContent.CourseYear::budget).orElse(null));
                }
                table.row(row.toArray());
            }
            tables.add(table.build());
        }
        return new ReportDocument.Section("3. " + COURSES, content.courses().isEmpty() ? List.of("ยังไม่มีหลักสูตร") : List.of(), tables);
    }

    private static ReportDocument.Section budget(PlanContent content, List<Integer> years) {
        ReportTable.Builder table = ReportTable.builder("budget", "งบประมาณตามปีงบประมาณ").text(Glossary.FISCAL_YEAR)
                .integer("จำนวนหลักสูตร").integer("ผู้เข้ารับการพัฒนา (คน)").integer("งบประมาณ (บาท)");
        long total = 0;
        for (int year : years) {
            PlanContent.YearTotals totals = content.totals(year);
            total += totals.amount();
            table.row("พ.ศ. " + year, totals.courseCount(), totals.plannedParticipants(), totals.amount());
        }
        table.row("รวม", null, null, total);
        return new ReportDocument.Section("5. " + BUDGET, List.of(text(content.budget().description())), List.of(table.build()));
    }

    private static ReportDocument.Section monitoring(PlanContent content) {
        ReportTable.Builder table = ReportTable.builder("monitoring", "การติดตามและประเมินผลตามวงจร PDCA").text("ขั้นตอน")
                .text("การดำเนินการ").text("เดือน").text("ผู้รับผิดชอบ");
        for (PlanContent.Checkpoint checkpoint : content.monitoring().checkpoints()) {
            table.row(phase(checkpoint.phase()), text(checkpoint.description()), months(checkpoint.months()), text(checkpoint.responsible()));
        }
        return new ReportDocument.Section("6. " + MONITORING, List.of(text(content.monitoring().description())), List.of(table.build()));
    }

    private static ReportDocument.Section committee(PlanContent content) {
        PlanContent.Committee committee = content.committee();
        StringBuilder order = new StringBuilder("คณะกรรมการจัดทำแผนพัฒนาบุคลากรตามข้อ 14.1");
        if (committee.appointmentOrderNumber() != null && !committee.appointmentOrderNumber().isBlank()) {
            order.append(" แต่งตั้งตามคำสั่งที่ ").append(committee.appointmentOrderNumber());
        }
        if (committee.appointmentDate() != null) {
            order.append(" ลงวันที่ ").append(ThaiDates.date(committee.appointmentDate()));
        }
        ReportTable.Builder table = ReportTable.builder("committee", "รายชื่อคณะกรรมการ").integer("ลำดับ").text("ชื่อ-สกุล")
                .text("ตำแหน่ง").text("ในคณะกรรมการ");
        int n = 0;
        for (PlanContent.Member member : committee.members()) {
            table.row(++n, text(member.name()), text(member.position()), role(member.role()));
        }
        return new ReportDocument.Section(COMMITTEE, List.of(order.toString()), List.of(table.build()));
    }

    /** A target figure: a whole number as one ("80", not "80.00"), else two decimals. */
    static Object target(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : PlanProgressReportSource.round(value, 2);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String unit(PlanContent.IndicatorUnit unit) {
        return switch (unit == null ? PlanContent.IndicatorUnit.OTHER : unit) {
            case PERCENT -> "ร้อยละ";
            case HOURS -> "ชั่วโมง";
            case PERSONS -> "คน";
            case COURSES -> "หลักสูตร";
            case BAHT -> "บาท";
            case SCORE -> "คะแนน";
            case OTHER -> "";
        };
    }

    static String comparator(PlanContent.TargetComparator comparator) {
        return switch (comparator) {
            case AT_LEAST -> "ไม่น้อยกว่า";
            case AT_MOST -> "ไม่เกิน";
            case EQUAL -> "เท่ากับ";
        };
    }

    static String method(PlanContent.DevelopmentMethod method) {
        return switch (method) {
            case ORIENTATION -> "การปฐมนิเทศ";
            case TRAINING -> "การฝึกอบรม";
            case STUDY -> "การศึกษา";
            case STUDY_VISIT -> "การดูงาน";
            case MEETING -> "การประชุม";
            case WORKSHOP -> "การประชุมเชิงปฏิบัติการ";
            case SEMINAR -> "การสัมมนา";
            case COACHING -> "การสอนงาน";
            case ON_THE_JOB_TRAINING -> "การฝึกขณะปฏิบัติงาน";
            case MENTORING -> "การเป็นพี่เลี้ยง";
            case CONSULTING -> "การให้คำปรึกษาแนะนำ";
            case JOB_ROTATION -> "การหมุนเวียนงาน";
            case SELF_LEARNING -> "การเรียนรู้ด้วยตนเอง";
            case E_LEARNING -> "การเรียนรู้ผ่านระบบสื่ออิเล็กทรอนิกส์";
            case OTHER -> "วิธีการอื่นที่เหมาะสม";
        };
    }

    static String phase(PlanContent.PdcaPhase phase) {
        if (phase == null) {
            return "";
        }
        return switch (phase) {
            case PLAN -> "วางแผน (Plan)";
            case DO -> "ปฏิบัติ (Do)";
            case CHECK -> "ตรวจสอบ (Check)";
            case ACT -> "ปรับปรุง (Act)";
        };
    }

    static String role(PlanContent.CommitteeRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case CHAIR -> "ประธานกรรมการ";
            case MEMBER -> "กรรมการ";
            case SECRETARY -> "กรรมการและเลขานุการ";
            case ASSISTANT_SECRETARY -> "ผู้ช่วยเลขานุการ";
        };
    }

    private static String target(PlanContent.Target target) {
        if (target == null) {
            return "";
        }
        if (target.description() != null && !target.description().isBlank()) {
            return target.description();
        }
        if (target.allStaff() || !target.namesAnyone()) {
            return "บุคลากรทุกคน";
        }
        List<String> parts = new ArrayList<>();
        for (String group : target.targetGroups()) {
            try {
                parts.add(TargetGroup.valueOf(group).thaiName());
            } catch (IllegalArgumentException e) {
                parts.add(group);
            }
        }
        parts.addAll(target.linesOfWork());
        if (!target.staffIds().isEmpty()) {
            parts.add("บุคลากรที่ระบุชื่อ " + target.staffIds().size() + " คน");
        }
        return parts.isEmpty() ? "ตามที่กำหนด" : String.join(", ", parts);
    }

    private static final List<String> SHORT_MONTHS = List.of("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
            "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.");

    private static String months(List<Integer> months) {
        return months.stream().filter(m -> m != null && m >= 1 && m <= 12).map(m -> SHORT_MONTHS.get(m - 1))
                .collect(Collectors.joining(" "));
    }

    private static String schedule(PlanContent.Schedule schedule) {
        if (schedule == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (!schedule.fiscalYears().isEmpty()) {
            text.append("ปี ").append(schedule.fiscalYears().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        String months = months(schedule.months());
        if (!months.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append("เดือน ").append(months);
        }
        if (schedule.note() != null && !schedule.note().isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append(schedule.note());
        }
        return text.toString();
    }
}
