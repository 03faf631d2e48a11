package th.phatthana.api.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import th.phatthana.schema.FiscalYears;

/**
 * The head of a 3-year development plan: which organisation and years, the open draft (the plan
 * before approval, or an amendment in preparation or under review), the number of the latest
 * approved version, and the announcements. Approved versions live in {@link PlanVersion} and never
 * change.
 *
 * <p>The id is {@code <tenantId>/<uuid>} (as staff and divisions), so a lookup by id starts with the tenant.
 *
 * <p>{@code fiscalYears} carries a unique index with {@code tenantId}: no two plans of a tenant
 * can share a fiscal year, so at most one plan is in force at any date, even under concurrent writes.
 *
 * @param currentVersion the latest approved version (0 the original, N amendment N), null before approval
 * @param version        optimistic lock: two concurrent edits cannot both win
 */
@Document("plans")
@CompoundIndex(name = "tenant_years", def = "{'tenantId': 1, 'fiscalYears': 1}", unique = true)
@CompoundIndex(name = "tenant_draft_status", def = "{'tenantId': 1, 'draft.status': 1}")
public record Plan(
        @Id String id,
        String tenantId,
        String title,
        int fiscalYearStart,
        List<Integer> fiscalYears,
        Revision draft,
        Integer currentVersion,
        List<Announcement> announcements,
        Instant createdAt,
        Actor createdBy,
        Instant updatedAt,
        @Version Long version) {

    public static final int YEARS = 3;

    public Plan {
        announcements = announcements == null ? List.of() : List.copyOf(announcements);
        fiscalYears = fiscalYears == null ? yearsFrom(fiscalYearStart) : List.copyOf(fiscalYears);
    }

    public static List<Integer> yearsFrom(int fiscalYearStart) {
        return List.of(fiscalYearStart, fiscalYearStart + 1, fiscalYearStart + 2);
    }

    public int fiscalYearEnd() {
        return fiscalYearStart + YEARS - 1;
    }

    public LocalDate startsOn() {
        return FiscalYears.firstDay(fiscalYearStart);
    }

    public LocalDate endsOn() {
        return FiscalYears.lastDay(fiscalYearEnd());
    }

    public boolean covers(int fiscalYear) {
        return fiscalYear >= fiscalYearStart && fiscalYear <= fiscalYearEnd();
    }

    public boolean isApproved() {
        return currentVersion != null;
    }

    /** Whether the plan has ever been put before the committee (oversight callers see only those). */
    public boolean everSubmitted() {
        return isApproved() || draft != null && (draft.submittedAt() != null || !draft.reviews().isEmpty());
    }

    public Optional<Announcement> announcement(int versionNumber) {
        return announcements.stream().filter(a -> a.version() == versionNumber).findFirst();
    }

    /** Announcement date of the original plan. */
    public LocalDate announcementDate() {
        return announcement(0).map(Announcement::date).orElse(null);
    }

    /**
     * First day in force: the later of 1 October of the first fiscal year and the announcement of the
     * original plan; null until approved and announced.
     */
    public LocalDate inForceFrom() {
        LocalDate announced = announcementDate();
        if (!isApproved() || announced == null) {
            return null;
        }
        return announced.isAfter(startsOn()) ? announced : startsOn();
    }

    /** The status on a date (Asia/Bangkok): the draft's until approved, then by date. */
    public PlanStatus statusOn(LocalDate today) {
        if (!isApproved()) {
            return switch (draft.status()) {
                case DRAFT -> PlanStatus.DRAFT;
                case SUBMITTED -> PlanStatus.SUBMITTED;
                case RETURNED -> PlanStatus.RETURNED;
                case APPROVED -> PlanStatus.APPROVED;
            };
        }
        if (today.isAfter(endsOn())) {
            return PlanStatus.CLOSED;
        }
        LocalDate from = inForceFrom();
        return from != null && !today.isBefore(from) ? PlanStatus.IN_FORCE : PlanStatus.APPROVED;
    }

    // ---- the workflow: whether a step is allowed now, and if not why --------------------------

    /** Editing the content or title: only an open draft that is not with the committee. */
    public Optional<PlanRefusal> whyNotEdit() {
        if (draft == null) {
            return Optional.of(PlanRefusal.APPROVED_VERSIONS_NEVER_CHANGE);
        }
        return draft.editable() ? Optional.empty() : Optional.of(PlanRefusal.DRAFT_WITH_COMMITTEE);
    }

    /** Submitting the open draft to the committee (its gaps are checked apart). */
    public Optional<PlanRefusal> whyNotSubmit(LocalDate today) {
        if (draft == null) {
            return Optional.of(PlanRefusal.NO_DRAFT_TO_SUBMIT);
        }
        if (!draft.editable()) {
            return Optional.of(PlanRefusal.ALREADY_SUBMITTED);
        }
        return statusOn(today) == PlanStatus.CLOSED ? Optional.of(PlanRefusal.CLOSED) : Optional.empty();
    }

    /** The committee approving or returning: only a submitted draft. */
    public Optional<PlanRefusal> whyNotReview() {
        return draft == null || draft.status() != RevisionStatus.SUBMITTED ? Optional.of(PlanRefusal.NOT_SUBMITTED) : Optional.empty();
    }

    /** Announcing the current version: approved and not yet announced (the date is checked apart). */
    public Optional<PlanRefusal> whyNotAnnounce() {
        if (!isApproved()) {
            return Optional.of(PlanRefusal.NOT_APPROVED_TO_ANNOUNCE);
        }
        return announcement(currentVersion).isPresent() ? Optional.of(PlanRefusal.ALREADY_ANNOUNCED) : Optional.empty();
    }

    /** Opening an amendment (§19): an approved plan not yet closed, without an open draft. */
    public Optional<PlanRefusal> whyNotAmend(LocalDate today) {
        if (!isApproved()) {
            return Optional.of(PlanRefusal.NOT_APPROVED_TO_AMEND);
        }
        if (statusOn(today) == PlanStatus.CLOSED) {
            return Optional.of(PlanRefusal.CLOSED);
        }
        return draft != null ? Optional.of(PlanRefusal.AMENDMENT_OPEN) : Optional.empty();
    }

    /** Discarding the open draft: one that is not with the committee. */
    public Optional<PlanRefusal> whyNotDiscard() {
        if (draft == null) {
            return Optional.of(PlanRefusal.NO_DRAFT_TO_DISCARD);
        }
        return draft.status() == RevisionStatus.SUBMITTED ? Optional.of(PlanRefusal.SUBMITTED_DRAFT_NOT_DISCARDED) : Optional.empty();
    }

    public Plan withDraft(Revision value, Instant now) {
        return new Plan(id, tenantId, title, fiscalYearStart, fiscalYears, value, currentVersion, announcements, createdAt,
                createdBy, now, version);
    }

    public Plan withTitle(String value, Instant now) {
        return new Plan(id, tenantId, value, fiscalYearStart, fiscalYears, draft, currentVersion, announcements, createdAt,
                createdBy, now, version);
    }

    public Plan approved(int number, Instant now) {
        return new Plan(id, tenantId, title, fiscalYearStart, fiscalYears, null, number, announcements, createdAt, createdBy,
                now, version);
    }

    public Plan announced(Announcement announcement, Instant now) {
        List<Announcement> all = new ArrayList<>(announcements);
        all.removeIf(a -> a.version() == announcement.version());
        all.add(announcement);
        return new Plan(id, tenantId, title, fiscalYearStart, fiscalYears, draft, currentVersion, all, createdAt, createdBy, now,
                version);
    }

    public Plan withVersion(Long value) {
        return new Plan(id, tenantId, title, fiscalYearStart, fiscalYears, draft, currentVersion, announcements, createdAt,
                createdBy, updatedAt, value);
    }

    /**
     * A revision in preparation or under review: the original plan (number 0) or amendment N.
     * Editable while DRAFT or RETURNED.
     */
    public record Revision(int number, String reason, RevisionStatus status, PlanContent content, Instant submittedAt,
            Actor submittedBy, List<Review> reviews, Instant createdAt, Actor createdBy) {

        public Revision {
            reviews = reviews == null ? List.of() : List.copyOf(reviews);
            content = content == null ? PlanContent.empty() : content;
        }

        public boolean editable() {
            return status == RevisionStatus.DRAFT || status == RevisionStatus.RETURNED;
        }

        public Revision withContent(PlanContent value) {
            return new Revision(number, reason, status, value, submittedAt, submittedBy, reviews, createdAt, createdBy);
        }

        public Revision submitted(Actor actor, Instant now) {
            return new Revision(number, reason, RevisionStatus.SUBMITTED, content, now, actor, reviews, createdAt, createdBy);
        }

        public Revision returned(Review review) {
            List<Review> all = new ArrayList<>(reviews);
            all.add(review);
            return new Revision(number, reason, RevisionStatus.RETURNED, content, submittedAt, submittedBy, all, createdAt,
                    createdBy);
        }
    }

    /** Workflow status of one revision. */
    public enum RevisionStatus {
        DRAFT, SUBMITTED, RETURNED, APPROVED
    }

    /** A decision of the provincial committee. */
    public record Review(ReviewDecision decision, String comments, String resolutionNumber, LocalDate resolutionDate,
            String committee, Actor reviewer, Instant at) {
    }

    public enum ReviewDecision {
        APPROVED, RETURNED
    }

    /** Who acted: a user or token subject and a display name. */
    public record Actor(String id, String name) {
        public static final Actor SYSTEM = new Actor("system", "system");
    }

    /** The announcement (ประกาศ) of an approved version. */
    public record Announcement(int version, LocalDate date, Actor by, Instant at) {
    }
}
