package th.phatthana.api.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import th.phatthana.api.plans.PlanContent.ActivityMatch;
import th.phatthana.api.plans.PlanContent.CommitteeRole;
import th.phatthana.api.plans.PlanContent.CourseCategory;
import th.phatthana.api.plans.PlanContent.DevelopmentMethod;
import th.phatthana.api.plans.PlanContent.IndicatorMetric;
import th.phatthana.api.plans.PlanContent.IndicatorUnit;
import th.phatthana.api.plans.PlanContent.PdcaPhase;
import th.phatthana.api.plans.PlanContent.ProviderKind;
import th.phatthana.api.plans.PlanContent.TargetComparator;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.text.Text;

/**
 * The GraphQL inputs of the plan mutations, and their conversion to plan content with the shape
 * checks that refuse input which can never be right (months outside 1–12, malformed or repeated
 * keys, scores outside −1…1, unknown competency codes, staff or divisions). Rules a draft may break
 * for a while (missing sections, budgets, schedules outside the plan years) are {@link PlanChecks#gaps}.
 */
public final class PlanInputs {

    private PlanInputs() {
    }

    public record CreatePlanInput(Integer fiscalYearStart, String title) {
    }

    public record UpdatePlanInput(String planId, String title, String rationale, List<GoalInput> goals,
            MethodsAndDurationInput methodsAndDuration, BudgetInput budget, MonitoringInput monitoring, CommitteeInput committee) {
    }

    public record GoalInput(String key, String title, String description, List<IndicatorInput> indicators) {
    }

    public record IndicatorInput(String key, String description, IndicatorMetric metric, IndicatorUnit unit, TargetComparator comparator,
            List<IndicatorTargetInput> targets) {
    }

    public record IndicatorTargetInput(Integer fiscalYear, Double value) {
    }

    public record MethodsAndDurationInput(String description) {
    }

    public record BudgetInput(String description) {
    }

    public record MonitoringInput(String description, List<CheckpointInput> checkpoints) {
    }

    public record CheckpointInput(PdcaPhase phase, String description, List<Integer> months, String responsible) {
    }

    public record CommitteeInput(String appointmentOrderNumber, LocalDate appointmentDate, List<MemberInput> members) {
    }

    public record MemberInput(String key, CommitteeRole role, String staffId, String name, String position) {
    }

    public record CourseInput(String key, String titleTh, String titleEn, String description, CourseCategory category,
            List<String> competencyCodes, List<DevelopmentMethod> methods, ProviderInput provider, CourseTargetInput target,
            ScheduleInput schedule, List<CourseYearInput> yearly, XapiInput xapi) {
    }

    public record ProviderInput(ProviderKind kind, String name) {
    }

    public record CourseTargetInput(Boolean allStaff, List<String> targetGroups, List<String> positionTypes, List<String> linesOfWork,
            List<String> divisionIds, List<String> staffIds, String description) {
    }

    public record ScheduleInput(List<Integer> fiscalYears, List<Integer> months, String note) {
    }

    public record CourseYearInput(Integer fiscalYear, Integer plannedParticipants, Long budget) {
    }

    public record XapiInput(List<String> activityIds, CompletionInput completion) {
    }

    public record CompletionInput(List<String> verbs, ActivityMatch activityMatch, Boolean requireSuccess, Boolean requireCompletion,
            Double minScaledScore, Double minHours) {
    }

    public record AddCourseInput(String planId, CourseInput course) {
    }

    public record UpdateCourseInput(String planId, String key, CourseInput course) {
    }

    public record RemoveCourseInput(String planId, String key) {
    }

    public record PlanRef(String planId) {
    }

    public record ApproveInput(String planId, String resolutionNumber, LocalDate resolutionDate, String comments) {
    }

    public record ReturnInput(String planId, String comments) {
    }

    public record AnnounceInput(String planId, LocalDate announcementDate) {
    }

    public record AmendInput(String planId, String reason) {
    }

    /** Collects problems while converting, with paths from {@code input}. */
    static final class Errors {
        private final List<Problem> errors = new ArrayList<>();

        void add(String path, String code, String th, String en) {
            errors.add(new Problem(path, code, th, en));
        }

        List<Problem> list() {
            return List.copyOf(errors);
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }
    }

    // ---- conversions ----------------------------------------------------------------------------

    static List<PlanContent.Goal> goals(List<GoalInput> inputs, String path, Errors errors) {
        List<PlanContent.Goal> goals = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            GoalInput input = inputs.get(i);
            String at = path + "." + i;
            String key = key(input.key(), "goal", keys, at + ".key", errors);
            if (PlanChecks.blank(input.title())) {
                errors.add(at + ".title", "REQUIRED", "เป้าหมายต้องมีชื่อ", "a goal needs a title");
            }
            List<PlanContent.Indicator> indicators = new ArrayList<>();
            Set<String> indicatorKeys = new HashSet<>();
            List<IndicatorInput> indicatorInputs = input.indicators() == null ? List.of() : input.indicators();
            for (int j = 0; j < indicatorInputs.size(); j++) {
                IndicatorInput indicator = indicatorInputs.get(j);
                String iat = at + ".indicators." + j;
                String ikey = key(indicator.key(), "indicator", indicatorKeys, iat + ".key", errors);
                if (PlanChecks.blank(indicator.description())) {
                    errors.add(iat + ".description", "REQUIRED", "ตัวชี้วัดต้องระบุว่าวัดอะไร", "an indicator says what is measured");
                }
                List<PlanContent.IndicatorTarget> targets = new ArrayList<>();
                Set<Integer> years = new HashSet<>();
                List<IndicatorTargetInput> targetInputs = indicator.targets() == null ? List.of() : indicator.targets();
                for (int k = 0; k < targetInputs.size(); k++) {
                    IndicatorTargetInput target = targetInputs.get(k);
                    if (!years.add(target.fiscalYear())) {
                        errors.add(iat + ".targets." + k + ".fiscalYear", "DUPLICATE", "ระบุค่าเป้าหมายได้ปีงบประมาณละหนึ่งค่า", "one target per fiscal year");
                    }
                    if (target.value() == null || target.value().isNaN() || target.value().isInfinite()) {
                        errors.add(iat + ".targets." + k + ".value", "INVALID", "ค่าเป้าหมายต้องเป็นตัวเลข", "a target is a number");
                        continue;
                    }
                    targets.add(new PlanContent.IndicatorTarget(target.fiscalYear(), target.value()));
                }
                indicators.add(new PlanContent.Indicator(ikey, Text.blankToNull(indicator.description()), indicator.metric(), indicator.unit(),
                        indicator.comparator(), targets));
            }
            goals.add(new PlanContent.Goal(key, Text.blankToNull(input.title()), Text.blankToNull(input.description()), indicators));
        }
        return goals;
    }

    static PlanContent.Monitoring monitoring(MonitoringInput input, String path, Errors errors) {
        List<PlanContent.Checkpoint> checkpoints = new ArrayList<>();
        List<CheckpointInput> inputs = input.checkpoints() == null ? List.of() : input.checkpoints();
        for (int i = 0; i < inputs.size(); i++) {
            CheckpointInput checkpoint = inputs.get(i);
            String at = path + ".checkpoints." + i;
            if (PlanChecks.blank(checkpoint.description())) {
                errors.add(at + ".description", "REQUIRED", "ต้องระบุสิ่งที่ดำเนินการ ณ จุดติดตามนี้", "say what is done at this checkpoint");
            }
            checkpoints.add(new PlanContent.Checkpoint(checkpoint.phase(), Text.blankToNull(checkpoint.description()),
                    months(checkpoint.months(), at + ".months", errors), Text.blankToNull(checkpoint.responsible())));
        }
        return new PlanContent.Monitoring(Text.blankToNull(input.description()), checkpoints);
    }

    static PlanContent.Committee committee(CommitteeInput input, String path, Errors errors) {
        List<PlanContent.Member> members = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<MemberInput> inputs = input.members() == null ? List.of() : input.members();
        for (int i = 0; i < inputs.size(); i++) {
            MemberInput member = inputs.get(i);
            String at = path + ".members." + i;
            String key = key(member.key(), "member", keys, at + ".key", errors);
            if (PlanChecks.blank(member.staffId()) && PlanChecks.blank(member.name()) && PlanChecks.blank(member.position())) {
                errors.add(at, "REQUIRED", "กรรมการต้องระบุเป็นบุคลากร (staffId) ชื่อ หรือตำแหน่ง", "a member is named by staffId, by name, or by position");
            }
            members.add(new PlanContent.Member(key, member.role(), Text.blankToNull(member.staffId()), Text.blankToNull(member.name()), Text.blankToNull(member.position())));
        }
        // Chair first, then members, the secretary and the assistants, as an appointment order lists them.
        members.sort(java.util.Comparator.comparing(m -> m.role().ordinal()));
        return new PlanContent.Committee(Text.blankToNull(input.appointmentOrderNumber()), input.appointmentDate(), members);
    }

    /** A course from its input; {@code existingKeys} are the other courses' keys. */
    static PlanContent.Course course(CourseInput input, String fixedKey, Set<String> existingKeys, String path, Errors errors) {
        String key;
        if (fixedKey != null) {
            key = fixedKey;
        } else if (input.key() != null) {
            key = input.key().trim();
            if (!PlanChecks.KEY.matcher(key).matches()) {
                errors.add(path + ".key", "INVALID", "คีย์หลักสูตรต้องเป็นอักษรภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข หรือเครื่องหมาย - ไม่เกิน 64 ตัว เช่น orientation-new-staff", "a course key is lower-case letters, digits and '-', at most 64, e.g. orientation-new-staff");
            } else if (existingKeys.contains(key)) {
                errors.add(path + ".key", "DUPLICATE", "แผนมีหลักสูตรที่ใช้คีย์ " + key + " อยู่แล้ว", "the plan already has a course with key " + key);
            }
        } else {
            key = generatedKey(input.titleEn(), "course", existingKeys);
        }
        if (PlanChecks.blank(input.titleTh())) {
            errors.add(path + ".titleTh", "REQUIRED", "หลักสูตรต้องมีชื่อภาษาไทย", "a course needs a Thai title");
        }
        List<String> codes = new ArrayList<>();
        for (String code : input.competencyCodes() == null ? List.<String>of() : input.competencyCodes()) {
            String normalised = code.trim().toUpperCase(Locale.ROOT);
            if (!codes.contains(normalised)) {
                codes.add(normalised);
            }
        }
        List<DevelopmentMethod> methods = input.methods() == null ? List.of() : input.methods().stream().distinct().toList();
        PlanContent.Provider provider = input.provider() == null ? null
                : new PlanContent.Provider(input.provider().kind(), Text.blankToNull(input.provider().name()));
        PlanContent.Target target = null;
        if (input.target() != null) {
            CourseTargetInput t = input.target();
            target = new PlanContent.Target(Boolean.TRUE.equals(t.allStaff()), distinct(t.targetGroups()), distinct(t.positionTypes()),
                    distinctTrimmed(t.linesOfWork()), distinctTrimmed(t.divisionIds()), distinctTrimmed(t.staffIds()),
                    Text.blankToNull(t.description()));
        }
        PlanContent.Schedule schedule = null;
        if (input.schedule() != null) {
            List<Integer> years = input.schedule().fiscalYears() == null ? List.of()
                    : input.schedule().fiscalYears().stream().distinct().sorted().toList();
            schedule = new PlanContent.Schedule(years, months(input.schedule().months(), path + ".schedule.months", errors),
                    Text.blankToNull(input.schedule().note()));
        }
        List<PlanContent.CourseYear> yearly = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        List<CourseYearInput> yearInputs = input.yearly() == null ? List.of() : input.yearly();
        for (int i = 0; i < yearInputs.size(); i++) {
            CourseYearInput year = yearInputs.get(i);
            String at = path + ".yearly." + i;
            if (!years.add(year.fiscalYear())) {
                errors.add(at + ".fiscalYear", "DUPLICATE", "ระบุได้" + Glossary.FISCAL_YEAR + "ละหนึ่งรายการ", "one entry per fiscal year");
            }
            int participants = year.plannedParticipants() == null ? 0 : year.plannedParticipants();
            if (participants < 0) {
                errors.add(at + ".plannedParticipants", "INVALID", "จำนวนผู้เข้ารับการพัฒนาตามแผนต้องไม่ติดลบ", "planned participants cannot be negative");
            }
            yearly.add(new PlanContent.CourseYear(year.fiscalYear(), participants, year.budget() == null ? 0 : year.budget()));
        }
        yearly.sort(java.util.Comparator.comparingInt(PlanContent.CourseYear::fiscalYear));
        PlanContent.Xapi xapi = input.xapi() == null ? null : xapi(input.xapi(), path + ".xapi", errors);
        return new PlanContent.Course(key, Text.blankToNull(input.titleTh()), Text.blankToNull(input.titleEn()), Text.blankToNull(input.description()), input.category(),
                codes, methods, provider, target, schedule, yearly, xapi);
    }

    private static PlanContent.Xapi xapi(XapiInput input, String path, Errors errors) {
        List<String> activities = new ArrayList<>();
        List<String> ids = input.activityIds() == null ? List.of() : input.activityIds();
        for (int i = 0; i < ids.size(); i++) {
            if (activities.contains(ids.get(i))) {
                errors.add(path + ".activityIds." + i, "DUPLICATE", "ระบุกิจกรรม " + ids.get(i) + " ซ้ำสองครั้ง", "activity " + ids.get(i) + " is listed twice");
            } else {
                activities.add(ids.get(i));
            }
        }
        PlanContent.CompletionRule rule = PlanContent.CompletionRule.DEFAULT;
        if (input.completion() != null) {
            CompletionInput c = input.completion();
            if (c.minScaledScore() != null && (c.minScaledScore() < -1 || c.minScaledScore() > 1 || c.minScaledScore().isNaN())) {
                errors.add(path + ".completion.minScaledScore", "INVALID", "คะแนนแบบสเกลต้องอยู่ระหว่าง -1 ถึง 1 (xAPI result.score.scaled)", "a scaled score is between -1 and 1 (xAPI result.score.scaled)");
            }
            if (c.minHours() != null && (c.minHours() < 0 || c.minHours().isNaN() || c.minHours().isInfinite())) {
                errors.add(path + ".completion.minHours", "INVALID", "จำนวนชั่วโมงขั้นต่ำต้องไม่ติดลบ", "minimum hours cannot be negative");
            }
            rule = new PlanContent.CompletionRule(c.verbs() == null ? null : c.verbs().stream().distinct().toList(), c.activityMatch(),
                    Boolean.TRUE.equals(c.requireSuccess()), Boolean.TRUE.equals(c.requireCompletion()), c.minScaledScore(),
                    c.minHours());
        }
        return new PlanContent.Xapi(activities, rule);
    }

    private static List<Integer> months(List<Integer> months, String path, Errors errors) {
        List<Integer> result = new ArrayList<>();
        for (Integer month : months == null ? List.<Integer>of() : months) {
            if (month == null || month < 1 || month > 12) {
                errors.add(path, "INVALID", "เดือนต้องเป็น 1 (มกราคม) ถึง 12 (ธันวาคม) แต่ระบุเป็น " + month, "months are 1 (January) to 12 (December), not " + month);
            } else if (!result.contains(month)) {
                result.add(month);
            }
        }
        // Fiscal-year order: October first.
        result.sort(java.util.Comparator.comparingInt(m -> (m + 2) % 12));
        return result;
    }

    private static String key(String given, String prefix, Set<String> taken, String path, Errors errors) {
        if (given == null || given.isBlank()) {
            return generatedKey(null, prefix, taken);
        }
        String key = given.trim();
        if (!PlanChecks.KEY.matcher(key).matches()) {
            errors.add(path, "INVALID", "คีย์ต้องเป็นอักษรภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข หรือเครื่องหมาย - ไม่เกิน 64 ตัว", "a key is lower-case letters, digits and '-', at most 64");
        } else if (!taken.add(key)) {
            errors.add(path, "DUPLICATE", "คีย์ " + key + " ถูกใช้ซ้ำสองครั้ง", "key " + key + " is used twice");
        }
        return key;
    }

    /** A key from an English title (e.g. "Digital skills" → digital-skills), else prefix-xxxxxx; never one taken. */
    static String generatedKey(String englishTitle, String prefix, Set<String> taken) {
        String base = null;
        if (englishTitle != null) {
            String slug = englishTitle.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (slug.length() > 48) {
                slug = slug.substring(0, 48).replaceAll("-+$", "");
            }
            base = slug.isEmpty() ? null : slug;
        }
        String key = base;
        while (key == null || taken.contains(key)) {
            key = (base == null ? prefix : base) + "-" + UUID.randomUUID().toString().substring(0, 6);
        }
        taken.add(key);
        return key;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static List<String> distinctTrimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
