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
        ConsoleBrowser browser = browser();
        browser.signIn(app.demoUser(Role.VIEWER));
        browser.open("/staff");
        browser.await(ConsoleStaffBrowserTest.STAFF_ROWS);
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
        ConsoleBrowser browser = browser();
        browser.signIn(app.demoUser(Role.VIEWER));
        browser.open("/graphiql");
        browser.await(By.cssSelector(".graphiql-container"));
        WebElement run = browser.await(By.cssSelector(".graphiql-execute-button"));
        run.click();
        browser.awaitText(By.cssSelector(".graphiql-response"), "องค์การบริหารส่วนตำบลสังคม");
        @SuppressWarnings("unchecked")
        List<String> foreign = (List<String>) browser.script("""
                return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))""");
        assertThat(foreign).as("GraphiQL loads nothing from another server").isEmpty();
        browser.screenshot("graphiql");
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
