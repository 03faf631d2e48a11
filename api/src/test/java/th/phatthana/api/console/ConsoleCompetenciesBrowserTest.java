package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.console.ConsoleStaffBrowserTest.labelledFor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/** The competencies page (gap heat map, catalogue with a new local item) and the audit trail filtered by action and user, in a real browser. */
class ConsoleCompetenciesBrowserTest extends BrowserTestSupport {

    static final By HEAT_ROWS = By.cssSelector("table.heatmap tbody tr");
    static final By AUDIT_ROWS = By.cssSelector("table.audit-table tbody tr");

    @Test
    void theHeatMapShowsTheDemoOrganisationsGroupsWithTheirFigures() {
        String token = app.demoUser(Role.HR_OFFICER);
        JsonNode groups = new GraphQlHttp(app.baseUrl, token).execute("""
                { competencyGapSummary(groupBy: DIVISION) { division { nameTh } staffCount
                  competencies { staffRequired staffWithGap competency { code } } } }""").path("data").path("competencyGapSummary");
        assertThat(groups.size()).as("the demo organisation has divisions with staff").isGreaterThan(1);
        // the demo's assessment round: some requirements met, some not (not every cell short for everyone)
        int cellsAllShort = 0;
        int cellsSomeMet = 0;
        for (JsonNode group : groups) {
            for (JsonNode count : group.path("competencies")) {
                int required = count.path("staffRequired").asInt();
                if (required > 0 && count.path("staffWithGap").asInt() == required) {
                    cellsAllShort++;
                } else if (required > 0) {
                    cellsSomeMet++;
                }
            }
        }
        assertThat(cellsSomeMet).as("cells where someone meets the requirement").isGreaterThan(cellsAllShort / 2);

        ConsoleBrowser browser = signedInAt(token, "/competencies?view=gaps", HEAT_ROWS);
        for (JsonNode group : groups) {
            String name = group.path("division").path("nameTh").asString("ไม่สังกัดส่วนราชการ");
            WebElement row = browser.driver.findElement(By.xpath("//table[contains(@class,'heatmap')]//tr[th[normalize-space()='" + name + "']]"));
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            assertThat(cells.get(0).getText()).isEqualTo(String.valueOf(group.path("staffCount").asInt()));
            List<String> codes = new ArrayList<>();
            browser.driver.findElements(By.cssSelector("table.heatmap thead th.heat-column abbr")).forEach(abbr -> codes.add(abbr.getText()));
            for (JsonNode count : group.path("competencies")) {
                int required = count.path("staffRequired").asInt();
                int short_ = count.path("staffWithGap").asInt();
                WebElement cell = cells.get(2 + codes.indexOf(count.path("competency").path("code").asString()));
                if (required > 0) {
                    assertThat(cell.findElement(By.className("heat-figure")).getText()).isEqualTo(short_ + "/" + required);
                    long percent = Math.round(1000.0 * short_ / required);
                    assertThat(cell.findElement(By.className("heat-share")).getText())
                            .isEqualTo((percent % 10 == 0 ? String.valueOf(percent / 10) : (percent / 10) + "." + (percent % 10)) + "%");
                }
            }
        }
        assertThat(browser.driver.findElement(By.cssSelector(".heat-legend")).getText()).contains("ไม่มีผู้ขาด (0%)", "มากกว่า 75% ถึง 100%");
        browser.assertAccessible("the competency gap heat map");
        browser.screenshot("competencies-heatmap");
    }

    @Test
    void anAdminAddsALocalCompetencyAndFindsItInTheCatalogueAndTheAuditTrail() {
        String token = app.demoUser(Role.TENANT_ADMIN);
        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, token);
        String me = graphQl.execute("{ viewer { id } }").path("data").path("viewer").path("id").asString();
        String name = "การสื่อสารกับชุมชนด้วยภาษาถิ่น " + System.nanoTime() % 100000;

        ConsoleBrowser browser = signedInAt(token, "/competencies", By.cssSelector("table.competency-catalogue tbody tr"));
        browser.driver.findElement(By.id(labelledFor(browser, "ชื่อภาษาไทย"))).sendKeys(name);
        browser.driver.findElement(By.id(labelledFor(browser, "ชื่อภาษาอังกฤษ"))).sendKeys("Talking with the community in the local dialect");
        browser.driver.findElement(By.xpath("//button[normalize-space()='เพิ่มรายการ']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), name);
        new Select(browser.driver.findElement(By.id(labelledFor(browser, "ประเภท")))).selectByVisibleText("รายการเพิ่มเติมของหน่วยงาน");
        browser.awaitText(By.cssSelector("table.competency-catalogue tbody"), name);
        WebElement row = browser.driver.findElement(By.xpath("//table[contains(@class,'competency-catalogue')]//tr[th[contains(., '" + name + "')]]"));
        assertThat(row.getText()).contains("L-", "ของหน่วยงาน", "แก้ไข", "ลบ");
        JsonNode added = graphQl.execute("query($s: String) { competencies(kind: LOCAL, search: $s) { edges { node { code nameTh } } } }",
                Map.of("s", name)).path("data").path("competencies").path("edges");
        assertThat(added.size()).isEqualTo(1);
        browser.assertAccessible("the competency catalogue");
        browser.screenshot("competencies-catalogue");

        // Someone else's change, so that filtering by user has something to leave out.
        new GraphQlHttp(app.baseUrl, app.demoUser(Role.TENANT_ADMIN)).execute(
                "mutation { addLocalCompetency(input: {nameTh: \"ความรู้ของผู้ดูแลอีกคน " + System.nanoTime() % 100000 + "\"}) { userErrors { code } } }");

        browser.open("/admin/audit");
        browser.await(AUDIT_ROWS);
        new Select(browser.driver.findElement(By.id(labelledFor(browser, "การดำเนินการ")))).selectByValue("competency.add");
        awaitEveryRow(browser, 2, "เพิ่มรายการสมรรถนะของหน่วยงาน");
        browser.awaitText(By.cssSelector("table.audit-table tbody"), name);
        int adds = graphQl.execute("{ auditTrail(action: \"competency.add\", first: 50) { id } }").path("data").path("auditTrail").size();
        assertThat(browser.driver.findElements(AUDIT_ROWS)).hasSize(adds);

        new Select(browser.driver.findElement(By.id(labelledFor(browser, "ผู้ใช้")))).selectByValue(me);
        new WebDriverWait(browser.driver, ConsoleApplication.timeout()).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(AUDIT_ROWS).size() == 1);
        WebElement mine = browser.driver.findElement(AUDIT_ROWS);
        assertThat(mine.getText()).contains(name, "ผู้ทดสอบระบบ", "เพิ่มรายการสมรรถนะของหน่วยงาน", "competency:L-");
        assertThat(browser.driver.findElement(By.cssSelector("main [role=status]")).getText()).isEqualTo("แสดง 1 รายการ");
        browser.assertAccessible("the audit trail filtered by action and user");
        browser.screenshot("admin-audit");

        new Select(browser.driver.findElement(By.id(labelledFor(browser, "การดำเนินการ")))).selectByValue("");
        awaitEveryRow(browser, 1, "ผู้ทดสอบระบบ");
        assertThat(browser.driver.findElements(AUDIT_ROWS)).hasSize(
                graphQl.execute("query($a: ID) { auditTrail(actor: $a, first: 50) { id } }", Map.of("a", me)).path("data").path("auditTrail").size());
    }

    @Test
    void requirementsAndAPersonsGapsAreShownAndAnAssessmentIsRecorded() {
        String token = app.demoUser(Role.HR_OFFICER);
        ConsoleBrowser browser = signedInAt(token, "/competencies?view=requirements", By.cssSelector("main table tbody tr"));
        String requirements = browser.driver.findElement(By.cssSelector("main table")).getText();
        assertThat(requirements).contains("ประเภทตำแหน่งทั่วไป", "C01", "ตามแผนแม่บท");
        assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='ใช้เป็นของหน่วยงาน']")))
                .as("only TENANT_ADMIN adopts a default").isEmpty();
        browser.assertAccessible("the competency requirements");
        browser.screenshot("competencies-requirements");

        browser.open("/competencies?view=assessments");
        browser.await(By.xpath("//button[normalize-space()='ดูผลการประเมิน']")).click();
        WebElement person = browser.await(By.cssSelector("section.competency-person"));
        assertThat(person.getText()).contains("สมรรถนะที่ต้องมีของ", "ระดับที่ต้องมี", "C01");
        Select item = new Select(browser.driver.findElement(By.id(labelledFor(browser, "สมรรถนะ"))));
        item.selectByIndex(1);
        String chosen = item.getFirstSelectedOption().getText();
        browser.driver.findElement(By.id(labelledFor(browser, "ระดับ (0–5)"))).sendKeys("4");
        browser.driver.findElement(By.id(labelledFor(browser, "หมายเหตุหรือหลักฐาน"))).sendKeys("ทดสอบจากเบราว์เซอร์");
        browser.driver.findElement(By.xpath("//button[normalize-space()='บันทึกผลการประเมิน']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "บันทึกผลการประเมินแล้ว");
        browser.awaitText(By.cssSelector("section.competency-person"), "ทดสอบจากเบราว์เซอร์");
        WebElement recorded = browser.driver.findElement(By.xpath("//section[contains(@class,'competency-person')]//tr[td[normalize-space()='ทดสอบจากเบราว์เซอร์']]"));
        assertThat(recorded.getText()).contains(chosen, "4");
        browser.assertAccessible("a staff member's competencies");
        browser.screenshot("competencies-assessments");
    }

    /** Waits until there are rows and the cell at `column` (td or th, in order) of each holds the text. */
    private static void awaitEveryRow(ConsoleBrowser browser, int column, String text) {
        new WebDriverWait(browser.driver, ConsoleApplication.timeout()).ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> rows = driver.findElements(AUDIT_ROWS);
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.findElements(By.cssSelector("td, th")).get(column).getText().contains(text));
        });
    }
}
