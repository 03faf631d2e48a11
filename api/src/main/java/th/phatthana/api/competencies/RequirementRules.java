package th.phatthana.api.competencies;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Problem;


/**
 * The rules of §10 every requirement keeps, national or an organisation's: core competencies for every
 * position type, managerial ones for executive and director positions, at least three functional
 * competencies for each line of work; levels 1–5; each item once.
 */
final class RequirementRules {

    /** §10 (๓): every line of work requires at least this many functional competencies. */
    static final int MIN_FUNCTIONAL_PER_LINE = 3;

    private RequirementRules() {
    }

    /**
     * What is wrong with these items for this target, as userErrors on {@code input.items…}.
     *
     * @param lookup   finds a catalogue item visible to the owner by code
     * @param national the national catalogue, whose core and managerial items must be covered
     */
    static List<Problem> check(RequirementTarget target, List<RequiredLevel> items, Function<String, Optional<Competency>> lookup,
            List<Competency> national) {
        List<Problem> errors = new ArrayList<>();
        if (items.isEmpty()) {
            errors.add(new Problem("input.items", "REQUIRED", "ต้องระบุสมรรถนะที่กำหนดอย่างน้อยหนึ่งรายการ", "give at least one required item"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        Set<String> core = new HashSet<>();
        Set<String> managerial = new HashSet<>();
        int functional = 0;
        for (int i = 0; i < items.size(); i++) {
            RequiredLevel item = items.get(i);
            String at = "input.items." + i;
            Optional<Competency> competency = item.code() == null ? Optional.empty() : lookup.apply(item.code());
            if (competency.isEmpty()) {
                errors.add(new Problem(at + ".code", "NOT_FOUND", "ไม่มีสมรรถนะรหัส " + item.code() + " ในบัญชีสมรรถนะ", "no catalogue item has the code " + item.code()));
                continue;
            }
            if (!seen.add(item.code())) {
                errors.add(new Problem(at + ".code", "DUPLICATE", "ระบุสมรรถนะ " + item.code() + " ซ้ำกันมากกว่าหนึ่งครั้ง", item.code() + " is given more than once"));
                continue;
            }
            if (item.level() < 1 || item.level() > ProficiencyLevel.MAX) {
                errors.add(new Problem(at + ".level", "INVALID", "ระดับที่กำหนดต้องอยู่ระหว่าง 1 ถึง " + ProficiencyLevel.MAX, "a required level is 1 to " + ProficiencyLevel.MAX));
            }
            CompetencyKind kind = competency.get().kind();
            boolean forPositionType = target.scope() == RequirementScope.POSITION_TYPE;
            if (forPositionType && kind == CompetencyKind.FUNCTIONAL) {
                errors.add(new Problem(at + ".code", "NOT_ALLOWED",
                        "สมรรถนะ " + item.code() + " เป็นสมรรถนะประจำสายงาน ให้กำหนดในเกณฑ์ตามสายงาน",
                        item.code() + " is a functional competency (สมรรถนะประจำสายงาน): require it for a line of work"));
            } else if (!forPositionType && EnumSet.of(CompetencyKind.CORE, CompetencyKind.MANAGERIAL).contains(kind)) {
                errors.add(new Problem(at + ".code", "NOT_ALLOWED",
                        "สมรรถนะ " + item.code() + " เป็น" + (kind == CompetencyKind.CORE ? "สมรรถนะหลัก" : "สมรรถนะประจำผู้บริหาร")
                                + " ให้กำหนดในเกณฑ์ตาม" + Glossary.POSITION_TYPE,
                        item.code() + " is a " + kind.name().toLowerCase(Locale.ROOT) + " competency: it is required by position type"));
            }
            switch (kind) {
                case CORE -> core.add(item.code());
                case MANAGERIAL -> managerial.add(item.code());
                case FUNCTIONAL -> functional++;
                default -> {
                }
            }
        }
        return errors.isEmpty() ? coverage(target, core, managerial, functional, national) : errors;
    }

    private static List<Problem> coverage(RequirementTarget target, Set<String> core, Set<String> managerial, int functional,
            List<Competency> national) {
        List<Problem> errors = new ArrayList<>();
        if (target.scope() == RequirementScope.POSITION_TYPE) {
            List<String> missingCore = missing(CompetencyKind.CORE, core, national);
            if (!missingCore.isEmpty()) {
                errors.add(new Problem("input.items", "REQUIRED",
                        "ทุก" + Glossary.POSITION_TYPE + "ต้องกำหนดสมรรถนะหลักครบทุกรายการ ยังขาด " + String.join(", ", missingCore),
                        "every position type requires all core competencies (สมรรถนะหลัก); missing " + String.join(", ", missingCore)));
            }
            if (RequirementTarget.MANAGERIAL_POSITION_TYPES.contains(target.positionType())) {
                List<String> missingManagerial = missing(CompetencyKind.MANAGERIAL, managerial, national);
                if (!missingManagerial.isEmpty()) {
                    errors.add(new Problem("input.items", "REQUIRED",
                            "ตำแหน่งประเภท" + target.positionType().thaiName() + " ต้องกำหนดสมรรถนะประจำผู้บริหารครบทุกรายการ ยังขาด "
                                    + String.join(", ", missingManagerial),
                            target.positionType()
                            + " positions require all managerial competencies (สมรรถนะประจำผู้บริหาร); missing "
                            + String.join(", ", missingManagerial)));
                }
            }
        } else if (functional < MIN_FUNCTIONAL_PER_LINE) {
            errors.add(new Problem("input.items", "TOO_FEW_FUNCTIONAL", "แต่ละสายงานต้องกำหนดสมรรถนะประจำสายงานอย่างน้อย "
                    + MIN_FUNCTIONAL_PER_LINE + " รายการ แต่กำหนดไว้ " + functional + " รายการ", "a line of work requires at least "
                    + MIN_FUNCTIONAL_PER_LINE + " functional competencies (สมรรถนะประจำสายงาน); " + functional + " given"));
        }
        return errors;
    }

    /** The national codes of a kind not among those given. */
    private static List<String> missing(CompetencyKind kind, Set<String> given, List<Competency> national) {
        return national.stream().filter(c -> c.kind() == kind && !given.contains(c.code())).map(Competency::code).toList();
    }
}
