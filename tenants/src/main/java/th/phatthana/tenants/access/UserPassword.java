package th.phatthana.tenants.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The password of a user, as an Argon2id hash, kept apart from the user document so that reading
 * users never reads a hash and a password change never races an admin's change of the user.
 *
 * @param userId    the user (the document's id)
 * @param hash      Argon2id, in Spring Security's encoded form (parameters and salt included)
 * @param changedAt when it was set
 */
@Document("user_passwords")
public record UserPassword(@Id String userId, String hash, Instant changedAt) {
}
