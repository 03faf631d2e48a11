package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * Individual development plans in a real browser: HR makes a person's plan from their gaps, adds a
 * plan course and another activity (a wrong IRI refused next to its field), records both parties'
 * signed forms, downloads the PDF form, and finds the person agreed in the division's list.
 */
class ConsoleIdpBrowserTest extends BrowserTestSupport {

    @Test
    void hrMakesAPlanRecordsBothAgreementsAndSeesItInTheDivisionList() throws Exception {
        String token = app.demoUser(Role.HR_OFFICER);
        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, token);
        int year = FiscalYears.of(Instant.now());
        JsonNode roster = graphQl.execute("query($y: FiscalYear) { individualPlanRoster(fiscalYear: $y) { staff { id fullNameTh division { id } } plan { id } } }",
                Map.of("y", year)).path("data").path("individualPlanRoster");
        JsonNode person = null;
        JsonNode supervisor = null;
        for (JsonNode row : roster) {
            if (person == null && row.path("plan").isNull() && row.path("staff").path("division").hasNonNull("id")) {
                person = row.path("staff");
            }
        }
        assertThat(person).as("someone of the demo without a plan: %s", roster).isNotNull();
        String division = person.path("division").path("id").asString();
        for (JsonNode row : roster) {
            JsonNode staff = row.path("staff");
            if (supervisor == null && !staff.path("id").asString().equals(person.path("id").asString())
                    && division.equals(staff.path("division").path("id").asString(""))) {
                supervisor = staff;
            }
        }
        assertThat(supervisor).isNotNull();
        String staffId = person.path("id").asString();
        JsonNode linked = graphQl.execute("mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("id", staffId, "supervisorId", supervisor.path("id").asString())));
        assertThat(linked.path("data").path("updateStaff").path("userErrors").isEmpty()).as(linked.toString()).isTrue();

        String page = "/idp/person?id=" + URLEncoder.encode(staffId, StandardCharsets.UTF_8) + "&year=" + year;
        ConsoleBrowser browser = signedInAt(token, page, By.xpath("//button[normalize-space()='จัดทำแผนพัฒนารายบุคคล']"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=idp-supervisor]")).getText())
                .contains(supervisor.path("fullNameTh").asString());
        browser.driver.findElement(By.xpath("//button[normalize-space()='จัดทำแผนพัฒนารายบุคคล']")).click();
        browser.await(By.cssSelector("[data-testid=idp-add-item]"));
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=idp-gaps] tbody tr"))).isNotEmpty();

        // a course of the plan in force, for the first gap
        new Select(browser.driver.findElement(By.id("idp-course"))).selectByIndex(1);
        new Select(browser.driver.findElement(By.id("idp-competency"))).selectByIndex(1);
        browser.driver.findElement(By.xpath("//button[normalize-space()='เพิ่มรายการ']")).click();
        browser.await(By.cssSelector("[data-testid=idp-items] tbody tr"));

        // another activity: a wrong IRI and no title are refused next to their fields, nothing is written
        browser.driver.findElement(By.cssSelector("input[name=idp-kind][value=ACTIVITY]")).click();
        browser.await(By.id("idp-iris")).sendKeys("ไม่ใช่ที่อยู่");
        browser.driver.findElement(By.xpath("//button[normalize-space()='เพิ่มรายการ']")).click();
        browser.awaitText(By.id("idp-iris-error"), "IRI");
        browser.awaitText(By.id("idp-title-error"), "ชื่อกิจกรรม");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=idp-items] tbody tr"))).hasSize(1);
        WebElement iris = browser.driver.findElement(By.id("idp-iris"));
        iris.clear();
        iris.sendKeys("https://learn.ocsc.go.th/course/coaching-" + System.nanoTime());
        browser.driver.findElement(By.id("idp-title")).sendKeys("การสอนงานโดยผู้บังคับบัญชา (coaching)");
        browser.driver.findElement(By.xpath("//button[normalize-space()='เพิ่มรายการ']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, ConsoleApplication.timeout())
                .until(driver -> driver.findElements(By.cssSelector("[data-testid=idp-items] tbody tr")).size() == 2);

        // both signed forms recorded
        browser.driver.findElement(By.xpath("//button[normalize-space()='บันทึกความเห็นชอบของผู้รับการพัฒนา']")).click();
        browser.await(By.cssSelector("[data-party=STAFF_MEMBER][data-agreed=true]"));
        browser.driver.findElement(By.xpath("//button[normalize-space()='บันทึกความเห็นชอบของผู้บังคับบัญชา']")).click();
        browser.await(By.cssSelector("[data-testid=idp-fully-agreed]"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=idp-status]")).getAttribute("data-status")).isEqualTo("AGREED");
        browser.assertAccessible("a person's individual development plan");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("idp-person");

        browser.driver.findElement(By.cssSelector("[data-idp-pdf]")).click();
        Path pdf = browser.awaitDownload("-" + year + ".pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // the division's list shows the person agreed
        browser.open("/idp?year=" + year + "&division=" + URLEncoder.encode(division, StandardCharsets.UTF_8));
        browser.await(By.cssSelector("[data-testid=idp-roster] tr[data-staff='" + staffId + "'] td[data-status=AGREED]"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=idp-summary]")).getText()).contains("เห็นชอบแล้ว");
        browser.assertAccessible("the individual development plans of a division");
        browser.screenshot("idp-division");

        // the organisation's dashboard counts the agreed plan
        String planId = graphQl.execute("{ planInForce { id } }").path("data").path("planInForce").path("id").asString();
        JsonNode figures = graphQl.execute("query($p: ID!, $y: FiscalYear) { planProgress(planId: $p, fiscalYear: $y) { staffCount individualPlansAgreed } }",
                Map.of("p", planId, "y", year)).path("data").path("planProgress");
        assertThat(figures.path("individualPlansAgreed").asInt()).isPositive();
        browser.open("/dashboard");
        browser.awaitText(By.cssSelector("[data-figure=individualPlansAgreed]"),
                figures.path("individualPlansAgreed").asInt() + " จาก " + figures.path("staffCount").asInt() + " คน");
    }
}
