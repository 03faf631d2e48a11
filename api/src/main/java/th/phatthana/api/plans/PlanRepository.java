package th.phatthana.api.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PlanRepository extends MongoRepository<Plan, String> {

    List<Plan> findByTenantIdOrderByFiscalYearStartDesc(String tenantId);

    Optional<Plan> findByTenantIdAndId(String tenantId, String id);

    List<Plan> findByTenantIdInAndDraftStatus(java.util.Collection<String> tenantIds, Plan.RevisionStatus status);
}
