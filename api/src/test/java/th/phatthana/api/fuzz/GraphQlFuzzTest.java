package th.phatthana.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes GraphQL over real HTTP: a few queries and mutations with generated variables (inputs with
 * the right field names and wrong, odd or hostile values, values of the wrong type, ids of this
 * and of no organisation). Whatever is sent, the answer is never a 5xx, no error is classified
 * INTERNAL, and nothing is logged at ERROR.
 */
class GraphQlFuzzTest extends FuzzingTest {

    static final int TRIES = 800;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestTenants tenants;

    String token;
    List<String> ids;

    /** A GraphQL document and the generated values of its variables (JSON texts). */
    record Operation(String name, String document, Map<String, String> variables) {

        String body() {
            List<String> members = new ArrayList<>();
            variables.forEach((variable, value) -> members.add(JsonTexts.quote(variable) + ":" + value));
            return "{\"query\":" + JsonTexts.quote(document) + ",\"variables\":{" + String.join(",", members) + "}}";
        }

        @Override
        public String toString() {
            return name + " " + variables;
        }
    }

    @BeforeProperty
    void organisation() {
        Tenant tenant = tenants.tenant("อบต.ทดสอบ GraphQL");
        token = tenants.token(tenant, Role.TENANT_ADMIN);
        JsonNode created = new GraphQlHttp(baseUrl(), token).execute("""
                mutation { createStaff(input: {staffNumber: "F001", firstNameTh: "ทดสอบ", lastNameTh: "ความทน",
                  personnelType: LOCAL_OFFICIAL, positionTitle: "นักทรัพยากรบุคคล", appointmentDate: "2020-01-01"}) { staff { id } } }""");
        ids = List.of(created.path("data").path("createStaff").path("staff").path("id").asString(), tenant.id(),
                tenant.id() + ":00000000-0000-0000-0000-000000000000", "national", "");
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE) // the generators hold their odd values themselves
    void noGraphQlVariablesFailOnTheServer(@ForAll("operations") Operation operation) throws Exception {
        RawHttp.Response response = RawHttp.send(port, "POST", "/graphql",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                operation.body().getBytes(StandardCharsets.UTF_8));
        Statistics.label("status").collect(response.status() / 100 + "xx");
        assertThat(response.status()).as("%s\n→ %s", operation, XapiFuzzTest.abbreviate(response.text())).isLessThan(500);
        assertThat(response.text()).as("%s\n→ %s", operation, XapiFuzzTest.abbreviate(response.text())).doesNotContain("INTERNAL");
        assertNothingLoggedAtError(operation);
    }

    @Provide
    Arbitrary<Operation> operations() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of(ids).map(JsonTexts::quote), JsonTexts.strings().map(JsonTexts::quote),
                JsonTexts.any(1));
        Arbitrary<String> value = JsonTexts.any(2);
        Arbitrary<String> staffInput = input(List.of("staffNumber", "title", "firstNameTh", "lastNameTh", "personnelType", "positionTitle",
                "positionType", "lineOfWork", "level", "divisionId", "appointmentDate", "probationEndDate", "status", "xapiIdentities",
                "citizenId", "id"), id);
        return Arbitraries.oneOf(
                operation("staff", "query($id: ID!, $asOf: Date) { staff(id: $id) { id fullNameTh targetGroup(asOf: $asOf) } }",
                        Map.of("id", id, "asOf", value)),
                operation("staffMembers", "query($org: ID, $first: Int, $after: String, $filter: StaffFilter) { staffMembers("
                        + "organisationId: $org, first: $first, after: $after, filter: $filter) { totalCount edges { node { id } } } }",
                        Map.of("org", id, "first", value, "after", value, "filter", input(List.of("targetGroup", "primaryTargetGroup",
                                "asOf", "divisionId", "positionType", "lineOfWork", "personnelType", "nameSearch", "status"), id))),
                operation("createStaff", "mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } "
                        + "userErrors { field code } } }", Map.of("input", staffInput)),
                operation("updateStaff", "mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { id } "
                        + "userErrors { field code } } }", Map.of("input", staffInput)),
                operation("linkXapiIdentity", "mutation($input: XapiIdentityLinkInput!) { linkXapiIdentity(input: $input) { "
                        + "userErrors { field code } } }", Map.of("input", input(List.of("staffId", "identity"), id))),
                operation("staffByCitizenId", "query($c: String!) { staffByCitizenId(citizenId: $c) { id } }", Map.of("c", value)),
                operation("recordAssessment", "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { "
                        + "userErrors { field code } } }", Map.of("input", input(List.of("staffId", "competencyCode", "level",
                                "assessedOn", "assessor", "note"), id))),
                operation("planProgress", "query($plan: ID!, $year: FiscalYear) { planProgress(planId: $plan, fiscalYear: $year) { "
                        + "fiscalYear } }", Map.of("plan", id, "year", value)),
                operation("organisations", "query($first: Int, $after: String, $filter: OrganisationFilter) { organisations("
                        + "first: $first, after: $after, filter: $filter) { totalCount } }", Map.of("first", value, "after", value,
                                "filter", input(List.of("province", "kind", "status", "search"), id))),
                operation("eraseStaffMember", "mutation($input: EraseStaffMemberInput!) { eraseStaffMember(input: $input) { "
                        + "erasure { id } userErrors { field code } } }", Map.of("input", input(List.of("staffId", "reason", "mode"), id))),
                operation("createDivision", "mutation($input: CreateDivisionInput!) { createDivision(input: $input) { "
                        + "userErrors { field code } } }", Map.of("input", input(List.of("nameTh", "nameEn", "sortOrder"), id))));
    }

    /** An input object: some of its own fields (ids among them), now and then a stray one, or no object at all. */
    Arbitrary<String> input(List<String> fields, Arbitrary<String> id) {
        Arbitrary<String> field = Combinators.combine(Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(fields)),
                Tuple.of(1, JsonTexts.keys())), Arbitraries.oneOf(JsonTexts.any(2), id, JsonTexts.agents()))
                .as((name, v) -> JsonTexts.quote(name) + ":" + v);
        Arbitrary<String> object = field.list().ofMaxSize(fields.size() + 1).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(8, object), Tuple.of(1, JsonTexts.any(2)));
    }

    static Arbitrary<Operation> operation(String name, String document, Map<String, Arbitrary<String>> variables) {
        List<String> names = new ArrayList<>(variables.keySet());
        List<Arbitrary<String>> values = names.stream().map(variables::get).map(v -> v.injectNull(0.1).map(x -> x == null ? "null" : x))
                .toList();
        return Combinators.combine(values).as(generated -> {
            Map<String, String> bound = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                bound.put(names.get(i), generated.get(i));
            }
            return new Operation(name, document, bound);
        });
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
