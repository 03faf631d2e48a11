package th.phatthana.tenants.audit;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The audit events; AuditTrail reads them with filters through MongoTemplate. */
public interface AuditEventRepository extends MongoRepository<AuditEvent, String> {
}
