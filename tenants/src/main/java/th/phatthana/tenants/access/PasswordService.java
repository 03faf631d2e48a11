package th.phatthana.tenants.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users' passwords: set (after the policy allowed them) and checked. Hashes are Argon2id with
 * Spring Security's current defaults (16 MiB, 2 iterations), which also keeps long Thai
 * passphrases whole (bcrypt would cut them at 72 bytes, 24 Thai characters).
 */
@Service
public class PasswordService {

    /** The shortest password accepted, in characters. */
    public static final int MIN_LENGTH = 10;
    /** The longest, so that hashing cannot be made to take long. */
    public static final int MAX_LENGTH = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final UserPasswordRepository passwords;
    /** Checked against when there is no user or no password, so that an answer takes as long either way. */
    private final String decoyHash = encoder.encode("not a password of anyone");

    private final Clock clock;

    public PasswordService(UserPasswordRepository passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What is wrong with a new password, or empty when the policy allows it. */
    public static Optional<PasswordProblem> problem(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(PasswordProblem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(PasswordProblem.TOO_LONG);
        }
        return Optional.empty();
    }

    public enum PasswordProblem {
        TOO_SHORT, TOO_LONG
    }

    /** A random password of 16 letters and digits that cannot be mistaken for one another (about 80 bits). */
    public static String generate() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** Sets a user's password; the caller has checked {@link #problem}. */
    public void set(String userId, String password) {
        if (problem(password).isPresent()) {
            throw new IllegalArgumentException("the password does not meet the policy");
        }
        passwords.save(new UserPassword(userId, encoder.encode(password), clock.instant()));
    }

    /** Whether the password is the user's. A user without a password matches nothing. */
    public boolean matches(String userId, String password) {
        if (password == null || password.length() > MAX_LENGTH * 4) {
            return false;
        }
        Optional<UserPassword> stored = userId == null ? Optional.empty() : passwords.findById(userId);
        if (stored.isEmpty()) {
            encoder.matches(password, decoyHash);
            return false;
        }
        return encoder.matches(password, stored.get().hash());
    }

    public boolean hasPassword(String userId) {
        return passwords.existsById(userId);
    }
}
