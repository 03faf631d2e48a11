package th.phatthana.api.idp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How an individual development plan is stored (collection {@code individual_plans}); dates as ISO
 * strings, which never shift with the server's time zone. One plan per staff member and fiscal year.
 */
@Document("individual_plans")
@CompoundIndexes({
        @CompoundIndex(name = "tenant_staff_year", def = "{'tenantId': 1, 'staffId': 1, 'fiscalYear': 1}", unique = true),
        @CompoundIndex(name = "tenant_year_status", def = "{'tenantId': 1, 'fiscalYear': 1, 'status': 1}")
})
record IndividualPlanDocument(@Id String id, String tenantId, String staffId, int fiscalYear, String planDate,
        List<IndividualPlan.GapSnapshot> gaps, List<StoredItem> items, IndividualPlan.Status status, StoredAgreement staffAgreement,
        StoredAgreement supervisorAgreement, Instant createdAt, Instant updatedAt) {

    record StoredItem(String key, String competencyCode, IndividualPlan.ItemKind kind, String planId, String courseKey,
            List<String> activityIds, String titleTh, String targetDate, String note) {
    }

    record StoredAgreement(IndividualPlan.Party party, String signerStaffId, String agreedOn, String recordedBySubject, String recordedBy,
            Instant recordedAt, boolean onPaper) {
    }

    static IndividualPlanDocument of(IndividualPlan plan) {
        return new IndividualPlanDocument(plan.id(), plan.tenantId(), plan.staffId(), plan.fiscalYear(), plan.planDate().toString(),
                plan.gaps(), plan.items().stream().map(i -> new StoredItem(i.key(), i.competencyCode(), i.kind(), i.planId(), i.courseKey(),
                        i.activityIds(), i.titleTh(), i.targetDate() == null ? null : i.targetDate().toString(), i.note())).toList(),
                plan.status(), stored(plan.staffAgreement()), stored(plan.supervisorAgreement()), plan.createdAt(), plan.updatedAt());
    }

    private static StoredAgreement stored(IndividualPlan.Agreement a) {
        return a == null ? null : new StoredAgreement(a.party(), a.signerStaffId(), a.agreedOn().toString(), a.recordedBySubject(),
                a.recordedBy(), a.recordedAt(), a.onPaper());
    }

    private static IndividualPlan.Agreement agreement(StoredAgreement a) {
        return a == null ? null : new IndividualPlan.Agreement(a.party(), a.signerStaffId(), LocalDate.parse(a.agreedOn()),
                a.recordedBySubject(), a.recordedBy(), a.recordedAt(), a.onPaper());
    }

    IndividualPlan toPlan() {
        return new IndividualPlan(id, tenantId, staffId, fiscalYear, LocalDate.parse(planDate), gaps,
                items == null ? List.of() : items.stream().map(i -> new IndividualPlan.Item(i.key(), i.competencyCode(), i.kind(), i.planId(),
                        i.courseKey(), i.activityIds(), i.titleTh(), i.targetDate() == null ? null : LocalDate.parse(i.targetDate()), i.note()))
                        .toList(),
                status, agreement(staffAgreement), agreement(supervisorAgreement), createdAt, updatedAt);
    }
}
