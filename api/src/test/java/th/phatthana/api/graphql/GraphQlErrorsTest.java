package th.phatthana.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import tools.jackson.databind.JsonNode;

/**
 * How failures reach a GraphQL caller: the project's refusals with their message, anything else as
 * INTERNAL with a correlation id that the log line carries too, and never the exception's text.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphQlErrorsTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    private GraphQlHttp viewer() {
        return new GraphQlHttp(baseUrl(), tenants.token(tenants.tenant("อบต.ข้อผิดพลาด"), Role.VIEWER));
    }

    @Test
    void anUnexpectedExceptionIsInternalWithACorrelationIdAndNoMessage(CapturedOutput output) {
        JsonNode response = viewer().execute("{ testInternalFailure }");

        JsonNode error = response.path("errors").get(0);
        assertThat(GraphQlHttp.classification(response)).isEqualTo("INTERNAL");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("INTERNAL");
        assertThat(error.path("message").asString()).isEqualTo("internal error");
        assertThat(response.toString()).doesNotContain("hunter2").doesNotContain("IllegalArgumentException");
        String correlationId = error.path("extensions").path("correlationId").asString();
        assertThat(correlationId).matches("[0-9a-f-]{36}");
        assertThat(output.getOut() + output.getErr()).contains("correlation id " + correlationId).contains(FailingFields.SECRET)
                .contains("at th.phatthana.api.graphql.FailingFields.testInternalFailure");
    }

    @Test
    void inputThatCanNeverBeRightIsABadRequestWithItsMessage() {
        JsonNode response = viewer().execute("{ testInvalidInput }");

        JsonNode error = response.path("errors").get(0);
        assertThat(GraphQlHttp.classification(response)).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("message").asString()).isEqualTo("not a valid Thai citizen ID (13 digits with a valid check digit)");
        assertThat(error.path("extensions").has("correlationId")).isFalse();
    }

    @Test
    void anApiRefusalKeepsItsClassificationCodeAndMessage() {
        JsonNode response = viewer().execute("{ plan(id: \"nobody/nothing\") { id } }");

        assertThat(GraphQlHttp.classification(response)).isEqualTo("NOT_FOUND");
        assertThat(response.path("errors").get(0).path("message").asString()).isEqualTo("plan not found");
    }
}
