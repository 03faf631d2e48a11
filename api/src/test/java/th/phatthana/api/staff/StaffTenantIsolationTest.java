package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.StaffGraphQl.STAFF;
import static th.phatthana.api.staff.StaffGraphQl.STAFF_MEMBERS;
import static th.phatthana.api.staff.StaffGraphQl.UPDATE_STAFF;
import static th.phatthana.api.staff.StaffGraphQl.citizenId;
import static th.phatthana.api.staff.StaffGraphQl.createStaff;
import static th.phatthana.api.staff.StaffGraphQl.errorFields;
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
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/**
 * With a token of organisation A, nothing of organisation B can be read, found, guessed or
 * changed: every such attempt looks exactly like something that does not exist. A provincial
 * committee reads only the organisations of its province and kind.
 */
class StaffTenantIsolationTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    Tenant a;
    Tenant b;
    GraphQlHttp adminOfA;
    GraphQlHttp adminOfB;
    String divisionOfB;
    String staffOfB;
    String numberOfB = citizenId("380010045678");

    @BeforeEach
    void twoOrganisations() {
        a = tenants.tenant("อบต.เอ", TenantKind.SAO, "อุดรธานี");
        b = tenants.tenant("อบต.บี", TenantKind.SAO, "อุดรธานี");
        adminOfA = new GraphQlHttp(baseUrl(), tenants.token(a, Role.TENANT_ADMIN, Role.HR_OFFICER));
        adminOfB = new GraphQlHttp(baseUrl(), tenants.token(b, Role.TENANT_ADMIN));
        divisionOfB = newDivision(adminOfB, "กองคลัง");
        staffOfB = newStaff(adminOfB, with(staffInput("B-001", "บีหนึ่ง", "ของบี"), "divisionId", divisionOfB,
                "xapiIdentities", List.of(Map.of("mbox", "b1@b.go.th")), "citizenId", numberOfB));
    }

    @Test
    void readsOfAnotherOrganisationLookLikeNothingExists() {
        JsonNode foreign = adminOfA.execute(STAFF, Map.of("id", staffOfB));
        JsonNode missing = adminOfA.execute(STAFF, Map.of("id", a.id() + "/00000000-0000-0000-0000-000000000000"));
        JsonNode garbage = adminOfA.execute(STAFF, Map.of("id", "not-an-id"));
        for (JsonNode response : List.of(foreign, missing, garbage)) {
            assertThat(GraphQlHttp.classification(response)).isEqualTo("NOT_FOUND");
            assertThat(response.path("errors").get(0).path("message").asString()).isEqualTo("staff member not found");
            assertThat(response.path("data").path("staff").isNull()).isTrue();
        }
        assertThat(foreign.toString()).doesNotContain("บีหนึ่ง");

        assertThat(GraphQlHttp.classification(adminOfA.execute(STAFF_MEMBERS, Map.of("org", b.id())))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminOfA.execute("query($id: ID!) { division(id: $id) { nameTh } }",
                Map.of("id", divisionOfB)))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminOfA.execute("query($id: ID) { organisation(id: $id) { divisions { nameTh } } }",
                Map.of("id", b.id())))).isEqualTo("NOT_FOUND");
        assertThat(StaffGraphQlTest.totalCount(adminOfA, Map.of("divisionId", divisionOfB))).isZero();
        assertThat(StaffGraphQlTest.totalCount(adminOfA, Map.of("nameSearch", "บีหนึ่ง"))).isZero();
        assertThat(adminOfA.execute("query($c: String!) { staffByCitizenId(citizenId: $c) { id } }", Map.of("c", numberOfB))
                .path("data").path("staffByCitizenId").isNull()).isTrue();
    }

    @Test
    void aCursorOfAnotherOrganisationOnlyPagesTheCallersOwnStaff() {
        newStaff(adminOfB, staffInput("B-002", "บีสอง", "ของบี"));
        newStaff(adminOfA, staffInput("A-001", "เอหนึ่ง", "ของเอ"));
        newStaff(adminOfA, staffInput("C-001", "เอสอง", "ของเอ"));
        String cursorOfB = adminOfB.execute(STAFF_MEMBERS, Map.of("first", 1)).path("data").path("staffMembers").path("pageInfo")
                .path("endCursor").asString();
        JsonNode page = adminOfA.execute(STAFF_MEMBERS, Map.of("after", cursorOfB)).path("data").path("staffMembers");
        assertThat(page.path("edges")).hasSize(1);
        assertThat(page.path("edges").get(0).path("node").path("staffNumber").asString()).isEqualTo("C-001");
    }

    @Test
    void changesToAnotherOrganisationAreRefusedAsNotFoundAndChangeNothing() {
        List<JsonNode> attempts = List.of(
                adminOfA.execute(UPDATE_STAFF, Map.of("input", Map.of("id", staffOfB, "lastNameTh", "ถูกแก้"))),
                adminOfA.execute("mutation($input: SetEmploymentStatusInput!) { setEmploymentStatus(input: $input) { staff { id } } }",
                        Map.of("input", Map.of("id", staffOfB, "status", "LEFT"))),
                adminOfA.execute("mutation($input: DeleteStaffInput!) { deleteStaff(input: $input) { deletedStaffId } }",
                        Map.of("input", Map.of("id", staffOfB))),
                adminOfA.execute("mutation($input: XapiIdentityLinkInput!) { linkXapiIdentity(input: $input) { staff { id } } }",
                        Map.of("input", Map.of("staffId", staffOfB, "identity", Map.of("mbox", "a@a.go.th")))),
                adminOfA.execute("mutation($input: XapiIdentityLinkInput!) { unlinkXapiIdentity(input: $input) { staff { id } } }",
                        Map.of("input", Map.of("staffId", staffOfB, "identity", Map.of("mbox", "b1@b.go.th")))),
                adminOfA.execute("mutation($input: UpdateDivisionInput!) { updateDivision(input: $input) { division { id } } }",
                        Map.of("input", Map.of("id", divisionOfB, "nameTh", "ถูกแก้"))),
                adminOfA.execute("mutation($input: DeleteDivisionInput!) { deleteDivision(input: $input) { deletedDivisionId } }",
                        Map.of("input", Map.of("id", divisionOfB))));
        for (JsonNode attempt : attempts) {
            assertThat(GraphQlHttp.classification(attempt)).as(attempt.toString()).isEqualTo("NOT_FOUND");
        }

        JsonNode unchanged = adminOfB.execute(STAFF, Map.of("id", staffOfB)).path("data").path("staff");
        assertThat(unchanged.path("lastNameTh").asString()).isEqualTo("ของบี");
        assertThat(unchanged.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(unchanged.path("xapiIdentities")).hasSize(1);
        assertThat(unchanged.path("division").path("nameTh").asString()).isEqualTo("กองคลัง");

        JsonNode intoForeignDivision = createStaff(adminOfA, with(staffInput("A-002", "เอ", "สอง"), "divisionId", divisionOfB));
        assertThat(errorFields(intoForeignDivision)).containsExactly("input.divisionId");
        assertThat(intoForeignDivision.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void numbersIdentitiesAndCitizenIdsAreUniquePerOrganisationOnly() {
        JsonNode sameAsB = createStaff(adminOfA, with(staffInput("B-001", "บีหนึ่ง", "ที่เอ"),
                "xapiIdentities", List.of(Map.of("mbox", "b1@b.go.th")), "citizenId", numberOfB));
        assertThat(sameAsB.path("userErrors").isEmpty()).as(sameAsB.toString()).isTrue();
        assertThat(adminOfB.execute(STAFF, Map.of("id", staffOfB)).path("data").path("staff").path("lastNameTh").asString())
                .isEqualTo("ของบี");
    }

    @Test
    void aProvincialCommitteeReadsOnlyItsProvinceAndKindAndWritesNothing() {
        Tenant municipality = tenants.tenant("ทต.ในจังหวัด", TenantKind.MUNICIPALITY, "อุดรธานี");
        Tenant elsewhere = tenants.tenant("อบต.ต่างจังหวัด", TenantKind.SAO, "ขอนแก่น");
        String staffOfMunicipality = newStaff(new GraphQlHttp(baseUrl(), tenants.token(municipality, Role.TENANT_ADMIN)),
                staffInput("M-001", "เทศ", "บาล"));
        String staffElsewhere = newStaff(new GraphQlHttp(baseUrl(), tenants.token(elsewhere, Role.TENANT_ADMIN)),
                staffInput("K-001", "ขอน", "แก่น"));
        GraphQlHttp committee = new GraphQlHttp(baseUrl(), tenants.committeeToken("อุดรธานี", TenantKind.SAO));

        assertThat(committee.execute(STAFF, Map.of("id", staffOfB)).path("data").path("staff").path("division").path("nameTh").asString())
                .isEqualTo("กองคลัง");
        assertThat(committee.execute(STAFF_MEMBERS, Map.of("org", b.id())).path("data").path("staffMembers").path("totalCount").asInt())
                .isEqualTo(1);
        assertThat(committee.execute("query($id: ID) { organisation(id: $id) { divisions { nameTh } } }", Map.of("id", b.id()))
                .path("data").path("organisation").path("divisions").get(0).path("nameTh").asString()).isEqualTo("กองคลัง");

        assertThat(GraphQlHttp.classification(committee.execute(STAFF, Map.of("id", staffOfMunicipality)))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(committee.execute(STAFF, Map.of("id", staffElsewhere)))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(committee.execute(STAFF_MEMBERS, Map.of("org", municipality.id())))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(committee.execute(STAFF_MEMBERS, Map.of("org", elsewhere.id())))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(committee.execute(STAFF_MEMBERS, Map.of()))).isEqualTo("BAD_REQUEST");

        assertThat(GraphQlHttp.classification(committee.execute(UPDATE_STAFF, Map.of("input", Map.of("id", staffOfB, "level", "x")))))
                .isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(committee.execute("query($c: String!) { staffByCitizenId(citizenId: $c) { id } }",
                Map.of("c", numberOfB)))).isEqualTo("FORBIDDEN");

        GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
        assertThat(national.execute(STAFF, Map.of("id", staffElsewhere)).path("data").path("staff").path("staffNumber").asString())
                .isEqualTo("K-001");
    }
}
