package th.phatthana.api.idp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An individual development plan (แผนพัฒนารายบุคคล, IDP; §4.3.1–2 of the master plan) of one staff
 * member for one fiscal year: the competency gaps as they stood on the plan date, the development
 * chosen for them with target dates, and the agreement of the staff member and their supervisor.
 * DRAFT until both have agreed, then AGREED; a change of an agreed plan takes it back to DRAFT and
 * both agree again.
 *
 * @param id        {@code <tenantId>/<uuid>}
 * @param planDate  the day the gaps were read (วันที่จัดทำแผน)
 * @param gaps      the competency gaps as of the plan date (a snapshot: later assessments do not change it)
 */
public record IndividualPlan(String id, String tenantId, String staffId, int fiscalYear, LocalDate planDate, List<GapSnapshot> gaps,
        List<Item> items, Status status, Agreement staffAgreement, Agreement supervisorAgreement, Instant createdAt, Instant updatedAt) {

    public IndividualPlan {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public enum Status {
        /** ร่าง: not yet agreed by both. */
        DRAFT,
        /** เห็นชอบแล้ว: agreed by the staff member and the supervisor. */
        AGREED
    }

    /** Who agrees a plan. */
    public enum Party {
        /** ผู้รับการพัฒนา: the staff member. */
        STAFF_MEMBER,
        /** ผู้บังคับบัญชา: their supervisor on the register. */
        SUPERVISOR
    }

    /** One competency as it stood on the plan date. */
    public record GapSnapshot(String competencyCode, String nameTh, int requiredLevel, int assessedLevel, boolean assessed) {
        public int gap() {
            return Math.max(0, requiredLevel - assessedLevel);
        }
    }

    /** What kind of development an item is. */
    public enum ItemKind {
        /** A course of the plan in force (หลักสูตรในแผนพัฒนาบุคลากร). */
        COURSE,
        /** Another activity (coaching, e-Learning elsewhere, a study visit…) named by its xAPI activity IRIs. */
        ACTIVITY
    }

    /**
     * The development chosen for a gap.
     *
     * @param key            stable within the plan
     * @param competencyCode the gap it closes (a code of {@link #gaps}), or null for development not tied to one gap
     * @param planId         for a course: the plan in force on the plan date
     * @param courseKey      for a course: its key in that plan
     * @param activityIds    for another activity: its IRIs (a completing statement about one of them completes the item)
     * @param titleTh        the course's title as the plan had it, or the activity's title
     */
    public record Item(String key, String competencyCode, ItemKind kind, String planId, String courseKey, List<String> activityIds,
            String titleTh, LocalDate targetDate, String note) {
        public Item {
            activityIds = activityIds == null ? List.of() : List.copyOf(activityIds);
        }
    }

    /**
     * One party's agreement.
     *
     * @param signerStaffId the staff member who agreed (the person, or the supervisor then on record)
     * @param agreedOn      the date written on the signed form, or the day of agreeing in the console
     * @param recordedBy    the user who recorded it (an HR officer entering a paper form, or the signer themself)
     * @param onPaper       recorded by someone else from a signed paper form
     */
    public record Agreement(Party party, String signerStaffId, LocalDate agreedOn, String recordedBySubject, String recordedBy,
            Instant recordedAt, boolean onPaper) {
    }

    public Agreement agreement(Party party) {
        return party == Party.STAFF_MEMBER ? staffAgreement : supervisorAgreement;
    }
}
