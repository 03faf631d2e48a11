package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import th.phatthana.tenants.access.Role;

/**
 * Sign-in, language and GraphiQL in a real browser. The password sign-in, lockout and invitation
 * flows are written against the sign-in API of the console-auth branch and stay disabled until
 * it is merged (the server has no /api/auth/* here yet).
 */
class ConsoleSignInBrowserTest extends BrowserTestSupport {

    @Test
    void theSignInPageIsThaiFirstAccessibleAndSwitchesToEnglish() {
        ConsoleBrowser browser = browser();
        browser.open("/dashboard");
        browser.awaitText(By.tagName("h1"), "เข้าสู่ระบบ");
        assertThat(browser.driver.getCurrentUrl()).contains("/signin?next=%2Fdashboard");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("th");
        assertThat(browser.driver.findElement(By.xpath("//label[normalize-space()='อีเมล']"))).isNotNull();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, ConsoleApplication.timeout()).until(driver -> Boolean.TRUE.equals(
                browser.script("return performance.getEntriesByType('resource').some(e => e.name.endsWith('/fonts/Sarabun-Regular.ttf'))")));
        browser.assertAccessible("sign-in");
        browser.screenshot("signin");

        browser.driver.findElement(By.xpath("//button[normalize-space()='English']")).click();
        browser.awaitText(By.tagName("h1"), "Sign in");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.assertAccessible("sign-in in English");
    }

    @Test
    void theLanguageChosenIsRememberedForTheUser() {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.VIEWER), "/staff", ConsoleStaffBrowserTest.STAFF_ROWS);
        browser.driver.findElement(By.xpath("//header//button[normalize-space()='English']")).click();
        browser.awaitText(By.tagName("h1"), "Staff register");
        browser.driver.navigate().refresh();
        browser.awaitText(By.tagName("h1"), "Staff register");
        browser.open("/dashboard");
        browser.await(ConsoleDashboardBrowserTest.FIGURES);
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=headline-figures]")).getText()).contains("Staff developed");
        assertThat(browser.driver.findElement(By.cssSelector(".subtitle")).getText()).contains("FY 25");
        browser.assertAccessible("the dashboard in English");
    }

    @Test
    void graphiqlWorksWithNothingFromOutsideTheServer() {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.VIEWER), "/graphiql", By.cssSelector(".graphiql-container"));
        WebElement run = browser.await(By.cssSelector(".graphiql-execute-button"));
        run.click();
        browser.awaitText(By.cssSelector(".graphiql-response"), "องค์การบริหารส่วนตำบลสังคม");
        List<String> foreign = browser.resourcesFromElsewhere();
        assertThat(foreign).as("GraphiQL loads nothing from another server").isEmpty();
        browser.screenshot("graphiql");
    }

    @Test
    @Disabled("needs inviteUser and the sign-in API (/api/auth/*) of the console-auth branch: enable after merging it")
    void aNationalUserOnboardsAnOrganisationWhoseFirstAdminAcceptsTheInvitationAndSignsIn() {
        String code = "T" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String email = "admin-" + code.toLowerCase() + "@example.go.th";
        ConsoleBrowser national = browser();
        national.signIn(app.national());
        national.open("/organisations");
        national.await(By.xpath("//button[normalize-space()='เพิ่มหน่วยงาน']")).click();
        national.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(national, "รหัส"))).sendKeys(code);
        national.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(national, "ชื่อภาษาไทย"))).sendKeys("อบต.ทดลอง" + code);
        national.driver.findElement(By.xpath("//form//label[normalize-space()='จังหวัด']/following-sibling::input")).sendKeys("บึงกาฬ");
        national.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(national, "อำเภอ"))).sendKeys("เมืองบึงกาฬ");
        national.driver.findElement(By.xpath("//button[normalize-space()='บันทึก']")).click();
        By row = By.cssSelector("[data-organisation='" + code + "']");
        national.await(row).findElement(By.xpath(".//button[normalize-space()='เชิญผู้ดูแลระบบ']")).click();
        national.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(national, "ชื่อ-สกุลผู้รับเชิญ"))).sendKeys("สมศรี ใจงาม");
        national.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(national, "อีเมลผู้รับเชิญ"))).sendKeys(email);
        national.driver.findElement(By.xpath("//button[normalize-space()='สร้างลิงก์คำเชิญ']")).click();
        String link = national.await(By.cssSelector("[data-testid=invitation] code")).getText();
        assertThat(link).contains("/invite/");
        national.screenshot("invitation-link");

        ConsoleBrowser invited = browser();
        invited.driver.get(link);
        invited.awaitText(By.tagName("main"), "สมศรี ใจงาม");
        invited.assertAccessible("invitation acceptance");
        invited.screenshot("invitation");
        invited.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(invited, "รหัสผ่านใหม่"))).sendKeys("a long and new password 1");
        invited.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(invited, "ยืนยันรหัสผ่านใหม่"))).sendKeys("a long and new password 1");
        invited.driver.findElement(By.xpath("//button[normalize-space()='ตั้งรหัสผ่านและเข้าสู่ระบบ']")).click();
        invited.awaitText(By.tagName("h1"), "ความก้าวหน้าการพัฒนาบุคลากร");
        invited.driver.findElement(By.xpath("//button[normalize-space()='ออกจากระบบ']")).click();
        invited.awaitText(By.tagName("h1"), "เข้าสู่ระบบ");
        invited.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(invited, "อีเมล"))).sendKeys(email);
        invited.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(invited, "รหัสผ่าน"))).sendKeys("a long and new password 1");
        invited.driver.findElement(By.xpath("//button[normalize-space()='เข้าสู่ระบบ']")).click();
        invited.awaitText(By.tagName("h1"), "ความก้าวหน้าการพัฒนาบุคลากร");
        // Then: the new admin creates an xAPI credential (a console page of part 2; GraphQL createXapiCredential meanwhile).
    }

    @Test
    @Disabled("needs the sign-in API (/api/auth/*) of the console-auth branch: enable after merging it")
    void aPasswordSignsInAndRepeatedFailuresLockTheAccountWithAMessage() {
        // The lead wires the user creation (an invited user who has set a password) after the merge.
        ConsoleBrowser browser = browser();
        browser.open("/signin");
        for (int attempt = 0; attempt < 10; attempt++) {
            browser.await(By.xpath("//label[normalize-space()='อีเมล']"));
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "อีเมล"))).sendKeys("admin@sangkhom.go.th");
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "รหัสผ่าน"))).sendKeys("wrong password");
            browser.driver.findElement(By.xpath("//button[normalize-space()='เข้าสู่ระบบ']")).click();
            String alert = browser.await(By.cssSelector("[role=alert]")).getText();
            if (alert.contains("ถูกล็อก")) {
                assertThat(alert).contains("ลองใหม่ได้หลัง");
                return;
            }
            assertThat(alert).isEqualTo("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "อีเมล"))).clear();
        }
        throw new AssertionError("the account was never locked");
    }
}
