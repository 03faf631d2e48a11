package th.phatthana.tenants.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The target groups (กลุ่มเป้าหมาย) of a staff member as of a date, by §4.2 of the master plan.
 *
 * <p>Definitions, with {@code asOf} the date asked about and {@code cutoff = asOf − 2 years}
 * ({@link LocalDate#minusYears}: 29 February gives 28 February):
 * <ul>
 * <li>nobody belongs to any group before their appointment date;</li>
 * <li><em>at most two years of service</em>: appointed on or after the cutoff (ยังไม่เกิน ๒ ปี);
 *     <em>at least two years</em>: appointed on or before it (ไม่น้อยกว่า ๒ ปี); on the second
 *     anniversary both hold;</li>
 * <li><em>on probation</em>: {@code asOf} is on or before the recorded last day of probation;
 *     <em>past probation</em>: after it; neither when no probation end is recorded.</li>
 * </ul>
 * Groups:
 * <ul>
 * <li>{@link TargetGroup#NEWLY_APPOINTED} (๑ บุคลากรแรกบรรจุ): local officials with at most two years of
 *     service or on probation; teachers not yet through the intensive preparation (on probation, or
 *     when no end is recorded at most two years of service); permanent employees with at most two years;
 *     every contract employee (พนักงานจ้าง).</li>
 * <li>{@link TargetGroup#EXPERIENCED} (๒ บุคลากรที่มีประสบการณ์): local officials past probation or with at
 *     least two years; teachers through the intensive preparation (past probation, or when no end is
 *     recorded at least two years); permanent and contract employees with at least two years.</li>
 * <li>{@link TargetGroup#DIRECTOR_LEVEL} (๓): position type {@link PositionType#DIRECTOR}, or a line of
 *     work of school administrators or heads of child development centres
 *     ({@link LineOfWork#educationAdministrator()}), whatever the personnel type; or, for the period of
 *     the role, heading a unit, appointed or acting ({@link HeadRole}: หัวหน้าส่วนราชการ, ผู้อำนวยการกอง,
 *     หัวหน้ากลุ่มงาน, or one called otherwise).</li>
 * <li>{@link TargetGroup#EXECUTIVE} (๔): position type {@link PositionType#EXECUTIVE} (ปลัด, รองปลัด).</li>
 * </ul>
 * A person may be in several groups (a contract employee of three years is newly appointed and
 * experienced; a ปลัด is executive and experienced). The <em>primary</em> group is the first that
 * applies in the order EXECUTIVE, DIRECTOR_LEVEL, NEWLY_APPOINTED, EXPERIENCED: groups 4 and 3 are
 * defined by the position held and have their own curricula (หลักสูตรสายงานผู้บริหาร), so they are the
 * most specific; group 1 comes before group 2 because the plan develops group 1 "and may also
 * develop it as group 2" (§4.2 (๑)), i.e. group 2 is the addition. Employment status does not enter
 * the rules: filter on it separately.
 *
 * <p>{@link #criteria} expresses the same rules as a database filter over the stored fields; a test
 * checks that both agree.
 */
public final class TargetGroups {

    /** Precedence of the primary group, highest first. */
    public static final List<TargetGroup> PRECEDENCE = List.of(TargetGroup.EXECUTIVE, TargetGroup.DIRECTOR_LEVEL,
            TargetGroup.NEWLY_APPOINTED, TargetGroup.EXPERIENCED);

    private TargetGroups() {
    }

    /**
     * @param primary the first group by {@link #PRECEDENCE}, null when the person is in none (not yet appointed)
     * @param all     every group that applies, in precedence order
     */
    public record Assignment(TargetGroup primary, List<TargetGroup> all) {
    }

    public static Assignment of(Staff staff, LocalDate asOf) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        LocalDate appointed = staff.appointmentDate();
        if (appointed != null && !asOf.isBefore(appointed)) {
            LocalDate cutoff = asOf.minusYears(2);
            boolean atMostTwoYears = !appointed.isBefore(cutoff);
            boolean atLeastTwoYears = !appointed.isAfter(cutoff);
            LocalDate probationEnd = staff.probationEndDate();
            boolean onProbation = probationEnd != null && !asOf.isAfter(probationEnd);
            boolean pastProbation = probationEnd != null && asOf.isAfter(probationEnd);
            switch (staff.personnelType()) {
                case LOCAL_OFFICIAL -> {
                    add(groups, TargetGroup.NEWLY_APPOINTED, atMostTwoYears || onProbation);
                    add(groups, TargetGroup.EXPERIENCED, pastProbation || atLeastTwoYears);
                }
                case TEACHER -> {
                    add(groups, TargetGroup.NEWLY_APPOINTED, probationEnd != null ? onProbation : atMostTwoYears);
                    add(groups, TargetGroup.EXPERIENCED, probationEnd != null ? pastProbation : atLeastTwoYears);
                }
                case PERMANENT_EMPLOYEE -> {
                    add(groups, TargetGroup.NEWLY_APPOINTED, atMostTwoYears);
                    add(groups, TargetGroup.EXPERIENCED, atLeastTwoYears);
                }
                case CONTRACT_EMPLOYEE -> {
                    add(groups, TargetGroup.NEWLY_APPOINTED, true);
                    add(groups, TargetGroup.EXPERIENCED, atLeastTwoYears);
                }
            }
            add(groups, TargetGroup.DIRECTOR_LEVEL, staff.positionType() == PositionType.DIRECTOR
                    || staff.lineOfWork() != null && staff.lineOfWork().educationAdministrator() || staff.headsAUnitOn(asOf));
            add(groups, TargetGroup.EXECUTIVE, staff.positionType() == PositionType.EXECUTIVE);
        }
        List<TargetGroup> ordered = new ArrayList<>(groups.size());
        for (TargetGroup group : PRECEDENCE) {
            if (groups.contains(group)) {
                ordered.add(group);
            }
        }
        return new Assignment(ordered.isEmpty() ? null : ordered.get(0), List.copyOf(ordered));
    }

    private static void add(Set<TargetGroup> groups, TargetGroup group, boolean applies) {
        if (applies) {
            groups.add(group);
        }
    }

    /**
     * The stored staff who are in {@code group} as of {@code asOf} (the same rules as {@link #of}, over
     * the fields of the {@code staff} collection; dates are ISO strings, which compare in date order).
     */
    static Criteria criteria(TargetGroup group, LocalDate asOf) {
        String day = asOf.toString();
        String cutoff = asOf.minusYears(2).toString();
        Criteria appointed = Criteria.where("appointmentDate").lte(day);
        Criteria membership = switch (group) {
            case NEWLY_APPOINTED -> new Criteria().orOperator(
                    new Criteria().andOperator(type(PersonnelType.LOCAL_OFFICIAL), new Criteria().orOperator(
                            Criteria.where("appointmentDate").gte(cutoff), Criteria.where("probationEndDate").gte(day))),
                    new Criteria().andOperator(type(PersonnelType.TEACHER), new Criteria().orOperator(
                            Criteria.where("probationEndDate").gte(day),
                            new Criteria().andOperator(Criteria.where("probationEndDate").is(null),
                                    Criteria.where("appointmentDate").gte(cutoff)))),
                    new Criteria().andOperator(type(PersonnelType.PERMANENT_EMPLOYEE), Criteria.where("appointmentDate").gte(cutoff)),
                    type(PersonnelType.CONTRACT_EMPLOYEE));
            case EXPERIENCED -> new Criteria().orOperator(
                    new Criteria().andOperator(type(PersonnelType.LOCAL_OFFICIAL), new Criteria().orOperator(
                            Criteria.where("probationEndDate").lt(day), Criteria.where("appointmentDate").lte(cutoff))),
                    new Criteria().andOperator(type(PersonnelType.TEACHER), new Criteria().orOperator(
                            Criteria.where("probationEndDate").lt(day),
                            new Criteria().andOperator(Criteria.where("probationEndDate").is(null),
                                    Criteria.where("appointmentDate").lte(cutoff)))),
                    new Criteria().andOperator(
                            Criteria.where("personnelType").in(PersonnelType.PERMANENT_EMPLOYEE.name(), PersonnelType.CONTRACT_EMPLOYEE.name()),
                            Criteria.where("appointmentDate").lte(cutoff)));
            case DIRECTOR_LEVEL -> new Criteria().orOperator(Criteria.where("positionType").is(PositionType.DIRECTOR.name()),
                    Criteria.where("lineOfWorkKey").regex(LineOfWork.EDUCATION_ADMINISTRATOR_PATTERN),
                    Criteria.where("headRoles").elemMatch(new Criteria().andOperator(Criteria.where("from").lte(day),
                            new Criteria().orOperator(Criteria.where("until").is(null), Criteria.where("until").gte(day)))));
            case EXECUTIVE -> Criteria.where("positionType").is(PositionType.EXECUTIVE.name());
        };
        return new Criteria().andOperator(appointed, membership);
    }

    /** The stored staff whose primary group as of {@code asOf} is {@code group}. */
    static Criteria primaryCriteria(TargetGroup group, LocalDate asOf) {
        List<Criteria> higher = new ArrayList<>();
        for (TargetGroup other : PRECEDENCE) {
            if (other == group) {
                break;
            }
            higher.add(criteria(other, asOf));
        }
        if (higher.isEmpty()) {
            return criteria(group, asOf);
        }
        return new Criteria().andOperator(criteria(group, asOf), new Criteria().norOperator(higher));
    }

    private static Criteria type(PersonnelType type) {
        return Criteria.where("personnelType").is(type.name());
    }
}
