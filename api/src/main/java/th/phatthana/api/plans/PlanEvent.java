package th.phatthana.api.plans;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of a plan's audit trail: who did what to which revision, when, and which fields
 * changed. Every edit and transition writes one; the organisation-wide audit trail gets a summary.
 */
@Document("plan_events")
@CompoundIndex(name = "tenant_plan_at", def = "{'tenantId': 1, 'planId': 1, 'at': -1}")
public record PlanEvent(
        @Id String id,
        String tenantId,
        String planId,
        Instant at,
        Plan.Actor actor,
        Action action,
        int revision,
        String summary,
        List<FieldChange> changes) {

    public PlanEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public enum Action {
        CREATED, UPDATED, COURSE_ADDED, COURSE_UPDATED, COURSE_REMOVED, SUBMITTED, RETURNED, APPROVED, ANNOUNCED,
        AMENDMENT_STARTED, DRAFT_DISCARDED;

        /** The action name in the organisation-wide audit trail, e.g. plan.submit. */
        public String auditAction() {
            return switch (this) {
                case CREATED -> "plan.create";
                case UPDATED -> "plan.update";
                case COURSE_ADDED -> "plan.addCourse";
                case COURSE_UPDATED -> "plan.updateCourse";
                case COURSE_REMOVED -> "plan.removeCourse";
                case SUBMITTED -> "plan.submit";
                case RETURNED -> "plan.return";
                case APPROVED -> "plan.approve";
                case ANNOUNCED -> "plan.announce";
                case AMENDMENT_STARTED -> "plan.startAmendment";
                case DRAFT_DISCARDED -> "plan.discardDraft";
            };
        }
    }

    /** One changed value: a dotted path and JSON values before and after (null when absent). */
    public record FieldChange(String field, String before, String after) {
    }
}
