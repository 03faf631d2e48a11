package th.phatthana.api.selfservice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import th.phatthana.api.access.Callers;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.problems.ApiException;
import th.phatthana.api.problems.RequestLanguage;
import th.phatthana.lrs.statements.Attachment;
import th.phatthana.lrs.statements.PersonStatements;
import th.phatthana.lrs.statements.StatementService;
import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Message;
import th.phatthana.schema.xapi.ActorKey;
import th.phatthana.schema.xapi.XapiVerbs;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditTrail;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Certificates (ใบประกาศนียบัตร/วุฒิบัตร) on a person's development record. {@code POST /api/certificates}
 * (TENANT_ADMIN, HR_OFFICER) writes one xAPI statement "completed" about the person through
 * {@link StatementService#store}, the path every statement takes, with the file as its attachment
 * (usage type certificate-of-completion, sha2, content type; PDF, PNG or JPEG up to 10 MB).
 * {@code GET /api/certificates/{statementId}} gives the file to whoever may read that person
 * ({@link PersonAccess}: HR, the person themself, their supervisor); to anyone else it is 404.
 */
@RestController
class CertificateController {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final String EVIDENCE_EXTENSION = "https://phatthana.th/xapi/extensions/evidence";
    static final String ACTIVITY_BASE = "https://phatthana.th/xapi/activities/development/";

    private final PersonAccess access;
    private final StaffService staff;
    private final StatementService statements;
    private final PersonStatements stored;
    private final PlanService plans;
    private final AuditTrail audit;
    private final JsonMapper json;

    CertificateController(PersonAccess access, StaffService staff, StatementService statements, PersonStatements stored,
            PlanService plans, AuditTrail audit, JsonMapper json) {
        this.access = access;
        this.staff = staff;
        this.statements = statements;
        this.stored = stored;
        this.plans = plans;
        this.audit = audit;
        this.json = json;
    }

    @PostMapping("/api/certificates")
    ResponseEntity<Map<String, Object>> attach(HttpServletRequest request,
            @RequestParam(name = "staffId", required = false) String staffId,
            @RequestParam(name = "activityId", required = false) String activityId,
            @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "date", required = false) String date,
            @RequestParam(name = "hours", required = false) String hours,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return error(request, HttpStatus.UNAUTHORIZED, null, "UNAUTHENTICATED", "กรุณาเข้าสู่ระบบ", "sign in first");
        }
        Staff member;
        try {
            member = access.readable(caller, staffId);
        } catch (ApiException e) {
            return error(request, HttpStatus.NOT_FOUND, "staffId", "NOT_FOUND", "ไม่พบบุคลากร", "staff member not found");
        }
        if (!caller.canWrite(member.tenantId(), Role.TENANT_ADMIN, Role.HR_OFFICER)) {
            return error(request, HttpStatus.FORBIDDEN, null, "FORBIDDEN",
                    "การแนบใบประกาศนียบัตรต้องมีบทบาท TENANT_ADMIN หรือ HR_OFFICER ในหน่วยงาน",
                    "attaching a certificate needs the role TENANT_ADMIN or HR_OFFICER in the organisation");
        }
        if (file == null || file.isEmpty()) {
            return error(request, HttpStatus.BAD_REQUEST, "file", "REQUIRED",
                    "ต้องแนบไฟล์ใบประกาศนียบัตร (PDF, PNG หรือ JPEG) ในฟิลด์ 'file'", "attach the certificate (PDF, PNG or JPEG) in the field 'file'");
        }
        if (file.getSize() > MAX_BYTES) {
            return error(request, HttpStatus.CONTENT_TOO_LARGE, "file", "TOO_LARGE",
                    "ไฟล์ใบประกาศนียบัตรมีขนาดเกิน 10 MB กรุณาลดขนาดไฟล์ (เช่น สแกนที่ความละเอียดต่ำลง) แล้วส่งใหม่",
                    "the certificate file is larger than 10 MB");
        }
        byte[] content = file.getBytes();
        String contentType = contentType(content);
        if (contentType == null) {
            return error(request, HttpStatus.BAD_REQUEST, "file", "UNSUPPORTED_TYPE",
                    "ไฟล์ใบประกาศนียบัตรต้องเป็น PDF, PNG หรือ JPEG", "the certificate must be a PDF, PNG or JPEG file");
        }
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > 300) {
            return error(request, HttpStatus.BAD_REQUEST, "title", "REQUIRED",
                    "ต้องระบุชื่อหลักสูตรหรือกิจกรรมการพัฒนา ยาวไม่เกิน 300 ตัวอักษร", "name the course or activity (at most 300 characters)");
        }
        String activity = activityId == null || activityId.isBlank() ? ACTIVITY_BASE + sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 16)
                : activityId.strip();
        if (!absoluteIri(activity)) {
            return error(request, HttpStatus.BAD_REQUEST, "activityId", "INVALID",
                    "รหัสกิจกรรม (activity id) ต้องเป็น IRI แบบเต็ม เช่น https://…", "the activity id must be an absolute IRI");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null || day.isAfter(plans.today())) {
            return error(request, HttpStatus.BAD_REQUEST, "date", "INVALID",
                    "ต้องระบุวันที่ได้รับใบประกาศนียบัตร (ปปปป-ดด-วว แบบ ค.ศ.) ซึ่งต้องไม่เป็นวันในอนาคต", "the date (yyyy-mm-dd), not in the future");
        }
        Double hoursValue = null;
        if (hours != null && !hours.isBlank()) {
            try {
                hoursValue = Double.parseDouble(hours.strip());
            } catch (NumberFormatException e) {
                hoursValue = -1.0;
            }
            if (hoursValue < 0 || hoursValue > 1000) {
                return error(request, HttpStatus.BAD_REQUEST, "hours", "INVALID", "จำนวนชั่วโมงต้องอยู่ระหว่าง 0 ถึง 1000", "hours between 0 and 1000");
            }
        }
        if (member.xapiIdentities().isEmpty()) {
            return error(request, HttpStatus.BAD_REQUEST, "staffId", "NO_IDENTITY",
                    "บุคลากรผู้นี้ยังไม่มีตัวตน xAPI ที่จะใช้บันทึกผลการพัฒนา", "the staff member has no xAPI identity to record the statement about");
        }
        String sha2 = sha256(content);
        String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "certificate"
                : file.getOriginalFilename().strip();
        ObjectNode statement = json.createObjectNode();
        ObjectNode agent = statement.putObject("actor").put("objectType", "Agent").put("name", member.fullNameTh());
        agent.setAll(member.xapiIdentities().get(0).agent());
        ObjectNode verb = statement.putObject("verb").put("id", XapiVerbs.COMPLETED);
        verb.putObject("display").put("en-US", "completed");
        ObjectNode object = statement.putObject("object").put("objectType", "Activity").put("id", activity);
        object.putObject("definition").putObject("name").put("th-TH", name);
        ObjectNode result = statement.putObject("result").put("completion", true);
        if (hoursValue != null) {
            result.put("duration", "PT" + Math.round(hoursValue * 3600) + "S");
        }
        statement.putObject("context").putObject("extensions").put(EVIDENCE_EXTENSION, "certificate");
        statement.put("timestamp", day.atTime(LocalTime.NOON).atZone(FiscalYears.BANGKOK).toOffsetDateTime().toString());
        ObjectNode attachment = statement.putArray("attachments").addObject();
        attachment.put("usageType", DevelopmentRecords.CERTIFICATE_USAGE);
        attachment.putObject("display").put("th-TH", "ใบประกาศนียบัตร").put("en-US", "certificate");
        attachment.putObject("description").put("th-TH", fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
        attachment.put("contentType", contentType);
        attachment.put("length", content.length);
        attachment.put("sha2", sha2);
        XapiClient client = new XapiClient(member.tenantId(), "user:" + caller.subject(), "user:" + caller.subject(), caller.displayName(),
                Set.of(XapiScope.STATEMENTS_WRITE));
        List<String> ids;
        try {
            ids = statements.store(new XapiRequest(client, XapiVersion.V1_0_3), statement, List.of(new Attachment(sha2, contentType, content)), null);
        } catch (XapiException e) {
            return error(request, HttpStatus.BAD_REQUEST, null, "INVALID", "บันทึกใบประกาศนียบัตรไม่ถูกต้องตามมาตรฐาน xAPI: " + e.getMessage(), e.getMessage());
        }
        String id = ids.get(0);
        audit.record(member.tenantId(), caller, "certificate.attach", "staff:" + member.id(),
                Map.of("statementId", id, "sha2", sha2, "contentType", contentType), request.getRemoteAddr());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("statementId", id);
        body.put("sha2", sha2);
        body.put("contentType", contentType);
        body.put("length", content.length);
        body.put("downloadUrl", "/api/certificates/" + id);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping("/api/certificates/{id}")
    ResponseEntity<?> download(HttpServletRequest request, @PathVariable String id,
            @RequestParam(name = "organisationId", required = false) String organisationId) {
        Caller caller = Callers.current(request);
        if (caller == Callers.ANONYMOUS) {
            return error(request, HttpStatus.UNAUTHORIZED, null, "UNAUTHENTICATED", "กรุณาเข้าสู่ระบบ", "sign in first");
        }
        String tenantId = organisationId != null ? organisationId : caller.tenantId();
        if (tenantId == null) {
            return notFound(request);
        }
        Optional<PersonStatements.Found> found = stored.find(tenantId, id);
        if (found.isEmpty()) {
            return notFound(request);
        }
        JsonNode statement = found.get().statement();
        List<DevelopmentRecords.CertificateView> certificates = DevelopmentRecords.certificates(found.get().statementId(), statement);
        String key = ActorKey.of(statement.path("actor"));
        Optional<Staff> person = key == null ? Optional.empty() : staff.findByIdentityKey(tenantId, key);
        if (certificates.isEmpty() || person.isEmpty()) {
            return notFound(request);
        }
        try {
            access.readable(caller, person.get().id());
        } catch (ApiException e) {
            return notFound(request);
        }
        DevelopmentRecords.CertificateView certificate = certificates.get(0);
        Optional<Attachment> content = stored.attachment(tenantId, certificate.sha2());
        if (content.isEmpty()) {
            return notFound(request);
        }
        String extension = switch (content.get().contentType()) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.get().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("certificate-" + found.get().statementId() + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .body(content.get().content());
    }

    private static ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        return error(request, HttpStatus.NOT_FOUND, null, "NOT_FOUND", "ไม่พบใบประกาศนียบัตร", "certificate not found");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status, String field, String code,
            String th, String en) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", Message.of(th, en).in(RequestLanguage.of(request)));
        if (field != null) {
            error.put("field", field);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            answer.header(org.springframework.http.HttpHeaders.WWW_AUTHENTICATE, "Bearer"); // the challenge a 401 must carry
        }
        return answer.body(Map.of("error", error));
    }

    /** The type the file's first bytes show (never the type the client claims): PDF, PNG or JPEG, else null. */
    static String contentType(byte[] content) {
        if (startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return "application/pdf";
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean absoluteIri(String value) {
        try {
            return java.net.URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
