package th.phatthana.api.administration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.api.access.Callers;
import th.phatthana.api.access.RestAccess;
import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.api.store.EmbeddedStore;
import th.phatthana.api.store.StoreProperties;
import th.phatthana.tenants.access.Caller;

/**
 * {@code POST /api/admin/backup} (NATIONAL): an online, consistent backup of the persistent embedded
 * store into {@code <data dir>/backups/}. With MongoDB the database's own tools do it
 * (docs/operations.md, Backup and restore), so the request is refused with that advice.
 */
@RestController
class StoreBackupController {

    private static final Logger log = LoggerFactory.getLogger(StoreBackupController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneId.of("Asia/Bangkok"));

    private final EmbeddedStore store;
    private final StoreProperties properties;
    private final Clock clock;

    StoreBackupController(EmbeddedStore store, StoreProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/admin/backup")
    ResponseEntity<Map<String, Object>> backup(HttpServletRequest request) throws IOException {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return RestAccess.unauthenticated(request);
        }
        if (!caller.isNational()) {
            return RestAccess.forbidden(request, "การสำรองข้อมูลต้องมีบทบาทผู้ดูแลส่วนกลาง (NATIONAL)", "a backup needs the NATIONAL role");
        }
        if (!store.canBackUp()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", RequestLanguage.say(request,
                    "ระบบนี้ไม่ได้ใช้ที่เก็บข้อมูลในตัวแบบถาวร: สำรองข้อมูล MongoDB ด้วย mongodump หรือ snapshot ตามคู่มือการดูแลระบบ",
                    "this deployment does not run on the persistent embedded store: back up MongoDB with mongodump or a snapshot "
                            + "(docs/operations.md)")));
        }
        Path directory = Path.of(properties.dataDir()).toAbsolutePath().resolve("backups");
        Files.createDirectories(directory);
        Path target = directory.resolve("phatthana-" + STAMP.format(clock.instant()) + ".mv");
        EmbeddedStore.Backup made = store.backup(target);
        log.info("Embedded store backed up to {} ({} bytes; writes waited {} ms)", made.file(), made.bytes(), made.writesPaused().toMillis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", made.file().toString());
        body.put("bytes", made.bytes());
        body.put("writesPausedMillis", made.writesPaused().toMillis());
        body.put("documents", made.documents());
        return ResponseEntity.ok(body);
    }
}
