package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provincial committee's review of an amendment in a real browser: the demo organisation amends
 * its plan in force (one course's budget in the last year) and submits it over GraphQL; the committee
 * of its province and kind finds it in its queue (another province's committee does not), sees the
 * changed course in the differences, returns it with comments, and, once resubmitted, approves it
 * with the resolution; the plan is then in force in the amended version.
 */
class ConsoleReviewBrowserTest extends BrowserTestSupport {

    private static final String COURSE = "digital-skills";
    private static final By QUEUE = By.cssSelector("[data-testid=review-queue]");
    private static final By REVISION = By.cssSelector("[data-testid=review-revision]");
    private static final String PLAN_STATE = """
            query($id: ID!) { plan(id: $id) { id status fiscalYears
              currentVersion { number label approval { resolutionNumber resolutionDate decision } }
              draft { number label status reviews { decision comments } } } }""";

    @Test
    void theCommitteeReturnsAndThenApprovesAnAmendmentOfTheDemoPlan() throws Exception {
        String hrToken = app.demoUser(Role.HR_OFFICER);
        GraphQlHttp hr = new GraphQlHttp(app.baseUrl, hrToken);
        JsonNode inForce = hr.execute("{ planInForce { id fiscalYears currentVersion { number label } draft { number } } }")
                .path("data").path("planInForce");
        String planId = inForce.path("id").asString();
        assertThat(planId).as("the demo has a plan in force").isNotBlank();
        if (!inForce.path("draft").isNull() && !inForce.path("draft").isMissingNode()) {
            ok(hr.execute("mutation($p: ID!) { discardPlanDraft(input: { planId: $p }) { userErrors { message } } }", Map.of("p", planId)),
                    "discardPlanDraft");
        }
        int lastYear = inForce.path("fiscalYears").get(2).asInt();
        String inForceLabel = inForce.path("currentVersion").path("label").asString();

        // the organisation amends: more budget for one course in the plan's last year, then submits
        JsonNode started = ok(hr.execute("""
                mutation($p: ID!, $r: String!) { startPlanAmendment(input: { planId: $p, reason: $r }) {
                  plan { draft { number label } } userErrors { message } } }""",
                Map.of("p", planId, "r", "เพิ่มงบประมาณหลักสูตรทักษะดิจิทัลในปีสุดท้ายของแผน")), "startPlanAmendment");
        int amendment = started.path("plan").path("draft").path("number").asInt();
        String amendmentLabel = started.path("plan").path("draft").path("label").asString();
        assertThat(amendment).isPositive();
        Map<String, Object> course = draftCourse(hr, planId);
        int budgetBefore = changeLastYearBudget(course, lastYear, 15_000);
        ok(hr.execute("""
                mutation($p: ID!, $k: String!, $c: PlanCourseInput!) { updatePlanCourse(input: { planId: $p, key: $k, course: $c }) {
                  course { key } userErrors { field message } } }""", Map.of("p", planId, "k", COURSE, "c", course)), "updatePlanCourse");
        submit(hr, planId);

        // a committee of another province does not see it
        String otherCommittee = ok(new GraphQlHttp(app.baseUrl, app.national()).execute("""
                mutation($i: CreateOversightUserInput!) { createOversightUser(input: $i) { token userErrors { message } } }""",
                Map.of("i", Map.of("name", "กรรมการจังหวัดอื่น", "email", "other-" + UUID.randomUUID() + "@example.go.th",
                        "role", "PROVINCIAL_COMMITTEE", "province", "อุดรธานี", "committeeKind", "SAO"))), "createOversightUser")
                .path("token").asString();
        assertThat(queueIds(new GraphQlHttp(app.baseUrl, otherCommittee))).doesNotContain(planId);

        // the committee of the province: the queue, the plan, the differences
        String committee = app.committee();
        assertThat(queueIds(new GraphQlHttp(app.baseUrl, committee))).contains(planId);
        ConsoleBrowser browser = signedInAt(committee, "/review", QUEUE);
        WebElement row = browser.driver.findElement(By.cssSelector("tr[data-plan='" + planId + "']"));
        assertThat(row.getText()).contains("องค์การบริหารส่วนตำบลสังคม", amendmentLabel);
        browser.assertAccessible("the review queue");
        browser.screenshot("review-queue");

        row.findElement(By.linkText("พิจารณา")).click();
        WebElement revision = browser.await(REVISION);
        assertThat(browser.driver.getCurrentUrl()).contains("/review/plan?id=");
        assertThat(revision.getText()).contains(amendmentLabel, "เหตุผลความจำเป็นในการปรับปรุงแผน", "เพิ่มงบประมาณหลักสูตรทักษะดิจิทัล");
        WebElement document = browser.driver.findElement(By.cssSelector(".plan-document"));
        assertThat(document.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList()).containsExactly(
                "1. หลักการและเหตุผล", "2. เป้าหมายการพัฒนา", "3. หลักสูตรการพัฒนา", "4. วิธีการพัฒนาและระยะเวลาดำเนินการพัฒนา",
                "5. งบประมาณ", "6. การติดตามและประเมินผล", "คณะกรรมการจัดทำแผนพัฒนาบุคลากร");
        assertThat(document.findElement(By.cssSelector("tr[data-course='" + COURSE + "']")).getText())
                .contains(String.format(Locale.ROOT, "%,d", budgetBefore + 15_000));
        browser.assertAccessible("a plan under review");
        browser.screenshot("review-plan");

        browser.driver.findElement(By.cssSelector("[data-testid=show-diff]")).click();
        WebElement changed = browser.await(By.cssSelector("[data-diff-item='" + COURSE + "'][data-change=CHANGED]"));
        assertThat(changed.getText()).contains("[แก้ไข]", "งบประมาณ (บาท) ปี " + lastYear, String.format(Locale.ROOT, "%,d", budgetBefore),
                String.format(Locale.ROOT, "%,d", budgetBefore + 15_000));
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=plan-diff]")).getText()).contains(inForceLabel, amendmentLabel);
        assertThat(browser.driver.findElements(By.cssSelector("[data-diff-item]")).stream().map(e -> e.getAttribute("data-diff-item")).toList())
                .as("only the changed course").containsExactly(COURSE);
        browser.assertAccessible("the differences of an amendment");
        browser.screenshot("review-diff");

        // return: the comments are required (the server's userError shows by the field), then given
        WebElement returnForm = browser.driver.findElement(By.cssSelector("[data-testid=return-form]"));
        returnForm.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(By.cssSelector("[data-testid=return-form] .field-error"));
        String comments = "ขอให้ระบุเหตุผลของงบประมาณที่เพิ่มขึ้นในปีงบประมาณ " + lastYear;
        returnForm.findElement(By.tagName("textarea")).sendKeys(comments);
        returnForm.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitText(By.cssSelector("[data-testid=review-result]"), "ส่งกลับ");
        JsonNode returned = hr.execute(PLAN_STATE, Map.of("id", planId)).path("data").path("plan");
        assertThat(returned.path("draft").path("status").asString()).isEqualTo("RETURNED");
        JsonNode reviews = returned.path("draft").path("reviews");
        assertThat(reviews.get(reviews.size() - 1).path("decision").asString()).isEqualTo("RETURNED");
        assertThat(reviews.get(reviews.size() - 1).path("comments").asString()).isEqualTo(comments);

        // resubmitted; the committee sees its earlier comments and approves
        submit(hr, planId);
        browser.open("/review/plan?id=" + java.net.URLEncoder.encode(planId, StandardCharsets.UTF_8));
        browser.await(REVISION);
        assertThat(browser.driver.findElement(By.cssSelector("[data-testid=earlier-reviews]")).getText()).contains("ส่งกลับแก้ไข", comments);
        WebElement approveForm = browser.driver.findElement(By.cssSelector("[data-testid=approve-form]"));
        String resolution = "ครั้งที่ 12/2569";
        approveForm.findElement(By.name("resolutionNumber")).sendKeys(resolution);
        String today = LocalDate.now(FiscalYears.BANGKOK).toString();
        assertThat(approveForm.findElement(By.name("resolutionDate")).getAttribute("value")).isEqualTo(today);
        approveForm.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitText(By.cssSelector("[data-testid=review-result]"), resolution);
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=approve-form]"))).isEmpty();

        JsonNode approved = hr.execute(PLAN_STATE, Map.of("id", planId)).path("data").path("plan");
        assertThat(approved.path("draft").isNull()).as("no open draft").isTrue();
        assertThat(approved.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(approved.path("currentVersion").path("number").asInt()).isEqualTo(amendment);
        assertThat(approved.path("currentVersion").path("approval").path("resolutionNumber").asString()).isEqualTo(resolution);
        assertThat(approved.path("currentVersion").path("approval").path("resolutionDate").asString()).isEqualTo(today);
        assertThat(queueIds(new GraphQlHttp(app.baseUrl, committee))).doesNotContain(planId);

        // the amended plan's progress report still downloads (the dashboard's exports)
        String url = hr.execute("query($p: ID!, $y: FiscalYear!) { progressExportUrl(planId: $p, fiscalYear: $y, format: XLSX) }",
                Map.of("p", planId, "y", FiscalYears.of(java.time.Instant.now()))).path("data").path("progressExportUrl").asString();
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : app.baseUrl + url))
                .header("Authorization", "Bearer " + hrToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).as(new String(xlsx.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    void aNationalUserReadsASubmittedPlanWithoutTheDecisionForms() {
        String national = app.national();
        String planId = new GraphQlHttp(app.baseUrl, national).execute("query($o: ID) { planInForce(organisationId: $o) { id } }",
                Map.of("o", app.demo.id())).path("data").path("planInForce").path("id").asString();
        ConsoleBrowser browser = signedInAt(national,
                "/review/plan?id=" + java.net.URLEncoder.encode(planId, StandardCharsets.UTF_8), REVISION);
        assertThat(browser.driver.findElement(By.cssSelector(".notice-info")).getText()).startsWith("ดูอย่างเดียว");
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid=approve-form], [data-testid=return-form]"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".plan-document h2"))).hasSize(7);
    }

    private static JsonNode ok(JsonNode response, String mutation) {
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty()).as("%s: %s", mutation, response).isTrue();
        JsonNode payload = response.path("data").path(mutation);
        assertThat(payload.path("userErrors")).as("%s: %s", mutation, response).isEmpty();
        return payload;
    }

    private static void submit(GraphQlHttp hr, String planId) {
        ok(hr.execute("mutation($p: ID!) { submitPlan(input: { planId: $p }) { plan { id } userErrors { field message } } }",
                Map.of("p", planId)), "submitPlan");
    }

    private static List<String> queueIds(GraphQlHttp graphQl) {
        JsonNode response = graphQl.execute("{ planReviewQueue(first: 100) { edges { node { id } } } }");
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty()).as("%s", response).isTrue();
        List<String> ids = new ArrayList<>();
        response.path("data").path("planReviewQueue").path("edges").forEach(edge -> ids.add(edge.path("node").path("id").asString()));
        return ids;
    }

    /** The course of the open draft as a PlanCourseInput (every field the course has). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> draftCourse(GraphQlHttp hr, String planId) {
        JsonNode courses = hr.execute("""
                query($id: ID!) { plan(id: $id) { draft { content { courses {
                  key titleTh titleEn description category competencyCodes methods
                  provider { kind name }
                  target { allStaff targetGroups positionTypes linesOfWork divisionIds staffIds description }
                  schedule { fiscalYears months note }
                  yearly { fiscalYear plannedParticipants budget }
                  xapi { activityIds completion { verbs activityMatch requireSuccess requireCompletion minScaledScore minHours } } } } } } }""",
                Map.of("id", planId)).path("data").path("plan").path("draft").path("content").path("courses");
        for (JsonNode course : courses) {
            if (course.path("key").asString().equals(COURSE)) {
                Map<String, Object> input = new LinkedHashMap<>(JsonMapper.builder().build().convertValue(course, Map.class));
                input.remove("key");
                return input;
            }
        }
        throw new AssertionError("the demo plan has no course " + COURSE);
    }

    /** Adds to the course's budget of the year; returns the budget before. */
    @SuppressWarnings("unchecked")
    private static int changeLastYearBudget(Map<String, Object> course, int year, int more) {
        for (Map<String, Object> entry : (List<Map<String, Object>>) course.get("yearly")) {
            if (((Number) entry.get("fiscalYear")).intValue() == year) {
                int before = ((Number) entry.get("budget")).intValue();
                entry.put("budget", before + more);
                return before;
            }
        }
        throw new AssertionError(COURSE + " has no budget in " + year);
    }
}
