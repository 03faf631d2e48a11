package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import th.phatthana.tenants.tenant.Tenant;

/** What the store itself guarantees, whatever the service checks first. */
class PlanStoreTest extends PlanTestSupport {

    @Autowired
    PlanRepository plans;

    @Test
    void twoPlansOfATenantNeverShareAFiscalYearEvenWhenWrittenConcurrently() {
        Tenant tenant = sao(freshProvince());
        plans.insert(plan(tenant.id(), 2590));
        assertThatThrownBy(() -> plans.insert(plan(tenant.id(), 2592))).isInstanceOf(DuplicateKeyException.class);
        plans.insert(plan(tenant.id(), 2593));
        plans.insert(plan(sao(freshProvince()).id(), 2591));
        assertThat(plans.findByTenantIdOrderByFiscalYearStartDesc(tenant.id())).hasSize(2);
    }

    @Test
    void aStaleCopyOfAPlanCannotOverwriteANewerOne() {
        Tenant tenant = sao(freshProvince());
        Plan saved = plans.insert(plan(tenant.id(), 2590));
        Plan first = plans.save(saved.withTitle("แก้ครั้งที่หนึ่ง", Instant.now()));
        assertThat(first.version()).isGreaterThan(saved.version());
        assertThatThrownBy(() -> plans.save(saved.withTitle("แก้จากสำเนาเก่า", Instant.now())))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    private static Plan plan(String tenantId, int start) {
        Plan.Revision draft = new Plan.Revision(0, null, Plan.RevisionStatus.DRAFT, PlanContent.empty(), null, null, List.of(),
                Instant.now(), Plan.Actor.SYSTEM);
        return new Plan(UUID.randomUUID().toString(), tenantId, "แผน " + start, start, Plan.yearsFrom(start), draft, null, List.of(),
                Instant.now(), Plan.Actor.SYSTEM, Instant.now(), null);
    }
}
