package th.phatthana.tenants.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface AppUserRepository extends MongoRepository<AppUser, String> {
    List<AppUser> findByTenantIdOrderByName(String tenantId);

    Optional<AppUser> findByEmail(String email);

    Optional<AppUser> findByTenantIdAndStaffId(String tenantId, String staffId);

    boolean existsByRolesContaining(Role role);
}
