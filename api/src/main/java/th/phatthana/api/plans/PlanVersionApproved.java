package th.phatthana.api.plans;

/** Published after a plan version is approved (a plan's first approval or an amendment's). */
public record PlanVersionApproved(String tenantId, String planId, int version) {
}
