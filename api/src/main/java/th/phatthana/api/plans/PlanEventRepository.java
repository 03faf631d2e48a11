package th.phatthana.api.plans;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PlanEventRepository extends MongoRepository<PlanEvent, String> {

    List<PlanEvent> findByTenantIdAndPlanIdOrderByAtDescIdDesc(String tenantId, String planId);
}
