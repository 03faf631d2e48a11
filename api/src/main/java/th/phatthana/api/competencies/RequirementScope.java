package th.phatthana.api.competencies;

/** What a set of required competencies applies to. */
public enum RequirementScope {
    /** A position type (ประเภทตำแหน่ง): core competencies, and managerial ones for executive and director positions. */
    POSITION_TYPE,
    /** A line of work (สายงาน): at least three functional competencies. */
    LINE_OF_WORK,
    /** Every line of work without its own requirement: the fallback. */
    OTHER_LINES_OF_WORK
}
