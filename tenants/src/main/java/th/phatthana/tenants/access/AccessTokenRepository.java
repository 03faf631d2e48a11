package th.phatthana.tenants.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface AccessTokenRepository extends MongoRepository<AccessToken, String> {
    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByTenantIdOrderByCreatedAtDesc(String tenantId);
}
