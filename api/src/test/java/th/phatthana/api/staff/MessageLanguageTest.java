package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.RosterImportTest.BOM;
import static th.phatthana.api.staff.RosterImportTest.HEADER;
import static th.phatthana.api.staff.RosterImportTest.row;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Messages come in Thai unless the request asks for English; codes and fields are the same in both. */
class MessageLanguageTest extends IntegrationTest {

    private static final String CREATE_DIVISION = """
            mutation($input: CreateDivisionInput!) { createDivision(input: $input) { division { id } userErrors { field message code } } }""";

    private static final String ADD_COMPETENCY = """
            mutation($input: AddLocalCompetencyInput!) { addLocalCompetency(input: $input) {
              competency { code } userErrors { field message code } } }""";

    @Autowired
    TestTenants tenants;

    String token;

    @BeforeEach
    void organisation() {
        Tenant tenant = tenants.tenant("อบต.สองภาษา");
        token = tenants.token(tenant, Role.TENANT_ADMIN);
    }

    @Test
    void aUserErrorIsThaiByDefaultAndEnglishWhenAskedFor() {
        JsonNode thai = userError(new GraphQlHttp(baseUrl(), token).language(null));
        JsonNode thaiAsked = userError(new GraphQlHttp(baseUrl(), token).language("th-TH,th;q=0.9"));
        JsonNode english = userError(new GraphQlHttp(baseUrl(), token).language("en-US,en;q=0.9"));

        assertThat(thai.path("message").asString()).isEqualTo("ต้องระบุชื่อภาษาไทย");
        assertThat(thaiAsked).isEqualTo(thai);
        assertThat(english.path("message").asString()).isEqualTo("nameTh is required");
        for (JsonNode error : new JsonNode[] {thai, english}) {
            assertThat(error.path("code").asString()).isEqualTo("REQUIRED");
            assertThat(error.path("field").toString()).isEqualTo("[\"input\",\"nameTh\"]");
        }
    }

    @Test
    void aCompetencyUserErrorIsThaiByDefaultAndEnglishWhenAskedFor() {
        JsonNode thai = competencyError(new GraphQlHttp(baseUrl(), token).language(null));
        JsonNode english = competencyError(new GraphQlHttp(baseUrl(), token).language("en"));

        assertThat(thai.path("message").asString()).startsWith("รหัสสมรรถนะของหน่วยงานขึ้นต้นด้วย L-");
        assertThat(english.path("message").asString())
                .isEqualTo("a local code is L- followed by 1 to 20 letters, digits or '-', e.g. L-001 (national codes are reserved)");
        for (JsonNode error : new JsonNode[] {thai, english}) {
            assertThat(error.path("code").asString()).isEqualTo("INVALID");
            assertThat(error.path("field").toString()).isEqualTo("[\"input\",\"code\"]");
        }
    }

    @Test
    void planningMilestonesAreThaiByDefaultAndEnglishWhenAskedFor() {
        String query = "{ planningCalendar { milestones { kind description } } }";
        JsonNode thai = new GraphQlHttp(baseUrl(), token).language(null).execute(query).at("/data/planningCalendar/milestones");
        JsonNode english = new GraphQlHttp(baseUrl(), token).language("en").execute(query).at("/data/planningCalendar/milestones");
        assertThat(thai.findValuesAsString("description")).hasSize(3).allSatisfy(text -> assertThat(text).doesNotContainPattern("[a-z]{3}"))
                .anySatisfy(text -> assertThat(text).startsWith("เสนอร่างแผน"));
        assertThat(english.findValuesAsString("description")).hasSize(3).allSatisfy(text -> assertThat(text).doesNotContainPattern("[ก-๙]"))
                .anySatisfy(text -> assertThat(text).startsWith("submit the plan"));
    }

    @Test
    void anApiErrorOfGraphQlIsThaiByDefault() {
        String query = "{ staff(id: \"nobody\") { id } }";
        JsonNode thai = new GraphQlHttp(baseUrl(), token).language(null).execute(query).path("errors").get(0);
        JsonNode english = new GraphQlHttp(baseUrl(), token).language("en").execute(query).path("errors").get(0);
        assertThat(thai.path("message").asString()).isEqualTo("ไม่พบบุคลากร");
        assertThat(english.path("message").asString()).isEqualTo("staff member not found");
        assertThat(thai.path("extensions").path("code")).isEqualTo(english.path("extensions").path("code"));
    }

    @Test
    void anHttpErrorBodyIsThaiByDefaultAndEnglishWhenAskedFor() throws Exception {
        JsonNode thai = export(null);
        JsonNode english = export("en");
        assertThat(thai.path("error").asString()).isEqualTo("format: ต้องเป็น xlsx, csv หรือ pdf");
        assertThat(english.path("error").asString()).isEqualTo("format: is xlsx, csv or pdf");
        assertThat(thai.path("code").asString()).isEqualTo("BAD_REQUEST").isEqualTo(english.path("code").asString());
    }

    @Test
    void aRosterRowProblemIsThaiByDefaultAndEnglishWhenAskedFor() {
        String csv = BOM + HEADER + row("L-001", "สมชาย", "สองภาษา", "ข้าราชการพิเศษ", "นักจัดการงานทั่วไป", "", "2020-06-01", "", "");
        RosterHttp.Answer thai = new RosterHttp(baseUrl(), token).language(null).uploadCsv(csv);
        RosterHttp.Answer english = new RosterHttp(baseUrl(), token).language("en").uploadCsv(csv);

        assertThat(thai.status()).isEqualTo(422);
        assertThat(english.status()).isEqualTo(422);
        JsonNode thaiRow = thai.json().path("rows").get(0);
        JsonNode englishRow = english.json().path("rows").get(0);
        assertThat(thaiRow.path("message").asString()).startsWith("ไม่รู้จักประเภทบุคลากร 'ข้าราชการพิเศษ'");
        assertThat(englishRow.path("message").asString()).startsWith("unknown personnel type 'ข้าราชการพิเศษ'");
        assertThat(thai.json().path("error").asString()).startsWith("ไม่ได้นำเข้าไฟล์");
        assertThat(english.json().path("error").asString()).startsWith("the file was not imported");
        for (String key : new String[] {"row", "column", "field", "code"}) {
            assertThat(thaiRow.path(key)).as(key).isEqualTo(englishRow.path(key));
        }
        assertThat(thaiRow.path("code").asString()).isEqualTo("UNKNOWN_VALUE");
    }

    private JsonNode userError(GraphQlHttp client) {
        JsonNode payload = client.execute(CREATE_DIVISION, Map.of("input", Map.of("nameTh", " "))).path("data").path("createDivision");
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0);
    }

    private JsonNode competencyError(GraphQlHttp client) {
        JsonNode payload = client.execute(ADD_COMPETENCY, Map.of("input", Map.of("code", "X1", "nameTh", "สมรรถนะสองภาษา")))
                .path("data").path("addLocalCompetency");
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0);
    }

    private JsonNode export(String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/exports/progress?planId=x&format=doc"))
                .header("Authorization", "Bearer " + token).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
