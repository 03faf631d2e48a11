package th.phatthana.tenants.access;

import java.time.Instant;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ConsoleSessionRepository extends MongoRepository<ConsoleSession, String> {
    void deleteByUserId(String userId);

    void deleteByExpiresAtBefore(Instant instant);
}
