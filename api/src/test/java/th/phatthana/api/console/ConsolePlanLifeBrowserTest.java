package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import th.phatthana.api.testing.XapiHttp;
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

        // the committee of another province does not see it; the right one returns it with a comment
        ConsoleBrowser stranger = signedInAt(tenants.committeeToken("อุดรธานี", TenantKind.SAO), "/review",
                By.cssSelector("[data-testid=review-queue], [data-testid=review-queue-empty]"));
        assertThat(stranger.driver.findElements(By.cssSelector("tr[data-plan='" + planId + "']"))).isEmpty();
        ConsoleBrowser committee = signedInAt(app.committee(), "/review", By.cssSelector("tr[data-plan='" + planId + "']"));
        committee.driver.findElement(By.cssSelector("tr[data-plan='" + planId + "']")).findElement(By.linkText("พิจารณา")).click();
        String comment = "ขอให้ระบุแหล่งงบประมาณของหลักสูตรสารบรรณอิเล็กทรอนิกส์ให้ชัดเจน";
        committee.await(By.cssSelector("[data-testid=return-form] textarea")).sendKeys(comment);
        committee.driver.findElement(By.cssSelector("[data-testid=return-form] button[type=submit]")).click();
        committee.awaitText(By.cssSelector("[data-testid=review-result]"), "ส่งกลับ");

        // the organisation reads the comment, fixes the plan and submits again
        String planPage = "/plans/plan?id=" + URLEncoder.encode(planId, StandardCharsets.UTF_8);
        officer.open(planPage);
        officer.awaitText(By.cssSelector("[data-testid=return-comments]"), comment);
        officer.assertAccessible("a returned plan");
        officer.screenshot("plan-returned");
        officer.driver.findElement(By.linkText("แก้ไขร่าง")).click();
        WebElement budget = officer.await(By.id("section-budget"));
        field(officer, budget, "แหล่งงบประมาณและคำอธิบาย").sendKeys(" หลักสูตรการใช้ระบบสารบรรณอิเล็กทรอนิกส์ใช้งบประมาณหมวดค่าใช้สอย");
        budget.findElement(By.xpath(".//button[normalize-space()='บันทึก']")).click();
        officer.awaitText(By.cssSelector("#section-budget [role=status]"), "บันทึกแล้ว");
        click(officer, "เสนอแผนต่อคณะกรรมการจังหวัด");
        officer.awaitText(By.cssSelector("[data-testid=plan-facts]"), "เสนอแล้ว");

        // approved with the committee's resolution
        String reviewPage = "/review/plan?id=" + URLEncoder.encode(planId, StandardCharsets.UTF_8);
        committee.open(reviewPage);
        committee.awaitText(By.cssSelector("[data-testid=earlier-reviews]"), comment);
        WebElement approve = committee.driver.findElement(By.cssSelector("[data-testid=approve-form]"));
        approve.findElement(By.name("resolutionNumber")).sendKeys("ครั้งที่ 3/2570");
        approve.findElement(By.cssSelector("button[type=submit]")).click();
        committee.awaitText(By.cssSelector("[data-testid=review-result]"), "ครั้งที่ 3/2570");

        // announced today: in force; the plan document downloads in both formats
        officer.open(planPage);
        officer.await(By.xpath("//button[normalize-space()='บันทึกการประกาศใช้']")).click();
        officer.awaitText(By.cssSelector("[data-testid=plan-facts]"), "ประกาศใช้บังคับ");
        assertThat(hrApi.execute("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", planId)).at("/data/plan/status").asString())
                .isEqualTo("IN_FORCE");
        WebElement versions = officer.await(By.cssSelector("[data-testid=plan-versions]"));
        versions.findElement(By.cssSelector("[data-plan-document=pdf]")).click();
        assertThat(new String(Files.readAllBytes(officer.awaitDownload(".pdf")), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        versions.findElement(By.cssSelector("[data-plan-document=docx]")).click();
        assertThat(new String(Files.readAllBytes(officer.awaitDownload(".docx")), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        officer.assertAccessible("a plan in force");
        officer.screenshot("plan-in-force");

        // amendment 1: a new e-Learning course, compared with the version in force and approved
        field(officer, officer.driver.findElement(By.cssSelector("[data-testid=plan-actions]")), "เหตุผลของการปรับปรุง")
                .sendKeys("เพิ่มหลักสูตรความปลอดภัยไซเบอร์ตามนโยบายจังหวัด");
        click(officer, "เริ่มร่างฉบับปรับปรุง");
        officer.await(GAPS);
        click(officer, "เพิ่มหลักสูตร");
        WebElement added = officer.await(By.cssSelector("[data-course=new]"));
        field(officer, added, "ชื่อหลักสูตร (ภาษาไทย)").sendKeys("ความปลอดภัยไซเบอร์สำหรับบุคลากรท้องถิ่น");
        new Select(field(officer, added, "ประเภทหลักสูตร (ข้อ ๑๑)")).selectByVisibleText("หลักสูตรความรู้พื้นฐานในการปฏิบัติราชการ");
        check(added, "บุคลากรทุกคน");
        check(added, String.valueOf(year));
        check(added, "มี.ค.");
        field(officer, added, "ผู้เข้าร่วม ปี " + year + " (คน)").sendKeys("3");
        field(officer, added, "งบประมาณ ปี " + year + " (บาท)").sendKeys("0");
        new Select(field(officer, added, "เกณฑ์ถือว่าผ่านหลักสูตร")).selectByVisibleText("e-Learning: สอบผ่านด้วยคะแนนไม่น้อยกว่าที่กำหนด");
        field(officer, added, "รหัสกิจกรรม (activity IRI) บรรทัดละหนึ่งรายการ").sendKeys(CYBER);
        added.findElement(By.xpath(".//button[normalize-space()='บันทึก']")).click();
        officer.await(By.xpath("//details[summary[contains(., 'ความปลอดภัยไซเบอร์')]][not(@data-course='new')]"));
        officer.awaitText(GAPS, "ครบถ้วนแล้ว");
        click(officer, "เสนอแผนต่อคณะกรรมการจังหวัด");
        officer.awaitText(By.cssSelector("[data-testid=plan-facts]"), "เสนอแล้ว");
        officer.driver.findElement(By.cssSelector("[data-testid=compare-amendment]")).click();
        officer.await(By.cssSelector("[data-diff-item][data-change=ADDED]"));

        committee.open(reviewPage);
        committee.await(By.cssSelector("[data-testid=show-diff]")).click();
        WebElement addedItem = committee.await(By.cssSelector("[data-diff-item][data-change=ADDED]"));
        assertThat(addedItem.getText()).contains("ความปลอดภัยไซเบอร์สำหรับบุคลากรท้องถิ่น");
        committee.screenshot("plan-amendment-diff");
        WebElement approveAmendment = committee.driver.findElement(By.cssSelector("[data-testid=approve-form]"));
        approveAmendment.findElement(By.name("resolutionNumber")).sendKeys("ครั้งที่ 5/2570");
        approveAmendment.findElement(By.cssSelector("button[type=submit]")).click();
        committee.awaitText(By.cssSelector("[data-testid=review-result]"), "ครั้งที่ 5/2570");

        // the dashboard counts against the amended courses: a pass on the new course counts for it
        JsonNode version = hrApi.execute("query($id: ID!) { plan(id: $id) { status currentVersion { number } } }", Map.of("id", planId));
        assertThat(version.at("/data/plan/currentVersion/number").asInt()).as(version.toString()).isEqualTo(1);
        XapiHttp xapi = new XapiHttp(app.baseUrl + "/xapi", tenants.credential(organisation));
        HttpResponse<String> stored = xapi.postJson("/statements", """
                {"actor": {"mbox": "mailto:pl-002@nongplan.go.th", "objectType": "Agent"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                 "object": {"id": "%s", "objectType": "Activity"},
                 "result": {"success": true, "score": {"scaled": 0.8}}}""".formatted(CYBER));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        officer.open("/dashboard");
        until(officer, driver -> driver.findElements(By.cssSelector("[data-testid=course-table] tbody tr")).stream()
                .anyMatch(row -> row.getText().contains("ความปลอดภัยไซเบอร์สำหรับบุคลากรท้องถิ่น")
                        && row.findElement(By.cssSelector("[data-figure=participantsCompleted]")).getText().equals("1")));
        officer.screenshot("plan-amended-dashboard");
    }

    static final String CYBER = "https://lms.nongplan.go.th/course/cyber-safety";

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


    @Test
    void aBlankDraftShowsEverySectionMissingAndCanBeDiscarded() {
        TestTenants tenants = app.tenants();
        Tenant organisation = tenants.tenant("องค์การบริหารส่วนตำบลร่างทิ้ง", TenantKind.SAO, app.demo.province());
        String hr = tenants.token(organisation, Role.HR_OFFICER);
        ConsoleBrowser officer = signedInAt(hr, "/plans", By.cssSelector("[data-testid=planning-calendar]"));
        officer.driver.findElement(By.xpath("//label[contains(normalize-space(), 'แผนว่าง')]/input")).click();
        click(officer, "สร้างร่างแผน");
        officer.awaitText(GAPS, "ยังไม่มีส่วนที่ (1) หลักการและเหตุผล");
        assertThat(officer.driver.findElement(GAPS).getText()).contains("ยังไม่มีส่วนที่ (2) เป้าหมายการพัฒนา", "ยังไม่มีหลักสูตร");
        assertThat(officer.driver.findElement(By.id("section-rationale")).getText()).as("the gap at its section")
                .contains("ยังไม่มีส่วนที่ (1) หลักการและเหตุผล");

        officer.driver.findElement(By.linkText("กลับไปหน้าแผน")).click();
        click(officer, "ยกเลิกร่างนี้");
        click(officer, "ยืนยันการยกเลิกร่าง (ลบร่างทั้งหมด กู้คืนไม่ได้)");
        officer.awaitText(By.tagName("main"), "ยังไม่มีแผน");
        JsonNode plans = new GraphQlHttp(app.baseUrl, hr).execute("{ plans { totalCount } }", Map.of());
        assertThat(plans.at("/data/plans/totalCount").asInt()).as(plans.toString()).isZero();
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
        browser.await(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
    }

    static void until(ConsoleBrowser browser, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, ConsoleApplication.timeout()).until(condition);
    }
}
