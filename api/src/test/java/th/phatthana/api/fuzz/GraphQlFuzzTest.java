package th.phatthana.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes GraphQL over real HTTP: a few queries and mutations with generated variables (inputs with
 * the right field names and wrong, odd or hostile values, values of the wrong type, ids of this
 * organisation and of none). Whatever is sent, the answer is never a 5xx, no error is classified
 * INTERNAL, and nothing is logged at ERROR. About 10 seconds.
 */
class GraphQlFuzzTest extends FuzzingTest {

    static final int TRIES = 800;

    @Autowired
    TestTenants tenants;

    /** A GraphQL document and the variables, as JSON texts. */
    record Operation(String name, String document, Map<String, String> variables) {

        String body() {
            List<String> members = new ArrayList<>();
            variables.forEach((variable, value) -> members.add(Generator.quote(variable) + ":" + value));
            return "{\"query\":" + Generator.quote(document) + ",\"variables\":{" + String.join(",", members) + "}}";
        }

        @Override
        public String toString() {
            return name + " " + variables;
        }
    }

    /** A document and, per variable, what generates its value. */
    record Shape(String name, String document, Map<String, Supplier<String>> variables) {
    }

    @Test
    void noGraphQlVariablesFailOnTheServer() throws Exception {
        Tenant tenant = tenants.tenant("อบต.ทดสอบ GraphQL");
        String token = tenants.token(tenant, Role.TENANT_ADMIN);
        JsonNode created = new GraphQlHttp(baseUrl(), token).execute("""
                mutation { createStaff(input: {staffNumber: "F001", firstNameTh: "ทดสอบ", lastNameTh: "ความทน",
                  personnelType: LOCAL_OFFICIAL, positionTitle: "นักทรัพยากรบุคคล", appointmentDate: "2020-01-01"}) { staff { id } } }""");
        List<String> ids = List.of(created.path("data").path("createStaff").path("staff").path("id").asString(), tenant.id(),
                tenant.id() + ":00000000-0000-0000-0000-000000000000", "national", "");
        Generator generate = Generator.seeded();
        List<Shape> shapes = shapes(generate, ids);
        for (int i = 0; i < TRIES; i++) {
            Operation operation = operation(generate, generate.pick(shapes));
            RawHttp.Response response = RawHttp.send(port, "POST", "/graphql",
                    Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                    operation.body().getBytes(StandardCharsets.UTF_8));
            count(operation.name() + " " + response.status());
            String sent = "request " + i + " of seed " + generate.seed + ": " + operation;
            assertThat(response.status()).as("%s\n→ %s", sent, abbreviate(response.text())).isLessThan(500);
            assertThat(response.text()).as("%s\n→ %s", sent, abbreviate(response.text())).doesNotContain("INTERNAL");
            assertNothingLoggedAtError(sent);
        }
        logSummary(generate, TRIES);
    }

    static Operation operation(Generator generate, Shape shape) {
        Map<String, String> values = new LinkedHashMap<>();
        shape.variables().forEach((name, value) -> values.put(name, generate.chance(0.1) ? "null" : value.get()));
        return new Operation(shape.name(), shape.document(), values);
    }

    static List<Shape> shapes(Generator generate, List<String> ids) {
        Supplier<String> id = () -> generate.weighted(3, (Supplier<String>) () -> Generator.quote(generate.pick(ids)),
                2, (Supplier<String>) () -> Generator.quote(generate.string()), 1, (Supplier<String>) () -> generate.json(1));
        Supplier<String> value = () -> generate.json(2);
        Supplier<String> staff = input(generate, id, "staffNumber", "title", "firstNameTh", "lastNameTh", "personnelType", "positionTitle",
                "positionType", "lineOfWork", "level", "divisionId", "appointmentDate", "probationEndDate", "status", "xapiIdentities",
                "citizenId", "id");
        return List.of(
                new Shape("staff", "query($id: ID!, $asOf: Date) { staff(id: $id) { id fullNameTh targetGroup(asOf: $asOf) } }",
                        Map.of("id", id, "asOf", value)),
                new Shape("staffMembers", "query($org: ID, $first: Int, $after: String, $filter: StaffFilter) { staffMembers("
                        + "organisationId: $org, first: $first, after: $after, filter: $filter) { totalCount edges { node { id } } } }",
                        Map.of("org", id, "first", value, "after", value, "filter", input(generate, id, "targetGroup", "primaryTargetGroup",
                                "asOf", "divisionId", "positionType", "lineOfWork", "personnelType", "nameSearch", "status"))),
                new Shape("createStaff", "mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } "
                        + "userErrors { field code } } }", Map.of("input", staff)),
                new Shape("updateStaff", "mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { id } "
                        + "userErrors { field code } } }", Map.of("input", staff)),
                new Shape("linkXapiIdentity", "mutation($input: XapiIdentityLinkInput!) { linkXapiIdentity(input: $input) { "
                        + "userErrors { field code } } }", Map.of("input", input(generate, id, "staffId", "identity"))),
                new Shape("staffByCitizenId", "query($c: String!) { staffByCitizenId(citizenId: $c) { id } }", Map.of("c", value)),
                new Shape("recordAssessment", "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { "
                        + "userErrors { field code } } }", Map.of("input", input(generate, id, "staffId", "competencyCode", "level",
                                "assessedOn", "assessor", "note"))),
                new Shape("planProgress", "query($plan: ID!, $year: FiscalYear) { planProgress(planId: $plan, fiscalYear: $year) { "
                        + "fiscalYear } }", Map.of("plan", id, "year", value)),
                new Shape("organisations", "query($first: Int, $after: String, $filter: OrganisationFilter) { organisations("
                        + "first: $first, after: $after, filter: $filter) { totalCount } }", Map.of("first", value, "after", value,
                                "filter", input(generate, id, "province", "kind", "status", "search"))),
                new Shape("eraseStaffMember", "mutation($input: EraseStaffMemberInput!) { eraseStaffMember(input: $input) { "
                        + "erasure { id } userErrors { field code } } }", Map.of("input", input(generate, id, "staffId", "reason", "mode"))),
                new Shape("createDivision", "mutation($input: CreateDivisionInput!) { createDivision(input: $input) { "
                        + "userErrors { field code } } }", Map.of("input", input(generate, id, "nameTh", "nameEn", "sortOrder"))));
    }

    /** An input object: some of its own fields (ids among the values), now and then a stray one, or no object at all. */
    static Supplier<String> input(Generator generate, Supplier<String> id, String... fields) {
        return () -> {
            if (generate.chance(0.1)) {
                return generate.json(2);
            }
            List<String> members = generate.list(fields.length + 1, () -> Generator.quote(generate.chance(0.9) ? generate.pick(fields)
                    : generate.key()) + ":" + generate.weighted(4, (Supplier<String>) () -> generate.json(2), 2, id,
                            1, (Supplier<String>) generate::agent));
            return "{" + String.join(",", members) + "}";
        };
    }
}
