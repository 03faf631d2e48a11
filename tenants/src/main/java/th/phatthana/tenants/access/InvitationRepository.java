package th.phatthana.tenants.access;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface InvitationRepository extends MongoRepository<Invitation, String> {
    Optional<Invitation> findByTokenHash(String tokenHash);
}
