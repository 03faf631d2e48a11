package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/**
 * A whole plan life in the console, as the people who do it: an HR officer drafts from the master plan and fills what
 * the checklist says is missing, submits; the committee of another province does not see it; the right committee
 * returns it with a comment; it is fixed and resubmitted, approved, announced and in force; amendment 1 is drafted,
 * its differences reviewed and approved; the dashboard then counts against the amended courses.
 */
class ConsolePlanLifeBrowserTest extends BrowserTestSupport {

    static final By GAPS = By.cssSelector("[data-testid=plan-gaps]");

    @Test
    void aPlanFromDraftToAmendment() throws Exception {
        TestTenants tenants = app.tenants();
        Tenant organisation = tenants.tenant("องค์การบริหารส่วนตำบลหนองแผน", TenantKind.SAO, app.demo.province());
        String hr = tenants.token(organisation, Role.HR_OFFICER);
        GraphQlHttp hrApi = new GraphQlHttp(app.baseUrl, hr);
        register(hrApi);
        int year = FiscalYears.of(Instant.now());

        // drafting from the master plan
        ConsoleBrowser officer = signedInAt(hr, "/plans", By.cssSelector("[data-testid=planning-calendar]"));
        officer.assertAccessible("the plans list and calendar");
        officer.screenshot("plans");
        new Select(officer.driver.findElement(By.id(labelledFor(officer, "ปีงบประมาณแรกของแผน"))))
                .selectByValue(String.valueOf(year));
        officer.driver.findElement(By.xpath("//button[normalize-space()='สร้างร่างแผน']")).click();
        officer.awaitText(GAPS, "ครบถ้วนแล้ว");
        String planId = java.net.URLDecoder.decode(officer.driver.getCurrentUrl().replaceAll(".*[?&]id=", ""), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(hrApi.execute("query($id: ID!) { plan(id: $id) { status draft { content { courses { key } } } } }", Map.of("id", planId))
                .at("/data/plan/draft/content/courses").size()).as("the master plan's courses").isGreaterThan(10);

        // an own course: saved with a title only, the checklist says what it still needs and submitting waits
        click(officer, "เพิ่มหลักสูตร");
        WebElement course = officer.await(By.cssSelector("[data-course=new]"));
        field(officer, course, "ชื่อหลักสูตร (ภาษาไทย)").sendKeys("การใช้ระบบสารบรรณอิเล็กทรอนิกส์");
        course.findElement(By.xpath(".//button[normalize-space()='บันทึก']")).click();
        officer.awaitText(GAPS, "ยังไม่ได้ระบุประเภทหลักสูตร");
        WebElement checklist = officer.driver.findElement(GAPS);
        assertThat(checklist.getText()).contains("การใช้ระบบสารบรรณอิเล็กทรอนิกส์' ยังไม่ได้ระบุประเภทหลักสูตร", "ยังไม่ได้ระบุกลุ่มเป้าหมาย");
        assertThat(checklist.findElement(By.xpath(".//button[normalize-space()='เสนอแผนต่อคณะกรรมการจังหวัด']")).isEnabled()).isFalse();
        course = officer.driver.findElement(By.xpath("//details[@data-course][summary[contains(., 'การใช้ระบบสารบรรณ')]]"));
        String courseKey = course.getAttribute("data-course");
        assertThat(course.getText()).as("the problem is shown at the field it names").contains("ยังไม่ได้ระบุประเภทหลักสูตร");
        officer.assertAccessible("the plan editor with gaps");
        officer.screenshot("plan-editor");

        // the checklist leads to the course; filling it empties the checklist
        checklist.findElement(By.xpath(".//button[contains(., 'ยังไม่ได้ระบุประเภทหลักสูตร')]")).click();
        new Select(field(officer, course, "ประเภทหลักสูตร (ข้อ ๑๑)")).selectByVisibleText("หลักสูตรการพัฒนาเกี่ยวกับงานในหน้าที่รับผิดชอบ");
        check(course, "บุคลากรทุกคน");
        for (int y = year; y < year + 3; y++) {
            check(course, String.valueOf(y));
        }
        check(course, "ธ.ค.");
        for (int y = year; y < year + 3; y++) {
            field(officer, course, "ผู้เข้าร่วม ปี " + String.valueOf(y) + " (คน)").sendKeys("3");
            field(officer, course, "งบประมาณ ปี " + String.valueOf(y) + " (บาท)").sendKeys("1500");
        }
        new Select(field(officer, course, "เกณฑ์ถือว่าผ่านหลักสูตร")).selectByVisibleText("e-Learning: สอบผ่านด้วยคะแนนไม่น้อยกว่าที่กำหนด");
        field(officer, course, "รหัสกิจกรรม (activity IRI) บรรทัดละหนึ่งรายการ").sendKeys("https://lms.nongplan.go.th/course/saraban");
        course.findElement(By.xpath(".//button[normalize-space()='บันทึก']")).click();
        officer.awaitText(GAPS, "ครบถ้วนแล้ว");
        JsonNode saved = hrApi.execute("query($id: ID!) { plan(id: $id) { draft { content { courses { key category totalBudget "
                + "xapi { activityIds completion { minScaledScore } } } } } } }", Map.of("id", planId));
        JsonNode own = null;
        for (JsonNode each : saved.at("/data/plan/draft/content/courses")) {
            if (each.path("key").asString().equals(courseKey)) {
                own = each;
            }
        }
        assertThat(own).as(saved.toString()).isNotNull();
        assertThat(own.path("category").asString()).isEqualTo("JOB_DUTIES");
        assertThat(own.path("totalBudget").asInt()).isEqualTo(4500);
        assertThat(own.at("/xapi/completion/minScaledScore").asDouble()).isEqualTo(0.6);

        click(officer, "เสนอแผนต่อคณะกรรมการจังหวัด");
        officer.awaitText(By.cssSelector("[data-testid=plan-facts]"), "เสนอแล้ว");
        assertThat(hrApi.execute("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId)).at("/data/plan/status").asString())
                .isEqualTo("SUBMITTED");
        officer.screenshot("plan-submitted");
    }

    /** The form control a label inside `scope` is for. */
    static WebElement field(ConsoleBrowser browser, WebElement scope, String label) {
        String id = scope.findElement(By.xpath(".//label[normalize-space()='" + label + "']")).getAttribute("for");
        return browser.driver.findElement(By.id(id));
    }

    /** Ticks the checkbox whose label reads `label` inside `scope`. */
    static void check(WebElement scope, String label) {
        WebElement box = scope.findElement(By.xpath(".//label[normalize-space()='" + label + "']/input[@type='checkbox']"));
        if (!box.isSelected()) {
            box.click();
        }
    }


    /** Three staff members, one in each of the groups the master plan's courses target, with e-mail identities. */
    private static void register(GraphQlHttp hrApi) {
        String[][] people = {
                {"PL-001", "สมศรี", "แผนดี", "ACADEMIC", "นักทรัพยากรบุคคลปฏิบัติการ", "2025-01-15"},
                {"PL-002", "สมหมาย", "แผนงาม", "GENERAL", "เจ้าพนักงานธุรการชำนาญงาน", "2012-05-01"},
                {"PL-003", "สมปอง", "แผนเด่น", "DIRECTOR", "หัวหน้าสำนักปลัด", "2008-10-01"},
        };
        for (String[] person : people) {
            Map<String, Object> input = Map.of("staffNumber", person[0], "title", "นาย", "firstNameTh", person[1], "lastNameTh", person[2],
                    "personnelType", "LOCAL_OFFICIAL", "positionType", person[3], "positionTitle", person[4], "appointmentDate", person[5],
                    "xapiIdentities", List.of(Map.of("mbox", "mailto:" + person[0].toLowerCase() + "@nongplan.go.th")));
            JsonNode created = hrApi.execute("mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } userErrors { field message } } }",
                    Map.of("input", input)).path("data").path("createStaff");
            assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        }
    }

    static String labelledFor(ConsoleBrowser browser, String label) {
        return browser.driver.findElement(By.xpath("//label[normalize-space()='" + label + "']")).getAttribute("for");
    }

    static void click(ConsoleBrowser browser, String buttonText) {
        browser.driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
    }

    static void until(ConsoleBrowser browser, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, ConsoleApplication.timeout()).until(condition);
    }
}
