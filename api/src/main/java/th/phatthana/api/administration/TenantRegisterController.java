package th.phatthana.api.administration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import th.phatthana.api.access.Callers;
import th.phatthana.api.access.RestAccess;
import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.api.spreadsheets.Spreadsheets;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.tenant.TenantRegister;

/**
 * {@code POST /api/organisations/import}: the national register of local organisations from a
 * CSV or XLSX file (the body itself, or multipart field {@code file}). Columns: code, nameTh,
 * nameEn, kind, municipalClass, province, district. All rows are checked first; one bad row refuses
 * the whole file (422, row by row). NATIONAL only.
 */
@RestController
class TenantRegisterController {

    private final TenantRegister register;
    private final AuditTrail audit;

    TenantRegisterController(TenantRegister register, AuditTrail audit) {
        this.register = register;
        this.audit = audit;
    }

    @PostMapping("/api/organisations/import")
    ResponseEntity<Map<String, Object>> importRegister(HttpServletRequest request) throws IOException {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return RestAccess.unauthenticated(request);
        }
        if (!caller.isNational()) {
            return RestAccess.forbidden(request, "การนำเข้าทะเบียนหน่วยงานต้องมีบทบาทผู้ดูแลส่วนกลาง (NATIONAL)",
                    "importing the register needs the NATIONAL role");
        }
        Upload upload = Upload.from(request);
        List<Spreadsheets.SheetRow> rows;
        try {
            rows = Spreadsheets.read(upload.filename(), upload.content());
        } catch (Spreadsheets.UnreadableFileException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.text().in(RequestLanguage.of(request))));
        }
        List<TenantRegister.Entry> entries = new ArrayList<>(rows.size());
        for (Spreadsheets.SheetRow row : rows) {
            entries.add(new TenantRegister.Entry(row.number(), row.get("code"), row.get("nameTh"), row.get("nameEn"),
                    row.get("kind"), row.get("municipalClass"), row.get("province"), row.get("district")));
        }
        TenantRegister.Outcome outcome = register.importAll(entries);
        if (!outcome.accepted()) {
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", RequestLanguage.say(request,
                            "ไม่ได้นำเข้าไฟล์: พบปัญหา " + outcome.errors().size() + " รายการ ข้อมูลไม่มีการเปลี่ยนแปลง",
                            "the file was not imported: " + outcome.errors().size() + " problem(s); nothing was changed"),
                            "rows", outcome.errors().stream().map(e -> Map.of("row", e.row(), "column", e.column(),
                                    "message", e.message(RequestLanguage.of(request)))).toList()));
        }
        audit.record(null, caller, "organisation.importRegister", "register",
                Map.of("created", String.valueOf(outcome.created()), "updated", String.valueOf(outcome.updated())),
                request.getRemoteAddr());
        return ResponseEntity.ok(Map.of("created", outcome.created(), "updated", outcome.updated()));
    }
}
