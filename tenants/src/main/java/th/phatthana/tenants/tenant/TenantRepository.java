package th.phatthana.tenants.tenant;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface TenantRepository extends MongoRepository<Tenant, String> {
    Optional<Tenant> findByCode(String code);

    List<Tenant> findByProvinceAndKind(String province, TenantKind kind);
}
