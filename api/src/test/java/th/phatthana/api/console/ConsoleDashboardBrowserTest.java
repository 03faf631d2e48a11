package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiCredentialService;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser against the real application with the demo data: the figures
 * are those of planProgress, a statement posted to the LRS shows without a reload, exports
 * download, the drill-down works; and the figures of docs/performance.md are measured here.
 */
class ConsoleDashboardBrowserTest extends BrowserTestSupport {

    static final String DIGITAL_SKILLS = "https://elearning.dla.go.th/xapi/activities/digital-skills";
    static final By FIGURES = By.cssSelector("[data-testid=headline-figures]");

    private static final DecimalFormat ONE_DECIMAL = new DecimalFormat("#,##0.#");

    @Test
    void theDashboardShowsTheFiguresOfPlanProgress() {
        String token = app.demoUser(Role.HR_OFFICER);
        int year = FiscalYears.of(Instant.now());
        ConsoleBrowser browser = browser();
        browser.signIn(token);
        browser.open("/dashboard?year=" + year);
        WebElement tiles = browser.await(FIGURES);
        JsonNode progress = planProgress(token, year);

        assertThat(tiles.findElement(By.cssSelector("[data-figure=staffDeveloped]")).getText())
                .isEqualTo(progress.path("staffDeveloped").asInt() + " จาก " + progress.path("staffCount").asInt() + " คน");
        assertThat(tiles.findElement(By.cssSelector("[data-figure=staffDevelopedShare]")).getText())
                .isEqualTo(ONE_DECIMAL.format(progress.path("staffDevelopedShare").asDouble()) + "%");
        assertThat(tiles.findElement(By.cssSelector("[data-figure=hoursPerPerson]")).getText())
                .isEqualTo(ONE_DECIMAL.format(progress.path("hoursPerPerson").asDouble()));
        int planned = 0;
        int delivered = 0;
        for (JsonNode course : progress.path("courses")) {
            WebElement row = browser.driver.findElement(By.cssSelector("[data-course='" + course.path("courseKey").asString() + "']"));
            assertThat(row.findElement(By.cssSelector("[data-figure=participantsCompleted]")).getText())
                    .as(course.path("courseKey").asString()).isEqualTo(String.valueOf(course.path("participantsCompleted").asInt()));
            if (course.path("planned").asBoolean()) {
                planned++;
                delivered += course.path("delivered").asBoolean() ? 1 : 0;
            }
        }
        assertThat(planned).isGreaterThan(0);
        assertThat(tiles.findElement(By.cssSelector("[data-figure=coursesDelivered]")).getText()).isEqualTo(delivered + "/" + planned);
        List<WebElement> indicators = browser.driver.findElements(By.cssSelector("[data-testid=indicators] li"));
        assertThat(indicators).hasSize(progress.path("indicators").size());

        browser.assertAccessible("the dashboard");
        browser.screenshot("dashboard");
    }

    @Test
    void aStatementPostedToTheLrsShowsWithinTwoSecondsWithoutAReload() throws Exception {
        String token = app.demoUser(Role.HR_OFFICER);
        String mbox = "mailto:live." + UUID.randomUUID().toString().substring(0, 8) + "@sangkhom.go.th";
        JsonNode created = new GraphQlHttp(app.baseUrl, token).execute("""
                mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } userErrors { message } } }""",
                Map.of("input", Map.of("staffNumber", "LIVE-" + UUID.randomUUID().toString().substring(0, 8), "firstNameTh", "ทดสอบ",
                        "lastNameTh", "สดใหม่", "personnelType", "LOCAL_OFFICIAL", "positionTitle", "นักทรัพยากรบุคคล",
                        "appointmentDate", "2020-01-01", "xapiIdentities", List.of(Map.of("mbox", mbox)))));
        assertThat(created.path("data").path("createStaff").path("userErrors")).isEmpty();

        ConsoleBrowser browser = signedInAt(token, "/dashboard", FIGURES);
        By digitalSkills = By.cssSelector("[data-course='digital-skills'] [data-figure=participantsCompleted]");
        int before = Integer.parseInt(browser.driver.findElement(digitalSkills).getText());
        browser.awaitText(By.cssSelector("[data-live]"), "อัปเดตอัตโนมัติ");
        browser.script("window.phatthanaSameDocument = true");

        XapiCredentialService.IssuedCredential credential = app.xapiCredential();
        HttpResponse<String> stored = postStatement(credential, """
                {"actor": {"mbox": "%s", "name": "ทดสอบ สดใหม่"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"objectType": "Activity", "id": "%s"},
                 "result": {"completion": true, "success": true, "score": {"scaled": 0.9}, "duration": "PT2H"},
                 "timestamp": "%s"}""".formatted(mbox, DIGITAL_SKILLS, Instant.now()));
        long posted = System.nanoTime();
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        new WebDriverWait(browser.driver, Duration.ofSeconds(2), Duration.ofMillis(25))
                .until(driver -> driver.findElement(digitalSkills).getText().equals(String.valueOf(before + 1)));
        long millis = (System.nanoTime() - posted) / 1_000_000;
        assertThat(browser.script("return window.phatthanaSameDocument === true")).as("no reload").isEqualTo(true);
        ConsoleMeasurements.record("live update: statement posted → figure on the open dashboard", millis + " ms");
    }

    @Test
    void theReportOfTheFiscalYearDownloads() throws Exception {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.VIEWER), "/dashboard", FIGURES);
        browser.driver.findElement(By.cssSelector("[data-export=XLSX]")).click();
        Path xlsx = browser.awaitDownload(".xlsx");
        byte[] bytes = Files.readAllBytes(xlsx);
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(xlsx.getFileName().toString()).startsWith("progress-6431501-");
        browser.driver.findElement(By.cssSelector("[data-export=PDF]")).click();
        assertThat(new String(Files.readAllBytes(browser.awaitDownload(".pdf")), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void thePlanDocumentDownloadsAsPdfAndWord() throws Exception {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.VIEWER), "/dashboard", FIGURES);
        browser.driver.findElement(By.cssSelector("[data-plan-document=pdf]")).click();
        Path pdf = browser.awaitDownload(".pdf");
        assertThat(pdf.getFileName().toString()).startsWith("plan-6431501-");
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        browser.driver.findElement(By.cssSelector("[data-plan-document=docx]")).click();
        Path docx = browser.awaitDownload(".docx");
        assertThat(docx.getFileName().toString()).startsWith("plan-6431501-");
        assertThat(new String(Files.readAllBytes(docx), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    void oneStaffMembersCoursesHoursAndGapsAreOneClickAway() {
        ConsoleBrowser browser = signedInAt(app.demoUser(Role.TENANT_ADMIN), "/dashboard", FIGURES);
        WebElement person = browser.await(By.cssSelector("section[aria-labelledby=people-heading] tbody th a"));
        String name = person.getText();
        person.click();
        browser.await(By.cssSelector("[data-figure=hours]"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        browser.assertAccessible("a staff member's progress");
        browser.screenshot("staff-progress");
    }

    @Test
    void theDashboardWorksOnAPhone() {
        ConsoleBrowser browser = browser(ConsoleBrowser.PHONE);
        browser.signIn(app.demoUser(Role.VIEWER));
        browser.open("/dashboard");
        browser.await(FIGURES);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("no sideways scrolling of the page").isLessThanOrEqualTo(0);
        WebElement menu = browser.driver.findElement(By.cssSelector(".menu-button"));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        menu.click();
        browser.await(By.cssSelector("nav a[href='/staff']"));
        browser.assertAccessible("the dashboard on a phone");
        browser.screenshot("dashboard-phone");
    }

    @Test
    void theDashboardLoadsLittleJavaScriptAndShowsItsFiguresQuickly() {
        ConsoleBrowser browser = browser();
        browser.signIn(app.demoUser(Role.VIEWER));
        // first visit of the dashboard after sign-in (the sign-in page has loaded the console's entry)
        browser.open("/dashboard");
        browser.await(FIGURES);
        double first = figuresShownAt(browser);
        long scriptBytes = ((Number) browser.script("""
                return performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
                  .reduce((sum, e) => sum + e.encodedBodySize, 0)""")).longValue();
        long decodedBytes = ((Number) browser.script("""
                return performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
                  .reduce((sum, e) => sum + e.decodedBodySize, 0)""")).longValue();
        List<String> foreign = browser.resourcesFromElsewhere();
        assertThat(foreign).as("everything comes from the application").isEmpty();
        browser.driver.navigate().refresh();
        browser.await(FIGURES);
        double again = figuresShownAt(browser);

        ConsoleMeasurements.record("dashboard route: JavaScript transferred (gzip)", kilobytes(scriptBytes));
        ConsoleMeasurements.record("dashboard route: JavaScript uncompressed", kilobytes(decodedBytes));
        ConsoleMeasurements.record("dashboard: figures shown, first visit after sign-in", Math.round(first) + " ms");
        ConsoleMeasurements.record("dashboard: figures shown, reload", Math.round(again) + " ms");
        assertThat(scriptBytes).as("JavaScript of the dashboard route, gzipped").isLessThanOrEqualTo(300 * 1024);
        assertThat(scriptBytes).as("compressed: the server sends gzip").isLessThan(decodedBytes / 2);
        assertThat(first).as("time to figures, first visit").isLessThan(5000);
    }

    private static double figuresShownAt(ConsoleBrowser browser) {
        return ((Number) browser.script("return performance.getEntriesByName('phatthana:dashboard-figures')[0].startTime")).doubleValue();
    }

    private static String kilobytes(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }

    private static JsonNode planProgress(String token, int year) {
        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, token);
        String planId = graphQl.execute("{ planInForce { id } }").path("data").path("planInForce").path("id").asString();
        return graphQl.execute("""
                query($p: ID!, $y: FiscalYear) { planProgress(planId: $p, fiscalYear: $y) {
                  staffCount staffDeveloped staffDevelopedShare hoursPerPerson
                  courses { courseKey planned delivered participantsCompleted } indicators { indicatorKey met } } }""",
                Map.of("p", planId, "y", year)).path("data").path("planProgress");
    }

    static HttpResponse<String> postStatement(XapiCredentialService.IssuedCredential credential, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((credential.credential().key() + ":" + credential.secret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl + "/xapi/statements"))
                .header("Authorization", "Basic " + basic)
                .header("X-Experience-API-Version", "2.0.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
