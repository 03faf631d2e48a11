package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.StaffGraphQl.CREATE_DIVISION;
import static th.phatthana.api.staff.StaffGraphQl.errorFields;
import static th.phatthana.api.staff.StaffGraphQl.newDivision;
import static th.phatthana.api.staff.StaffGraphQl.newStaff;
import static th.phatthana.api.staff.StaffGraphQl.staffInput;
import static th.phatthana.api.staff.StaffGraphQl.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** Divisions (ส่วนราชการ): listed with the organisation, edited by its TENANT_ADMIN. */
class DivisionGraphQlTest extends IntegrationTest {

    static final String DIVISIONS = "{ organisation { divisions { id nameTh nameEn sortOrder } } }";
    static final String UPDATE = """
            mutation($input: UpdateDivisionInput!) {
              updateDivision(input: $input) { division { id nameTh nameEn sortOrder } userErrors { field message code } }
            }""";
    static final String DELETE = """
            mutation($input: DeleteDivisionInput!) { deleteDivision(input: $input) { deletedDivisionId userErrors { field message code } } }""";

    @Autowired
    TestTenants tenants;

    @Test
    void anAdminCreatesRenamesReordersAndDeletesDivisions() {
        Tenant tenant = tenants.tenant("อบต.ส่วนราชการ");
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        String palat = newDivision(admin, "สำนักปลัด");
        String finance = newDivision(admin, "กองคลัง");
        String works = newDivision(admin, "กองช่าง");
        assertThat(names(admin)).containsExactly("สำนักปลัด", "กองคลัง", "กองช่าง");

        JsonNode duplicate = admin.execute(CREATE_DIVISION, Map.of("input", Map.of("nameTh", " กองคลัง "))).path("data").path("createDivision");
        assertThat(errorFields(duplicate)).containsExactly("input.nameTh");
        assertThat(duplicate.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");
        JsonNode blank = admin.execute(CREATE_DIVISION, Map.of("input", Map.of("nameTh", " "))).path("data").path("createDivision");
        assertThat(blank.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");

        JsonNode renamed = admin.execute(UPDATE, Map.of("input", Map.of("id", works, "nameTh", "กองช่าง (โยธา)", "nameEn",
                "Public Works Division", "sortOrder", 1))).path("data").path("updateDivision");
        assertThat(renamed.path("division").path("nameEn").asString()).isEqualTo("Public Works Division");
        assertThat(names(admin)).containsExactly("กองช่าง (โยธา)", "สำนักปลัด", "กองคลัง");
        JsonNode clash = admin.execute(UPDATE, Map.of("input", Map.of("id", works, "nameTh", "สำนักปลัด"))).path("data").path("updateDivision");
        assertThat(clash.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");

        newStaff(admin, with(staffInput("D-001", "ใน", "กองคลัง"), "divisionId", finance));
        JsonNode inUse = admin.execute(DELETE, Map.of("input", Map.of("id", finance))).path("data").path("deleteDivision");
        assertThat(inUse.path("deletedDivisionId").isNull()).isTrue();
        assertThat(inUse.path("userErrors").get(0).path("code").asString()).isEqualTo("IN_USE");

        JsonNode deleted = admin.execute(DELETE, Map.of("input", Map.of("id", palat))).path("data").path("deleteDivision");
        assertThat(deleted.path("deletedDivisionId").asString()).isEqualTo(palat);
        assertThat(names(admin)).containsExactly("กองช่าง (โยธา)", "กองคลัง");
        assertThat(GraphQlHttp.classification(admin.execute("query($id: ID!) { division(id: $id) { id } }", Map.of("id", palat))))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyTheTenantAdminEditsDivisionsAndEveryoneOfTheTenantReadsThem() {
        Tenant tenant = tenants.tenant("อบต.สิทธิ์ส่วนราชการ");
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        String id = newDivision(admin, "กองคลัง");
        for (Role role : List.of(Role.HR_OFFICER, Role.VIEWER)) {
            GraphQlHttp other = new GraphQlHttp(baseUrl(), tenants.token(tenant, role));
            assertThat(names(other)).containsExactly("กองคลัง");
            assertThat(GraphQlHttp.classification(other.execute(UPDATE, Map.of("input", Map.of("id", id, "nameTh", "x")))))
                    .isEqualTo("FORBIDDEN");
            assertThat(GraphQlHttp.classification(other.execute(DELETE, Map.of("input", Map.of("id", id))))).isEqualTo("FORBIDDEN");
        }
        assertThat(names(admin)).containsExactly("กองคลัง");
    }

    private static List<String> names(GraphQlHttp client) {
        JsonNode response = client.execute(DIVISIONS);
        List<String> names = new ArrayList<>();
        response.path("data").path("organisation").path("divisions").forEach(d -> names.add(d.path("nameTh").asString()));
        return names;
    }
}
