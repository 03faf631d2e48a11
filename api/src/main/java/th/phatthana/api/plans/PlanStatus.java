package th.phatthana.api.plans;

/**
 * Status of a plan. DRAFT, SUBMITTED and RETURNED are the workflow of the original plan before
 * approval; APPROVED, IN_FORCE and CLOSED are computed from dates in Asia/Bangkok once approved
 * (see {@link Plan#statusOn}).
 */
public enum PlanStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED, IN_FORCE, CLOSED
}
