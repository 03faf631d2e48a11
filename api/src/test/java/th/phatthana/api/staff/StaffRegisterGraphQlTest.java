package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.StaffGraphQl.newDivision;
import static th.phatthana.api.staff.StaffGraphQl.newStaff;
import static th.phatthana.api.staff.StaffGraphQl.staffInput;
import static th.phatthana.api.staff.StaffGraphQl.with;

import java.util.List;
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

/** The effective-dated register over GraphQL: dated changes, corrections, refusals, roles heading a unit. */
class StaffRegisterGraphQlTest extends IntegrationTest {

    static final String HISTORY = """
            query($id: ID!, $asOf: Date) { staff(id: $id) { status division { nameTh } targetGroups(asOf: $asOf)
              history { from change changeTh division { nameTh } positionType status }
              headRoles { titleTh acting from until } } }""";
    static final String UPDATE = """
            mutation($input: UpdateStaffInput!) { updateStaff(input: $input) {
              staff { history { from change division { nameTh } } } userErrors { field code message } } }""";
    static final String STATUS = """
            mutation($input: SetEmploymentStatusInput!) { setEmploymentStatus(input: $input) {
              staff { status history { from change status } } userErrors { field code message } } }""";
    static final String ROLES = """
            mutation($input: SetStaffHeadRolesInput!) { setStaffHeadRoles(input: $input) {
              staff { headRoles { titleTh acting from until } } userErrors { field code message } } }""";

    @Autowired
    TestTenants tenants;

    Tenant tenant;
    GraphQlHttp admin;

    @BeforeEach
    void organisation() {
        tenant = tenants.tenant("อบต.ทะเบียนมีวันที่");
        admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
    }

    @Test
    void datedChangesBuildTheHistoryAndWrongDatesAreRefused() {
        String finance = newDivision(admin, "กองคลัง");
        String works = newDivision(admin, "กองช่าง");
        String id = newStaff(admin, with(staffInput("R001", "สมปอง", "มีวัน"), "divisionId", finance));

        JsonNode moved = admin.execute(UPDATE, Map.of("input", Map.of("id", id, "divisionId", works, "effectiveOn", "2025-03-16")))
                .path("data").path("updateStaff");
        assertThat(moved.path("userErrors")).isEmpty();
        JsonNode history = moved.path("staff").path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("change").asString()).isEqualTo("APPOINTED");
        assertThat(history.get(0).path("from").asString()).isEqualTo("2020-06-01");
        assertThat(history.get(0).path("division").path("nameTh").asString()).isEqualTo("กองคลัง");
        assertThat(history.get(1).path("change").asString()).as("read from what changed").isEqualTo("MOVED");
        assertThat(history.get(1).path("from").asString()).isEqualTo("2025-03-16");
        assertThat(history.get(1).path("division").path("nameTh").asString()).isEqualTo("กองช่าง");

        JsonNode before = admin.execute(UPDATE, Map.of("input", Map.of("id", id, "level", "ชำนาญการ", "effectiveOn", "2025-01-01")))
                .path("data").path("updateStaff");
        assertThat(before.path("userErrors").get(0).path("field").toString()).contains("effectiveOn");
        assertThat(before.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        JsonNode future = admin.execute(UPDATE, Map.of("input", Map.of("id", id, "level", "ชำนาญการ", "effectiveOn", "2999-01-01")))
                .path("data").path("updateStaff");
        assertThat(future.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");

        JsonNode corrected = admin.execute(UPDATE, Map.of("input", Map.of("id", id, "divisionId", finance, "correction", true)))
                .path("data").path("updateStaff");
        assertThat(corrected.path("userErrors")).isEmpty();
        assertThat(corrected.path("staff").path("history")).as("a correction rewrites the latest period").hasSize(2);
        assertThat(corrected.path("staff").path("history").get(1).path("division").path("nameTh").asString()).isEqualTo("กองคลัง");

        JsonNode left = admin.execute(STATUS, Map.of("input", Map.of("id", id, "status", "TRANSFERRED_OUT", "effectiveOn", "2025-08-01")))
                .path("data").path("setEmploymentStatus");
        assertThat(left.path("userErrors")).isEmpty();
        assertThat(left.path("staff").path("status").asString()).isEqualTo("TRANSFERRED_OUT");
        assertThat(left.path("staff").path("history").get(2).path("change").asString()).isEqualTo("TRANSFERRED_OUT");
        assertThat(left.path("staff").path("history").get(2).path("from").asString()).isEqualTo("2025-08-01");
    }

    @Test
    void anActingHeadOfDivisionIsInGroupThreeForTheRolesPeriod() {
        String id = newStaff(admin, staffInput("R002", "สมหวัง", "รักษาการ"));
        JsonNode set = admin.execute(ROLES, Map.of("input", Map.of("id", id, "roles", List.of(Map.of("titleTh",
                "รักษาราชการแทนผู้อำนวยการกองคลัง", "acting", true, "from", "2025-03-01", "until", "2025-03-31")))))
                .path("data").path("setStaffHeadRoles");
        assertThat(set.path("userErrors")).isEmpty();
        assertThat(set.path("staff").path("headRoles").get(0).path("acting").asBoolean()).isTrue();
        assertThat(groups(id, "2025-02-28")).doesNotContain("DIRECTOR_LEVEL");
        assertThat(groups(id, "2025-03-01")).contains("DIRECTOR_LEVEL");
        assertThat(groups(id, "2025-03-31")).contains("DIRECTOR_LEVEL");
        assertThat(groups(id, "2025-04-01")).doesNotContain("DIRECTOR_LEVEL");

        // the staff list's target-group filter agrees
        JsonNode filtered = admin.execute("""
                query($filter: StaffFilter) { staffMembers(first: 50, filter: $filter) { edges { node { id } } } }""",
                Map.of("filter", Map.of("targetGroup", "DIRECTOR_LEVEL", "asOf", "2025-03-15"))).path("data").path("staffMembers");
        assertThat(filtered.path("edges").toString()).contains(id);

        JsonNode bad = admin.execute(ROLES, Map.of("input", Map.of("id", id, "roles", List.of(Map.of("titleTh", " ", "acting", false,
                "from", "2025-03-01", "until", "2025-02-01"))))).path("data").path("setStaffHeadRoles");
        assertThat(bad.path("userErrors")).extracting(e -> e.path("code").asString()).containsExactlyInAnyOrder("REQUIRED", "INVALID");
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.VIEWER));
        assertThat(GraphQlHttp.classification(viewer.execute(ROLES, Map.of("input", Map.of("id", id, "roles", List.of())))))
                .isEqualTo("FORBIDDEN");
    }

    private List<String> groups(String id, String asOf) {
        JsonNode staff = admin.execute(HISTORY, Map.of("id", id, "asOf", asOf)).path("data").path("staff");
        return staff.path("targetGroups").valueStream().map(JsonNode::asString).toList();
    }
}
