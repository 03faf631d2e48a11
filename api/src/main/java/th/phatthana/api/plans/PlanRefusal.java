package th.phatthana.api.plans;

/**
 * Why the plan's workflow refuses a step ({@link Plan#whyNotEdit()} and the others), with the
 * stable code the caller sees. The words for people are {@link PlanService}'s.
 */
public enum PlanRefusal {
    /** Approved versions never change; an amendment changes the plan. */
    APPROVED_VERSIONS_NEVER_CHANGE("NOT_EDITABLE"),
    /** The draft is with the provincial committee. */
    DRAFT_WITH_COMMITTEE("NOT_EDITABLE"),
    NO_DRAFT_TO_SUBMIT("NO_DRAFT"),
    ALREADY_SUBMITTED("ALREADY_SUBMITTED"),
    CLOSED("CLOSED"),
    NOT_SUBMITTED("NOT_SUBMITTED"),
    NOT_APPROVED_TO_ANNOUNCE("NOT_APPROVED"),
    ALREADY_ANNOUNCED("ALREADY_ANNOUNCED"),
    NOT_APPROVED_TO_AMEND("NOT_APPROVED"),
    AMENDMENT_OPEN("AMENDMENT_OPEN"),
    NO_DRAFT_TO_DISCARD("NO_DRAFT"),
    SUBMITTED_DRAFT_NOT_DISCARDED("ALREADY_SUBMITTED");

    private final String code;

    PlanRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
