package th.phatthana.api.plans;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An approved version of a plan: the original (0) or amendment N, exactly as the provincial
 * committee approved it. Written once, when approved, and never changed: its repository can only
 * insert and read.
 *
 * @param id      {@code planId/number}
 * @param reviews every decision on this revision, the returns and finally the approval
 */
@Document("plan_versions")
@CompoundIndex(name = "tenant_plan_number", def = "{'tenantId': 1, 'planId': 1, 'number': 1}", unique = true)
public record PlanVersion(
        @Id String id,
        String tenantId,
        String planId,
        int number,
        String reason,
        PlanContent content,
        Instant submittedAt,
        Plan.Actor submittedBy,
        List<Plan.Review> reviews,
        Instant createdAt,
        Plan.Actor createdBy,
        Plan.Review approval) {

    public PlanVersion {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    public static String id(String planId, int number) {
        return planId + "/" + number;
    }

    static PlanVersion approved(Plan plan, Plan.Revision revision, Plan.Review approval) {
        List<Plan.Review> all = new java.util.ArrayList<>(revision.reviews());
        all.add(approval);
        return new PlanVersion(id(plan.id(), revision.number()), plan.tenantId(), plan.id(), revision.number(), revision.reason(),
                revision.content(), revision.submittedAt(), revision.submittedBy(), all, revision.createdAt(),
                revision.createdBy(), approval);
    }
}
