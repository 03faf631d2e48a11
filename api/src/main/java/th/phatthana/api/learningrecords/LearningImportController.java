package th.phatthana.api.learningrecords;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import th.phatthana.api.access.Callers;
import th.phatthana.api.access.RestAccess;
import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.api.spreadsheets.Spreadsheets;
import th.phatthana.schema.Message;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completion lists into the LRS: {@code POST /api/learning-records/import} (multipart/form-data:
 * {@code file} CSV or XLSX, {@code source} a preset or CUSTOM, {@code mapping} a JSON object of
 * field → header, {@code course} the course of rows without one, {@code mode} preview (default) or
 * confirm) and {@code GET /api/learning-records/import/presets}. Bearer token or console session of
 * a TENANT_ADMIN or HR_OFFICER of the organisation. See docs/api.md.
 */
@RestController
class LearningImportController {

    static final Role[] IMPORTERS = { Role.TENANT_ADMIN, Role.HR_OFFICER };

    private final LearningImportService imports;
    private final SavedMappings saved;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final java.time.Clock clock;

    LearningImportController(LearningImportService imports, SavedMappings saved, AuditTrail audit, JsonMapper json,
            java.util.Optional<java.time.Clock> clock) {
        this.imports = imports;
        this.saved = saved;
        this.audit = audit;
        this.json = json;
        this.clock = clock.orElse(java.time.Clock.systemUTC());
    }

    @PostMapping("/api/learning-records/import")
    ResponseEntity<Map<String, Object>> importList(HttpServletRequest request,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "source", required = false) String sourceName,
            @RequestParam(name = "mapping", required = false) String mappingJson,
            @RequestParam(name = "course", required = false) String course,
            @RequestParam(name = "mappingName", required = false) String mappingName,
            @RequestParam(name = "mode", defaultValue = "preview") String mode) throws IOException {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return RestAccess.unauthenticated(request);
        }
        if (!caller.canWrite(caller.tenantId(), IMPORTERS)) {
            return RestAccess.forbidden(request, "การนำเข้าผลการเรียนรู้ต้องมีบทบาท TENANT_ADMIN หรือ HR_OFFICER ในหน่วยงาน",
                    "importing learning records needs the role TENANT_ADMIN or HR_OFFICER in the organisation");
        }
        boolean confirm = "confirm".equalsIgnoreCase(mode);
        if (!confirm && !"preview".equalsIgnoreCase(mode)) {
            return ResponseEntity.badRequest().body(error(request, "mode ต้องเป็น preview หรือ confirm", "mode is preview or confirm"));
        }
        if (file == null || file.isEmpty()) {
            return ResponseEntity.badRequest().body(error(request,
                    "ส่งรายชื่อผู้ผ่านการพัฒนาแบบ multipart/form-data โดยใส่ไฟล์ในฟิลด์ 'file' (CSV UTF-8 หรือ XLSX)",
                    "send the completion list as multipart/form-data with the file in the field 'file' (CSV UTF-8 or XLSX)"));
        }
        Map<ImportField, String> mapping;
        try {
            mapping = mapping(mappingJson);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(error(request, "mapping ต้องเป็นออบเจ็กต์ JSON ของฟิลด์กับหัวคอลัมน์ เช่น "
                    + "{\"staffNumber\":\"รหัส\",\"date\":\"วันที่อบรม\"}: " + e.getMessage(),
                    "mapping is a JSON object of field to header, e.g. {\"staffNumber\":\"รหัส\",\"date\":\"วันที่อบรม\"}: " + e.getMessage()));
        }
        if (mappingName != null && !mappingName.isBlank()) {
            var found = saved.find(caller.tenantId(), mappingName);
            if (found.isEmpty()) {
                return ResponseEntity.badRequest().body(error(request, "หน่วยงานไม่มีการจับคู่คอลัมน์ที่บันทึกไว้ชื่อ '" + mappingName.strip() + "'",
                        "the organisation has no saved mapping named '" + mappingName.strip() + "'"));
            }
            Map<ImportField, String> merged = new EnumMap<>(found.get().mapping());
            merged.putAll(mapping);
            mapping = merged;
        }
        ImportSource source = sourceName == null || sourceName.isBlank() ? (mapping.isEmpty() ? null : ImportSource.CUSTOM)
                : ImportSource.byName(sourceName);
        if (source == null) {
            return ResponseEntity.badRequest().body(error(request,
                    "source ต้องเป็น DLA_ELEARNING, OCSC_LEARNING_PORTAL, ATTENDANCE_SHEET หรือ CUSTOM (พร้อม mapping)",
                    "source is DLA_ELEARNING, OCSC_LEARNING_PORTAL, ATTENDANCE_SHEET or CUSTOM (with a mapping)"));
        }
        LearningImportService.ImportRequest importRequest = new LearningImportService.ImportRequest(caller.tenantId(), caller,
                file.getOriginalFilename(), file.getBytes(), source, mapping, course);
        LearningImportService.ImportResult result;
        try {
            result = confirm ? imports.confirm(importRequest) : imports.preview(importRequest);
        } catch (Spreadsheets.UnreadableFileException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.text().in(RequestLanguage.of(request))));
        }
        Map<String, Object> body = body(result, confirm, RequestLanguage.of(request));
        if (confirm && result.refused()) {
            body.put("error", Message.of("ไม่ได้นำเข้าไฟล์: พบปัญหา " + result.problems().size() + " รายการ ไม่มีการบันทึกใด ๆ",
                    "the file was not imported: " + result.problems().size() + " problem(s); nothing was written").in(RequestLanguage.of(request)));
            return ResponseEntity.unprocessableContent().body(body);
        }
        if (confirm) {
            audit.record(caller.tenantId(), caller, "learningRecords.import", "learning-records", Map.of("source", source.name(),
                    "file", String.valueOf(file.getOriginalFilename()), "sha256", result.sha256(), "written", String.valueOf(result.written()),
                    "alreadyImported", String.valueOf(result.alreadyImported())), request.getRemoteAddr());
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/learning-records/import/presets")
    ResponseEntity<Map<String, Object>> presets(HttpServletRequest request) {
        // the importers' page only (the self-service isolation test walks every file endpoint)
        ResponseEntity<Map<String, Object>> refused = refusal(request, Callers.current(request));
        if (refused != null) {
            return refused;
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (ImportSource source : ImportSource.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", source.name());
            entry.put("label", Message.of(source.labelTh(), source.labelEn()).in(RequestLanguage.of(request)));
            entry.put("defaultVerb", source.defaultVerb());
            Map<String, List<String>> columns = new LinkedHashMap<>();
            source.headers().forEach((field, headers) -> columns.put(field.key(), headers));
            entry.put("columns", columns);
            sources.add(entry);
        }
        List<Map<String, String>> fields = new ArrayList<>();
        for (ImportField field : ImportField.values()) {
            fields.add(Map.of("field", field.key(), "label", field.labelTh()));
        }
        return ResponseEntity.ok(Map.of("sources", sources, "fields", fields));
    }

    /** The organisation's saved mappings. */
    @GetMapping("/api/learning-records/import/mappings")
    ResponseEntity<Map<String, Object>> mappings(HttpServletRequest request) {
        Caller caller = Callers.current(request);
        ResponseEntity<Map<String, Object>> refused = refusal(request, caller);
        if (refused != null) {
            return refused;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (SavedMappings.Saved mapping : saved.list(caller.tenantId())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", mapping.name());
            entry.put("mapping", SavedMappings.json(mapping.mapping()));
            entry.put("savedAt", mapping.savedAt() == null ? null : mapping.savedAt().toString());
            list.add(entry);
        }
        return ResponseEntity.ok(Map.of("mappings", list));
    }

    /** Saves (or replaces) a named mapping: {@code {"name": "…", "mapping": {"staffNumber": "เลขที่", …}}}. */
    @PostMapping("/api/learning-records/import/mappings")
    ResponseEntity<Map<String, Object>> saveMapping(HttpServletRequest request, @org.springframework.web.bind.annotation.RequestBody String body) {
        Caller caller = Callers.current(request);
        ResponseEntity<Map<String, Object>> refused = refusal(request, caller);
        if (refused != null) {
            return refused;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            node = null;
        }
        String name = node == null ? "" : node.path("name").asString("").strip();
        if (name.isEmpty() || name.length() > 100 || name.contains("/")) {
            return ResponseEntity.badRequest().body(error(request, "ต้องระบุชื่อ (name) ยาว 1 ถึง 100 ตัวอักษร ไม่มี /",
                    "name is 1 to 100 characters without /"));
        }
        Map<ImportField, String> mapping;
        try {
            mapping = mapping(node.path("mapping").isObject() ? json.writeValueAsString(node.path("mapping")) : "");
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(error(request, "mapping ไม่ถูกต้อง: " + e.getMessage(), "mapping is not valid: " + e.getMessage()));
        }
        if (mapping.keySet().stream().noneMatch(ImportField::identifiesThePerson) || !mapping.containsKey(ImportField.DATE)) {
            return ResponseEntity.badRequest().body(error(request,
                    "mapping ต้องระบุคอลัมน์ที่ระบุตัวบุคคลอย่างน้อยหนึ่งคอลัมน์ และคอลัมน์วันที่ (date)",
                    "mapping names at least one column of the person and the date column"));
        }
        saved.save(caller.tenantId(), name, mapping, caller.subject(), clock.instant());
        audit.record(caller.tenantId(), caller, "learningRecords.mappingSaved", "learning-records", Map.of("name", name),
                request.getRemoteAddr());
        return ResponseEntity.ok(Map.of("name", name, "mapping", SavedMappings.json(mapping)));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/learning-records/import/mappings")
    ResponseEntity<Map<String, Object>> deleteMapping(HttpServletRequest request, @RequestParam(name = "name") String name) {
        Caller caller = Callers.current(request);
        ResponseEntity<Map<String, Object>> refused = refusal(request, caller);
        if (refused != null) {
            return refused;
        }
        if (!saved.delete(caller.tenantId(), name)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(request, "ไม่พบการจับคู่คอลัมน์ชื่อนี้", "no saved mapping of that name"));
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Map<String, Object>> refusal(HttpServletRequest request, Caller caller) {
        if (caller == Callers.ANONYMOUS) {
            return RestAccess.unauthenticated(request);
        }
        if (!caller.canWrite(caller.tenantId(), IMPORTERS)) {
            return RestAccess.forbidden(request, "ต้องมีบทบาท TENANT_ADMIN หรือ HR_OFFICER ในหน่วยงาน",
                    "needs the role TENANT_ADMIN or HR_OFFICER in the organisation");
        }
        return null;
    }

    private Map<ImportField, String> mapping(String text) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        if (text == null || text.isBlank()) {
            return mapping;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        for (String name : node.propertyNames()) {
            ImportField field = ImportField.byKey(name);
            if (field == null) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
            JsonNode header = node.get(name);
            if (!header.isString()) {
                throw new IllegalArgumentException("the header of '" + name + "' is not a string");
            }
            if (!header.stringValue().isBlank()) {
                mapping.put(field, header.stringValue());
            }
        }
        return mapping;
    }

    private static Map<String, Object> body(LearningImportService.ImportResult result, boolean confirm, Locale language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", confirm ? "confirm" : "preview");
        body.put("source", result.source().name());
        body.put("sha256", result.sha256());
        body.put("rows", result.rows());
        body.put("toWrite", result.toWrite());
        body.put("alreadyImported", result.alreadyImported());
        body.put("duplicates", result.duplicates());
        body.put("written", result.written());
        body.put("refused", result.refused());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (LearningImportService.RowProblem problem : result.problems()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("row", problem.row());
            entry.put("column", problem.column());
            entry.put("field", problem.field());
            entry.put("code", problem.code());
            entry.put("message", problem.message().in(language));
            problems.add(entry);
        }
        body.put("problems", problems);
        List<Map<String, Object>> records = new ArrayList<>();
        for (LearningImportService.PlannedRecord record : result.records()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("row", record.row());
            entry.put("staffNumber", record.staffNumber());
            entry.put("name", record.name());
            entry.put("course", record.course());
            entry.put("date", record.date().toString());
            entry.put("verb", record.verb());
            entry.put("hours", record.hours());
            entry.put("score", record.score());
            entry.put("status", record.status().name());
            records.add(entry);
        }
        body.put("records", records);
        return body;
    }

    private static Map<String, Object> error(HttpServletRequest request, String th, String en) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", RequestLanguage.say(request, th, en));
        return body;
    }
}
