package th.phatthana.api.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import th.phatthana.api.store.StoreProperties;
import th.phatthana.tenants.staff.CitizenIdHasher;

/**
 * The secret under which citizen IDs are hashed (HMAC-SHA256), from
 * {@code phatthana.pdpa.citizen-id-key} or the environment variable {@code PHATTHANA_CITIZEN_ID_KEY}:
 * at least 32 bytes (e.g. {@code openssl rand -base64 48}). It must stay the same for the life of
 * the data: hashes made under one key never match under another.
 *
 * <p>Without it, for development only, and with a warning in the log:
 * <ul>
 * <li>with the persistent embedded store, a key is generated once and kept in
 *     {@code <data dir>/citizen-id.key} (readable by the owner only), beside the data;</li>
 * <li>otherwise (a MongoDB, the in-memory store, tests) a random key lives as long as the process:
 *     citizen IDs stored before a restart can no longer be matched (they are not revealed either).</li>
 * </ul>
 * A key that is set but shorter than 32 bytes stops the start.
 */
@Configuration(proxyBeanMethods = false)
class CitizenIdKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CitizenIdKeyConfiguration.class);
    static final String PROPERTY = "phatthana.pdpa.citizen-id-key";
    static final String VARIABLE = "PHATTHANA_CITIZEN_ID_KEY";
    static final String KEY_FILE = "citizen-id.key";

    @Bean
    CitizenIdHasher citizenIdHasher(Environment environment, StoreProperties store) throws IOException {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = environment.getProperty(VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.strip().getBytes(StandardCharsets.UTF_8);
            if (key.length < CitizenIdHasher.MIN_KEY_BYTES) {
                throw new IllegalStateException(VARIABLE + " (" + PROPERTY + ") must have at least " + CitizenIdHasher.MIN_KEY_BYTES
                        + " bytes; generate one with: openssl rand -base64 48");
            }
            return new CitizenIdHasher(key);
        }
        if (store.embedded() && !store.inMemory()) {
            Path file = Path.of(store.dataDir()).toAbsolutePath().resolve(KEY_FILE);
            log.warn("{} is not set: citizen IDs are hashed with the development key in {}. Production must set {} "
                    + "(at least 32 bytes, e.g. openssl rand -base64 48) and keep it for the life of the data.", VARIABLE, file, VARIABLE);
            return new CitizenIdHasher(developmentKey(file));
        }
        log.warn("{} is not set: citizen IDs are hashed with a random key that lasts until this process stops, so citizen IDs "
                + "stored now cannot be matched after a restart. Set {} (at least 32 bytes, e.g. openssl rand -base64 48).",
                VARIABLE, VARIABLE);
        return new CitizenIdHasher(randomKey());
    }

    /** The key kept in the file, made on first use. */
    static byte[] developmentKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = randomKey();
            try {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions apply
                }
                Files.write(file, key);
                return key;
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            }
        }
        byte[] key = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < CitizenIdHasher.MIN_KEY_BYTES) {
            throw new IllegalStateException(file + " does not hold a citizen ID key of at least " + CitizenIdHasher.MIN_KEY_BYTES
                    + " bytes; delete it to make a new one (citizen IDs hashed under the old key will no longer match)");
        }
        return key;
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII);
    }
}
