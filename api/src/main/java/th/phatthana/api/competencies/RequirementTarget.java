package th.phatthana.api.competencies;

import java.util.Set;

import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PositionType;

/**
 * What a requirement applies to: a position type, a line of work, or the other lines of work.
 *
 * @param scope        which of the three
 * @param positionType for POSITION_TYPE
 * @param lineOfWork   for LINE_OF_WORK: the line's Thai name (สายงาน), e.g. นักทรัพยากรบุคคล, trimmed with inner
 *                     white space made one space; staff match it with spaces ignored, as {@link LineOfWork} compares names
 */
public record RequirementTarget(RequirementScope scope, PositionType positionType, String lineOfWork) {

    /** Position types that require the managerial competencies (§10 (๒)). */
    public static final Set<PositionType> MANAGERIAL_POSITION_TYPES = Set.of(PositionType.EXECUTIVE, PositionType.DIRECTOR);

    public RequirementTarget {
        lineOfWork = normalise(lineOfWork);
    }

    public static RequirementTarget positionType(PositionType positionType) {
        if (positionType == null) {
            throw new IllegalArgumentException("a position type requirement needs its position type");
        }
        return new RequirementTarget(RequirementScope.POSITION_TYPE, positionType, null);
    }

    public static RequirementTarget lineOfWork(String lineOfWork) {
        if (normalise(lineOfWork) == null) {
            throw new IllegalArgumentException("a line of work needs a name");
        }
        return new RequirementTarget(RequirementScope.LINE_OF_WORK, null, lineOfWork);
    }

    public static RequirementTarget otherLinesOfWork() {
        return new RequirementTarget(RequirementScope.OTHER_LINES_OF_WORK, null, null);
    }

    /** The stable key of the target within its owner (a line of work by its name without spaces). */
    public String key() {
        return switch (scope) {
            case POSITION_TYPE -> "POSITION_TYPE:" + positionType;
            case LINE_OF_WORK -> "LINE_OF_WORK:" + LineOfWork.compact(lineOfWork);
            case OTHER_LINES_OF_WORK -> "OTHER_LINES_OF_WORK";
        };
    }

    /** Trimmed, inner runs of white space made one space; null when blank. */
    public static String normalise(String lineOfWork) {
        if (lineOfWork == null) {
            return null;
        }
        String normalised = lineOfWork.strip().replaceAll("\\s+", " ");
        return normalised.isEmpty() ? null : normalised;
    }
}
