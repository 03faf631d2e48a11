package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import th.phatthana.api.testing.GraphQlHttp;

/** Oversight (provincial committee, national) and the organisations of a national user, in a real browser. */
class ConsoleOversightBrowserTest extends BrowserTestSupport {

    @Test
    void aCommitteeMemberSeesTheOrganisationsDashboardReadOnlyAndTheApiRefusesWrites() {
        String token = app.committee();
        ConsoleBrowser browser = signedInAt(token, "/", By.cssSelector("[data-testid=oversight-organisations]"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/oversight");
        browser.assertAccessible("oversight: organisations");
        browser.driver.findElement(By.linkText("องค์การบริหารส่วนตำบลสังคม")).click();
        browser.await(ConsoleDashboardBrowserTest.FIGURES);
        assertThat(browser.driver.findElement(By.cssSelector(".notice-info")).getText()).startsWith("ดูอย่างเดียว");

        for (WebElement button : browser.driver.findElements(By.cssSelector("main button"))) {
            assertThat(button.getText()).as("only reading controls: exports, the plan document and people")
                    .matches("(?s)Excel \\(XLSX\\)|CSV \\(ZIP\\)|PDF|เอกสารแผนพัฒนาบุคลากร \\((PDF|Word)\\)|ดูรายชื่อ.*");
        }
        for (WebElement input : browser.driver.findElements(By.cssSelector("main input"))) {
            assertThat(input.getAttribute("type")).as("only search boxes").isEqualTo("search");
        }
        assertThat(browser.driver.findElements(By.xpath("//main//button[contains(., 'นำเข้า') or contains(., 'เชื่อม') or contains(., 'ระงับ')]")))
                .isEmpty();
        browser.assertAccessible("oversight: an organisation's dashboard");
        browser.screenshot("oversight-dashboard");

        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, token);
        String planId = graphQl.execute("query($o: ID) { planInForce(organisationId: $o) { id } }", Map.of("o", app.demo.id()))
                .path("data").path("planInForce").path("id").asString();
        assertThat(planId).isNotBlank();
        assertThat(GraphQlHttp.classification(graphQl.execute("""
                mutation($p: ID!) { recordCourseSpend(input: { planId: $p, courseKey: "digital-skills", fiscalYear: 2570, amount: 100 }) {
                  entry { id } userErrors { code } } }""", Map.of("p", planId)))).isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(graphQl.execute("""
                mutation { createDivision(input: { nameTh: "กองใหม่" }) { division { id } userErrors { code } } }""")))
                .isIn("FORBIDDEN", "BAD_REQUEST");
    }

    @Test
    void theProvinceOverviewSortsAndDownloads() throws Exception {
        ConsoleBrowser browser = browser();
        browser.signIn(app.committee());
        browser.open("/oversight/overview");
        WebElement table = browser.await(By.cssSelector("[data-testid=province-overview]"));
        assertThat(table.getText()).contains("องค์การบริหารส่วนตำบลสังคม", "ประกาศใช้บังคับ");
        WebElement developed = browser.driver.findElement(By.xpath("//th[button[contains(., 'ได้รับการพัฒนา')]]"));
        developed.findElement(By.tagName("button")).click();
        new WebDriverWait(browser.driver, ConsoleApplication.timeout())
                .until(driver -> "descending".equals(driver.findElement(By.xpath("//th[button[contains(., 'ได้รับการพัฒนา')]]"))
                        .getAttribute("aria-sort")));
        browser.assertAccessible("the province overview");
        browser.screenshot("province-overview");
        browser.driver.findElement(By.xpath("//button[normalize-space()='ดาวน์โหลด XLSX']")).click();
        Path xlsx = browser.awaitDownload(".xlsx");
        assertThat(xlsx.getFileName().toString()).startsWith("province-progress-");
        assertThat(new String(Files.readAllBytes(xlsx), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    void aNationalUserFindsCreatesSuspendsAndReinstatesOrganisations() {
        ConsoleBrowser browser = signedInAt(app.national(), "/", By.cssSelector("[data-testid=organisations]"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/organisations");

        String code = "T" + UUID.randomUUID().toString().substring(0, 6);
        String name = "องค์การบริหารส่วนตำบลทดสอบ" + code;
        browser.driver.findElement(By.xpath("//button[normalize-space()='เพิ่มหน่วยงาน']")).click();
        WebElement form = browser.await(By.cssSelector("form[aria-label='เพิ่มหน่วยงานใหม่']"));
        form.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "รหัส"))).sendKeys(code);
        form.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "ชื่อภาษาไทย"))).sendKeys(name);
        form.findElement(By.xpath(".//label[normalize-space()='จังหวัด']/following-sibling::input")).sendKeys("บึงกาฬ");
        form.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "อำเภอ"))).sendKeys("เมืองบึงกาฬ");
        form.findElement(By.xpath(".//button[normalize-space()='บันทึก']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "เพิ่ม" + name + "แล้ว");
        By row = By.cssSelector("[data-organisation='" + code + "']");
        browser.await(row);
        browser.assertAccessible("organisations");
        browser.screenshot("organisations");

        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='ระงับการใช้งาน']")).click();
        WebElement confirm = browser.await(By.xpath("//form[.//p[contains(., 'ระงับ" + name + "?')]]"));
        confirm.findElement(By.tagName("input")).sendKeys("ทดสอบการระงับ");
        confirm.findElement(By.xpath(".//button[normalize-space()='ระงับการใช้งาน']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "ระงับการใช้งาน" + name + "แล้ว");
        browser.awaitText(row, "ระงับการใช้งาน");
        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='เปิดใช้งานอีกครั้ง']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "เปิดใช้งาน" + name + "อีกครั้งแล้ว");
        browser.awaitText(row, "ใช้งาน");
    }
}
