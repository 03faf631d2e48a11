package th.phatthana.api.learningrecords;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.spreadsheets.Spreadsheets;
import th.phatthana.lrs.statements.StatementRepository;
import th.phatthana.lrs.statements.StatementService;
import th.phatthana.lrs.statements.validation.XapiVersion;
import th.phatthana.lrs.xapi.XapiException;
import th.phatthana.lrs.xapi.XapiRequest;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Glossary;
import th.phatthana.schema.Message;
import th.phatthana.schema.xapi.XapiVerbs;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.credentials.XapiClient;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.staff.CitizenIds;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a completion list (CSV or XLSX) into the organisation's LRS as xAPI statements. The
 * preview reads the whole file, matches every row to a person of the register and a course, and
 * says what would be written and what refuses the file, row by row, writing nothing. The
 * confirmation does the same and, when no row is refused, stores the new statements in one batch
 * through {@link StatementService#store} (the path of every xAPI POST): all or nothing. Each row's
 * statement id is name-based (UUID version 5) on the organisation, the source, the person, the
 * activity and the date, so importing the same list again stores nothing new.
 */
@Service
public class LearningImportService {

    /** The context extension naming where the record came from (an {@link ImportSource#iri()}). */
    public static final String SOURCE_EXTENSION = "https://phatthana.th/xapi/extensions/import-source";
    /** The context extension holding the SHA-256 of the imported file, in hex. */
    public static final String FILE_EXTENSION = "https://phatthana.th/xapi/extensions/import-file-sha256";
    static final String FAILED = XapiVerbs.adl("failed");
    /** The namespace of the statement ids (UUID version 5). */
    private static final UUID NAMESPACE = UUID.fromString("5b0f7d3e-2f4c-4d7e-9a59-6f1c3c9e1a17");
    private static final int MAX_ROWS = 20_000;
    private static final Pattern HEADER_NOISE = Pattern.compile("[\\s\\-_.\\u00A0\\uFEFF]+");
    private static final Pattern IRI = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:\\S+");
    private static final Pattern UNITS = Pattern.compile("(?i)ชั่วโมง|ชม\\.?|hours?|hrs?\\.?|คะแนน|%");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern HOURS_MINUTES = Pattern.compile("\\d{1,3}:[0-5]\\d");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int LISTED_RECORDS = 200;

    private final StaffService staff;
    private final PlanService plans;
    private final StatementService statements;
    private final StatementRepository stored;
    private final JsonMapper json;

    LearningImportService(StaffService staff, PlanService plans, StatementService statements, StatementRepository stored, JsonMapper json) {
        this.staff = staff;
        this.plans = plans;
        this.statements = statements;
        this.stored = stored;
        this.json = json;
    }

    /**
     * What to import.
     *
     * @param mapping       for {@link ImportSource#CUSTOM}, the header of each field used; for a preset, headers that
     *                      replace the preset's (may be empty)
     * @param defaultCourse the course (Thai title of a plan course, or an activity IRI) of rows without one, or null
     */
    public record ImportRequest(String tenantId, Caller caller, String filename, byte[] content, ImportSource source,
            Map<ImportField, String> mapping, String defaultCourse) {
    }

    /** A problem of the file (row 1: its header) or of one row; {@code field} is an {@link ImportField} key or empty. */
    public record RowProblem(int row, String column, String field, String code, Message message) {
    }

    public enum RecordStatus {
        NEW, ALREADY_IMPORTED, DUPLICATE
    }

    /** One row that would be (or was) written. */
    public record PlannedRecord(int row, String staffNumber, String name, String course, LocalDate date, String verb, Double hours,
            Double score, RecordStatus status) {
    }

    /**
     * The outcome: counts, the problems (the file is refused when there is any), the first records.
     *
     * @param toWrite         rows that would be (preview) or were (confirm) written as new statements
     * @param alreadyImported rows whose statement is stored already (an earlier import of the list)
     * @param duplicates      rows repeating an earlier row of the file: written once
     * @param written         statements written by this request (0 for a preview)
     */
    public record ImportResult(boolean confirmed, ImportSource source, String sha256, int rows, int toWrite, int alreadyImported,
            int duplicates, int written, List<RowProblem> problems, List<PlannedRecord> records) {
        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    public ImportResult preview(ImportRequest request) {
        return run(request, false);
    }

    public ImportResult confirm(ImportRequest request) {
        return run(request, true);
    }

    private ImportResult run(ImportRequest request, boolean confirm) {
        String sha256 = sha256(request.content());
        Spreadsheets.Table table = Spreadsheets.readTable(request.filename(), request.content());
        List<RowProblem> problems = new ArrayList<>();
        Map<ImportField, Integer> columns = columns(table.headers(), request, problems);
        if (table.rows().isEmpty()) {
            problems.add(new RowProblem(1, "", "", "EMPTY", Message.of("ไฟล์ไม่มีแถวข้อมูล", "the file has no data rows")));
        }
        if (table.rows().size() > MAX_ROWS) {
            problems.add(new RowProblem(1, "", "", "TOO_MANY_ROWS", Message.of("ไฟล์มีข้อมูลเกิน " + MAX_ROWS + " แถว กรุณาแบ่งไฟล์",
                    "the file has more than " + MAX_ROWS + " rows: split it")));
        }
        if (!problems.isEmpty()) {
            return new ImportResult(false, request.source(), sha256, table.rows().size(), 0, 0, 0, 0, problems, List.of());
        }
        Register register = new Register(request.tenantId(), staff.all(request.tenantId()));
        Courses courses = new Courses(request.tenantId());
        LocalDate today = plans.today();

        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Map<String, Integer> firstRowOfId = new HashMap<>();
        List<PlannedRecord> records = new ArrayList<>();
        List<String> recordIds = new ArrayList<>();
        int duplicates = 0;
        for (Spreadsheets.TableRow row : table.rows()) {
            Cells cells = new Cells(row, columns, table.headers());
            int before = problems.size();
            Match person = register.match(cells, problems);
            Course course = courses.of(cells, request.defaultCourse(), problems);
            LocalDate date = date(cells, today, problems);
            Double hours = number(cells, ImportField.HOURS, 0, 1000, "INVALID_HOURS",
                    "จำนวนชั่วโมงต้องเป็นตัวเลข 0 ถึง 1000", "hours must be a number from 0 to 1000", problems);
            Double score = number(cells, ImportField.SCORE, 0, 100, "INVALID_SCORE",
                    "คะแนนต้องเป็นตัวเลข 0 ถึง 100", "the score must be a number from 0 to 100", problems);
            Outcome outcome = outcome(cells, request.source(), problems);
            if (problems.size() > before) {
                continue;
            }
            String id = statementId(request.tenantId(), request.source(), person.member().id(), course.activityId(), date);
            ObjectNode statement = statement(id, person, course, date, hours, score, outcome, request.source(), sha256);
            ObjectNode earlier = byId.get(id);
            RecordStatus status = RecordStatus.NEW;
            if (earlier != null) {
                if (!earlier.equals(statement)) {
                    problems.add(new RowProblem(row.number(), "", "", "DUPLICATE_DIFFERS", Message.of(
                            "ซ้ำกับแถวที่ " + firstRowOfId.get(id) + " (บุคคล หลักสูตร และวันที่เดียวกัน) แต่ผลต่างกัน กรุณาแก้ให้เหลือแถวเดียว",
                            "repeats row " + firstRowOfId.get(id) + " (same person, course and date) with a different result: keep one row")));
                    continue;
                }
                duplicates++;
                status = RecordStatus.DUPLICATE;
            } else {
                byId.put(id, statement);
                firstRowOfId.put(id, row.number());
            }
            recordIds.add(id);
            records.add(new PlannedRecord(row.number(), person.member().staffNumber(), person.member().fullNameTh(), course.title(), date,
                    outcome.verb(), hours, score, status));
        }
        Set<String> already = stored.storedIds(request.tenantId(), byId.keySet());
        List<PlannedRecord> listed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            PlannedRecord record = records.get(i);
            if (record.status() == RecordStatus.NEW && already.contains(recordIds.get(i))) {
                record = new PlannedRecord(record.row(), record.staffNumber(), record.name(), record.course(), record.date(), record.verb(),
                        record.hours(), record.score(), RecordStatus.ALREADY_IMPORTED);
            }
            if (listed.size() < LISTED_RECORDS) {
                listed.add(record);
            }
        }
        int toWrite = byId.size() - already.size();
        if (!problems.isEmpty() || !confirm) {
            return new ImportResult(false, request.source(), sha256, table.rows().size(), toWrite, already.size(), duplicates, 0, problems,
                    listed);
        }
        ArrayNode batch = json.createArrayNode();
        byId.forEach((id, statement) -> {
            if (!already.contains(id)) {
                batch.add(statement);
            }
        });
        if (!batch.isEmpty()) {
            Caller caller = request.caller();
            XapiClient client = new XapiClient(request.tenantId(), "user:" + caller.subject(), "user:" + caller.subject(),
                    caller.displayName(), Set.of(XapiScope.STATEMENTS_WRITE));
            try {
                statements.store(new XapiRequest(client, XapiVersion.V1_0_3), batch, List.of(), null);
            } catch (XapiException e) {
                problems.add(new RowProblem(0, "", "", "LRS_REFUSED", Message.of("คลังข้อมูลการเรียนรู้ (LRS) ไม่รับข้อมูล ไม่มีการบันทึกใด ๆ: "
                        + e.getMessage(), "the LRS refused the statements; nothing was written: " + e.getMessage())));
                return new ImportResult(false, request.source(), sha256, table.rows().size(), toWrite, already.size(), duplicates, 0,
                        problems, listed);
            }
        }
        return new ImportResult(true, request.source(), sha256, table.rows().size(), batch.size(), already.size(), duplicates, batch.size(),
                problems, listed);
    }

    // ---- columns ----------------------------------------------------------------------------

    /** The column of each field found in the header (mapping first, then the preset's headers). */
    private static Map<ImportField, Integer> columns(List<String> headers, ImportRequest request, List<RowProblem> problems) {
        Map<String, Integer> byHeader = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byHeader.putIfAbsent(header(headers.get(i)), i);
        }
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        Map<ImportField, String> mapping = request.mapping() == null ? Map.of() : request.mapping();
        for (ImportField field : ImportField.values()) {
            String wanted = mapping.get(field);
            if (wanted != null && !wanted.isBlank()) {
                Integer column = byHeader.get(header(wanted));
                if (column == null) {
                    problems.add(new RowProblem(1, wanted.strip(), field.key(), "MISSING_COLUMN", Message.of(
                            "ไม่พบคอลัมน์ '" + wanted.strip() + "' (" + field.labelTh() + ") ในแถวหัวตาราง",
                            "the header row has no column '" + wanted.strip() + "' (" + field.key() + ")")));
                } else {
                    columns.put(field, column);
                }
                continue;
            }
            for (String preset : request.source().headers().getOrDefault(field, List.of())) {
                Integer column = byHeader.get(header(preset));
                if (column != null) {
                    columns.put(field, column);
                    break;
                }
            }
        }
        if (columns.keySet().stream().noneMatch(ImportField::identifiesThePerson)) {
            problems.add(new RowProblem(1, "", "", "NO_PERSON_COLUMN", Message.of(
                    "ไม่พบคอลัมน์ที่ระบุตัวบุคคล (รหัสบุคลากร เลขประจำตัวประชาชน อีเมล ชื่อผู้ใช้ระบบ e-Learning หรือชื่อ-นามสกุล) ตามรูปแบบ "
                            + request.source().labelTh(),
                    "no column names the person (staff number, citizen ID, e-mail, e-Learning account name or Thai name) for "
                            + request.source().labelEn())));
        }
        boolean defaultCourse = request.defaultCourse() != null && !request.defaultCourse().isBlank();
        if (!columns.containsKey(ImportField.COURSE) && !columns.containsKey(ImportField.ACTIVITY_ID) && !defaultCourse) {
            problems.add(new RowProblem(1, "", ImportField.COURSE.key(), "NO_COURSE_COLUMN", Message.of(
                    "ไม่พบคอลัมน์หลักสูตรหรือรหัสกิจกรรม และไม่ได้เลือกหลักสูตรของทั้งไฟล์",
                    "no course or activity column, and no course chosen for the whole file")));
        }
        if (!columns.containsKey(ImportField.DATE)) {
            problems.add(new RowProblem(1, "", ImportField.DATE.key(), "NO_DATE_COLUMN", Message.of("ไม่พบคอลัมน์วันที่",
                    "no date column")));
        }
        return columns;
    }

    /** Headers compared without spaces, hyphens, dots or case. */
    static String header(String text) {
        return text == null ? "" : HEADER_NOISE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The cells of one row by field. */
    private record Cells(Spreadsheets.TableRow row, Map<ImportField, Integer> columns, List<String> headers) {
        String get(ImportField field) {
            Integer column = columns.get(field);
            return column == null ? "" : row.cell(column);
        }

        boolean has(ImportField field) {
            return columns.containsKey(field);
        }

        int number() {
            return row.number();
        }

        RowProblem problem(ImportField field, String code, String th, String en) {
            Integer column = field == null ? null : columns.get(field);
            return new RowProblem(row.number(), column == null ? "" : headers.get(column), field == null ? "" : field.key(), code,
                    Message.of(th, en));
        }
    }

    // ---- people -----------------------------------------------------------------------------

    /** A matched person and the identity the statement names them by. */
    private record Match(Staff member, XapiIdentity identity) {
    }

    /** The register in memory, indexed by every way a list names a person. */
    private final class Register {
        private final String tenantId;
        private final Map<String, Staff> byNumber = new HashMap<>();
        private final Map<String, List<Match>> byEmail = new HashMap<>();
        private final Map<String, List<Match>> byAccount = new HashMap<>();
        private final Map<String, List<Staff>> byName = new HashMap<>();
        private final Map<String, Optional<Staff>> byCitizenId = new HashMap<>();

        Register(String tenantId, List<Staff> all) {
            this.tenantId = tenantId;
            for (Staff member : all) {
                byNumber.put(member.staffNumber().strip(), member);
                byName.computeIfAbsent(ThaiNames.key(member.firstNameTh() + member.lastNameTh()), k -> new ArrayList<>()).add(member);
                for (XapiIdentity identity : member.xapiIdentities()) {
                    if (identity.mbox() != null) {
                        byEmail.computeIfAbsent(email(identity.mbox()), k -> new ArrayList<>()).add(new Match(member, identity));
                    }
                    if (identity.account() != null) {
                        byAccount.computeIfAbsent(identity.account().name().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .add(new Match(member, identity));
                    }
                }
            }
        }

        Match match(Cells cells, List<RowProblem> problems) {
            for (ImportField field : List.of(ImportField.STAFF_NUMBER, ImportField.CITIZEN_ID, ImportField.EMAIL, ImportField.ACCOUNT_NAME,
                    ImportField.NAME)) {
                String value = cells.get(field);
                if (value.isEmpty()) {
                    continue;
                }
                List<Match> found = switch (field) {
                    case STAFF_NUMBER -> Optional.ofNullable(byNumber.get(value)).map(m -> List.of(new Match(m, null))).orElse(List.of());
                    case CITIZEN_ID -> {
                        if (!CitizenIds.valid(value)) {
                            problems.add(cells.problem(field, "INVALID_CITIZEN_ID", "เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและหลักตรวจสอบถูกต้อง)",
                                    "the citizen ID is not valid (13 digits with a valid check digit)"));
                            yield null;
                        }
                        yield byCitizenId.computeIfAbsent(CitizenIds.normalise(value), id -> staff.findByCitizenId(tenantId, id))
                                .map(m -> List.of(new Match(m, null))).orElse(List.of());
                    }
                    case EMAIL -> byEmail.getOrDefault(email(value), List.of());
                    case ACCOUNT_NAME -> byAccount.getOrDefault(value.toLowerCase(Locale.ROOT), List.of());
                    default -> byName(value);
                };
                if (found == null) {
                    return null;
                }
                List<Staff> people = found.stream().map(Match::member).distinct().toList();
                if (people.isEmpty()) {
                    problems.add(cells.problem(field, "NO_MATCH", "ไม่พบ" + Glossary.STAFF + "ที่ตรงกับ" + field.labelTh() + " '"
                            + (field == ImportField.CITIZEN_ID ? "…" : value) + "' ในทะเบียนบุคลากร",
                            "nobody in the staff register matches the " + field.key() + (field == ImportField.CITIZEN_ID ? "" : " '" + value + "'")));
                    return null;
                }
                if (people.size() > 1) {
                    String numbers = String.join(", ", people.stream().map(Staff::staffNumber).sorted().toList());
                    problems.add(cells.problem(field, "AMBIGUOUS", field.labelTh() + " '" + value + "' ตรงกับ" + Glossary.STAFF + " "
                            + people.size() + " คน (รหัสบุคลากร " + numbers + ") กรุณาเพิ่มรหัสบุคลากรหรือเลขประจำตัวประชาชนเพื่อระบุตัว",
                            "the " + field.key() + " '" + value + "' matches " + people.size() + " staff members (staff numbers " + numbers
                                    + "): add a staff number or citizen ID"));
                    return null;
                }
                Match match = found.get(0);
                if (match.identity() != null) {
                    return match;
                }
                if (match.member().xapiIdentities().isEmpty()) {
                    problems.add(cells.problem(field, "NO_IDENTITY", Glossary.STAFF + " " + match.member().fullNameTh()
                            + " ยังไม่มีตัวตน xAPI (อีเมลหรือบัญชีระบบ e-Learning) ในทะเบียนบุคลากร กรุณาเพิ่มก่อนนำเข้า",
                            "the staff member has no xAPI identity (e-mail or e-Learning account) in the register: add one first"));
                    return null;
                }
                return new Match(match.member(), match.member().xapiIdentities().get(0));
            }
            problems.add(cells.problem(null, "NO_PERSON", "แถวนี้ไม่มีข้อมูลที่ระบุตัวบุคคล", "the row names nobody"));
            return null;
        }

        private List<Match> byName(String written) {
            for (String key : ThaiNames.candidates(written)) {
                List<Staff> found = byName.get(key);
                if (found != null) {
                    return found.stream().map(member -> new Match(member, null)).toList();
                }
            }
            return List.of();
        }

        private static String email(String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            return value.startsWith("mailto:") ? value.substring(7) : value;
        }
    }

    // ---- courses ----------------------------------------------------------------------------

    private record Course(String activityId, String title) {
    }

    /** The courses of the plan in force, by Thai title without spaces. */
    private final class Courses {
        private final Map<String, PlanContent.Course> byTitle = new HashMap<>();
        private final Map<String, String> titleByActivity = new HashMap<>();
        private final boolean planInForce;

        Courses(String tenantId) {
            Optional<PlanService.InForce> inForce = plans.inForce(tenantId, plans.today());
            planInForce = inForce.isPresent();
            inForce.ifPresent(found -> found.version().content().courses()
                    .forEach(course -> {
                        byTitle.putIfAbsent(ThaiNames.key(course.titleTh()), course);
                        if (course.xapi() != null) {
                            course.xapi().activityIds().forEach(activity -> titleByActivity.putIfAbsent(activity, course.titleTh()));
                        }
                    }));
        }

        Course of(Cells cells, String defaultCourse, List<RowProblem> problems) {
            String activity = cells.get(ImportField.ACTIVITY_ID);
            String title = cells.get(ImportField.COURSE);
            ImportField field = ImportField.COURSE;
            if (activity.isEmpty() && title.isEmpty() && defaultCourse != null && !defaultCourse.isBlank()) {
                title = defaultCourse.strip();
            }
            if (activity.isEmpty() && isIri(title)) {
                activity = title;
                field = ImportField.ACTIVITY_ID;
            } else if (!activity.isEmpty()) {
                field = ImportField.ACTIVITY_ID;
            }
            if (!activity.isEmpty()) {
                if (!isIri(activity)) {
                    problems.add(cells.problem(field, "INVALID_ACTIVITY", "รหัสกิจกรรมต้องเป็น IRI แบบเต็ม เช่น https://elearning.dla.go.th/course/123",
                            "the activity id must be an absolute IRI, such as https://elearning.dla.go.th/course/123"));
                    return null;
                }
                String planTitle = titleByActivity.get(activity);
                return new Course(activity, planTitle != null ? planTitle : title.isEmpty() || isIri(title) ? activity : title);
            }
            if (title.isEmpty()) {
                problems.add(cells.problem(field, "NO_COURSE", "แถวนี้ไม่มีชื่อหลักสูตร", "the row names no course"));
                return null;
            }
            PlanContent.Course course = byTitle.get(ThaiNames.key(title));
            if (course == null) {
                problems.add(cells.problem(field, planInForce ? "UNKNOWN_COURSE" : "NO_PLAN_IN_FORCE", planInForce
                        ? "ไม่พบหลักสูตร '" + title + "' ในแผนพัฒนาบุคลากรที่ใช้บังคับ ใส่ชื่อหลักสูตรตามแผน หรือใส่รหัสกิจกรรม (activity IRI)"
                        : "ยังไม่มีแผนพัฒนาบุคลากรที่ใช้บังคับ จึงหาหลักสูตร '" + title + "' ไม่ได้ ใส่รหัสกิจกรรม (activity IRI) แทน",
                        planInForce ? "the plan in force has no course '" + title + "': use the plan's course title, or an activity IRI"
                                : "no plan is in force to find the course '" + title + "' in: give an activity IRI instead"));
                return null;
            }
            if (course.xapi() == null || course.xapi().activityIds().isEmpty()) {
                problems.add(cells.problem(field, "COURSE_WITHOUT_ACTIVITY", "หลักสูตร '" + title + "' ในแผนยังไม่ได้กำหนดรหัสกิจกรรม xAPI",
                        "the plan's course '" + title + "' has no xAPI activity"));
                return null;
            }
            return new Course(course.xapi().activityIds().get(0), course.titleTh());
        }
    }

    private static boolean isIri(String value) {
        if (value == null || value.indexOf(':') < 0 || !IRI.matcher(value).matches()) {
            return false;
        }
        try {
            return URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- the record -------------------------------------------------------------------------

    private static LocalDate date(Cells cells, LocalDate today, List<RowProblem> problems) {
        String text = cells.get(ImportField.DATE);
        if (text.isEmpty()) {
            problems.add(cells.problem(ImportField.DATE, "NO_DATE", "แถวนี้ไม่มีวันที่", "the row has no date"));
            return null;
        }
        LocalDate date = LearningDates.parse(text);
        if (date == null || date.getYear() < 2000) {
            problems.add(cells.problem(ImportField.DATE, "INVALID_DATE", "'" + text
                    + "' ไม่ใช่วันที่ที่อ่านได้ เขียนเป็น 15/01/2569 (วัน/เดือน/ปี พ.ศ.), 15 ม.ค. 2569, 2026-01-15 หรือวันที่ของ Excel",
                    "'" + text + "' is not a readable date: write 15/01/2569 (day/month/B.E. year), 15 ม.ค. 2569, 2026-01-15 or an Excel date"));
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(cells.problem(ImportField.DATE, "FUTURE_DATE", "วันที่ " + text + " ยังมาไม่ถึง", "the date " + text + " is in the future"));
            return null;
        }
        return date;
    }

    private static Double number(Cells cells, ImportField field, double min, double max, String code, String th, String en,
            List<RowProblem> problems) {
        String text = LearningDates.toArabicDigits(cells.get(field));
        if (text.isEmpty()) {
            return null;
        }
        String value = UNITS.matcher(text).replaceAll("").strip();
        Double number = null;
        try {
            if (field == ImportField.HOURS && HOURS_MINUTES.matcher(value).matches()) {
                String[] parts = value.split(":");
                number = Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]) / 60.0;
            } else if (DECIMAL.matcher(value).matches()) {
                number = Double.parseDouble(value);
            }
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number < min || number > max) {
            problems.add(cells.problem(field, code, th + " ('" + text + "')", en + " ('" + text + "')"));
            return null;
        }
        return number;
    }

    /** The verb and result flags a row's result column says. */
    private record Outcome(String verb, Boolean success, boolean completion) {
    }

    private static final Map<String, Outcome> OUTCOMES = new HashMap<>();

    static {
        Outcome passed = new Outcome(XapiVerbs.PASSED, true, true);
        Outcome failed = new Outcome(FAILED, false, false);
        Outcome completed = new Outcome(XapiVerbs.COMPLETED, null, true);
        Outcome attended = new Outcome(XapiVerbs.ATTENDED, null, false);
        for (String word : List.of("ผ่าน", "pass", "passed", "ผ่านการอบรม", "ผ่านการทดสอบ", "ผ่านเกณฑ์", "p")) {
            OUTCOMES.put(word, passed);
        }
        for (String word : List.of("ไม่ผ่าน", "fail", "failed", "ไม่ผ่านเกณฑ์", "f")) {
            OUTCOMES.put(word, failed);
        }
        for (String word : List.of("สำเร็จ", "จบหลักสูตร", "เรียนจบ", "สำเร็จการศึกษา", "completed", "complete", "จบ")) {
            OUTCOMES.put(word, completed);
        }
        for (String word : List.of("เข้าร่วม", "มา", "attended", "present", "เข้าอบรม", "✓", "/")) {
            OUTCOMES.put(word, attended);
        }
    }

    private static Outcome outcome(Cells cells, ImportSource source, List<RowProblem> problems) {
        String text = cells.get(ImportField.PASSED);
        if (text.isEmpty()) {
            String verb = source.defaultVerb();
            return new Outcome(verb, null, XapiVerbs.COMPLETED.equals(verb));
        }
        Outcome outcome = OUTCOMES.get(SPACES.matcher(text).replaceAll("").toLowerCase(Locale.ROOT));
        if (outcome == null) {
            problems.add(cells.problem(ImportField.PASSED, "INVALID_RESULT", "ไม่รู้จักผล '" + text
                    + "' ใช้ ผ่าน / ไม่ผ่าน / สำเร็จ / เข้าร่วม", "unknown result '" + text + "': use passed / failed / completed / attended"));
        }
        return outcome;
    }

    private ObjectNode statement(String id, Match person, Course course, LocalDate date, Double hours, Double score, Outcome outcome,
            ImportSource source, String sha256) {
        ObjectNode statement = json.createObjectNode();
        statement.put("id", id);
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent").put("name", person.member().fullNameTh());
        actor.setAll(person.identity().agent());
        ObjectNode verb = statement.putObject("verb");
        verb.put("id", outcome.verb());
        verb.putObject("display").put("en-US", outcome.verb().substring(outcome.verb().lastIndexOf('/') + 1));
        ObjectNode object = statement.putObject("object");
        object.put("objectType", "Activity").put("id", course.activityId());
        object.putObject("definition").putObject("name").put("th-TH", course.title());
        ObjectNode result = json.createObjectNode();
        if (score != null) {
            ObjectNode scoreNode = result.putObject("score");
            scoreNode.put("scaled", Math.round(score * 100) / 10_000.0).put("raw", score).put("min", 0).put("max", 100);
        }
        if (outcome.success() != null) {
            result.put("success", outcome.success());
        }
        if (outcome.completion()) {
            result.put("completion", true);
        }
        if (hours != null) {
            result.put("duration", duration(hours));
        }
        if (!result.isEmpty()) {
            statement.set("result", result);
        }
        ObjectNode extensions = statement.putObject("context").putObject("extensions");
        extensions.put(SOURCE_EXTENSION, source.iri());
        extensions.put(FILE_EXTENSION, sha256);
        // Noon in Bangkok: the date falls in the same fiscal year however it is read.
        statement.put("timestamp", date.atTime(LocalTime.NOON).atZone(FiscalYears.BANGKOK).toOffsetDateTime().toString());
        return statement;
    }

    /** Hours as an ISO 8601 duration, to the second: 1.5 → PT1H30M0S. */
    static String duration(double hours) {
        long seconds = Math.round(hours * 3600);
        return "PT" + (seconds / 3600) + "H" + (seconds % 3600 / 60) + "M" + (seconds % 60) + "S";
    }

    /** The row's statement id: UUID version 5 of the organisation, source, person, activity and date. */
    static String statementId(String tenantId, ImportSource source, String staffId, String activityId, LocalDate date) {
        return uuid5(NAMESPACE, String.join("\n", tenantId, source.name(), staffId, activityId, date.toString())).toString();
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            java.nio.ByteBuffer ns = java.nio.ByteBuffer.allocate(16);
            ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
