package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import th.phatthana.tenants.access.Role;

/** Sign-in with a password, lockout, onboarding by invitation, language and GraphiQL in a real browser. */
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
        // The link starts with PHATTHANA_PUBLIC_BASE_URL (localhost:8080 by default); this application runs on a random port.
        invited.driver.get(app.baseUrl + link.substring(link.indexOf("/invite/")));
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
        // The new admin creates the organisation's first xAPI credential with the session (cookie and
        // CSRF header, as the console sends them; its page comes with part 2 of the console).
        Object secret = invited.asyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
                fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(csrf)},
                    body: JSON.stringify({query: 'mutation { createXapiCredential(input: {name: "DLA e-Learning"}) { secret userErrors { message } } }'})})
                  .then(r => r.json()).then(j => done(j.data.createXapiCredential.secret)).catch(e => done('failed: ' + e));
                """);
        assertThat(String.valueOf(secret)).isNotBlank().doesNotStartWith("failed").isNotEqualTo("null");
    }

    @Test
    void aPasswordSignsInAndRepeatedFailuresLockTheAccountWithAMessage() {
        ConsoleBrowser browser = browser();
        browser.open("/signin");
        browser.await(By.xpath("//label[normalize-space()='อีเมล']"));
        browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "อีเมล"))).sendKeys(ConsoleApplication.DEMO_HR_EMAIL);
        browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "รหัสผ่าน"))).sendKeys(ConsoleApplication.DEMO_HR_PASSWORD);
        browser.driver.findElement(By.xpath("//button[normalize-space()='เข้าสู่ระบบ']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, ConsoleApplication.timeout())
                .until(driver -> !driver.findElements(By.cssSelector("[role=alert]")).isEmpty()
                        || driver.findElement(By.tagName("h1")).getText().contains("ความก้าวหน้าการพัฒนาบุคลากร"));
        assertThat(browser.driver.findElements(By.cssSelector("[role=alert]"))).as("sign-in refused: %s",
                browser.driver.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText).toList()).isEmpty();
        browser.driver.findElement(By.xpath("//button[normalize-space()='ออกจากระบบ']")).click();
        browser.awaitText(By.tagName("h1"), "เข้าสู่ระบบ");

        String victim = "locked-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@sangkhom.example";
        for (int attempt = 0; attempt < 10; attempt++) {
            browser.await(By.xpath("//label[normalize-space()='อีเมล']"));
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "อีเมล"))).clear();
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "อีเมล"))).sendKeys(victim);
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "รหัสผ่าน"))).clear();
            browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, "รหัสผ่าน"))).sendKeys("wrong password " + attempt);
            browser.driver.findElement(By.xpath("//button[normalize-space()='เข้าสู่ระบบ']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, ConsoleApplication.timeout())
                    .until(driver -> !driver.findElements(By.cssSelector("[role=alert]")).isEmpty()
                            && !driver.findElement(By.cssSelector("[role=alert]")).getText().isBlank());
            String alert = browser.driver.findElement(By.cssSelector("[role=alert]")).getText();
            if (alert.contains("ล็อก")) {
                browser.screenshot("signin-locked");
                browser.assertAccessible("sign-in, locked");
                return;
            }
            assertThat(alert).contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
            browser.script("document.querySelector('[role=alert]').textContent = ''");
        }
        throw new AssertionError("the account was never locked");
    }
}
