package th.phatthana.api.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting the persistent embedded store from a backup ({@code phatthana.store.restore-from}). The
 * backup is opened and counted first, so a file that is not a store leaves the data untouched and
 * the application does not start. The data file it replaces is kept beside it. A marker remembers
 * the backup restored (by SHA-256), so a setting left in place does not restore it again over the
 * writes made since.
 */
final class StoreRestore {

    private static final Logger log = LoggerFactory.getLogger(StoreRestore.class);
    static final String MARKER = "restored-from.sha256";

    private StoreRestore() {
    }

    static void restore(Path backup, Path dataFile) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException("phatthana.store.restore-from: no backup file at " + backup);
        }
        String digest = sha256(backup);
        Path marker = dataFile.resolveSibling(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(digest)) {
            log.warn("Backup {} was restored before; starting from the data as it is (remove PHATTHANA_RESTORE_FROM)", backup);
            return;
        }
        Map<String, Long> documents;
        try {
            documents = DurableH2Backend.count(backup, StoreConfiguration.DATABASE);
        } catch (RuntimeException e) {
            throw new IllegalStateException("phatthana.store.restore-from: " + backup + " is not a backup of the embedded store ("
                    + e.getClass().getSimpleName() + "); the data was not changed", e);
        }
        // the copy is complete before the data file is touched: a failed copy leaves the data as it was
        Path partial = dataFile.resolveSibling(dataFile.getFileName() + ".restoring");
        Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(dataFile)) {
            Path kept = dataFile.resolveSibling(dataFile.getFileName() + ".before-restore-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(dataFile, kept);
            log.warn("Restoring the embedded store: the data file it replaces is kept as {}", kept);
        }
        Files.move(partial, dataFile, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(marker, digest + System.lineSeparator());
        log.warn("Embedded store restored from {} ({} statements)", backup, documents.getOrDefault("statements", 0L));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
