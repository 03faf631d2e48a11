package th.phatthana.tenants.audit;

import java.time.Instant;

import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AuditEventRepository extends MongoRepository<AuditEvent, String> {
    java.util.List<AuditEvent> findByTenantIdAndAtBeforeOrderByAtDesc(String tenantId, Instant before, Limit limit);
}
