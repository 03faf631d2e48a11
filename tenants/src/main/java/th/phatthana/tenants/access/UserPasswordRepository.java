package th.phatthana.tenants.access;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface UserPasswordRepository extends MongoRepository<UserPassword, String> {
}
