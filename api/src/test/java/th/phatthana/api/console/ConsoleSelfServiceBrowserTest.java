package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * Staff self-service in a real browser: HR attaches a certificate and invites a staff member from
 * their register entry; the staff member accepts the invitation, lands on their own record (their
 * courses and hours, in Thai), downloads the certificate, and cannot open the register.
 */
class ConsoleSelfServiceBrowserTest extends BrowserTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aStaffMemberInvitedFromTheRegisterSeesOnlyTheirRecordAndDownloadsTheirCertificate() throws Exception {
        String hrToken = app.demoUser(Role.HR_OFFICER);
        GraphQlHttp hr = new GraphQlHttp(app.baseUrl, hrToken);
        JsonNode person = someoneWithCoursesAndHistory(hr);
        String staffId = person.path("staffId").asString();
        String name = person.path("name").asString();

        // the office has drafted the person's individual development plan for this year
        String courseKey = person.at("/planInForce/progress/courses/0/courseKey").asString();
        int year = FiscalYears.of(LocalDate.now(FiscalYears.BANGKOK));
        JsonNode idp = hr.execute("mutation($input: CreateIndividualPlanInput!) { createIndividualPlan(input: $input) { "
                + "individualPlan { id } userErrors { field message } } }", Map.of("input", Map.of("staffId", staffId, "fiscalYear", year,
                "items", List.of(Map.of("courseKey", courseKey, "targetDate", FiscalYears.lastDay(year).toString())))));
        assertThat(idp.at("/data/createIndividualPlan/userErrors")).as(idp.toString()).isEmpty();
        String idpId = idp.at("/data/createIndividualPlan/individualPlan/id").asString();

        ConsoleBrowser office = signedInAt(hrToken, "/staff/person?id=" + java.net.URLEncoder.encode(staffId, StandardCharsets.UTF_8),
                By.xpath("//h2[normalize-space()='แนบใบประกาศนียบัตร']"));
        Path file = Files.createTempFile("certificate", ".pdf");
        Files.write(file, PDF);
        String title = "หลักสูตรการบริหารงานบุคคลส่วนท้องถิ่น";
        office.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(office, "ชื่อหลักสูตรหรือกิจกรรม"))).sendKeys(title);
        setValue(office, office.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(office, "วันที่ได้รับ"))),
                LocalDate.now(FiscalYears.BANGKOK).minusDays(3).toString());
        office.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(office, "จำนวนชั่วโมง (ถ้ามี)"))).sendKeys("6");
        office.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(office, "ไฟล์ใบประกาศนียบัตร"))).sendKeys(file.toString());
        office.driver.findElement(By.xpath("//button[normalize-space()='แนบใบประกาศนียบัตร']")).click();
        office.awaitText(By.xpath("//form[.//h2[normalize-space()='แนบใบประกาศนียบัตร']]//*[@role='status']"), "แนบใบประกาศนียบัตรแล้ว");

        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@sangkhom.go.th";
        office.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(office, "อีเมล"))).sendKeys(email);
        office.driver.findElement(By.xpath("//button[normalize-space()='สร้างลิงก์เชิญ']")).click();
        String link = office.await(By.cssSelector("[data-value=invitation]")).getText();
        assertThat(link).contains("/invite/");

        ConsoleBrowser staff = browser();
        staff.driver.get(app.baseUrl + link.substring(link.indexOf("/invite/")));
        staff.awaitText(By.tagName("main"), name);
        staff.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(staff, "รหัสผ่านใหม่"))).sendKeys("รหัสผ่านของบุคลากร 2570");
        staff.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(staff, "ยืนยันรหัสผ่านใหม่"))).sendKeys("รหัสผ่านของบุคลากร 2570");
        staff.driver.findElement(By.xpath("//button[normalize-space()='ตั้งรหัสผ่านและเข้าสู่ระบบ']")).click();
        staff.awaitText(By.tagName("h1"), "ประวัติการพัฒนาของฉัน");
        WebElement history = staff.await(By.cssSelector("[data-testid=history]"));
        assertThat(staff.driver.findElement(By.cssSelector(".subtitle")).getText()).isEqualTo(name);
        assertThat(history.getText()).contains(title);
        List<WebElement> courses = staff.driver.findElements(By.cssSelector("[data-testid=plan-courses] tbody tr"));
        assertThat(courses).hasSizeGreaterThan(0);
        assertThat(staff.driver.findElement(By.cssSelector("[data-testid=hours]")).getText())
                .contains(String.valueOf(FiscalYears.of(LocalDate.now(FiscalYears.BANGKOK))));
        List<String> nav = staff.driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText)
                .filter(text -> !text.isBlank()).toList();
        assertThat(nav).contains("ประวัติของฉัน").doesNotContain("บุคลากร", "ความก้าวหน้า", "แผนพัฒนาบุคลากร");

        // they agree their individual development plan as themselves
        staff.driver.findElement(By.xpath("//button[normalize-space()='ข้าพเจ้าเห็นชอบแผนนี้ในฐานะผู้รับการพัฒนา']")).click();
        staff.awaitText(By.cssSelector("[data-testid=idp] [data-party=STAFF_MEMBER]"), "เห็นชอบเมื่อวันที่");
        JsonNode agreed = hr.execute("query($id: ID!) { individualPlan(id: $id) { staffAgreement { onPaper } } }", Map.of("id", idpId));
        assertThat(agreed.at("/data/individualPlan/staffAgreement/onPaper").asBoolean(true)).as(agreed.toString()).isFalse();

        staff.driver.findElement(By.xpath("//button[starts-with(@aria-label, 'ดาวน์โหลดใบประกาศนียบัตร')]")).click();
        assertThat(Files.readAllBytes(staff.awaitDownload(".pdf"))).isEqualTo(PDF);
        staff.assertAccessible("my record");
        staff.script("window.scrollTo(0, 0)");
        staff.screenshot("me");

        staff.open("/staff");
        staff.awaitText(By.tagName("main"), "บัญชีของคุณไม่มีสิทธิ์ใช้หน้านี้");
        Files.delete(file);
    }

    /** A demo staff member with statements and courses of the plan in force, and no individual development plan yet. */
    private static JsonNode someoneWithCoursesAndHistory(GraphQlHttp hr) {
        JsonNode staff = hr.execute("{ staffMembers(first: 60) { edges { node { id } } } }", Map.of()).path("data").path("staffMembers")
                .path("edges");
        for (JsonNode edge : staff) {
            JsonNode record = hr.execute("query($id: ID!) { personRecord(staffId: $id) { staffId name history { statementId } "
                    + "planInForce { progress { courses { courseKey } } } individualPlan { id } } }", Map.of("id", edge.path("node").path("id").asString()))
                    .path("data").path("personRecord");
            if (!record.path("history").isEmpty() && !record.path("planInForce").path("progress").path("courses").isEmpty()
                    && record.path("individualPlan").isNull()) {
                return record;
            }
        }
        throw new AssertionError("no demo staff member with history and plan courses");
    }

    /** Sets a controlled input's value as typing would (a date input's typed format depends on the browser's locale). */
    private static void setValue(ConsoleBrowser browser, WebElement input, String value) {
        browser.script("""
                const input = arguments[0];
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);
                input.dispatchEvent(new Event('input', { bubbles: true }));""", input, value);
    }
}
