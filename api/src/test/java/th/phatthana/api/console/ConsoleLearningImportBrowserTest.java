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
import org.openqa.selenium.support.ui.Select;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * HR imports a completion list of the DLA e-Learning in the console: the check shows the counts
 * and a refused row in Thai, the corrected list is confirmed, and the dashboard counts the new
 * completions of the plan course.
 */
class ConsoleLearningImportBrowserTest extends BrowserTestSupport {

    static final String COURSE_TITLE = "หลักสูตรทักษะดิจิทัลสำหรับบุคลากรท้องถิ่น (e-Learning)";
    static final By DIGITAL_SKILLS = By.cssSelector("[data-course='digital-skills'] [data-figure=participantsCompleted]");

    @Test
    void hrImportsACompletionListAndTheDashboardCountsTheNewCompletions() throws Exception {
        String token = app.demoUser(Role.HR_OFFICER);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        GraphQlHttp graphql = new GraphQlHttp(app.baseUrl, token);
        newStaff(graphql, "IMP-A-" + suffix, "วิไลวรรณ", "นำเข้า" + suffix, "wilaiwan." + suffix + "@sangkhom.go.th");
        newStaff(graphql, "IMP-B-" + suffix, "ประเสริฐ", "นำเข้า" + suffix, "prasert." + suffix + "@sangkhom.go.th");

        ConsoleBrowser browser = signedInAt(token, "/dashboard", By.cssSelector("[data-testid=headline-figures]"));
        int before = Integer.parseInt(browser.driver.findElement(DIGITAL_SKILLS).getText());

        LocalDate today = LocalDate.now(FiscalYears.BANGKOK);
        String beDate = String.format("%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear() + 543);
        String header = "ชื่อผู้ใช้,ชื่อ-นามสกุล,อีเมล,หลักสูตร,วันที่สำเร็จการศึกษา,ชั่วโมงเรียน,คะแนน,ผลการเรียน\n";
        String good = ",นางสาว วิไลวรรณ  นำเข้า" + suffix + ",,\"" + COURSE_TITLE + "\"," + beDate + ",6,88,สำเร็จ\n"
                + ",,prasert." + suffix + "@sangkhom.go.th,\"" + COURSE_TITLE + "\"," + today + ",6,75,สำเร็จ\n";
        Path withProblem = Files.createTempFile("dla-export", ".csv");
        Files.writeString(withProblem, "\uFEFF" + header + good + ",นาย ไม่มีตัวตน ในทะเบียน,,\"" + COURSE_TITLE + "\"," + beDate
                + ",6,70,สำเร็จ\n", StandardCharsets.UTF_8);
        Path corrected = Files.createTempFile("dla-export", ".csv");
        Files.writeString(corrected, "\uFEFF" + header + good, StandardCharsets.UTF_8);

        browser.open("/staff");
        browser.await(By.linkText("นำเข้าผลการเรียนรู้")).click();
        browser.await(By.tagName("h1"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("นำเข้าผลการเรียนรู้จากรายชื่อผู้ผ่านการพัฒนา");
        new Select(browser.driver.findElement(By.xpath("//label[text()='แหล่งที่มาของไฟล์']/following-sibling::select")))
                .selectByValue("DLA_ELEARNING");
        WebElement file = browser.driver.findElement(By.cssSelector("input[type=file]"));
        file.sendKeys(withProblem.toString());
        browser.driver.findElement(By.xpath("//button[text()='ตรวจสอบไฟล์']")).click();
        WebElement problems = browser.await(By.cssSelector("[data-testid=import-problems]"));
        assertThat(problems.getText()).contains("4", "ไม่พบบุคลากรที่ตรงกับชื่อ-นามสกุล");
        assertThat(browser.driver.findElements(By.xpath("//button[starts-with(text(),'ยืนยันบันทึก')]"))).isEmpty();

        file = browser.driver.findElement(By.cssSelector("input[type=file]"));
        file.clear();
        file.sendKeys(corrected.toString());
        browser.driver.findElement(By.xpath("//button[text()='ตรวจสอบไฟล์']")).click();
        WebElement confirm = browser.await(By.xpath("//button[text()='ยืนยันบันทึก 2 รายการ']"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=import-records]")).getText()).contains("วิไลวรรณ", "สำเร็จ");
        browser.assertAccessible("the learning-record import preview");
        browser.screenshot("learning-import");
        confirm.click();
        browser.awaitText(By.cssSelector("[data-testid=import-written]"), "บันทึกผลการเรียนรู้แล้ว 2 รายการ");

        browser.driver.findElement(By.linkText("ดูความก้าวหน้าการพัฒนา")).click();
        browser.await(By.cssSelector("[data-testid=headline-figures]"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(50))
                .until(driver -> driver.findElement(DIGITAL_SKILLS).getText().equals(String.valueOf(before + 2)));
    }

    private static void newStaff(GraphQlHttp graphql, String number, String first, String last, String email) {
        JsonNode created = graphql.execute("""
                mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } userErrors { message } } }""",
                Map.of("input", Map.of("staffNumber", number, "title", "นางสาว", "firstNameTh", first, "lastNameTh", last,
                        "personnelType", "LOCAL_OFFICIAL", "positionTitle", "นักทรัพยากรบุคคล", "appointmentDate", "2020-01-01",
                        "xapiIdentities", List.of(Map.of("mbox", "mailto:" + email)))));
        assertThat(created.path("data").path("createStaff").path("userErrors")).as(created.toString()).isEmpty();
    }
}
