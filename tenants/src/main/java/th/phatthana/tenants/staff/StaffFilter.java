package th.phatthana.tenants.staff;

import java.time.LocalDate;
import java.util.List;

/**
 * Which staff of an organisation to list. Empty criteria do not filter; the criteria given must
 * all hold; within a list criterion any value may match.
 *
 * @param targetGroup        in this target group as of {@code asOf} (among others)
 * @param primaryTargetGroup with this primary target group as of {@code asOf}
 * @param asOf               the date of the target groups; null: today in Asia/Bangkok
 * @param divisionId         of this division
 * @param positionTypes      of one of these position types
 * @param lineOfWork         of this line of work, by code or Thai name
 * @param personnelTypes     of one of these personnel types
 * @param nameSearch         every word occurs in the first or last name (Thai, substring)
 * @param statuses           with one of these employment statuses
 */
public record StaffFilter(
        TargetGroup targetGroup,
        TargetGroup primaryTargetGroup,
        LocalDate asOf,
        String divisionId,
        List<PositionType> positionTypes,
        String lineOfWork,
        List<PersonnelType> personnelTypes,
        String nameSearch,
        List<EmploymentStatus> statuses) {

    public static final StaffFilter NONE = new StaffFilter(null, null, null, null, List.of(), null, List.of(), null, List.of());

    public StaffFilter {
        positionTypes = positionTypes == null ? List.of() : List.copyOf(positionTypes);
        personnelTypes = personnelTypes == null ? List.of() : List.copyOf(personnelTypes);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
