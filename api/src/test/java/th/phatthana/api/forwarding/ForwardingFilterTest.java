package th.phatthana.api.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which statements a filtered target forwards. */
class ForwardingFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String COURSE = "https://elearning.example/course/1";

    private static ForwardingTarget target(List<String> verbs, List<String> activities) {
        return new ForwardingTarget("t", "t", "http://x/xapi/", ForwardingTarget.Version.V1_0_3, ForwardingTarget.Scope.DEPLOYMENT, null,
                ForwardingTarget.AuthKind.BASIC, "u", "p", null, null, verbs, activities, true, Instant.EPOCH, null, null, null, 0, null);
    }

    private static JsonNode statement(String verb, String object, String contextJson) {
        return JSON.readTree("""
                {"actor":{"mbox":"mailto:a@example.go.th"},"verb":{"id":"%s"},"object":{"id":"%s"}%s}"""
                .formatted(verb, object, contextJson == null ? "" : ",\"context\":{\"contextActivities\":" + contextJson + "}"));
    }

    @Test
    void verbsAndActivitiesMustBothMatchWhenBothAreGiven() {
        ForwardingTarget both = target(List.of(COMPLETED), List.of(COURSE));
        assertThat(StatementForwarder.matches(both, statement(COMPLETED, COURSE, null))).isTrue();
        assertThat(StatementForwarder.matches(both, statement(COMPLETED, "https://elearning.example/other", null))).isFalse();
        assertThat(StatementForwarder.matches(both, statement("http://adlnet.gov/expapi/verbs/attempted", COURSE, null))).isFalse();
    }

    @Test
    void anActivityMatchesAsTheObjectOrAsAnyContextActivity() {
        ForwardingTarget activities = target(List.of(), List.of(COURSE));
        String lesson = "https://elearning.example/course/1/lesson/3";
        assertThat(StatementForwarder.matches(activities, statement(COMPLETED, lesson, "{\"parent\":[{\"id\":\"" + COURSE + "\"}]}"))).isTrue();
        assertThat(StatementForwarder.matches(activities, statement(COMPLETED, lesson, "{\"grouping\":{\"id\":\"" + COURSE + "\"}}"))).isTrue();
        assertThat(StatementForwarder.matches(activities, statement(COMPLETED, lesson, "{\"category\":[{\"id\":\"https://x/y\"}]}"))).isFalse();
    }

    @Test
    void aVoidingStatementMatchesNoFilterByItself() {
        // it goes where the statement it voids went: StatementForwarder looks that one up (ForwardingTest)
        ForwardingTarget verbs = target(List.of(COMPLETED), List.of());
        ForwardingTarget activities = target(List.of(), List.of(COURSE));
        JsonNode voiding = JSON.readTree("""
                {"actor":{"mbox":"mailto:a@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"6b0c5d3e-4f6a-4a8e-9a55-0d7cbf0b3e11"}}""");
        assertThat(StatementForwarder.matches(verbs, voiding)).isFalse();
        assertThat(StatementForwarder.matches(activities, voiding)).isFalse();
    }
}
