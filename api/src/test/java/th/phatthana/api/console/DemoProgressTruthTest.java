package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * The demo tells the truth: after the demo's simulated learning (the application as its README
 * runs it, with the demo), the plan's progress for the year under way and the year before has a
 * completion in every course, by the course's target, and no share above 100 %.
 */
class DemoProgressTruthTest {

    private static ConsoleApplication app;

    @BeforeAll
    static void start() throws Exception {
        app = ConsoleApplication.start();
    }

    @ParameterizedTest(name = "the current fiscal year minus {0}")
    @ValueSource(ints = { 0, 1 })
    void everyCourseHasCompletionsAndNoShareExceedsTheWhole(int yearsBack) {
        GraphQlHttp graphQl = new GraphQlHttp(app.baseUrl, app.demoUser(Role.VIEWER));
        int year = FiscalYears.of(java.time.LocalDate.now(FiscalYears.BANGKOK)) - yearsBack;
        String date = FiscalYears.lastDay(year).isBefore(java.time.LocalDate.now(FiscalYears.BANGKOK)) ? FiscalYears.lastDay(year).toString()
                : java.time.LocalDate.now(FiscalYears.BANGKOK).toString();
        String planId = graphQl.execute("query($d: Date) { planInForce(date: $d) { id } }", Map.of("d", date))
                .path("data").path("planInForce").path("id").asString();
        assertThat(planId).as("a plan in force on %s", date).isNotEmpty();
        JsonNode progress = graphQl.execute("""
                query($p: ID!, $y: FiscalYear) { planProgress(planId: $p, fiscalYear: $y) {
                  staffCount staffDeveloped staffDevelopedShare
                  indicators { metric value }
                  courses { courseKey targetParticipants participantsCompleted participantsCompletedInTarget
                            participantsCompletedOutsideTarget completionRate }
                  budget { spentShare } byTargetGroup { key share } byPositionType { key share } byCompetency { code share } } }""",
                Map.of("p", planId, "y", year)).path("data").path("planProgress");
        assertThat(progress.path("courses")).isNotEmpty();
        for (JsonNode course : progress.path("courses")) {
            String key = course.path("courseKey").asString();
            assertThat(course.path("participantsCompletedInTarget").asInt()).as("%s: completions by its target", key).isPositive();
            assertThat(course.path("participantsCompletedInTarget").asInt()).as("%s", key)
                    .isLessThanOrEqualTo(course.path("targetParticipants").asInt());
            assertThat(course.path("completionRate").asDouble()).as("%s completion rate", key).isBetween(0.0, 100.0);
        }
        assertThat(progress.path("staffDevelopedShare").asDouble()).isBetween(0.0, 100.0);
        assertThat(progress.path("budget").path("spentShare").asDouble()).isBetween(0.0, 100.0);
        for (String groups : new String[] { "byTargetGroup", "byPositionType", "byCompetency" }) {
            for (JsonNode group : progress.path(groups)) {
                assertThat(group.path("share").asDouble()).as("%s %s", groups, group).isBetween(0.0, 100.0);
            }
        }
        for (JsonNode indicator : progress.path("indicators")) {
            if (indicator.path("metric").asString().endsWith("_SHARE") && !indicator.path("value").isNull()) {
                assertThat(indicator.path("value").asDouble()).as("%s", indicator).isBetween(0.0, 100.0);
            }
        }
    }
}
