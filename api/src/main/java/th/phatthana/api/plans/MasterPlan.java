package th.phatthana.api.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import th.phatthana.api.plans.PlanContent.CommitteeRole;
import th.phatthana.api.plans.PlanContent.CourseCategory;
import th.phatthana.api.plans.PlanContent.DevelopmentMethod;
import th.phatthana.api.plans.PlanContent.IndicatorMetric;
import th.phatthana.api.plans.PlanContent.IndicatorUnit;
import th.phatthana.api.plans.PlanContent.ProviderKind;
import th.phatthana.api.plans.PlanContent.TargetComparator;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national master plan as a template ({@code plans/master-plan-2567-2569.json}, written from
 * the seed): read once at start-up, and turned into a draft plan for one organisation and three
 * fiscal years by {@link #draftFor}.
 */
@Component
public class MasterPlan {

    static final String TEMPLATE = "plans/master-plan-2567-2569.json";

    record Template(String about, String source, String rationale, List<GoalTemplate> goals, List<CourseTemplate> courses,
            String methodsAndDuration, String budget, MonitoringTemplate monitoring, List<MemberTemplate> committee) {
    }

    record GoalTemplate(String key, String title, String description, List<IndicatorTemplate> indicators) {
    }

    record IndicatorTemplate(String key, String description, IndicatorMetric metric, IndicatorUnit unit,
            TargetComparator comparator, double everyYear) {
    }

    record CourseTemplate(String key, String titleTh, String titleEn, String description, CourseCategory category,
            List<String> competencyCodes, List<DevelopmentMethod> methods, ProviderTemplate provider, TargetTemplate target,
            List<Integer> months, String note) {
    }

    record ProviderTemplate(ProviderKind kind, String name) {
    }

    record TargetTemplate(Boolean allStaff, List<String> targetGroups, List<String> positionTypes, String description) {
    }

    record MonitoringTemplate(String description, List<PlanContent.Checkpoint> checkpoints) {
    }

    record MemberTemplate(String key, CommitteeRole role, String position) {
    }

    private final Template template;

    public MasterPlan(JsonMapper json) {
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            this.template = json.readValue(in, Template.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
        if (template.courses().stream().map(CourseTemplate::category).distinct().count() != CourseCategory.values().length) {
            throw new IllegalStateException(TEMPLATE + ": the template must have typical courses of all five categories (§11)");
        }
    }

    /** Where the template comes from, in Thai. */
    public String source() {
        return template.source();
    }

    /** The keys of the template's typical courses. */
    public List<String> courseKeys() {
        return template.courses().stream().map(CourseTemplate::key).toList();
    }

    /** A draft plan text for the organisation, for the three fiscal years from {@code fiscalYearStart}. */
    public PlanContent draftFor(Tenant tenant, int fiscalYearStart) {
        List<Integer> years = Plan.yearsFrom(fiscalYearStart);
        Map<String, String> values = Map.of(
                "{organisation}", tenant.nameTh(),
                "{start}", thaiDigits(fiscalYearStart),
                "{end}", thaiDigits(fiscalYearStart + Plan.YEARS - 1),
                "{startDate}", thaiDate(FiscalYears.firstDay(fiscalYearStart)),
                "{endDate}", thaiDate(FiscalYears.lastDay(fiscalYearStart + Plan.YEARS - 1)),
                "{chiefExecutive}", chiefExecutive(tenant.kind()),
                "{permanentSecretary}", permanentSecretary(tenant.kind()),
                "{committee}", tenant.kind().approvingCommittee());

        List<PlanContent.Goal> goals = new ArrayList<>();
        for (GoalTemplate goal : template.goals()) {
            List<PlanContent.Indicator> indicators = new ArrayList<>();
            for (IndicatorTemplate indicator : goal.indicators()) {
                indicators.add(new PlanContent.Indicator(indicator.key(), fill(indicator.description(), values), indicator.metric(),
                        indicator.unit(), indicator.comparator(),
                        years.stream().map(y -> new PlanContent.IndicatorTarget(y, indicator.everyYear())).toList()));
            }
            goals.add(new PlanContent.Goal(goal.key(), fill(goal.title(), values), fill(goal.description(), values), indicators));
        }

        List<PlanContent.Course> courses = new ArrayList<>();
        for (CourseTemplate course : template.courses()) {
            TargetTemplate target = course.target();
            courses.add(new PlanContent.Course(course.key(), course.titleTh(), course.titleEn(), course.description(),
                    course.category(), course.competencyCodes(), course.methods(),
                    course.provider() == null ? null : new PlanContent.Provider(course.provider().kind(), course.provider().name()),
                    new PlanContent.Target(Boolean.TRUE.equals(target.allStaff()), target.targetGroups(), target.positionTypes(),
                            List.of(), List.of(), List.of(), target.description()),
                    new PlanContent.Schedule(years, course.months(), course.note()),
                    years.stream().map(y -> new PlanContent.CourseYear(y, 0, 0)).toList(), null));
        }

        List<PlanContent.Member> members = template.committee().stream()
                .map(m -> new PlanContent.Member(m.key(), m.role(), null, null, fill(m.position(), values))).toList();

        List<PlanContent.Checkpoint> checkpoints = template.monitoring().checkpoints().stream()
                .map(c -> new PlanContent.Checkpoint(c.phase(), fill(c.description(), values), c.months(), c.responsible()))
                .toList();

        return new PlanContent(fill(template.rationale(), values), goals, courses,
                new PlanContent.MethodsAndDuration(fill(template.methodsAndDuration(), values)),
                new PlanContent.Budget(fill(template.budget(), values)),
                new PlanContent.Monitoring(fill(template.monitoring().description(), values), checkpoints),
                new PlanContent.Committee(null, null, members));
    }

    /** The chief executive (ประธานกรรมการ, §14.1 ๑)) of an organisation of this kind. */
    static String chiefExecutive(TenantKind kind) {
        return switch (kind) {
            case PAO -> "นายกองค์การบริหารส่วนจังหวัด";
            case MUNICIPALITY -> "นายกเทศมนตรี";
            case SAO -> "นายกองค์การบริหารส่วนตำบล";
            case PATTAYA -> "นายกเมืองพัทยา";
        };
    }

    /** The permanent secretary (ปลัด) of an organisation of this kind. */
    static String permanentSecretary(TenantKind kind) {
        return switch (kind) {
            case PAO -> "ปลัดองค์การบริหารส่วนจังหวัด";
            case MUNICIPALITY -> "ปลัดเทศบาล";
            case SAO -> "ปลัดองค์การบริหารส่วนตำบล";
            case PATTAYA -> "ปลัดเมืองพัทยา";
        };
    }

    private static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    private static final String[] MONTHS = { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
            "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };

    /** 2023-10-01 → ๑ ตุลาคม ๒๕๖๖. */
    static String thaiDate(LocalDate date) {
        return thaiDigits(date.getDayOfMonth()) + " " + MONTHS[date.getMonthValue() - 1] + " "
                + thaiDigits(date.getYear() + FiscalYears.BUDDHIST_ERA_OFFSET);
    }

    static String thaiDigits(int number) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('๐' + (c - '0')) : c);
        }
        return out.toString();
    }
}
