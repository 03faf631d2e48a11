package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * The administration pages in a real browser: inviting a user and changing roles, the refusal to
 * leave an organisation without a TENANT_ADMIN, an access token that works over HTTP until it is
 * revoked in the console, and xAPI credentials that work, are rotated with a grace period for the
 * old secret, are disabled and deleted.
 */
class ConsoleAdminBrowserTest extends BrowserTestSupport {

    static final By USERS = By.cssSelector("[data-testid=users-table]");
    static final By TOKENS = By.cssSelector("[data-testid=tokens-table]");
    static final String LAST_ADMIN = "หน่วยงานต้องมีผู้ดูแลระบบของหน่วยงาน (TENANT_ADMIN) ที่ใช้งานได้อย่างน้อยหนึ่งคน";

    @Test
    void anInvitedUserShowsWithTheLinkAndARoleChangeShowsInTheList() {
        String token = app.demoUser(Role.TENANT_ADMIN);
        ConsoleBrowser browser = signedInAt(token, "/admin/users", USERS);
        assertThat(browser.driver.findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText()).isEqualTo("ผู้ใช้");
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@sangkhom.go.th";
        String name = "สมหญิง เชิญทดสอบ";

        button(browser, "เชิญผู้ใช้").click();
        type(browser, "ชื่อ-สกุล", name);
        type(browser, "อีเมล", email);
        browser.driver.findElement(By.xpath("//form[@aria-label='เชิญผู้ใช้ใหม่']//button[@type='submit']")).click();
        WebElement invitation = browser.await(By.cssSelector("[data-testid=invitation]"));
        String link = invitation.findElement(By.cssSelector("[data-value=invitation]")).getText();
        assertThat(link).contains("/invite/");
        assertThat(invitation.getText()).contains("ลิงก์คำเชิญของ " + name, "ใช้ได้ครั้งเดียว", "ระบบไม่ได้ส่งอีเมล");
        assertThat(invitation.findElement(By.xpath(".//button[normalize-space()='คัดลอกลิงก์']")).isDisplayed()).isTrue();

        By row = By.cssSelector("tr[data-user='" + email + "']");
        browser.awaitText(row, "รอตอบรับคำเชิญ");
        assertThat(browser.driver.findElement(row).findElement(By.cssSelector("[data-column=roles]")).getText()).isEqualTo("เจ้าหน้าที่งานบุคคล");
        browser.assertAccessible("the users page with an invitation");

        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='เปลี่ยนบทบาท']")).click();
        String form = "//form[@aria-label='บทบาทของ " + name + "']";
        browser.await(By.xpath(form)).findElement(By.cssSelector("input[value=HR_OFFICER]")).click();
        browser.driver.findElement(By.xpath(form + "//input[@value='VIEWER']")).click();
        browser.driver.findElement(By.xpath(form + "//input[@value='TENANT_ADMIN']")).click();
        browser.driver.findElement(By.xpath(form + "//button[@type='submit']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "เปลี่ยนบทบาทของ " + name + " แล้ว");
        browser.awaitText(By.cssSelector("tr[data-user='" + email + "'] [data-column=roles]"), "ผู้ดูแลระบบของหน่วยงาน, ผู้ดูข้อมูล");

        JsonNode users = new GraphQlHttp(app.baseUrl, token).execute("{ users { email roles invitationPending } }", Map.of())
                .path("data").path("users");
        JsonNode invited = null;
        for (JsonNode user : users) {
            if (user.path("email").asString().equals(email)) {
                invited = user;
            }
        }
        assertThat(invited).as("the invited user").isNotNull();
        assertThat(invited.path("roles").valueStream().map(JsonNode::asString)).as("roles in any order")
                .containsExactlyInAnyOrder("TENANT_ADMIN", "VIEWER");
        assertThat(invited.path("invitationPending").asBoolean()).isTrue();

        browser.driver.findElement(By.cssSelector("tr[data-user='" + email + "']")).findElement(By.xpath(".//button[normalize-space()='ส่งคำเชิญใหม่']")).click();
        WebElement again = browser.await(By.cssSelector("tr.row-detail [data-testid=invitation]"));
        assertThat(again.findElement(By.cssSelector("[data-value=invitation]")).getText()).contains("/invite/").isNotEqualTo(link);
    }

    @Test
    void theLastAdministratorCannotRemoveTheirOwnRoleNorDisableThemselves() {
        LoneOrganisation organisation = loneOrganisation();
        bean(AppUserService.class).createTenantUser(organisation.tenant().id(), "มานะ ขยันงาน", unique("hr"), Set.of(Role.HR_OFFICER));
        ConsoleBrowser browser = signedInAt(organisation.adminToken(), "/admin/users", USERS);
        By own = By.cssSelector("tr[data-user='" + organisation.adminEmail() + "']");
        browser.await(own);

        browser.driver.findElement(own).findElement(By.xpath(".//button[normalize-space()='เปลี่ยนบทบาท']")).click();
        String form = "//form[@aria-label='บทบาทของ ปรีชา ดูแลระบบ']";
        browser.await(By.xpath(form + "//input[@value='TENANT_ADMIN']")).click();
        browser.driver.findElement(By.xpath(form + "//input[@value='HR_OFFICER']")).click();
        browser.driver.findElement(By.xpath(form + "//button[@type='submit']")).click();
        browser.awaitText(By.cssSelector("tr.row-detail [role=alert]"), LAST_ADMIN);
        assertThat(browser.driver.findElement(own).getAttribute("aria-describedby"))
                .isEqualTo(browser.driver.findElement(By.cssSelector("tr.row-detail [role=alert]")).getAttribute("id"));
        assertThat(browser.driver.findElement(own).findElement(By.cssSelector("[data-column=roles]")).getText()).isEqualTo("ผู้ดูแลระบบของหน่วยงาน");

        browser.driver.findElement(own).findElement(By.xpath(".//button[normalize-space()='เปลี่ยนบทบาท']")).click(); // closes the form
        browser.driver.findElement(own).findElement(By.xpath(".//button[normalize-space()='ระงับการใช้งาน']")).click();
        browser.awaitText(By.cssSelector("tr.row-detail [role=alert]"), LAST_ADMIN);
        assertThat(browser.driver.findElement(own).getText()).contains("ใช้งานได้");

        button(browser, "เชิญผู้ใช้").click();
        type(browser, "ชื่อ-สกุล", "วันดี มีสุข");
        type(browser, "อีเมล", unique("wandee"));
        browser.driver.findElement(By.xpath("//form[@aria-label='เชิญผู้ใช้ใหม่']//button[@type='submit']")).click();
        browser.await(By.cssSelector("[data-testid=invitation]"));
        browser.awaitText(USERS, "วันดี มีสุข");
        browser.assertAccessible("the users page with a refusal");
        browser.screenshot("admin-users");
    }

    @Test
    void aTokenCreatedInTheConsoleWorksOverHttpUntilItIsRevoked() {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.TENANT_ADMIN), "/admin/tokens", By.cssSelector("h1"));
        String name = "dashboard ผู้บริหาร " + UUID.randomUUID().toString().substring(0, 6);
        button(browser, "สร้างโทเคน").click();
        type(browser, "ชื่อโทเคน (ใช้ทำอะไร)", name);
        setValue(browser, "ใช้ได้ถึงวันที่", LocalDate.now(ZoneId.of("Asia/Bangkok")).plusDays(90).toString());
        browser.driver.findElement(By.xpath("//form[@aria-label='สร้างโทเคนใหม่']//input[@value='HR_OFFICER']")).click();
        browser.driver.findElement(By.xpath("//form[@aria-label='สร้างโทเคนใหม่']//button[@type='submit']")).click();

        WebElement panel = browser.await(By.cssSelector("[data-testid=new-token]"));
        String value = panel.findElement(By.cssSelector("[data-value=token]")).getText();
        assertThat(panel.getText()).contains("แสดงเพียงครั้งเดียว จะไม่แสดงอีก");
        assertThat(panel.findElement(By.xpath(".//button[normalize-space()='คัดลอกค่าโทเคน']")).isDisplayed()).isTrue();
        By row = By.cssSelector("tr[data-token='" + name + "']");
        browser.awaitText(row, "ใช้งานได้");
        assertThat(browser.driver.findElement(row).getText()).contains("บัญชีบริการ", "เจ้าหน้าที่งานบุคคล, ผู้ดูข้อมูล", "ยังไม่เคย");
        browser.assertAccessible("the access tokens page with a new token");
        browser.screenshot("admin-tokens");

        GraphQlHttp withToken = new GraphQlHttp(app.baseUrl, value);
        JsonNode viewer = withToken.execute("{ viewer { roles organisation { code } } }", Map.of());
        assertThat(viewer.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(viewer.path("data").path("viewer").path("roles").toString()).contains("HR_OFFICER", "VIEWER");
        assertThat(viewer.path("data").path("viewer").path("organisation").path("code").asString()).isEqualTo(ConsoleApplication.DEMO_CODE);

        button(browser, "เสร็จแล้ว ซ่อนค่านี้").click();
        browser.awaitGone(By.cssSelector("[data-testid=new-token]"));
        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='เพิกถอน']")).click();
        WebElement confirm = browser.await(By.cssSelector("tr.row-detail .confirm"));
        assertThat(confirm.getText()).contains("เพิกถอนโทเคน “" + name + "”?");
        assertThat(withToken.execute("{ viewer { id } }", Map.of()).path("httpStatus").asInt()).as("not yet revoked").isEqualTo(200);
        confirm.findElement(By.xpath(".//button[normalize-space()='ยืนยันเพิกถอน']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "เพิกถอนโทเคน “" + name + "” แล้ว");
        browser.awaitText(row, "เพิกถอนแล้ว");

        assertThat(withToken.execute("{ viewer { id } }", Map.of()).path("httpStatus").asInt()).as("revoked").isEqualTo(401);
    }

    @Test
    void xapiCredentialsWorkAreRotatedWithAGracePeriodDisabledAndDeleted() throws Exception {
        LoneOrganisation organisation = loneOrganisation();
        ConsoleBrowser browser = signedInAt(organisation.adminToken(), "/admin/credentials", By.cssSelector("h1"));
        String provider = "ระบบ e-Learning ทดสอบ";
        button(browser, "สร้างข้อมูลเชื่อมต่อ").click();
        type(browser, "ชื่อผู้ให้บริการ", provider);
        browser.driver.findElement(By.xpath("//form[@aria-label='สร้างข้อมูลเชื่อมต่อใหม่']//button[@type='submit']")).click();

        WebElement panel = browser.await(By.cssSelector("[data-testid=new-credential]"));
        String endpoint = panel.findElement(By.cssSelector("[data-value=endpoint]")).getText();
        String key = panel.findElement(By.cssSelector("[data-value=key]")).getText();
        String secret = panel.findElement(By.cssSelector("[data-value=secret]")).getText();
        assertThat(endpoint).endsWith("/xapi/");
        assertThat(panel.getText()).contains("แสดงเพียงครั้งเดียว จะไม่แสดงอีก");
        assertThat(panel.findElements(By.xpath(".//button[starts-with(normalize-space(), 'คัดลอก')]"))).hasSize(3);
        By row = By.cssSelector("tr[data-credential='" + provider + "']");
        browser.awaitText(row, key);
        assertThat(browser.driver.findElement(row).getText()).contains("statements/write", "ใช้งานได้", "ยังไม่เคยเปลี่ยน");
        browser.assertAccessible("the xAPI credentials page with new credentials");
        browser.screenshot("admin-credentials");

        String lrs = app.baseUrl + "/xapi";
        assertThat(post(lrs, key, secret).statusCode()).isEqualTo(200);
        assertThat(post(lrs, key, "not-the-secret").statusCode()).isEqualTo(401);

        button(browser, "เสร็จแล้ว ซ่อนค่านี้").click();
        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='เปลี่ยนรหัสลับ']")).click();
        browser.await(By.cssSelector("tr.row-detail .confirm")).findElement(By.xpath(".//button[normalize-space()='ยืนยันเปลี่ยนรหัสลับ']")).click();
        WebElement rotated = browser.await(By.cssSelector("[data-testid=rotated-credential]"));
        String newSecret = rotated.findElement(By.cssSelector("[data-value=secret]")).getText();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(rotated.findElement(By.cssSelector("[data-testid=grace]")).getText()).startsWith("รหัสลับเดิมยังใช้ได้ถึง");
        assertThat(post(lrs, key, secret).statusCode()).as("old secret during the grace period").isEqualTo(200);
        assertThat(post(lrs, key, newSecret).statusCode()).as("new secret").isEqualTo(200);
        browser.awaitText(row, "รหัสลับเดิมยังใช้ได้ถึง");

        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, organisation.adminToken());
        Instant validUntil = Instant.parse(graphQl.execute("{ xapiCredentials { previousSecretValidUntil } }", Map.of())
                .path("data").path("xapiCredentials").get(0).path("previousSecretValidUntil").asString());
        assertThat(validUntil).isBetween(Instant.now(), Instant.now().plus(ConsoleApplication.XAPI_SECRET_GRACE));
        long wait = Duration.between(Instant.now(), validUntil).toMillis() + 1500;
        Thread.sleep(Math.max(wait, 0));
        assertThat(post(lrs, key, secret).statusCode()).as("old secret after the grace period").isEqualTo(401);
        assertThat(post(lrs, key, newSecret).statusCode()).isEqualTo(200);
        browser.open("/admin/credentials");
        browser.awaitText(row, "รหัสลับเดิมใช้ไม่ได้แล้วตั้งแต่");
        assertThat(browser.driver.findElement(row).findElement(By.cssSelector("td.num")).getText()).as("statements stored").isEqualTo("4");

        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='ระงับการใช้งาน']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "ระงับการใช้งาน “" + provider + "” แล้ว");
        assertThat(post(lrs, key, newSecret).statusCode()).as("disabled").isEqualTo(401);
        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='เปิดใช้งาน']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "เปิดใช้งาน “" + provider + "” แล้ว");
        assertThat(post(lrs, key, newSecret).statusCode()).as("enabled again").isEqualTo(200);

        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='ลบ']")).click();
        browser.await(By.cssSelector("tr.row-detail .confirm")).findElement(By.xpath(".//button[normalize-space()='ยืนยันลบ']")).click();
        browser.awaitText(By.cssSelector(".notice-success"), "ลบข้อมูลเชื่อมต่อ “" + provider + "” แล้ว");
        browser.awaitGone(row);
        assertThat(post(lrs, key, newSecret).statusCode()).as("deleted").isEqualTo(401);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    record LoneOrganisation(Tenant tenant, String adminEmail, String adminToken) {
    }

    /**
     * A new organisation whose only user is one TENANT_ADMIN (the demo organisation has many), signed in
     * by token; in another province than the demo's, so the demo committee's pages do not change, and
     * the xAPI statements posted here stay out of the demo's figures.
     */
    private static LoneOrganisation loneOrganisation() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = bean(TenantService.class).create(code, "องค์การบริหารส่วนตำบลทดลองดูแล", null, TenantKind.SAO, null, "ระนอง", "เมืองระนอง");
        String email = unique("admin");
        AppUser admin = bean(AppUserService.class).createTenantUser(tenant.id(), "ปรีชา ดูแลระบบ", email, Set.of(Role.TENANT_ADMIN));
        String token = bean(AccessTokenService.class).issueForUser(admin, "browser test", Duration.ofHours(2)).value();
        return new LoneOrganisation(tenant, email, token);
    }

    private static <T> T bean(Class<T> type) {
        return app.bean(type);
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.go.th";
    }

    private static HttpResponse<String> post(String lrs, String key, String secret) {
        return new XapiHttp(lrs, key, secret, "1.0.3").postJson("/statements", """
                {"actor": {"mbox": "mailto:learner-admin-test@example.go.th", "name": "ผู้เรียนทดสอบ"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                 "object": {"objectType": "Activity", "id": "https://elearning.example.go.th/course/admin-test"}}""");
    }

    private static WebElement button(ConsoleBrowser browser, String name) {
        return browser.await(By.xpath("//button[normalize-space()='" + name + "']"));
    }

    private static void type(ConsoleBrowser browser, String label, String text) {
        browser.await(By.xpath("//label[normalize-space()='" + label + "']"));
        browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, label))).sendKeys(text);
    }

    /** Sets an input's value as React sees a user's change (a date input's typed format depends on the browser's locale). */
    private static void setValue(ConsoleBrowser browser, String label, String value) {
        browser.await(By.xpath("//label[normalize-space()='" + label + "']"));
        WebElement input = browser.driver.findElement(By.id(ConsoleStaffBrowserTest.labelledFor(browser, label)));
        browser.script("""
                const input = arguments[0];
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);
                input.dispatchEvent(new Event('input', { bubbles: true }));""", input, value);
        new WebDriverWait(browser.driver, ConsoleApplication.timeout()).until(d -> value.equals(input.getAttribute("value")));
    }
}
