package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.StaffGraphQl.citizenId;
import static th.phatthana.api.staff.StaffGraphQl.newDivision;
import static th.phatthana.api.staff.StaffGraphQl.wrongCitizenId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** POST /api/staff/import and GET /api/staff/import/template. */
class RosterImportTest extends IntegrationTest {

    static final String HEADER = "รหัสบุคลากร,คำนำหน้าชื่อ,ชื่อ,นามสกุล,ประเภทบุคลากร,ตำแหน่ง,ประเภทตำแหน่ง,รหัสสายงาน,สายงาน,ระดับ,ส่วนราชการ,"
            + "วันที่บรรจุ,วันสิ้นสุดการทดลองปฏิบัติหน้าที่ราชการ,สถานะ,อีเมล,เว็บไซต์ระบบ e-Learning,ชื่อผู้ใช้ระบบ e-Learning,เลขประจำตัวประชาชน\n";

    static final String BOM = "\uFEFF";

    @Autowired
    TestTenants tenants;

    Tenant tenant;
    GraphQlHttp admin;
    RosterHttp rosterOfAdmin;

    @BeforeEach
    void organisation() {
        tenant = tenants.tenant("อบต.นำเข้า");
        String token = tenants.token(tenant, Role.TENANT_ADMIN);
        admin = new GraphQlHttp(baseUrl(), token);
        rosterOfAdmin = new RosterHttp(baseUrl(), token);
        newDivision(admin, "สำนักปลัด");
        newDivision(admin, "กองคลัง");
    }

    static String row(String number, String first, String last, String type, String position, String division, String appointed,
            String email, String citizen) {
        return String.join(",", number, "นาย", first, last, type, position, "วิชาการ", "3103", "นักจัดการงานทั่วไป", "ปฏิบัติการ",
                division, appointed, "", "", email, "", "", citizen) + "\n";
    }

    @Test
    void aRowThatChangesADatedValueRecordsItFromItsEffectiveDayAndAWrongDayRefusesTheFile() {
        String header = HEADER.strip() + ",วันที่มีผล\n";
        String first = BOM + header + row("E-001", "สมใจ", "ย้ายกอง", "ข้าราชการหรือพนักงานส่วนท้องถิ่น", "นักจัดการงานทั่วไป", "สำนักปลัด",
                "2020-06-01", "", "").strip() + ",\n";
        assertThat(rosterOfAdmin.uploadCsv(first).status()).isEqualTo(200);
        String moved = BOM + header + row("E-001", "สมใจ", "ย้ายกอง", "ข้าราชการหรือพนักงานส่วนท้องถิ่น", "นักจัดการงานทั่วไป", "กองคลัง",
                "2020-06-01", "", "").strip() + ",16/03/2568\n";
        RosterHttp.Answer answer = rosterOfAdmin.uploadCsv(moved);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        JsonNode history = admin.execute("""
                query { staffMembers(first: 5, filter: { lineOfWork: "นักจัดการงานทั่วไป" }) { edges { node { staffNumber
                  history { from change division { nameTh } } } } } }""").path("data").path("staffMembers").path("edges").get(0)
                .path("node").path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("from").asString()).isEqualTo("2025-03-16");
        assertThat(history.get(1).path("change").asString()).isEqualTo("MOVED");
        assertThat(history.get(1).path("division").path("nameTh").asString()).isEqualTo("กองคลัง");

        String backDated = BOM + header + row("E-001", "สมใจ", "ย้ายกอง", "ข้าราชการหรือพนักงานส่วนท้องถิ่น", "นักจัดการงานทั่วไป", "สำนักปลัด",
                "2020-06-01", "", "").strip() + ",2024-01-01\n";
        RosterHttp.Answer refused = rosterOfAdmin.uploadCsv(backDated);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().toString()).containsAnyOf("effectiveOn", "วันที่มีผล").contains("2025-03-16");
    }

    @Test
    void aValidCsvCreatesThenUpdatesByStaffNumber() {
        String first = BOM + HEADER
                + row("R-001", "สมชาย", "ใจดี", "ข้าราชการหรือพนักงานส่วนท้องถิ่น", "นักจัดการงานทั่วไป", "สำนักปลัด", "02/06/2568",
                        "somchai@example.go.th", citizenId("110370234500"))
                + row("R-002", "สมศรี", "มีสุข", "พนักงานจ้าง", "ผู้ช่วยเจ้าพนักงานธุรการ", "กองคลัง", "2023-10-01", "", "")
                + "\n"
                + row("R-003", "\"มานี, มานะ\"", "รักเรียน", "TEACHER", "ครู", "", "2020-05-18", "", "");
        RosterHttp.Answer created = rosterOfAdmin.uploadCsv(first);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        assertThat(created.json().path("created").asInt()).isEqualTo(3);
        assertThat(created.json().path("updated").asInt()).isZero();

        String second = HEADER
                + row("R-001", "สมชาย", "ใจงาม", "ข้าราชการหรือพนักงานส่วนท้องถิ่น", "นักจัดการงานทั่วไปชำนาญการ", "สำนักปลัด",
                        "02/06/2568", "somchai.new@example.go.th", "")
                + row("R-004", "ใหม่", "เข้ามา", "ลูกจ้างประจำ", "พนักงานขับรถยนต์", "", "1999-04-01", "", "");
        RosterHttp.Answer upserted = rosterOfAdmin.uploadCsv(second);
        assertThat(upserted.status()).as(upserted.json().toString()).isEqualTo(200);
        assertThat(upserted.json().path("created").asInt()).isEqualTo(1);
        assertThat(upserted.json().path("updated").asInt()).isEqualTo(1);

        JsonNode somchai = byNumber("R-001");
        assertThat(somchai.path("lastNameTh").asString()).isEqualTo("ใจงาม");
        assertThat(somchai.path("appointmentDate").asString()).isEqualTo("2025-06-02");
        assertThat(somchai.path("hasCitizenId").asBoolean()).isTrue();
        assertThat(somchai.path("xapiIdentities").toString()).contains("mailto:somchai@example.go.th", "mailto:somchai.new@example.go.th");
        assertThat(byNumber("R-003").path("firstNameTh").asString()).isEqualTo("มานี, มานะ");
        assertThat(StaffGraphQlTest.totalCount(admin, Map.of())).isEqualTo(4);
    }

    @Test
    void aValidXlsxWithDateAndNumberCellsIsImported() throws IOException {
        byte[] workbook = xlsx(List.of(
                List.of("staffNumber", "firstNameTh", "lastNameTh", "personnelType", "positionTitle", "appointmentDate", "citizenId",
                        "accountHomePage", "accountName"),
                List.of(1001, "ขวัญใจ", "ศรีสวัสดิ์", "ข้าราชการหรือพนักงานส่วนท้องถิ่น", "นิติกร", LocalDate.of(2025, 3, 3),
                        Long.parseLong(citizenId("310050012300")), "https://elearning.dla.go.th", "khwanjai.s"),
                List.of("X-2", "ประเสริฐ", "ดีงาม", "พนักงานจ้าง", "คนงาน", "01/10/2565", "", "", "")));
        RosterHttp.Answer answer = rosterOfAdmin.upload("roster.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.json().path("created").asInt()).isEqualTo(2);
        JsonNode khwanjai = byNumber("1001");
        assertThat(khwanjai.path("appointmentDate").asString()).isEqualTo("2025-03-03");
        assertThat(khwanjai.path("hasCitizenId").asBoolean()).isTrue();
        assertThat(khwanjai.path("xapiIdentities").get(0).path("account").path("name").asString()).isEqualTo("khwanjai.s");
        assertThat(byNumber("X-2").path("appointmentDate").asString()).isEqualTo("2022-10-01");
    }

    @Test
    void oneBadRowAmongManyImportsNothingAndIsListed() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 40; i++) {
            String citizen = i == 17 ? wrongCitizenId("11037023" + String.format("%04d", i)) : "";
            csv.append(row(String.format("M-%03d", i), "คนที่" + i, "ทดสอบ", "พนักงานจ้าง", "คนงาน", "กองคลัง", "2024-10-01", "", citizen));
        }
        RosterHttp.Answer answer = rosterOfAdmin.uploadCsv(csv.toString());
        assertThat(answer.status()).isEqualTo(422);
        JsonNode rows = answer.json().path("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(18);
        assertThat(rows.get(0).path("column").asString()).isEqualTo("เลขประจำตัวประชาชน");
        assertThat(rows.get(0).path("field").asString()).isEqualTo("citizenId");
        assertThat(rows.get(0).path("message").asString()).contains("check digit");
        assertThat(answer.json().path("error").asString()).contains("nothing was changed");
        assertThat(StaffGraphQlTest.totalCount(admin, Map.of())).isZero();
    }

    @Test
    void everyProblemOfEveryRowIsListed() {
        StaffGraphQl.newStaff(admin, StaffGraphQl.with(StaffGraphQl.staffInput("E-900", "มีแล้ว", "ในระบบ"),
                "xapiIdentities", List.of(Map.of("mbox", "taken@example.go.th"))));
        String csv = HEADER
                + row("E-001", "ก", "ข", "ข้าราชการ", "ตำแหน่ง", "กองไม่มี", "2024-01-01", "", "")
                + row("E-002", "ค", "ง", "นักการเมือง", "ตำแหน่ง", "", "31/02/2567", "not-an-email", "")
                + row("E-001", "จ", "ฉ", "พนักงานจ้าง", "ตำแหน่ง", "", "2024-01-01", "", "")
                + row("E-004", "", "ช", "พนักงานจ้าง", "", "", "", "taken@example.go.th", "");
        RosterHttp.Answer answer = rosterOfAdmin.uploadCsv(csv);
        assertThat(answer.status()).isEqualTo(422);
        List<String> problems = new ArrayList<>();
        answer.json().path("rows").forEach(r -> problems.add(r.path("row").asInt() + " " + r.path("field").asString() + " "
                + r.path("code").asString()));
        assertThat(problems).containsExactlyInAnyOrder("2 division NOT_FOUND", "3 personnelType UNKNOWN_VALUE",
                "3 appointmentDate INVALID_DATE", "3 email INVALID", "4 staffNumber DUPLICATE_IN_FILE", "5 firstNameTh REQUIRED",
                "5 positionTitle REQUIRED", "5 appointmentDate REQUIRED", "5 email DUPLICATE");
        assertThat(StaffGraphQlTest.totalCount(admin, Map.of())).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotARosterIsRefused() {
        RosterHttp.Answer unknownColumn = rosterOfAdmin.uploadCsv("รหัสบุคลากร,ชื่อ,นามสกุล,ประเภทบุคลากร,ตำแหน่ง,วันที่บรรจุ,เงินเดือน\n"
                + "1,ก,ข,พนักงานจ้าง,คนงาน,2024-01-01,15000\n");
        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(unknownColumn.json().path("rows").get(0).path("message").asString()).contains("เงินเดือน");
        assertThat(unknownColumn.json().path("rows").get(0).path("code").asString()).isEqualTo("UNKNOWN_COLUMN");
        RosterHttp.Answer missingColumn = rosterOfAdmin.uploadCsv("รหัสบุคลากร,ชื่อ\n1,ก\n");
        assertThat(missingColumn.status()).isEqualTo(422);
        assertThat(missingColumn.json().path("rows")).hasSizeGreaterThanOrEqualTo(4);
        RosterHttp.Answer notUtf8 = rosterOfAdmin.upload("roster.csv", "text/csv", new byte[] {(byte) 0xA1, (byte) 0xD2, ',', 'x'});
        assertThat(notUtf8.status()).isEqualTo(400);
        RosterHttp.Answer empty = rosterOfAdmin.uploadCsv(HEADER);
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void onlyStaffWritersImportAndEveryoneSignedInGetsTheTemplate() {
        String csv = HEADER + row("V-001", "ก", "ข", "พนักงานจ้าง", "คนงาน", "", "2024-01-01", "", "");
        RosterHttp viewer = new RosterHttp(baseUrl(), tenants.token(tenant, Role.VIEWER));
        assertThat(viewer.uploadCsv(csv).status()).isEqualTo(403);
        assertThat(new RosterHttp(baseUrl(), tenants.nationalToken()).uploadCsv(csv).status()).isEqualTo(403);
        assertThat(new RosterHttp(baseUrl(), null).uploadCsv(csv).status()).isEqualTo(401);
        assertThat(new RosterHttp(baseUrl(), null).template("csv").statusCode()).isEqualTo(401);
        assertThat(viewer.template("csv").statusCode()).isEqualTo(200);
        assertThat(viewer.template("pdf").statusCode()).isEqualTo(400);
        assertThat(StaffGraphQlTest.totalCount(admin, Map.of())).isZero();

        RosterHttp hr = new RosterHttp(baseUrl(), tenants.token(tenant, Role.HR_OFFICER));
        assertThat(hr.uploadCsv(csv).status()).isEqualTo(200);
    }

    @Test
    void theTemplatesOpenAndImportAsTheyAre() throws IOException {
        HttpResponse<byte[]> xlsx = rosterOfAdmin.template("xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("staff-roster-template.xlsx");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("บุคลากร");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(java.util.Arrays.stream(RosterColumn.values()).map(RosterColumn::header).toList());
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("6431501-0099");
            assertThat(workbook.getSheet("คำอธิบาย").getRow(1).getCell(2).getStringCellValue()).isEqualTo("จำเป็น");
        }
        RosterHttp.Answer fromXlsx = rosterOfAdmin.upload("template.xlsx", "application/octet-stream", xlsx.body());
        assertThat(fromXlsx.status()).as(fromXlsx.json().toString()).isEqualTo(200);
        assertThat(fromXlsx.json().path("created").asInt()).isEqualTo(1);

        HttpResponse<byte[]> csv = rosterOfAdmin.template("csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith(BOM + "รหัสบุคลากร,คำนำหน้าชื่อ,ชื่อ,นามสกุล");
        assertThat(text.lines().count()).isEqualTo(2);
        RosterHttp.Answer fromCsv = rosterOfAdmin.upload("template.csv", "text/csv", csv.body());
        assertThat(fromCsv.status()).as(fromCsv.json().toString()).isEqualTo(200);
        assertThat(fromCsv.json().path("updated").asInt()).isEqualTo(1);
        JsonNode example = byNumber("6431501-0099");
        assertThat(example.path("fullNameTh").asString()).isEqualTo("นางสาวสุดารัตน์ ทองดี");
        assertThat(example.path("division").path("nameTh").asString()).isEqualTo("สำนักปลัด");
        assertThat(example.path("probationEndDate").asString()).isEqualTo("2025-12-01");
    }

    private JsonNode byNumber(String staffNumber) {
        JsonNode connection = admin.execute("""
                query($filter: StaffFilter) { staffMembers(first: 100, filter: $filter) { edges { node {
                  id staffNumber firstNameTh lastNameTh fullNameTh appointmentDate probationEndDate hasCitizenId division { nameTh }
                  xapiIdentities { mbox account { homePage name } } } } } }""", Map.of()).path("data").path("staffMembers");
        for (JsonNode edge : connection.path("edges")) {
            if (edge.path("node").path("staffNumber").asString().equals(staffNumber)) {
                return edge.path("node");
            }
        }
        throw new AssertionError("no staff member " + staffNumber + " in " + connection);
    }

    private static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("roster");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("d/m/yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate date) {
                        row.createCell(c).setCellValue(date);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
