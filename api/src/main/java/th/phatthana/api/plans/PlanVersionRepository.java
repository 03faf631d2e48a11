package th.phatthana.api.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * Approved versions are immutable: this repository can insert and read, nothing else (no save,
 * no delete), so no code path can change an approved version.
 */
interface PlanVersionRepository extends Repository<PlanVersion, String> {

    PlanVersion insert(PlanVersion version);

    List<PlanVersion> findByTenantIdAndPlanIdOrderByNumberAsc(String tenantId, String planId);

    Optional<PlanVersion> findByTenantIdAndPlanIdAndNumber(String tenantId, String planId, int number);
}
