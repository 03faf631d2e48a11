package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/** The staff register, a staff member's identities, roster import and unmatched learners in a real browser. */
class ConsoleStaffBrowserTest extends BrowserTestSupport {

    static final By STAFF_ROWS = By.cssSelector("[data-testid=staff-table] tbody tr");

    @Test
    void theRosterFiltersByDivisionAndNameAndShowsAStaffMembersIdentities() {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.HR_OFFICER), "/staff", STAFF_ROWS);
        new Select(browser.driver.findElement(By.id(labelledFor(browser, "ส่วนราชการ")))).selectByVisibleText("กองคลัง");
        browser.awaitText(By.cssSelector("[role=status]"), "พบ");
        waitUntilEveryRow(browser, 3, "กองคลัง");
        browser.assertAccessible("the staff register");
        browser.screenshot("staff");

        WebElement name = browser.driver.findElement(By.cssSelector("[data-testid=staff-table] tbody th a"));
        String first = name.getText();
        browser.driver.findElement(By.id(labelledFor(browser, "ค้นหาชื่อหรือนามสกุล (ภาษาไทย)")))
                .sendKeys(first.replaceAll("^(นางสาว|นาย|นาง)", "").split(" ")[0]);
        browser.awaitText(By.cssSelector("[data-testid=staff-table] tbody"), first);
        browser.driver.findElement(By.linkText(first)).click();

        WebElement identities = browser.await(By.cssSelector("[data-testid=identities]"));
        assertThat(identities.getText()).contains("@sangkhom.go.th");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(first);
        browser.assertAccessible("a staff member");
        browser.screenshot("staff-member");
    }

    @Test
    void aRefusedRosterFileIsShownRowByRowInThai() throws Exception {
        Path file = Files.createTempFile("roster", ".csv");
        Files.writeString(file, """
                รหัสบุคลากร,ชื่อ,นามสกุล,ประเภทบุคลากร,ตำแหน่ง,วันที่บรรจุ,ส่วนราชการ,เลขประจำตัวประชาชน
                6431501-0901,สมใจ,ทดลอง,พนักงานจ้าง,คนงาน,2024-01-01,สำนักปลัด,1234567890123
                6431501-0902,สมปอง,ทดลอง,พนักงานจ้าง,คนงาน,31/02/2567,กองช่างโยธา,
                """, StandardCharsets.UTF_8);
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.HR_OFFICER), "/staff/import", By.cssSelector("input[type=file]"));
        browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.driver.findElement(By.xpath("//button[normalize-space()='นำเข้า']")).click();
        WebElement problems = browser.await(By.cssSelector("[data-testid=row-problems]"));
        List<WebElement> rows = problems.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(problems.getText()).contains("เลขประจำตัวประชาชนไม่ถูกต้อง", "วันที่ไม่ถูกต้อง", "หน่วยงานไม่มีส่วนราชการชื่อนี้");
        assertThat(rows.get(0).getText()).startsWith("2");
        assertThat(browser.driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("พบปัญหา 3 รายการ");
        browser.assertAccessible("a refused roster import");
        browser.screenshot("roster-import");

        browser.driver.findElement(By.xpath("//button[normalize-space()='ดาวน์โหลดแบบฟอร์ม XLSX']")).click();
        byte[] template = Files.readAllBytes(browser.awaitDownload("staff-roster-template.xlsx"));
        assertThat(new String(template, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        Files.delete(file);
    }

    @Test
    void anUnmatchedLearnerIsLinkedInTwoClicksAndCountsAtOnce() {
        String token = app.demoUser(Role.HR_OFFICER);
        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, token);
        int year = FiscalYears.of(Instant.now());
        String planId = graphQl.execute("{ planInForce { id } }").path("data").path("planInForce").path("id").asString();
        ConsoleBrowser browser = browser();
        browser.signIn(token);
        browser.open("/learners");
        // one of the demo's learners from outside the organisation (ผู้เรียนภายนอก 1–3, guest<n>@example.com)
        WebElement row = browser.await(By.xpath("//table[@data-testid='unmatched']//tr[th[starts-with(normalize-space(), 'ผู้เรียนภายนอก')]]"));
        String learner = row.findElement(By.tagName("th")).getText();
        String identity = row.findElements(By.tagName("td")).get(0).getText();
        assertThat(identity).matches("guest\\d@example\\.com");
        int guestStatements = Integer.parseInt(row.findElement(By.cssSelector("td.num")).getText());
        browser.assertAccessible("unmatched learners");
        browser.screenshot("unmatched-learners");

        row.findElement(By.xpath(".//button[normalize-space()='เชื่อมกับบุคลากร']")).click();          // click 1
        WebElement candidate = browser.await(By.cssSelector("ul.candidate-list button"));
        String staffId = candidate.getAttribute("data-staff");
        String staffName = candidate.getText().replace("เชื่อมกับ ", "");
        int before = statements(graphQl, planId, year, staffId);
        browser.screenshot("unmatched-learners-linking");
        candidate.click();                                                                              // click 2
        browser.awaitText(By.cssSelector(".notice-success"), "เชื่อม " + identity + " กับ " + staffName + " แล้ว");

        JsonNode unmatched = graphQl.execute("{ unmatchedActors(first: 100) { name } }").path("data").path("unmatchedActors");
        assertThat(unmatched.findValuesAsString("name")).doesNotContain(learner);
        browser.open("/dashboard/person?staff=" + java.net.URLEncoder.encode(staffId, StandardCharsets.UTF_8) + "&plan="
                + java.net.URLEncoder.encode(planId, StandardCharsets.UTF_8) + "&year=" + year);
        browser.await(By.cssSelector("[data-figure=hours]"));
        int shown = browser.driver.findElements(By.cssSelector("main table tbody tr")).stream()
                .filter(r -> r.findElements(By.cssSelector("td.num")).size() == 2)
                .mapToInt(r -> Integer.parseInt(r.findElements(By.cssSelector("td.num")).get(1).getText().replace(",", "")))
                .sum();
        assertThat(shown).as("the person's statements include the learner's at once").isEqualTo(before + guestStatements);
    }

    /**
     * The supervisor is set on the staff member's page by finding someone by name, shown with a
     * link to them, and a reporting line that would come back to the person is refused in Thai.
     */
    @Test
    void aSupervisorIsSetOnTheStaffPageAndALoopIsRefusedInThai() {
        String token = app.demoUser(Role.HR_OFFICER);
        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, token);
        // the last two of the register: other browser tests take their people from its start
        JsonNode all = graphQl.execute("{ staffMembers(first: 100, filter: { status: [ACTIVE] }) { edges { node { id fullNameTh } } } }")
                .path("data").path("staffMembers").path("edges");
        assertThat(all.size()).isGreaterThan(3);
        List<JsonNode> people = List.of(all.get(all.size() - 1), all.get(all.size() - 2));
        String personId = people.get(0).path("node").path("id").asString();
        String supervisorId = people.get(1).path("node").path("id").asString();
        String supervisorName = people.get(1).path("node").path("fullNameTh").asString();
        String clear = "mutation($id: ID!) { updateStaff(input: {id: $id, supervisorId: null}) { userErrors { message } } }";
        graphQl.execute(clear, Map.of("id", personId));
        graphQl.execute(clear, Map.of("id", supervisorId));

        ConsoleBrowser browser = browser();
        browser.signIn(token);
        browser.open("/staff/person?id=" + java.net.URLEncoder.encode(personId, StandardCharsets.UTF_8));
        assertThat(browser.await(By.cssSelector("[data-testid=staff-supervisor]")).getText()).isEqualTo("ยังไม่ได้บันทึก");
        browser.driver.findElement(By.id(labelledFor(browser, "ค้นหาผู้บังคับบัญชาจากชื่อ")))
                .sendKeys(supervisorName.replaceAll("^(นางสาว|นาย|นาง)", "").split(" ")[0]);
        browser.await(By.xpath("//ul[contains(@class,'candidate-list')]//button[normalize-space()='" + supervisorName + "']")).click();
        browser.awaitText(By.cssSelector("[data-testid=staff-supervisor] a"), supervisorName);
        assertThat(graphQl.execute("query($id: ID!) { staff(id: $id) { supervisor { id } } }", Map.of("id", personId))
                .path("data").path("staff").path("supervisor").path("id").asString()).isEqualTo(supervisorId);
        browser.assertAccessible("a staff member with the supervisor editor");

        browser.driver.findElement(By.cssSelector("[data-testid=staff-supervisor] a")).click();
        browser.awaitText(By.tagName("h1"), supervisorName);
        String personName = people.get(0).path("node").path("fullNameTh").asString();
        browser.driver.findElement(By.id(labelledFor(browser, "ค้นหาผู้บังคับบัญชาจากชื่อ")))
                .sendKeys(personName.replaceAll("^(นางสาว|นาย|นาง)", "").split(" ")[0]);
        browser.await(By.xpath("//ul[contains(@class,'candidate-list')]//button[normalize-space()='" + personName + "']")).click();
        browser.awaitText(By.cssSelector("[data-testid=staff-supervisor-editor] [role=alert]"), "สายการบังคับบัญชาวนกลับมาที่บุคลากรผู้นี้");
        assertThat(graphQl.execute("query($id: ID!) { staff(id: $id) { supervisor { id } } }", Map.of("id", supervisorId))
                .path("data").path("staff").path("supervisor").isNull()).isTrue();
        graphQl.execute(clear, Map.of("id", personId));
    }

    private static int statements(GraphQlHttp graphQl, String planId, int year, String staffId) {
        JsonNode courses = graphQl.execute("query($p: ID!, $y: FiscalYear, $s: ID!) { staffProgress(planId: $p, fiscalYear: $y, staffId: $s) "
                + "{ courses { statements } } }", Map.of("p", planId, "y", year, "s", staffId)).path("data").path("staffProgress").path("courses");
        int sum = 0;
        for (JsonNode course : courses) {
            sum += course.path("statements").asInt();
        }
        return sum;
    }

    /** The id of the form control a visible label names. */
    static String labelledFor(ConsoleBrowser browser, String label) {
        return browser.driver.findElement(By.xpath("//label[normalize-space()='" + label + "']")).getAttribute("for");
    }

    private static void waitUntilEveryRow(ConsoleBrowser browser, int column, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, ConsoleApplication.timeout())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            List<WebElement> rows = driver.findElements(STAFF_ROWS);
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.findElements(By.cssSelector("td, th")).get(column).getText().equals(text));
        });
    }
}
