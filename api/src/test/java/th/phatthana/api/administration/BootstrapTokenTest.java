package th.phatthana.api.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import th.phatthana.api.PhatthanaApplication;
import th.phatthana.api.testing.ConsoleHttp;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.MongoFixture;
import tools.jackson.databind.JsonNode;

/**
 * The secrets an operator chooses in the environment, on a first start against an empty store:
 * bootstrap tokens of any shape with at least 16 characters work as bearer tokens; a shorter one
 * stops the start with a message naming the variable and the rule; the demo people sign in to the
 * console with the passwords chosen for them.
 */
class BootstrapTokenTest {

    private static final String ADMIN_TOKEN = "Sangkhom-admin:2567!"; // no pht_ prefix, as an operator may choose
    private static final String NATIONAL_TOKEN = "national.operator.token.of.dla";

    /** The properties of a first start against a database of its own. */
    private static Map<String, Object> firstStart(String database) {
        String uri = MongoFixture.uri();
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        String hosts = base.substring(0, base.indexOf('/', base.indexOf("://") + 3));
        Map<String, Object> properties = new HashMap<>();
        properties.put("phatthana.store.mongodb-uri", hosts + "/" + database + System.nanoTime() + (query < 0 ? "" : uri.substring(query)));
        properties.put("server.port", "0");
        properties.put("phatthana.demo.enabled", "true");
        properties.put("phatthana.demo.simulate-learning", "false");
        properties.put("phatthana.progress.projector.enabled", "false");
        return properties;
    }

    /** Starts the application with the properties as command-line arguments, which come before application.properties. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(PhatthanaApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void chosenTokensWithoutThePrefixWorkAndTheDemoPeopleSignInWithTheirChosenPasswords() {
        Map<String, Object> properties = firstStart("bootstrap_");
        properties.put("phatthana.demo.bootstrap-admin-token", ADMIN_TOKEN);
        properties.put("phatthana.bootstrap.national-token", NATIONAL_TOKEN);
        properties.put("phatthana.demo.admin-password", "รหัสผู้ดูแลสังคม");
        properties.put("phatthana.demo.hr-password", "รหัสงานบุคคลสังคม");
        properties.put("phatthana.demo.committee-password", "รหัสกรรมการหนองคาย");
        properties.put("phatthana.demo.national-password", "รหัสส่วนกลางทดสอบ");
        try (ConfigurableApplicationContext app = start(properties)) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(new GraphQlHttp(base, ADMIN_TOKEN).execute("{ organisation { code } }").path("data").path("organisation")
                    .path("code").asString()).isEqualTo("6431501");
            assertThat(new GraphQlHttp(base, NATIONAL_TOKEN).execute("{ organisations(first: 5) { totalCount } }").path("data")
                    .path("organisations").path("totalCount").asInt()).isEqualTo(1);
            assertThat(new GraphQlHttp(base, ADMIN_TOKEN + "x").execute("{ organisation { code } }").path("httpStatus").asInt())
                    .isEqualTo(401);

            JsonNode admin = ConsoleHttp.json(new ConsoleHttp(base).login("admin@sangkhom.example", "รหัสผู้ดูแลสังคม"));
            assertThat(admin.path("roles").toString()).isEqualTo("[\"TENANT_ADMIN\"]");
            assertThat(admin.path("organisation").path("code").asString()).isEqualTo("6431501");
            JsonNode hr = ConsoleHttp.json(new ConsoleHttp(base).login("hr@sangkhom.example", "รหัสงานบุคคลสังคม"));
            assertThat(hr.path("roles").toString()).isEqualTo("[\"HR_OFFICER\"]");
            JsonNode committee = ConsoleHttp.json(new ConsoleHttp(base).login("committee@nongkhai.example", "รหัสกรรมการหนองคาย"));
            assertThat(committee.path("roles").toString()).isEqualTo("[\"PROVINCIAL_COMMITTEE\"]");
            assertThat(committee.path("province").asString()).isEqualTo("หนองคาย");
            assertThat(committee.path("committeeKind").asString()).isEqualTo("SAO");
            JsonNode national = ConsoleHttp.json(new ConsoleHttp(base).login("national@phatthana.example", "รหัสส่วนกลางทดสอบ"));
            assertThat(national.path("roles").toString()).isEqualTo("[\"NATIONAL\"]");
        }
    }

    @Test
    void aShortChosenAdminTokenStopsTheStartNamingTheRule() {
        Map<String, Object> properties = firstStart("short_admin_");
        properties.put("phatthana.demo.bootstrap-admin-token", "too-short");
        assertThatThrownBy(() -> start(properties).close()).rootCause()
                .hasMessage("PHATTHANA_BOOTSTRAP_ADMIN_TOKEN is refused: a chosen token needs at least 16 characters (this one has 9)");
    }

    @Test
    void aShortChosenNationalTokenStopsTheStartNamingTheRule() {
        Map<String, Object> properties = firstStart("short_national_");
        properties.put("phatthana.bootstrap.national-token", "pht_short");
        assertThatThrownBy(() -> start(properties).close()).rootCause()
                .hasMessage("PHATTHANA_BOOTSTRAP_NATIONAL_TOKEN is refused: a chosen token needs at least 16 characters (this one has 9)");
    }
}
