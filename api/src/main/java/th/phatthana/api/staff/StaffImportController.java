package th.phatthana.api.staff;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import th.phatthana.api.access.Callers;
import th.phatthana.api.access.RestAccess;
import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.schema.Message;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.staff.StaffRoster;

/**
 * Roster import: {@code POST /api/staff/import} (multipart/form-data, field {@code file}: CSV or
 * XLSX) upserts the caller's staff by staff number, all rows or none (422 with the errors row by
 * row); {@code GET /api/staff/import/template?format=csv|xlsx} gives the template. Bearer token of
 * a TENANT_ADMIN or HR_OFFICER (the template: any valid token). See docs/api.md.
 */
@RestController
class StaffImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final StaffRoster roster;
    private final AuditTrail audit;

    StaffImportController(StaffRoster roster, AuditTrail audit) {
        this.roster = roster;
        this.audit = audit;
    }

    @PostMapping("/api/staff/import")
    ResponseEntity<Map<String, Object>> importRoster(HttpServletRequest request,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return RestAccess.unauthenticated(request);
        }
        if (!caller.canWrite(caller.tenantId(), StaffAccess.STAFF_WRITERS)) {
            return RestAccess.forbidden(request, "การนำเข้าข้อมูลบุคลากรต้องมีบทบาท TENANT_ADMIN หรือ HR_OFFICER ในหน่วยงาน",
                    "importing staff needs the role TENANT_ADMIN or HR_OFFICER in the organisation");
        }
        if (file == null || file.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", RequestLanguage.say(request,
                    "ส่งทะเบียนบุคลากรแบบ multipart/form-data โดยใส่ไฟล์ในฟิลด์ 'file' (CSV UTF-8 หรือ XLSX)",
                    "send the roster as multipart/form-data with the file in the field 'file' (CSV UTF-8 or XLSX)")));
        }
        List<StaffRoster.Row> rows;
        try {
            rows = RosterFiles.read(file.getOriginalFilename(), file.getBytes());
        } catch (RosterFiles.UnreadableFileException e) {
            if (e.errors().isEmpty()) {
                return ResponseEntity.badRequest().body(Map.of("error", e.text().in(RequestLanguage.of(request))));
            }
            return refused(request, e.text().th(), e.text().en(), e.errors());
        }
        StaffRoster.Result result;
        try {
            result = roster.importRows(caller.tenantId(), rows);
        } catch (StaffRoster.ConcurrentChangeException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
        }
        if (!result.accepted()) {
            return refused(request, "ไม่ได้นำเข้าไฟล์: พบปัญหา " + result.errors().size() + " รายการ ข้อมูลไม่มีการเปลี่ยนแปลง",
                    "the file was not imported: " + result.errors().size() + " problem(s); nothing was changed", result.errors());
        }
        audit.record(caller.tenantId(), caller, "staff.import", "staff", Map.of("file", String.valueOf(file.getOriginalFilename()),
                "created", String.valueOf(result.created()), "updated", String.valueOf(result.updated())), request.getRemoteAddr());
        return ResponseEntity.ok(Map.of("created", result.created(), "updated", result.updated()));
    }

    @GetMapping("/api/staff/import/template")
    ResponseEntity<?> template(HttpServletRequest request, @RequestParam(name = "format", defaultValue = "xlsx") String format) {
        if (Callers.current(request) == Callers.ANONYMOUS) {
            return RestAccess.unauthenticated(request);
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> file(RosterTemplate.csv(), CSV, "staff-roster-template.csv");
            case "xlsx" -> file(RosterTemplate.xlsx(), XLSX, "staff-roster-template.xlsx");
            default -> ResponseEntity.badRequest().body(Map.of("error", RequestLanguage.say(request, "format ต้องเป็น csv หรือ xlsx", "format is csv or xlsx")));
        };
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpServletRequest request, String th, String en,
            List<StaffRoster.RowError> errors) {
        Locale language = RequestLanguage.of(request);
        List<Map<String, Object>> rows = errors.stream().map(error -> json(error, language)).toList();
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", Message.of(th, en).in(language), "rows", rows));
    }

    /** One row error: the row, the column's Thai header (empty for the whole row), its English key, a stable code, the message. */
    private static Map<String, Object> json(StaffRoster.RowError error, Locale language) {
        Map<String, Object> row = new LinkedHashMap<>();
        RosterColumn column = error.column();
        row.put("row", error.row());
        row.put("column", column == null ? "" : column.header());
        row.put("field", column == null ? "" : column.key());
        row.put("code", error.code());
        row.put("message", error.message(language));
        return row;
    }
}
