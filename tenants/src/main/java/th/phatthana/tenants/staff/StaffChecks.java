package th.phatthana.tenants.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import th.phatthana.schema.Glossary;
import th.phatthana.schema.Problem;
import th.phatthana.tenants.text.Text;

/**
 * The checks a staff draft must pass on its own, before the store is asked anything: required
 * fields, lengths, formats, dates, identities, the citizen ID's check digit. Returns the draft
 * normalised (trimmed, blank → null, identities and line-of-work code normalised).
 */
final class StaffChecks {

    static final int MAX_IDENTITIES = 20;
    static final String STAFF_NUMBER = "[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}._/-]{0,39}";
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private StaffChecks() {
    }

    /**
     * @param identityPositions for each identity of the normalised draft, its position in the given
     *                          list (invalid identities are left out of the draft)
     */
    record Checked(StaffDraft draft, List<Problem> problems, List<Integer> identityPositions) {
    }

    static Checked check(StaffDraft given, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String staffNumber = Text.blankToNull(given.staffNumber());
        if (staffNumber == null) {
            problems.add(Problem.required("staffNumber"));
        } else if (!staffNumber.matches(STAFF_NUMBER)) {
            problems.add(Problem.invalid("staffNumber", "รหัสบุคลากรเป็นตัวอักษรหรือตัวเลข 1–40 ตัว หลังตัวแรกใช้ . _ / - ได้",
                    "staffNumber is 1–40 letters or digits, and may contain . _ / - after the first character"));
        }
        String title = text("title", given.title(), 50, false, problems);
        String firstName = text("firstNameTh", given.firstNameTh(), 100, true, problems);
        String lastName = text("lastNameTh", given.lastNameTh(), 100, true, problems);
        if (given.personnelType() == null) {
            problems.add(Problem.required("personnelType"));
        }
        String positionTitle = text("positionTitle", given.positionTitle(), 200, true, problems);
        String level = text("level", given.level(), 50, false, problems);
        LineOfWork lineOfWork = null;
        if (given.lineOfWork() != null) {
            String code = Text.blankToNull(given.lineOfWork().code());
            String name = text("lineOfWork.nameTh", given.lineOfWork().nameTh(), 200, code != null, problems);
            if (code != null && !code.matches("[0-9A-Za-z.-]{1,20}")) {
                problems.add(Problem.invalid("lineOfWork.code", "รหัสสายงานเป็นตัวอักษร ตัวเลข '.' หรือ '-' 1–20 ตัว", "lineOfWork.code is 1–20 letters, digits, '.' or '-'"));
            }
            if (name != null) {
                lineOfWork = new LineOfWork(code == null ? null : code.toUpperCase(Locale.ROOT), name);
            }
        }
        LocalDate appointed = given.appointmentDate();
        if (appointed == null) {
            problems.add(Problem.required("appointmentDate"));
        } else if (appointed.isBefore(EARLIEST) || appointed.isAfter(today.plusYears(1))) {
            problems.add(Problem.invalid("appointmentDate", "วันที่บรรจุต้องอยู่ระหว่าง " + EARLIEST + " ถึงหนึ่งปีนับจากวันนี้ (วันที่แบบ ค.ศ. คือ พ.ศ. − 543)", "appointmentDate must be between " + EARLIEST + " and a year from today "
                    + "(a Christian-Era date: B.E. − 543)"));
        }
        LocalDate probationEnd = given.probationEndDate();
        if (probationEnd != null && appointed != null && probationEnd.isBefore(appointed)) {
            problems.add(Problem.invalid("probationEndDate", "วันที่ครบทดลองปฏิบัติหน้าที่ราชการต้องไม่ก่อนวันที่บรรจุ", "probationEndDate cannot be before appointmentDate"));
        } else if (probationEnd != null && appointed != null && probationEnd.isAfter(appointed.plusYears(5))) {
            problems.add(Problem.invalid("probationEndDate", "วันที่ครบทดลองปฏิบัติหน้าที่ราชการเกิน 5 ปีนับจากวันที่บรรจุ", "probationEndDate is more than 5 years after appointmentDate"));
        }
        List<XapiIdentity> identities = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (given.xapiIdentities().size() > MAX_IDENTITIES) {
            problems.add(Problem.invalid("xapiIdentities", "บุคลากรหนึ่งคนมีตัวตน xAPI ได้ไม่เกิน " + MAX_IDENTITIES + " รายการ", "at most " + MAX_IDENTITIES + " xAPI identities per staff member"));
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < given.xapiIdentities().size(); i++) {
                XapiIdentity identity = XapiIdentity.check(given.xapiIdentities().get(i), "xapiIdentities." + i, problems);
                if (identity == null) {
                    continue;
                }
                if (!identity.lookupKeys().stream().allMatch(keys::add)) {
                    problems.add(new Problem("xapiIdentities." + i, "DUPLICATE", "ตัวตน xAPI นี้ซ้ำกัน", "this xAPI identity is listed twice"));
                } else {
                    identities.add(identity);
                    positions.add(i);
                }
            }
        }
        if (given.citizenId() instanceof StaffDraft.CitizenIdChange.Set set && !CitizenIds.valid(set.citizenId())) {
            problems.add(Problem.invalid("citizenId", "เลขประจำตัวประชาชนไม่ถูกต้อง ต้องมี 13 หลัก และหลักสุดท้ายต้องเป็นเลขตรวจสอบของ 12 หลักแรก",
                    "citizenId is not a valid Thai citizen ID: 13 digits whose last digit is the check digit of the first twelve"));
        }
        StaffDraft draft = new StaffDraft(staffNumber, title, firstName, lastName, given.personnelType(), positionTitle,
                given.positionType(), lineOfWork, level, Text.blankToNull(given.divisionId()), appointed, probationEnd,
                given.status() == null ? EmploymentStatus.ACTIVE : given.status(), identities, given.citizenId(),
                Text.blankToNull(given.supervisorId()));
        return new Checked(draft, problems, positions);
    }

    private static String text(String field, String value, int max, boolean required, List<Problem> problems) {
        String trimmed = Text.blankToNull(value);
        if (trimmed == null) {
            if (required) {
                problems.add(Problem.required(field));
            }
            return null;
        }
        if (trimmed.length() > max) {
            problems.add(new Problem(field, "TOO_LONG", Glossary.fieldName(field) + "ยาวได้ไม่เกิน " + max + " ตัวอักษร", field + " has at most " + max + " characters"));
        }
        return trimmed.replaceAll("\\s+", " ");
    }
}
