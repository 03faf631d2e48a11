package th.phatthana.tenants.staff;

import th.phatthana.schema.Glossary;
import th.phatthana.schema.Message;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.ScopedIds;

/**
 * Imports a staff roster (the rows of a CSV or XLSX file) into one organisation, whole or not at
 * all: every row is parsed and checked (alone, against the other rows, and against the store)
 * before anything is written; one problem anywhere refuses the file. Rows are matched to existing
 * staff by staff number: new numbers are created, known ones updated.
 *
 * <p>On update, a blank cell clears the field, except: a blank status keeps the status; a blank
 * citizen ID keeps the one on file; xAPI identities in the file are added to those on file, never
 * removed (unlink them over GraphQL).
 */
@Service
public class StaffRoster {

    /** Most rows one file may have. */
    public static final int MAX_ROWS = 5_000;

    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private final StaffService staff;

    public StaffRoster(StaffService staff) {
        this.staff = staff;
    }

    /** One data row: its number as a spreadsheet program shows it (header = 1) and its cells by column. */
    public record Row(int number, Map<RosterColumn, String> cells) {
        public String get(RosterColumn column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    /**
     * What is wrong with one cell (or the whole row or file, when {@code column} is null): a stable
     * {@code code} for programs (the console words it in Thai) and a message for people. Codes:
     * REQUIRED, INVALID, TOO_LONG, DUPLICATE (another staff member has it), DUPLICATE_IN_FILE,
     * UNKNOWN_VALUE, NOT_FOUND, INVALID_DATE, EMPTY_FILE, TOO_MANY_ROWS, UNKNOWN_COLUMN,
     * REPEATED_COLUMN, MISSING_COLUMN.
     */
    public record RowError(int row, RosterColumn column, String code, Message text) {

        public RowError(int row, RosterColumn column, String code, String th, String en) {
            this(row, column, code, Message.of(th, en));
        }

        /** The English text (logs, older callers). */
        public String message() {
            return text.en();
        }

        public String message(java.util.Locale locale) {
            return text.in(locale);
        }
    }

    public record Result(List<RowError> errors, int created, int updated) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    public Result importRows(String tenantId, List<Row> rows) {
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            return refused(new RowError(1, null, "EMPTY_FILE", "ไฟล์ไม่มีแถวข้อมูล", "the file has no data rows"));
        }
        if (rows.size() > MAX_ROWS) {
            return refused(new RowError(1, null, "TOO_MANY_ROWS", "ไฟล์มี " + rows.size() + " แถว นำเข้าได้ครั้งละไม่เกิน " + MAX_ROWS + " แถว", "the file has " + rows.size() + " rows; at most " + MAX_ROWS + " are imported at once"));
        }
        Map<String, Division> divisionsByName = new HashMap<>();
        for (Division division : staff.divisions().list(tenantId)) {
            divisionsByName.put(LineOfWork.compact(division.nameTh()), division);
        }
        LocalDate today = staff.today();

        // 1. each row on its own (rows with problems stay in, so the checks below report on them too)
        List<Parsed> parsed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            parsed.add(parse(row, divisionsByName, today, errors));
        }

        // 2. rows against each other
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> identityRows = new HashMap<>();
        Map<String, Integer> citizenRows = new HashMap<>();
        for (Parsed row : parsed) {
            if (row.draft.staffNumber() == null) {
                continue;
            }
            Integer first = numbers.putIfAbsent(row.draft.staffNumber(), row.number);
            if (first != null) {
                errors.add(new RowError(row.number, RosterColumn.STAFF_NUMBER, "DUPLICATE_IN_FILE", Glossary.STAFF_NUMBER + " " + row.draft.staffNumber() + " ซ้ำกับแถวที่ " + first, "staff number " + row.draft.staffNumber()
                        + " is also on row " + first));
            }
            for (XapiIdentity identity : row.draft.xapiIdentities()) {
                for (String key : identity.lookupKeys()) {
                    Integer other = identityRows.putIfAbsent(key, row.number);
                    if (other != null && other != row.number) {
                        errors.add(new RowError(row.number, identity.account() != null ? RosterColumn.ACCOUNT_NAME : RosterColumn.EMAIL,
                                "DUPLICATE_IN_FILE", "ตัวตน xAPI นี้ซ้ำกับแถวที่ " + other, "this xAPI identity is also on row " + other));
                        break;
                    }
                }
            }
            if (row.citizenHash != null) {
                Integer other = citizenRows.putIfAbsent(row.citizenHash, row.number);
                if (other != null) {
                    errors.add(new RowError(row.number, RosterColumn.CITIZEN_ID, "DUPLICATE_IN_FILE", "เลขประจำตัวประชาชนนี้ซ้ำกับแถวที่ " + other, "the same citizen ID is on row " + other));
                }
            }
        }

        // 3. rows against the store: three queries whatever the size of the file
        Map<Integer, Parsed> byNumber = new HashMap<>();
        parsed.forEach(row -> byNumber.put(row.number, row));
        MongoTemplate mongo = staff.mongo();
        Map<String, StaffDocument> existing = new HashMap<>();
        for (StaffDocument document : mongo.find(Query.query(StaffService.tenant(tenantId).and("staffNumber").in(numbers.keySet())),
                StaffDocument.class)) {
            existing.put(document.staffNumber(), document);
        }
        if (!identityRows.isEmpty()) {
            for (StaffDocument other : mongo.find(Query.query(StaffService.tenant(tenantId).and("identityKeys").in(identityRows.keySet())),
                    StaffDocument.class)) {
                for (String key : other.identityKeys()) {
                    Integer rowNumber = identityRows.get(key);
                    Parsed row = rowNumber == null ? null : byNumber.get(rowNumber);
                    if (row != null && !other.staffNumber().equals(row.draft.staffNumber())) {
                        XapiIdentity identity = row.draft.xapiIdentities().stream()
                                .filter(i -> i.lookupKeys().contains(key)).findFirst().orElseThrow();
                        errors.add(new RowError(row.number, identity.account() != null ? RosterColumn.ACCOUNT_NAME : RosterColumn.EMAIL,
                                "DUPLICATE", "ตัวตน xAPI นี้เป็นของ" + Glossary.STAFF + " " + Glossary.STAFF_NUMBER + " " + other.staffNumber(), "this xAPI identity belongs to staff member " + other.staffNumber()));
                    }
                }
            }
        }
        if (!citizenRows.isEmpty()) {
            for (StaffDocument other : mongo.find(Query.query(StaffService.tenant(tenantId).and("citizenIdHash").in(citizenRows.keySet())),
                    StaffDocument.class)) {
                Integer rowNumber = citizenRows.get(other.citizenIdHash());
                Parsed row = rowNumber == null ? null : byNumber.get(rowNumber);
                if (row != null && !other.staffNumber().equals(row.draft.staffNumber())) {
                    errors.add(new RowError(row.number, RosterColumn.CITIZEN_ID, "DUPLICATE",
                            "เลขประจำตัวประชาชนนี้เป็นของ" + Glossary.STAFF + " " + Glossary.STAFF_NUMBER + " " + other.staffNumber(),
                            "staff member " + other.staffNumber() + " has this citizen ID"));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
            return new Result(distinct(errors), 0, 0);
        }

        // 4. the register's history of each changed row (a change dated wrongly refuses the file), then write
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StaffDocument.class);
        Instant now = staff.clock().instant();
        int created = 0;
        int updated = 0;
        for (Parsed row : parsed) {
            StaffDocument old = existing.get(row.draft.staffNumber());
            if (old == null) {
                StaffDraft draft = row.draft;
                Staff built = StaffService.build(ScopedIds.newId(tenantId), tenantId, draft, now, now, List.of(), List.of());
                Staff member = StaffService.build(built.id(), tenantId, draft, now, now, StaffService.firstHistory(built, staff.today()),
                        List.of());
                bulk.insert(StaffDocument.of(member, row.citizenHash));
                created++;
            } else {
                Staff before = old.toStaff();
                LinkedHashSet<XapiIdentity> identities = new LinkedHashSet<>(before.xapiIdentities());
                Set<String> keys = new LinkedHashSet<>(old.identityKeys());
                for (XapiIdentity identity : row.draft.xapiIdentities()) {
                    if (!keys.contains(identity.key())) {
                        identities.add(identity);
                        keys.addAll(identity.lookupKeys());
                    }
                }
                StaffDraft draft = row.draft.withXapiIdentities(List.copyOf(identities))
                        .withStatus(row.statusGiven ? row.draft.status() : before.status()).withSupervisor(before.supervisorId());
                Staff built = StaffService.build(old.id(), tenantId, draft, old.createdAt(), now, List.of(), before.headRoles());
                List<Problem> problems = new ArrayList<>();
                List<StaffPeriod> history = staff.nextHistory(before, built, RegisterChange.on(row.effectiveOn(), null), problems);
                for (Problem problem : problems) {
                    errors.add(new RowError(row.number, problem.field().equals("effectiveOn") ? RosterColumn.EFFECTIVE_ON
                            : RosterColumn.APPOINTMENT_DATE, problem.code(), problem.text()));
                }
                Staff member = StaffService.build(old.id(), tenantId, draft, old.createdAt(), now, history, before.headRoles());
                bulk.replaceOne(Query.query(StaffService.tenant(tenantId).and("_id").is(old.id())),
                        StaffDocument.of(member, row.citizenHash != null ? row.citizenHash : old.citizenIdHash()));
                updated++;
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
            return new Result(distinct(errors), 0, 0);
        }
        try {
            bulk.execute();
        } catch (DataAccessException e) {
            throw new ConcurrentChangeException(e);
        } finally {
            staff.registerChanged(tenantId);
        }
        return new Result(List.of(), created, updated);
    }

    /**
     * The store refused part of the write because someone changed the same staff at the same time
     * (e.g. created a staff number the file also creates). Some rows may have been written; importing
     * the file again is safe, as rows are matched by staff number.
     */
    public static class ConcurrentChangeException extends RuntimeException {
        ConcurrentChangeException(Throwable cause) {
            super("the staff changed while the file was imported: some rows may have been written; import the file again", cause);
        }
    }

    /** A row as a draft (with its problems, if any, already in the error list). */
    private record Parsed(int number, StaffDraft draft, String citizenHash, boolean statusGiven, LocalDate effectiveOn) {
    }

    private Parsed parse(Row row, Map<String, Division> divisionsByName, LocalDate today, List<RowError> errors) {
        int before = errors.size();
        int n = row.number();
        PersonnelType personnelType = null;
        if (!row.get(RosterColumn.PERSONNEL_TYPE).isEmpty()) {
            personnelType = PersonnelType.parse(row.get(RosterColumn.PERSONNEL_TYPE));
            if (personnelType == null) {
                errors.add(new RowError(n, RosterColumn.PERSONNEL_TYPE, "UNKNOWN_VALUE", "ไม่รู้จักประเภทบุคลากร '" + row.get(RosterColumn.PERSONNEL_TYPE)
                        + "' ใช้ได้: ข้าราชการหรือพนักงานส่วนท้องถิ่น, ครูและบุคลากรทางการศึกษา, ลูกจ้างประจำ หรือ พนักงานจ้าง",
                        "unknown personnel type '" + row.get(RosterColumn.PERSONNEL_TYPE)
                        + "': use ข้าราชการหรือพนักงานส่วนท้องถิ่น, ครูและบุคลากรทางการศึกษา, ลูกจ้างประจำ or พนักงานจ้าง"));
            }
        }
        PositionType positionType = null;
        if (!row.get(RosterColumn.POSITION_TYPE).isEmpty()) {
            positionType = PositionType.parse(row.get(RosterColumn.POSITION_TYPE));
            if (positionType == null) {
                errors.add(new RowError(n, RosterColumn.POSITION_TYPE, "UNKNOWN_VALUE", "ไม่รู้จัก" + Glossary.POSITION_TYPE + " '" + row.get(RosterColumn.POSITION_TYPE)
                        + "' ใช้ได้: บริหารท้องถิ่น, อำนวยการท้องถิ่น, วิชาการ หรือ ทั่วไป", "unknown position type '" + row.get(RosterColumn.POSITION_TYPE)
                        + "': use บริหารท้องถิ่น, อำนวยการท้องถิ่น, วิชาการ or ทั่วไป"));
            }
        }
        EmploymentStatus status = null;
        boolean statusGiven = !row.get(RosterColumn.STATUS).isEmpty();
        if (statusGiven) {
            status = EmploymentStatus.parse(row.get(RosterColumn.STATUS));
            if (status == null) {
                errors.add(new RowError(n, RosterColumn.STATUS, "UNKNOWN_VALUE", "ไม่รู้จักสถานะ '" + row.get(RosterColumn.STATUS)
                        + "' ใช้ได้: ปฏิบัติงาน, ลา, พักราชการ, โอนย้ายออก, เกษียณอายุ หรือ พ้นจากตำแหน่ง", "unknown status '" + row.get(RosterColumn.STATUS)
                        + "': use ปฏิบัติงาน, ลา, พักราชการ, โอนย้ายออก, เกษียณอายุ or พ้นจากตำแหน่ง"));
            }
        }
        LocalDate appointed = date(row, RosterColumn.APPOINTMENT_DATE, errors);
        LocalDate probationEnd = date(row, RosterColumn.PROBATION_END_DATE, errors);
        LocalDate effectiveOn = date(row, RosterColumn.EFFECTIVE_ON, errors);
        String divisionId = null;
        String divisionName = row.get(RosterColumn.DIVISION);
        if (!divisionName.isEmpty()) {
            Division division = divisionsByName.get(LineOfWork.compact(divisionName));
            if (division == null) {
                errors.add(new RowError(n, RosterColumn.DIVISION, "NOT_FOUND", "หน่วยงานไม่มี" + Glossary.DIVISION + "ชื่อ '" + divisionName
                        + "' (ที่มีอยู่: " + String.join(", ", divisionsByName.values().stream().map(Division::nameTh).sorted().toList())
                        + ")", "the organisation has no division named '" + divisionName
                        + "' (it has: " + String.join(", ", divisionsByName.values().stream().map(Division::nameTh).sorted().toList())
                        + ")"));
            } else {
                divisionId = division.id();
            }
        }
        List<XapiIdentity> identities = new ArrayList<>();
        if (!row.get(RosterColumn.EMAIL).isEmpty()) {
            identities.add(XapiIdentity.ofMbox(row.get(RosterColumn.EMAIL)));
        }
        String homePage = row.get(RosterColumn.ACCOUNT_HOME_PAGE);
        String accountName = row.get(RosterColumn.ACCOUNT_NAME);
        if (!homePage.isEmpty() || !accountName.isEmpty()) {
            identities.add(XapiIdentity.ofAccount(homePage, accountName));
        }
        String citizenId = row.get(RosterColumn.CITIZEN_ID);
        String lineCode = row.get(RosterColumn.LINE_OF_WORK_CODE);
        String lineName = row.get(RosterColumn.LINE_OF_WORK);
        StaffDraft given = new StaffDraft(row.get(RosterColumn.STAFF_NUMBER), row.get(RosterColumn.TITLE), row.get(RosterColumn.FIRST_NAME),
                row.get(RosterColumn.LAST_NAME), personnelType, row.get(RosterColumn.POSITION_TITLE), positionType,
                lineCode.isEmpty() && lineName.isEmpty() ? null : new LineOfWork(lineCode, lineName), row.get(RosterColumn.LEVEL),
                divisionId, appointed, probationEnd, status, identities,
                citizenId.isEmpty() ? StaffDraft.CitizenIdChange.KEEP : StaffDraft.CitizenIdChange.set(citizenId));
        StaffChecks.Checked checked = StaffChecks.check(given, today);
        for (Problem problem : checked.problems()) {
            RosterColumn column = columnOf(problem.field(), identities);
            boolean alreadyReported = column != null && errors.subList(before, errors.size()).stream().anyMatch(e -> e.column() == column);
            if (!alreadyReported) {
                errors.add(new RowError(n, column, problem.code(), problem.text()));
            }
        }
        String hash = checked.draft().citizenId() instanceof StaffDraft.CitizenIdChange.Set set && CitizenIds.valid(set.citizenId())
                ? staff.citizenIds().hash(set.citizenId()) : null;
        return new Parsed(n, checked.draft(), hash, statusGiven, effectiveOn);
    }

    /** Which column a problem of the draft is about. */
    private static RosterColumn columnOf(String field, List<XapiIdentity> identities) {
        if (field.startsWith("xapiIdentities.")) {
            int index = Integer.parseInt(field.split("\\.")[1]);
            return index < identities.size() && identities.get(index).account() != null ? RosterColumn.ACCOUNT_HOME_PAGE : RosterColumn.EMAIL;
        }
        if (field.startsWith("lineOfWork.code")) {
            return RosterColumn.LINE_OF_WORK_CODE;
        }
        if (field.startsWith("lineOfWork")) {
            return RosterColumn.LINE_OF_WORK;
        }
        return COLUMN_BY_FIELD.get(field);
    }

    /** Columns by the name of the draft field they fill. */
    private static final Map<String, RosterColumn> COLUMN_BY_FIELD = new LinkedHashMap<>();

    static {
        for (RosterColumn column : RosterColumn.values()) {
            COLUMN_BY_FIELD.put(column.key(), column);
        }
        COLUMN_BY_FIELD.put("divisionId", RosterColumn.DIVISION);
    }

    /**
     * A date as people type it: yyyy-MM-dd (Christian Era), or dd/MM/yyyy (also with '-' or '.')
     * where a year from 2400 on is Buddhist Era (B.E. − 543 = C.E.). Thai order: day first.
     */
    static LocalDate parseDate(String text) {
        String value = text.strip();
        try {
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                return LocalDate.of(year(Integer.parseInt(iso.group(1))), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            Matcher slashed = SLASHED.matcher(value);
            if (slashed.matches()) {
                return LocalDate.of(year(Integer.parseInt(slashed.group(3))), Integer.parseInt(slashed.group(2)),
                        Integer.parseInt(slashed.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static int year(int written) {
        return written >= 2400 ? written - FiscalYears.BUDDHIST_ERA_OFFSET : written;
    }

    private static LocalDate date(Row row, RosterColumn column, List<RowError> errors) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = parseDate(text);
        if (date == null) {
            errors.add(new RowError(row.number(), column, "INVALID_DATE", "'" + text + "' ไม่ใช่วันที่ เขียนเป็น 02/06/2568 (วัน/เดือน/ปี พ.ศ.) หรือ 2025-06-02 (ค.ศ.)", "'" + text + "' is not a date: write 2025-06-02 (C.E.) or 02/06/2568 (day/month/B.E. year)"));
        }
        return date;
    }

    private static List<RowError> distinct(List<RowError> errors) {
        return List.copyOf(new LinkedHashSet<>(errors));
    }

    private static Result refused(RowError error) {
        return new Result(List.of(error), 0, 0);
    }
}
