package th.phatthana.tenants.credentials;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface XapiCredentialRepository extends MongoRepository<XapiCredential, String> {
    Optional<XapiCredential> findByKey(String key);

    List<XapiCredential> findByTenantId(String tenantId);
}
