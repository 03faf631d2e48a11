package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.ok;

import java.util.List;

import org.junit.jupiter.api.Test;

import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;

/** An approval, of a plan or of an amendment, is announced to the rest of the application once it is saved. */
class PlanVersionApprovedTest extends PlanTestSupport {

    @Test
    void eachApprovedVersionIsPublishedOnceAndNothingElseIs() {
        String province = freshProvince();
        Tenant tenant = sao(province);
        PlanApi admin = admin(tenant);
        PlanApi committee = committee(province, TenantKind.SAO);
        String id = approvedPlan(tenant, admin, 2568, "2024-09-15", "2024-09-20").path("id").asString();
        assertThat(heard(id)).containsExactly(new PlanVersionApproved(tenant.id(), id, 0));

        setBangkok("2025-01-15T09:00");
        ok(admin.startAmendment(id, "เพิ่มหลักสูตร"), "startPlanAmendment");
        ok(admin.submit(id), "submitPlan");
        assertThat(heard(id)).as("submitting approves nothing").hasSize(1);
        ok(committee.approve(id, "มติที่ 2/2568", "2025-01-14"), "approvePlan");
        assertThat(heard(id)).containsExactly(new PlanVersionApproved(tenant.id(), id, 0), new PlanVersionApproved(tenant.id(), id, 1));
    }

    private static List<PlanVersionApproved> heard(String planId) {
        return HeardApprovals.EVENTS.stream().filter(e -> e.planId().equals(planId)).toList();
    }
}
