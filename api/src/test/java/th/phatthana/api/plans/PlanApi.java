package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import th.phatthana.api.testing.GraphQlHttp;
import tools.jackson.databind.JsonNode;

/** The plan mutations and queries over HTTP as one caller, with the documents the tests share. */
final class PlanApi {

    static final String USER_ERRORS = "userErrors { field message code }";

    static final String PLAN = """
            id title status fiscalYearStart fiscalYearEnd fiscalYears startsOn endsOn approvingCommittee
            announcementDate inForceFrom organisation { id }
            currentVersion { number label status approval { resolutionNumber resolutionDate committee } }
            draft { number label reason status submittedAt reviews { decision comments committee reviewer { name } } }
            versions { number label }
            gaps { field code message }
            content {
              rationale
              goals { key title indicators { key description metric unit comparator targets { fiscalYear value } } }
              courses { key titleTh category competencyCodes methods totalBudget
                        target { allStaff targetGroups positionTypes linesOfWork }
                        schedule { fiscalYears months }
                        yearly { fiscalYear plannedParticipants budget }
                        xapi { activityIds completion { verbs activityMatch requireSuccess requireCompletion minScaledScore minHours } } }
              methodsAndDuration { description methodsUsed }
              budget { description total byFiscalYear { fiscalYear amount plannedParticipants courseCount } }
              monitoring { description checkpoints { phase months } }
              committee { appointmentOrderNumber members { key role name position } }
            }
            """;

    final GraphQlHttp http;

    PlanApi(String baseUrl, String token) {
        this.http = new GraphQlHttp(baseUrl, token);
    }

    JsonNode execute(String document, Map<String, Object> variables) {
        return http.execute(document, variables);
    }

    // ---- mutations ------------------------------------------------------------------------------

    JsonNode mutate(String mutation, String inputType, Map<String, Object> input, String selection) {
        String document = "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection + " } }";
        JsonNode response = http.execute(document, Map.of("input", input));
        return response;
    }

    JsonNode planMutation(String mutation, String inputType, Map<String, Object> input) {
        return mutate(mutation, inputType, input, "plan { " + PLAN + " } " + USER_ERRORS);
    }

    JsonNode createFromMasterPlan(int start) {
        return planMutation("createPlanFromMasterPlan", "CreatePlanFromMasterPlanInput", Map.of("fiscalYearStart", start));
    }

    JsonNode create(int start) {
        return planMutation("createPlan", "CreatePlanInput", Map.of("fiscalYearStart", start));
    }

    JsonNode update(String planId, Map<String, Object> sections) {
        Map<String, Object> input = new LinkedHashMap<>(sections);
        input.put("planId", planId);
        return planMutation("updatePlan", "UpdatePlanInput", input);
    }

    JsonNode addCourse(String planId, Map<String, Object> course) {
        return mutate("addPlanCourse", "AddPlanCourseInput", Map.of("planId", planId, "course", course),
                "plan { " + PLAN + " } course { key titleTh totalBudget } " + USER_ERRORS);
    }

    JsonNode updateCourse(String planId, String key, Map<String, Object> course) {
        return mutate("updatePlanCourse", "UpdatePlanCourseInput", Map.of("planId", planId, "key", key, "course", course),
                "plan { " + PLAN + " } course { key titleTh totalBudget } " + USER_ERRORS);
    }

    JsonNode removeCourse(String planId, String key) {
        return planMutation("removePlanCourse", "RemovePlanCourseInput", Map.of("planId", planId, "key", key));
    }

    JsonNode submit(String planId) {
        return planMutation("submitPlan", "SubmitPlanInput", Map.of("planId", planId));
    }

    JsonNode approve(String planId, String resolutionNumber, String resolutionDate) {
        return planMutation("approvePlan", "ApprovePlanInput",
                Map.of("planId", planId, "resolutionNumber", resolutionNumber, "resolutionDate", resolutionDate));
    }

    JsonNode returnPlan(String planId, String comments) {
        return planMutation("returnPlan", "ReturnPlanInput", Map.of("planId", planId, "comments", comments));
    }

    JsonNode announce(String planId, String date) {
        return planMutation("announcePlan", "AnnouncePlanInput", Map.of("planId", planId, "announcementDate", date));
    }

    JsonNode startAmendment(String planId, String reason) {
        return planMutation("startPlanAmendment", "StartPlanAmendmentInput", Map.of("planId", planId, "reason", reason));
    }

    JsonNode discard(String planId) {
        return mutate("discardPlanDraft", "DiscardPlanDraftInput", Map.of("planId", planId),
                "plan { id draft { number } } deletedPlanId " + USER_ERRORS);
    }

    // ---- queries --------------------------------------------------------------------------------

    JsonNode plan(String id) {
        return http.execute("query($id: ID!) { plan(id: $id) { " + PLAN + " } }", Map.of("id", id));
    }

    JsonNode plan(String id, String selection) {
        return http.execute("query($id: ID!) { plan(id: $id) { " + selection + " } }", Map.of("id", id));
    }

    // ---- reading responses ----------------------------------------------------------------------

    /** The payload of a mutation response, asserting the call itself did not fail. */
    static JsonNode payload(JsonNode response, String mutation) {
        assertThat(response.path("errors").isMissingNode() || response.path("errors").isEmpty())
                .as("errors of %s: %s", mutation, response.path("errors")).isTrue();
        return response.path("data").path(mutation);
    }

    /** The plan of a successful mutation, asserting it had no userErrors. */
    static JsonNode ok(JsonNode response, String mutation) {
        JsonNode payload = payload(response, mutation);
        assertThat(payload.path("userErrors").isEmpty()).as("userErrors of %s: %s", mutation, payload.path("userErrors")).isTrue();
        return payload.path("plan");
    }

    /** The userErrors of a refused mutation as "code field.path" strings, asserting it changed nothing. */
    static List<String> refused(JsonNode response, String mutation) {
        JsonNode payload = payload(response, mutation);
        assertThat(payload.path("plan").isNull()).as("plan of a refused %s", mutation).isTrue();
        List<String> errors = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            List<String> path = new ArrayList<>();
            error.path("field").forEach(part -> path.add(part.asString()));
            errors.add(error.path("code").asString() + " " + String.join(".", path));
        }
        assertThat(errors).as("userErrors of %s", mutation).isNotEmpty();
        return errors;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asString()));
        return values;
    }

    /** A complete course input in the plan years. */
    static Map<String, Object> course(String key, int start, long budgetPerYear) {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("key", key);
        course.put("titleTh", "หลักสูตรทดสอบ " + key);
        course.put("titleEn", "Test course " + key);
        course.put("category", "JOB_DUTIES");
        course.put("competencyCodes", List.of("C01", "S02"));
        course.put("methods", List.of("E_LEARNING"));
        course.put("provider", Map.of("kind", "OWN_ORGANISATION"));
        course.put("target", Map.of("targetGroups", List.of("EXPERIENCED"), "positionTypes", List.of("ACADEMIC")));
        course.put("schedule", Map.of("fiscalYears", List.of(start, start + 1), "months", List.of(1, 2)));
        course.put("yearly", List.of(Map.of("fiscalYear", start, "plannedParticipants", 10, "budget", budgetPerYear),
                Map.of("fiscalYear", start + 1, "plannedParticipants", 12, "budget", budgetPerYear)));
        course.put("xapi", Map.of("activityIds", List.of("https://elearning.example.go.th/xapi/activities/" + key),
                "completion", Map.of("verbs", List.of("http://adlnet.gov/expapi/verbs/passed"), "requireSuccess", true,
                        "minScaledScore", 0.6)));
        return course;
    }
}
