package th.phatthana.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent.ActivityMatch;
import th.phatthana.api.plans.PlanContent.CommitteeRole;
import th.phatthana.api.plans.PlanContent.CompletionRule;
import th.phatthana.api.plans.PlanContent.CourseCategory;
import th.phatthana.api.plans.PlanContent.DevelopmentMethod;
import th.phatthana.api.plans.PlanContent.IndicatorMetric;
import th.phatthana.api.plans.PlanContent.IndicatorUnit;
import th.phatthana.api.plans.PlanContent.ProviderKind;
import th.phatthana.api.plans.PlanContent.TargetComparator;
import th.phatthana.api.plans.PlanInputs;
import th.phatthana.api.plans.PlanService;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.tenant.Tenant;

/**
 * The demo tenant's development plans, built from the national master plan through the same
 * service calls (and audit trail) as the API:
 *
 * <ul>
 * <li>2567–2569: {@link #COURSES} (15 courses), submitted, approved by ก.อบต.จังหวัดหนองคาย, announced and in
 * force from 1 October 2023; amendment ครั้งที่ 1 adds {@code pdpa-cybersecurity} from FY 2568. It closed
 * on 30 September 2026.</li>
 * <li>2570–2572: the same 16 courses, submitted in August 2026, approved and announced in September 2026, so the
 * demo tenant has a plan in force today as well (steps dated after today are left out).</li>
 * </ul>
 *
 * <p>Every course counts the statements about exactly one activity,
 * {@code https://elearning.dla.go.th/xapi/activities/<course key>}; {@link #ACTIVITY_IRIS} lists them
 * all, for the e-Learning simulator.
 */
@Component
public class DemoPlan {

    private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

    /** Where the demo e-Learning platform's activity ids live. */
    public static final String ACTIVITY_BASE = "https://elearning.dla.go.th/xapi/activities/";

    static final String ATTENDED = CompletionRule.ATTENDED;
    static final String COMPLETED = CompletionRule.COMPLETED;
    static final String PASSED = CompletionRule.PASSED;

    /**
     * A demo course: its key (the activity slug), what it is, who it is for, and how it completes.
     *
     * @param targetGroups  TargetGroup names; empty with no other criteria means all staff
     * @param participants  planned participants per fiscal year
     * @param budget        baht per fiscal year
     * @param fromYearIndex 0 for every plan year, 1 for the second and third only
     */
    record DemoCourse(String key, String titleTh, String titleEn, CourseCategory category, List<String> codes,
            List<DevelopmentMethod> methods, ProviderKind provider, String providerName, List<String> targetGroups,
            List<String> positionTypes, List<String> linesOfWork, List<Integer> months, int participants, long budget,
            List<String> verbs, boolean requireSuccess, boolean requireCompletion, Double minScaledScore, Double minHours,
            int fromYearIndex) {

        String activityId() {
            return ACTIVITY_BASE + key;
        }

        DemoCourse withAllYears() {
            return new DemoCourse(key, titleTh, titleEn, category, codes, methods, provider, providerName, targetGroups, positionTypes,
                    linesOfWork, months, participants, budget, verbs, requireSuccess, requireCompletion, minScaledScore, minHours, 0);
        }

        boolean allStaff() {
            return targetGroups.isEmpty() && positionTypes.isEmpty() && linesOfWork.isEmpty();
        }
    }

    private static DemoCourse eLearning(String key, String titleTh, String titleEn, CourseCategory category, List<String> codes,
            ProviderKind provider, String providerName, List<String> targetGroups, List<String> linesOfWork, List<Integer> months,
            int participants, long budget, List<String> verbs, boolean requireSuccess) {
        return new DemoCourse(key, titleTh, titleEn, category, codes, List.of(DevelopmentMethod.E_LEARNING), provider, providerName,
                targetGroups, List.of(), linesOfWork, months, participants, budget, verbs, requireSuccess, true, 0.6, null, 0);
    }

    private static DemoCourse classroom(String key, String titleTh, String titleEn, CourseCategory category, List<String> codes,
            List<DevelopmentMethod> methods, ProviderKind provider, String providerName, List<String> targetGroups,
            List<String> positionTypes, List<String> linesOfWork, List<Integer> months, int participants, long budget, double hours) {
        return new DemoCourse(key, titleTh, titleEn, category, codes, methods, provider, providerName, targetGroups, positionTypes,
                linesOfWork, months, participants, budget, List.of(ATTENDED), false, false, null, hours, 0);
    }

    private static final int STAFF = 42;
    private static final List<String> ALL = List.of();

    /** The courses of the original 2567–2569 plan. */
    static final List<DemoCourse> COURSES = List.of(
            classroom("orientation-new-staff", "หลักสูตรปฐมนิเทศบุคลากรแรกบรรจุ", "Orientation for newly appointed staff",
                    CourseCategory.BASIC_GOVERNMENT_KNOWLEDGE, List.of("C03", "C02", "K01"), List.of(DevelopmentMethod.ORIENTATION),
                    ProviderKind.OWN_ORGANISATION, "องค์การบริหารส่วนตำบลสังคม", List.of("NEWLY_APPOINTED"), List.of(), List.of(),
                    List.of(11), 5, 15_000, 6),
            eLearning("government-regulations", "หลักสูตรระเบียบแบบแผนทางราชการและกฎหมายที่ใช้ในการปฏิบัติราชการ (e-Learning)",
                    "Government regulations and laws (e-Learning)", CourseCategory.BASIC_GOVERNMENT_KNOWLEDGE, List.of("K02", "C03"),
                    ProviderKind.NATIONAL_OFFICE, "กรมส่งเสริมการปกครองท้องถิ่น", ALL, List.of(), List.of(12, 1, 2), STAFF, 0,
                    List.of(COMPLETED, PASSED), false),
            eLearning("good-local-official", "หลักสูตรการเป็นข้าราชการที่ดีในระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข (e-Learning)",
                    "The good local official (e-Learning)", CourseCategory.BASIC_GOVERNMENT_KNOWLEDGE, List.of("C02", "C03"),
                    ProviderKind.NATIONAL_OFFICE, "กรมส่งเสริมการปกครองท้องถิ่น", ALL, List.of(), List.of(3, 4, 5), STAFF, 0,
                    List.of(COMPLETED, PASSED), false),
            eLearning("digital-skills", "หลักสูตรทักษะดิจิทัลสำหรับบุคลากรท้องถิ่น (e-Learning)", "Digital skills for local staff (e-Learning)",
                    CourseCategory.JOB_DUTIES, List.of("S01", "S02", "K20"), ProviderKind.OTHER_AGENCY,
                    "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", ALL, List.of(), List.of(1, 2, 3, 4, 5, 6), STAFF, 0,
                    List.of(COMPLETED), false),
            classroom("official-correspondence", "หลักสูตรงานสารบรรณและการเขียนหนังสือราชการ", "Official correspondence and records",
                    CourseCategory.JOB_DUTIES, List.of("S08", "K17"), List.of(DevelopmentMethod.TRAINING), ProviderKind.PROVINCIAL_OFFICE,
                    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดหนองคาย", ALL, List.of("ACADEMIC", "GENERAL"), List.of(), List.of(2), 12,
                    24_000, 12),
            classroom("service-excellence", "หลักสูตรการบริการประชาชนอย่างเป็นเลิศและการทำงานเป็นทีม", "Service excellence and teamwork",
                    CourseCategory.JOB_DUTIES, List.of("C04", "C05"), List.of(DevelopmentMethod.TRAINING, DevelopmentMethod.WORKSHOP),
                    ProviderKind.OWN_ORGANISATION, "องค์การบริหารส่วนตำบลสังคม", ALL, List.of(), List.of(), List.of(4), STAFF, 30_000, 6),
            classroom("local-finance-accounting", "หลักสูตรการเงิน การคลัง และระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS)",
                    "Local finance and e-LAAS accounting", CourseCategory.POSITION_SPECIFIC, List.of("K10", "K11", "K13"),
                    List.of(DevelopmentMethod.TRAINING), ProviderKind.OTHER_AGENCY, "กรมส่งเสริมการปกครองท้องถิ่น", List.of(), List.of(),
                    List.of("นักวิชาการเงินและบัญชี", "เจ้าพนักงานการเงินและบัญชี", "นักบริหารงานการคลัง"), List.of(3), 3, 20_000, 12),
            new DemoCourse("procurement-regulations", "หลักสูตรการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ (e-GP)",
                    "Public procurement and supplies (e-GP)", CourseCategory.POSITION_SPECIFIC, List.of("K14"),
                    List.of(DevelopmentMethod.E_LEARNING, DevelopmentMethod.TRAINING), ProviderKind.OTHER_AGENCY, "กรมบัญชีกลาง", List.of(),
                    List.of(), List.of("นักวิชาการพัสดุ", "เจ้าพนักงานพัสดุ"), List.of(5, 6), 2, 15_000, List.of(PASSED), true, true, 0.6,
                    null, 0),
            classroom("engineering-works-supervision", "การควบคุมงานก่อสร้างและงานช่าง (การฝึกขณะปฏิบัติงาน)",
                    "Supervising construction works (on-the-job training)", CourseCategory.POSITION_SPECIFIC,
                    List.of("K01", "F09", "F19"), List.of(DevelopmentMethod.ON_THE_JOB_TRAINING, DevelopmentMethod.COACHING),
                    ProviderKind.OWN_ORGANISATION, "กองช่าง องค์การบริหารส่วนตำบลสังคม", List.of(), List.of(),
                    List.of("นายช่างโยธา", "วิศวกรโยธา", "นักบริหารงานช่าง"), List.of(11, 12, 1, 2, 3, 4, 5, 6), 3, 5_000, 18),
            eLearning("early-childhood-education", "หลักสูตรการจัดประสบการณ์การเรียนรู้สำหรับเด็กปฐมวัยในศูนย์พัฒนาเด็กเล็ก (e-Learning)",
                    "Early childhood learning in child development centres (e-Learning)", CourseCategory.POSITION_SPECIFIC,
                    List.of("K01", "F14"), ProviderKind.OTHER_AGENCY, "กรมส่งเสริมการปกครองท้องถิ่น", List.of(),
                    List.of("ครู", "หัวหน้าศูนย์พัฒนาเด็กเล็ก"), List.of(6, 7, 8), 4, 18_000, List.of(COMPLETED), false),
            classroom("leadership-and-change", "หลักสูตรภาวะผู้นำและการนำการเปลี่ยนแปลงสำหรับผู้บริหารท้องถิ่น", "Leadership and leading change",
                    CourseCategory.MANAGEMENT, List.of("M01", "M02"), List.of(DevelopmentMethod.TRAINING, DevelopmentMethod.SEMINAR),
                    ProviderKind.NATIONAL_OFFICE, "สถาบันพัฒนาบุคลากรท้องถิ่น", List.of("DIRECTOR_LEVEL", "EXECUTIVE"), List.of(), List.of(),
                    List.of(1, 2), 6, 60_000, 18),
            classroom("strategic-planning", "หลักสูตรการคิดเชิงกลยุทธ์และการจัดทำแผนยุทธศาสตร์", "Strategic thinking and planning",
                    CourseCategory.MANAGEMENT, List.of("M04", "K06"), List.of(DevelopmentMethod.WORKSHOP), ProviderKind.PROVINCIAL_OFFICE,
                    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดหนองคาย", List.of("DIRECTOR_LEVEL", "EXECUTIVE"), List.of(), List.of(),
                    List.of(5), 6, 25_000, 12),
            new DemoCourse("coaching-for-supervisors", "การสอนงานและการพัฒนาผู้ใต้บังคับบัญชา", "Coaching and developing staff",
                    CourseCategory.MANAGEMENT, List.of("M03"), List.of(DevelopmentMethod.COACHING, DevelopmentMethod.E_LEARNING),
                    ProviderKind.OWN_ORGANISATION, "องค์การบริหารส่วนตำบลสังคม", List.of("DIRECTOR_LEVEL"), List.of(), List.of(),
                    List.of(10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9), 5, 0, List.of(COMPLETED), false, true, null, null, 0),
            eLearning("ethics-code-of-conduct", "หลักสูตรประมวลจริยธรรมพนักงานส่วนท้องถิ่น (e-Learning)",
                    "Code of ethics of local officials (e-Learning)", CourseCategory.ETHICS, List.of("C02"), ProviderKind.NATIONAL_OFFICE,
                    "สำนักงาน ก.จ. ก.ท. และ ก.อบต.", ALL, List.of(), List.of(11, 12), STAFF, 0, List.of(PASSED), true),
            new DemoCourse("anti-corruption-integrity", "หลักสูตรการป้องกันการทุจริตและผลประโยชน์ทับซ้อน",
                    "Integrity, conflicts of interest and anti-corruption", CourseCategory.ETHICS, List.of("C02"),
                    List.of(DevelopmentMethod.E_LEARNING, DevelopmentMethod.SEMINAR), ProviderKind.OTHER_AGENCY,
                    "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", ALL, List.of(), List.of(), List.of(2, 3), STAFF, 10_000,
                    List.of(COMPLETED), false, true, 0.6, null, 0));

    /** Courses for the staff of one division (ส่วนราชการ) of the demo roster, besides their lines of work. */
    static final Map<String, String> DIVISION_OF = Map.of(
            "local-finance-accounting", "กองคลัง",
            "procurement-regulations", "กองคลัง",
            "engineering-works-supervision", "กองช่าง",
            "early-childhood-education", "กองการศึกษา ศาสนาและวัฒนธรรม");

    /** The course amendment ครั้งที่ 1 adds, from the second plan year. */
    static final DemoCourse AMENDMENT_COURSE = new DemoCourse("pdpa-cybersecurity",
            "หลักสูตรการคุ้มครองข้อมูลส่วนบุคคล (PDPA) และความมั่นคงปลอดภัยไซเบอร์ (e-Learning)",
            "Personal data protection (PDPA) and cybersecurity (e-Learning)", CourseCategory.JOB_DUTIES, List.of("K20", "S01", "K02"),
            List.of(DevelopmentMethod.E_LEARNING), ProviderKind.OTHER_AGENCY, "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล", ALL, List.of(),
            List.of(), List.of(7, 8), STAFF, 0, List.of(COMPLETED, PASSED), false, true, 0.6, null, 1);

    /**
     * Every activity id of the demo plans, one per course ({@code https://elearning.dla.go.th/xapi/activities/<course key>}):
     * the e-Learning simulator posts statements about exactly these.
     */
    public static final List<String> ACTIVITY_IRIS;

    static {
        List<String> iris = new ArrayList<>(COURSES.stream().map(DemoCourse::activityId).toList());
        iris.add(AMENDMENT_COURSE.activityId());
        ACTIVITY_IRIS = List.copyOf(iris);
    }

    private final PlanService plans;
    private final DivisionService divisions;
    private final th.phatthana.tenants.staff.StaffService staff;

    DemoPlan(PlanService plans, DivisionService divisions, th.phatthana.tenants.staff.StaffService staff) {
        this.staff = staff;
        this.plans = plans;
        this.divisions = divisions;
    }

    /**
     * Seeds the demo tenant's plans; does nothing when the tenant already has plans. Each step is
     * recorded on the day it would have happened (so the audit trail reads like history); steps
     * after today are left out.
     */
    public void seed(Tenant tenant) {
        if (!plans.plansOf(tenant.id()).isEmpty()) {
            return;
        }
        Caller author = new Caller("demo-seed", "ระบบข้อมูลสาธิต (demo seed)", tenant.id(), Set.of(Role.TENANT_ADMIN), null, null);
        Caller committee = new Caller("demo-seed-committee", PlanService.committeeName(tenant) + " (demo seed)", null,
                Set.of(Role.PROVINCIAL_COMMITTEE), tenant.province(), tenant.kind());
        LocalDate today = plans.today();

        // 2567–2569: drafted in August 2566 (2023), approved and announced in September, amended in 2567 (2024).
        Plan first = build(on(LocalDate.of(2023, 8, 15)), author, 2567, LocalDate.of(2023, 8, 15), "215/2566");
        check(on(LocalDate.of(2023, 8, 31)).submit(author, first.id(), null));
        check(on(LocalDate.of(2023, 9, 20)).approve(committee,
                new PlanInputs.ApproveInput(first.id(), "ครั้งที่ 9/2566", LocalDate.of(2023, 9, 20), "เห็นชอบ"), null));
        check(on(LocalDate.of(2023, 9, 25)).announce(author, new PlanInputs.AnnounceInput(first.id(), LocalDate.of(2023, 9, 25)), null));
        PlanService amending = on(LocalDate.of(2024, 2, 1));
        check(amending.startAmendment(author, new PlanInputs.AmendInput(first.id(),
                "เพิ่มหลักสูตรการคุ้มครองข้อมูลส่วนบุคคลและความมั่นคงปลอดภัยไซเบอร์ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒"
                        + " ตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๘"), null));
        check(amending.addCourse(author, new PlanInputs.AddCourseInput(first.id(), course(AMENDMENT_COURSE, 2567, List.of())), null));
        check(on(LocalDate.of(2024, 2, 20)).submit(author, first.id(), null));
        check(on(LocalDate.of(2024, 3, 15)).approve(committee,
                new PlanInputs.ApproveInput(first.id(), "ครั้งที่ 4/2567", LocalDate.of(2024, 3, 15), "เห็นชอบการปรับปรุงแผน ครั้งที่ 1"),
                null));
        Plan amended = check(on(LocalDate.of(2024, 3, 20)).announce(author,
                new PlanInputs.AnnounceInput(first.id(), LocalDate.of(2024, 3, 20)), null));
        log.info("Demo plan {} seeded: {} courses, in force {} to {}, amendment 1 approved", amended.title(), COURSES.size() + 1,
                amended.startsOn(), amended.endsOn());

        // 2570–2572: the next cycle, so that a plan is in force today too.
        LocalDate drafted = LocalDate.of(2026, 8, 10);
        if (today.isBefore(drafted)) {
            return;
        }
        Plan next = build(on(drafted), author, 2570, drafted, "198/2569");
        check(on(drafted).addCourse(author, new PlanInputs.AddCourseInput(next.id(), course(AMENDMENT_COURSE.withAllYears(), 2570, List.of())),
                null));
        List<Runnable> steps = List.of(
                () -> check(on(LocalDate.of(2026, 8, 31)).submit(author, next.id(), null)),
                () -> check(on(LocalDate.of(2026, 9, 18)).approve(committee,
                        new PlanInputs.ApproveInput(next.id(), "ครั้งที่ 9/2569", LocalDate.of(2026, 9, 18), "เห็นชอบ"), null)),
                () -> check(on(LocalDate.of(2026, 9, 25)).announce(author,
                        new PlanInputs.AnnounceInput(next.id(), LocalDate.of(2026, 9, 25)), null)));
        List<LocalDate> dates = List.of(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 25));
        for (int i = 0; i < steps.size() && !today.isBefore(dates.get(i)); i++) {
            steps.get(i).run();
        }
        log.info("Demo plan {} seeded: {} courses", next.title(), COURSES.size() + 1);
    }

    /** The plan service with "now" at 10:00 Bangkok time on a day. */
    private PlanService on(LocalDate day) {
        return plans.at(Clock.fixed(day.atTime(10, 0).atZone(FiscalYears.BANGKOK).toInstant(), ZoneOffset.UTC));
    }

    /** A plan from the master plan, adapted: goals, committee, and the demo courses in place of the template's. */
    private Plan build(PlanService service, Caller author, int start, LocalDate appointment, String orderNumber) {
        Plan plan = check(service.create(author, new PlanInputs.CreatePlanInput(start, null), true, null));
        plan = check(service.update(author, new PlanInputs.UpdatePlanInput(plan.id(), null, null, goals(start), null,
                new PlanInputs.BudgetInput("ข้อบัญญัติงบประมาณรายจ่ายประจำปีขององค์การบริหารส่วนตำบลสังคม แผนงานบริหารงานทั่วไป "
                        + "หมวดค่าใช้สอย รายการค่าใช้จ่ายในการเดินทางไปราชการและค่าลงทะเบียนฝึกอบรม ยอดรวมแต่ละปีตามงบประมาณของหลักสูตร"),
                null, committee(author.tenantId(), appointment, orderNumber)), null));
        for (String key : plan.draft().content().courses().stream().map(c -> c.key()).toList()) {
            plan = check(service.removeCourse(author, new PlanInputs.RemoveCourseInput(plan.id(), key), null));
        }
        for (DemoCourse course : COURSES) {
            List<String> divisionIds = DIVISION_OF.containsKey(course.key())
                    ? divisions.findByName(author.tenantId(), DIVISION_OF.get(course.key())).map(Division::id).stream().toList()
                    : List.of();
            plan = check(service.addCourse(author, new PlanInputs.AddCourseInput(plan.id(), course(course, start, divisionIds)), null));
        }
        return plan;
    }

    private static List<PlanInputs.GoalInput> goals(int start) {
        List<Integer> years = List.of(start, start + 1, start + 2);
        return List.of(
                goal("every-staff-developed", "บุคลากรทุกคนได้รับการพัฒนาอย่างน้อยหนึ่งหลักสูตรในแต่ละปีงบประมาณ",
                        indicator("staff-developed-share", "ร้อยละของบุคลากรที่ได้รับการพัฒนาอย่างน้อย ๑ หลักสูตรต่อปี",
                                IndicatorMetric.STAFF_DEVELOPED_SHARE, IndicatorUnit.PERCENT, years, 100)),
                goal("development-hours", "บุคลากรได้รับการพัฒนาอย่างต่อเนื่อง",
                        indicator("hours-per-person", "จำนวนชั่วโมงการพัฒนาต่อคนต่อปี ไม่น้อยกว่า ๑๒ ชั่วโมง",
                                IndicatorMetric.HOURS_PER_PERSON, IndicatorUnit.HOURS, years, 12)),
                goal("courses-completed", "บุคลากรผ่านการพัฒนาตามหลักสูตรที่กำหนด",
                        indicator("completion-share", "ร้อยละของผู้เข้ารับการพัฒนาที่ผ่านหลักสูตรตามเกณฑ์",
                                IndicatorMetric.COURSE_COMPLETION_SHARE, IndicatorUnit.PERCENT, years, 80)));
    }

    private static PlanInputs.GoalInput goal(String key, String title, PlanInputs.IndicatorInput indicator) {
        return new PlanInputs.GoalInput(key, title, null, List.of(indicator));
    }

    private static PlanInputs.IndicatorInput indicator(String key, String description, IndicatorMetric metric, IndicatorUnit unit,
            List<Integer> years, double target) {
        return new PlanInputs.IndicatorInput(key, description, metric, unit, TargetComparator.AT_LEAST,
                years.stream().map(y -> new PlanInputs.IndicatorTargetInput(y, target)).toList());
    }

    /**
     * The committee of §14.1: the chief executive (an elected office, not on the staff register)
     * chairs; the members, the secretary and the assistant secretary are the demo register's
     * ปลัด, รองปลัด, heads of division, หัวหน้าสำนักปลัด and HR officer, linked by staff id, with the names
     * and positions the register holds.
     */
    private PlanInputs.CommitteeInput committee(String tenantId, LocalDate appointment, String orderNumber) {
        return new PlanInputs.CommitteeInput("คำสั่งองค์การบริหารส่วนตำบลสังคม ที่ " + orderNumber, appointment, List.of(
                new PlanInputs.MemberInput("chair", CommitteeRole.CHAIR, null, "นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลสังคม"),
                member(tenantId, "permanent-secretary", CommitteeRole.MEMBER, "6431501-0001"),
                member(tenantId, "deputy-permanent-secretary", CommitteeRole.MEMBER, "6431501-0002"),
                member(tenantId, "finance-director", CommitteeRole.MEMBER, "6431501-0004"),
                member(tenantId, "engineering-director", CommitteeRole.MEMBER, "6431501-0005"),
                member(tenantId, "education-director", CommitteeRole.MEMBER, "6431501-0006"),
                member(tenantId, "secretary", CommitteeRole.SECRETARY, "6431501-0003"),
                member(tenantId, "assistant-secretary", CommitteeRole.ASSISTANT_SECRETARY, "6431501-0008")));
    }

    /** A committee member who is on the demo register, by staff number. */
    private PlanInputs.MemberInput member(String tenantId, String key, CommitteeRole role, String staffNumber) {
        th.phatthana.tenants.staff.Staff member = staff.findByStaffNumber(tenantId, staffNumber)
                .orElseThrow(() -> new IllegalStateException("demo register has no staff member " + staffNumber));
        return new PlanInputs.MemberInput(key, role, member.id(), member.fullNameTh(), member.positionTitle());
    }

    static PlanInputs.CourseInput course(DemoCourse course, int start, List<String> divisionIds) {
        List<Integer> years = new ArrayList<>();
        for (int i = course.fromYearIndex(); i < Plan.YEARS; i++) {
            years.add(start + i);
        }
        return new PlanInputs.CourseInput(course.key(), course.titleTh(), course.titleEn(), null, course.category(), course.codes(),
                course.methods(), new PlanInputs.ProviderInput(course.provider(), course.providerName()),
                new PlanInputs.CourseTargetInput(course.allStaff(), course.targetGroups(), course.positionTypes(), course.linesOfWork(),
                        divisionIds, List.of(), null),
                new PlanInputs.ScheduleInput(years, course.months(), null),
                years.stream().map(y -> new PlanInputs.CourseYearInput(y, course.participants(), course.budget())).toList(),
                new PlanInputs.XapiInput(List.of(course.activityId()), new PlanInputs.CompletionInput(course.verbs(), ActivityMatch.ANY,
                        course.requireSuccess(), course.requireCompletion(), course.minScaledScore(), course.minHours())));
    }

    private static Plan check(PlanService.Outcome outcome) {
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException("demo plan refused: " + outcome.problems().stream().map(Problem::message).toList());
        }
        return outcome.plan();
    }
}
