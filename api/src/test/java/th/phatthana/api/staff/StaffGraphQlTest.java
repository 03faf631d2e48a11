package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.StaffGraphQl.CREATE_DIVISION;
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
import static th.phatthana.api.staff.StaffGraphQl.wrongCitizenId;

import java.util.HashMap;
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

/** Staff over GraphQL: changes with userErrors, lookups, target groups, roles. */
class StaffGraphQlTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    Tenant tenant;
    GraphQlHttp admin;

    @BeforeEach
    void organisation() {
        tenant = tenants.tenant("อบต.ทดสอบบุคลากร");
        admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
    }

    @Test
    void aStaffMemberIsCreatedWithADivisionIdentitiesAndACitizenIdThatIsNeverShown() {
        String division = newDivision(admin, "สำนักปลัด");
        JsonNode payload = createStaff(admin, with(staffInput("0001", "สมชาย", "ใจดี"),
                "divisionId", division,
                "xapiIdentities", List.of(Map.of("mbox", "somchai.j@sangkhom.go.th"),
                        Map.of("account", Map.of("homePage", "https://elearning.dla.go.th", "name", "somchai.j"))),
                "citizenId", "1-1037-02345-67-9"));

        assertThat(payload.path("userErrors").isEmpty()).isTrue();
        JsonNode staff = payload.path("staff");
        assertThat(staff.path("id").asString()).startsWith(tenant.id() + "/");
        assertThat(staff.path("fullNameTh").asString()).isEqualTo("นายสมชาย ใจดี");
        assertThat(staff.path("division").path("nameTh").asString()).isEqualTo("สำนักปลัด");
        assertThat(staff.path("lineOfWork").path("code").asString()).isEqualTo("3103");
        assertThat(staff.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(staff.path("hasCitizenId").asBoolean()).isTrue();
        assertThat(staff.path("xapiIdentities").get(0).path("mbox").asString()).isEqualTo("mailto:somchai.j@sangkhom.go.th");
        assertThat(staff.path("xapiIdentities").get(1).path("account").path("name").asString()).isEqualTo("somchai.j");
        assertThat(staff.toString()).doesNotContain("1103702345679");

        JsonNode read = admin.execute(STAFF, Map.of("id", staff.path("id").asString(), "asOf", "2020-08-01")).path("data").path("staff");
        assertThat(read.path("staffNumber").asString()).isEqualTo("0001");
        assertThat(read.path("targetGroup").asString()).isEqualTo("NEWLY_APPOINTED");

        JsonNode askingForTheNumber = admin.execute("query($id: ID!) { staff(id: $id) { citizenId } }",
                Map.of("id", staff.path("id").asString()));
        assertThat(askingForTheNumber.path("errors").get(0).path("message").asString()).contains("citizenId");
    }

    @Test
    void aCitizenIdWithAWrongCheckDigitIsRefusedNamingTheFieldAndNothingIsStored() {
        JsonNode payload = createStaff(admin, with(staffInput("0002", "สมหญิง", "รักดี"), "citizenId", wrongCitizenId("310050012345")));
        assertThat(payload.path("staff").isNull()).isTrue();
        assertThat(errorFields(payload)).containsExactly("input.citizenId");
        assertThat(payload.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(totalCount(admin, Map.of())).isZero();
    }

    @Test
    void badInputIsRefusedFieldByField() {
        String taken = newStaff(admin, with(staffInput("0003", "มานะ", "อดทน"), "xapiIdentities", List.of(Map.of("mbox", "mana@sangkhom.go.th")),
                "citizenId", citizenId("310050012345")));
        assertThat(taken).isNotBlank();

        JsonNode payload = createStaff(admin, with(staffInput("0003", " ", "อดทน"),
                "divisionId", tenant.id() + "/no-such-division",
                "probationEndDate", "2019-01-01",
                "xapiIdentities", List.of(Map.of("mbox", "not-an-address"), Map.of("mbox", "MANA@sangkhom.go.th"),
                        Map.of("mbox", "mana@sangkhom.go.th"), Map.of("openid", "https://id.example", "mbox", "x@y.go.th")),
                "citizenId", citizenId("310050012345")));
        assertThat(payload.path("staff").isNull()).isTrue();
        assertThat(errorFields(payload)).containsExactlyInAnyOrder("input.firstNameTh", "input.probationEndDate",
                "input.xapiIdentities.0.mbox", "input.xapiIdentities.3", "input.staffNumber", "input.divisionId",
                "input.xapiIdentities.2", "input.citizenId");
        Map<String, String> codes = new HashMap<>();
        payload.path("userErrors").forEach(e -> codes.put(e.path("field").get(e.path("field").size() - 1).asString(), e.path("code").asString()));
        assertThat(codes).containsEntry("staffNumber", "DUPLICATE").containsEntry("divisionId", "NOT_FOUND")
                .containsEntry("citizenId", "DUPLICATE").containsEntry("firstNameTh", "REQUIRED");
    }

    @Test
    void updatesChangeWhatIsGivenClearWhatIsNullAndRefuseClearingRequiredFields() {
        String id = newStaff(admin, with(staffInput("0004", "วิภา", "สุขใจ"), "citizenId", citizenId("110370234512")));

        JsonNode renamed = admin.execute(UPDATE_STAFF, Map.of("input", with(Map.of("id", id), "lastNameTh", "มั่นคง",
                "probationEndDate", null, "level", null))).path("data").path("updateStaff");
        assertThat(renamed.path("userErrors").isEmpty()).isTrue();
        assertThat(renamed.path("staff").path("lastNameTh").asString()).isEqualTo("มั่นคง");
        assertThat(renamed.path("staff").path("firstNameTh").asString()).isEqualTo("วิภา");
        assertThat(renamed.path("staff").path("probationEndDate").isNull()).isTrue();
        assertThat(renamed.path("staff").path("level").isNull()).isTrue();
        assertThat(renamed.path("staff").path("hasCitizenId").asBoolean()).isTrue();

        JsonNode cleared = admin.execute(UPDATE_STAFF, Map.of("input", with(Map.of("id", id), "citizenId", null)))
                .path("data").path("updateStaff");
        assertThat(cleared.path("staff").path("hasCitizenId").asBoolean()).isFalse();

        JsonNode refused = admin.execute(UPDATE_STAFF, Map.of("input", with(Map.of("id", id), "firstNameTh", null,
                "citizenId", "1234"))).path("data").path("updateStaff");
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("input.firstNameTh", "input.citizenId");
        assertThat(admin.execute(STAFF, Map.of("id", id)).path("data").path("staff").path("firstNameTh").asString()).isEqualTo("วิภา");
    }

    @Test
    void statusIdentitiesAndDeletion() {
        String id = newStaff(admin, staffInput("0005", "ประยุทธ", "มั่นใจ"));
        JsonNode left = admin.execute("mutation($input: SetEmploymentStatusInput!) { setEmploymentStatus(input: $input) "
                + "{ staff { status } userErrors { field } } }", Map.of("input", Map.of("id", id, "status", "LEFT")))
                .path("data").path("setEmploymentStatus");
        assertThat(left.path("staff").path("status").asString()).isEqualTo("LEFT");

        String link = "mutation($input: XapiIdentityLinkInput!) { linkXapiIdentity(input: $input) "
                + "{ staff { xapiIdentities { mbox account { homePage name } } } userErrors { field code message } } }";
        String unlink = link.replace("linkXapiIdentity", "unlinkXapiIdentity");
        Map<String, Object> account = Map.of("account", Map.of("homePage", "https://elearning.dla.go.th", "name", "prayut.m"));
        JsonNode linked = admin.execute(link, Map.of("input", Map.of("staffId", id, "identity", account))).path("data").path("linkXapiIdentity");
        assertThat(linked.path("staff").path("xapiIdentities")).hasSize(1);
        JsonNode again = admin.execute(link, Map.of("input", Map.of("staffId", id, "identity", account))).path("data").path("linkXapiIdentity");
        assertThat(again.path("staff").path("xapiIdentities")).hasSize(1);
        JsonNode bad = admin.execute(link, Map.of("input", Map.of("staffId", id, "identity", Map.of("mbox", "nobody"))))
                .path("data").path("linkXapiIdentity");
        assertThat(errorFields(bad)).containsExactly("input.identity.mbox");

        String other = newStaff(admin, staffInput("0006", "อื่น", "ใคร"));
        JsonNode taken = admin.execute(link, Map.of("input", Map.of("staffId", other, "identity", account))).path("data").path("linkXapiIdentity");
        assertThat(errorFields(taken)).containsExactly("input.identity");
        assertThat(taken.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");

        JsonNode unlinked = admin.execute(unlink, Map.of("input", Map.of("staffId", id, "identity", account))).path("data").path("unlinkXapiIdentity");
        assertThat(unlinked.path("staff").path("xapiIdentities")).isEmpty();
        JsonNode notLinked = admin.execute(unlink, Map.of("input", Map.of("staffId", id, "identity", account))).path("data").path("unlinkXapiIdentity");
        assertThat(notLinked.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");

        JsonNode deleted = admin.execute("mutation($input: DeleteStaffInput!) { deleteStaff(input: $input) { deletedStaffId userErrors { field } } }",
                Map.of("input", Map.of("id", id))).path("data").path("deleteStaff");
        assertThat(deleted.path("deletedStaffId").asString()).isEqualTo(id);
        assertThat(GraphQlHttp.classification(admin.execute(STAFF, Map.of("id", id)))).isEqualTo("NOT_FOUND");
    }

    @Test
    void citizenIdsMatchByTheirHashForHrOnly() {
        String number = citizenId("150990001234");
        String id = newStaff(admin, with(staffInput("0007", "ศรี", "สมบูรณ์"), "citizenId", number));
        String query = "query($c: String!) { staffByCitizenId(citizenId: $c) { id } }";
        GraphQlHttp hr = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.HR_OFFICER));
        String written = number.charAt(0) + "-" + number.substring(1, 5) + "-" + number.substring(5, 10) + "-" + number.substring(10, 12)
                + "-" + number.charAt(12);

        assertThat(hr.execute(query, Map.of("c", written)).path("data").path("staffByCitizenId").path("id").asString()).isEqualTo(id);
        assertThat(hr.execute(query, Map.of("c", citizenId("150990001235"))).path("data").path("staffByCitizenId").isNull()).isTrue();
        assertThat(GraphQlHttp.classification(hr.execute(query, Map.of("c", wrongCitizenId("150990001234"))))).isEqualTo("BAD_REQUEST");
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.VIEWER));
        assertThat(GraphQlHttp.classification(viewer.execute(query, Map.of("c", number)))).isEqualTo("FORBIDDEN");
    }

    @Test
    void viewersReadButCannotWriteAndHrOfficersWriteStaffButNotDivisions() {
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.VIEWER));
        GraphQlHttp hr = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.HR_OFFICER));

        JsonNode refused = viewer.execute(StaffGraphQl.CREATE_STAFF, Map.of("input", staffInput("0008", "ดู", "อย่างเดียว")));
        assertThat(GraphQlHttp.classification(refused)).isEqualTo("FORBIDDEN");
        assertThat(totalCount(admin, Map.of())).isZero();

        String id = newStaff(hr, staffInput("0009", "งาน", "บุคคล"));
        assertThat(viewer.execute(STAFF, Map.of("id", id)).path("data").path("staff").path("staffNumber").asString()).isEqualTo("0009");
        assertThat(GraphQlHttp.classification(viewer.execute(UPDATE_STAFF, Map.of("input", Map.of("id", id, "level", "x")))))
                .isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(hr.execute(CREATE_DIVISION, Map.of("input", Map.of("nameTh", "กองใหม่")))))
                .isEqualTo("FORBIDDEN");
        assertThat(GraphQlHttp.classification(new GraphQlHttp(baseUrl(), null).execute(STAFF_MEMBERS, Map.of())))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(GraphQlHttp.classification(new GraphQlHttp(baseUrl(), tenants.nationalToken())
                .execute(StaffGraphQl.CREATE_STAFF, Map.of("input", staffInput("0010", "ส่วน", "กลาง"))))).isEqualTo("FORBIDDEN");
    }

    @Test
    void targetGroupsAsOfDates() {
        String official = newStaff(admin, with(staffInput("0011", "ใหม่", "บรรจุ"), "appointmentDate", "2024-03-15",
                "probationEndDate", "2024-09-14"));
        String director = newStaff(admin, with(staffInput("0012", "ผอ", "กอง"), "positionType", "DIRECTOR",
                "appointmentDate", "2010-01-04", "probationEndDate", null));
        String contract = newStaff(admin, with(staffInput("0013", "จ้าง", "ภารกิจ"), "personnelType", "CONTRACT_EMPLOYEE",
                "positionType", null, "lineOfWork", null, "appointmentDate", "2023-10-01", "probationEndDate", null));

        assertThat(groups(official, "2024-03-14")).isEqualTo("null []");
        assertThat(groups(official, "2024-09-14")).isEqualTo("NEWLY_APPOINTED [NEWLY_APPOINTED]");
        assertThat(groups(official, "2024-09-15")).isEqualTo("NEWLY_APPOINTED [NEWLY_APPOINTED, EXPERIENCED]");
        assertThat(groups(official, "2026-03-15")).isEqualTo("NEWLY_APPOINTED [NEWLY_APPOINTED, EXPERIENCED]");
        assertThat(groups(official, "2026-03-16")).isEqualTo("EXPERIENCED [EXPERIENCED]");
        assertThat(groups(director, "2026-01-01")).isEqualTo("DIRECTOR_LEVEL [DIRECTOR_LEVEL, EXPERIENCED]");
        assertThat(groups(contract, "2025-09-30")).isEqualTo("NEWLY_APPOINTED [NEWLY_APPOINTED]");
        assertThat(groups(contract, "2025-10-01")).isEqualTo("NEWLY_APPOINTED [NEWLY_APPOINTED, EXPERIENCED]");

        JsonNode today = admin.execute("query($id: ID!) { staff(id: $id) { targetGroups } }", Map.of("id", contract));
        assertThat(today.path("data").path("staff").path("targetGroups").toString()).contains("NEWLY_APPOINTED");
    }

    @Test
    void filtersAndPaging() {
        String finance = newDivision(admin, "กองคลัง");
        String works = newDivision(admin, "กองช่าง");
        for (int i = 1; i <= 23; i++) {
            String number = String.format("F%03d", i);
            Map<String, Object> input = staffInput(number, i % 2 == 0 ? "สมศรี" + i : "บุญมี" + i, i % 3 == 0 ? "ทองดี" : "ศรีสุข");
            input.put("divisionId", i <= 10 ? finance : works);
            input.put("positionType", i % 4 == 0 ? "GENERAL" : "ACADEMIC");
            input.put("lineOfWork", i % 4 == 0 ? Map.of("code", "4201", "nameTh", "เจ้าพนักงานการเงินและบัญชี")
                    : Map.of("code", "3201", "nameTh", "นักวิชาการเงินและบัญชี"));
            input.put("appointmentDate", i <= 5 ? "2025-10-01" : "2015-10-01");
            input.put("probationEndDate", i <= 5 ? "2026-03-31" : "2016-03-31");
            if (i == 23) {
                input.put("personnelType", "CONTRACT_EMPLOYEE");
                input.put("positionType", null);
                input.put("status", "LEFT");
            }
            newStaff(admin, input);
        }

        List<String> all = StaffGraphQl.allStaffNumbers(admin, Map.of(), 7);
        assertThat(all).hasSize(23).isSorted().startsWith("F001").endsWith("F023");
        JsonNode first = admin.execute(STAFF_MEMBERS, Map.of()).path("data").path("staffMembers");
        assertThat(first.path("edges")).hasSize(20);
        assertThat(first.path("totalCount").asInt()).isEqualTo(23);
        assertThat(admin.execute(STAFF_MEMBERS, Map.of("first", 1000)).path("data").path("staffMembers").path("edges")).hasSize(23);
        assertThat(GraphQlHttp.classification(admin.execute(STAFF_MEMBERS, Map.of("first", 0)))).isEqualTo("BAD_REQUEST");

        assertThat(totalCount(admin, Map.of("divisionId", finance))).isEqualTo(10);
        assertThat(totalCount(admin, Map.of("positionType", "GENERAL"))).isEqualTo(5);
        assertThat(totalCount(admin, Map.of("positionType", List.of("GENERAL", "ACADEMIC")))).isEqualTo(22);
        assertThat(totalCount(admin, Map.of("lineOfWork", "4201"))).isEqualTo(5);
        assertThat(totalCount(admin, Map.of("lineOfWork", "นักวิชาการ เงินและบัญชี"))).isEqualTo(18);
        assertThat(totalCount(admin, Map.of("personnelType", "CONTRACT_EMPLOYEE"))).isEqualTo(1);
        assertThat(totalCount(admin, Map.of("status", List.of("ACTIVE", "ON_LEAVE")))).isEqualTo(22);
        assertThat(totalCount(admin, Map.of("nameSearch", "สมศรี"))).isEqualTo(11);
        assertThat(totalCount(admin, Map.of("nameSearch", "ศรี"))).isEqualTo(19);
        assertThat(totalCount(admin, Map.of("nameSearch", "บุญ ทอง"))).isEqualTo(4);
        assertThat(totalCount(admin, Map.of("nameSearch", "สม.*"))).isZero();
        assertThat(totalCount(admin, Map.of("targetGroup", "NEWLY_APPOINTED", "asOf", "2026-01-15"))).isEqualTo(6);
        assertThat(totalCount(admin, Map.of("targetGroup", "EXPERIENCED", "asOf", "2026-01-15"))).isEqualTo(18);
        assertThat(totalCount(admin, Map.of("targetGroup", "EXPERIENCED", "asOf", "2026-04-01"))).isEqualTo(23);
        assertThat(totalCount(admin, Map.of("primaryTargetGroup", "EXPERIENCED", "asOf", "2026-04-01"))).isEqualTo(17);
        assertThat(totalCount(admin, Map.of("targetGroup", "NEWLY_APPOINTED", "asOf", "2015-01-01"))).isZero();
        assertThat(totalCount(admin, Map.of("targetGroup", "NEWLY_APPOINTED", "asOf", "2026-01-15", "divisionId", works,
                "status", "LEFT"))).isEqualTo(1);

        List<String> newlyPaged = StaffGraphQl.allStaffNumbers(admin, Map.of("targetGroup", "NEWLY_APPOINTED", "asOf", "2026-01-15"), 2);
        assertThat(newlyPaged).containsExactly("F001", "F002", "F003", "F004", "F005", "F023");
    }

    private String groups(String id, String asOf) {
        JsonNode staff = admin.execute(STAFF, Map.of("id", id, "asOf", asOf)).path("data").path("staff");
        List<String> all = new java.util.ArrayList<>();
        staff.path("targetGroups").forEach(g -> all.add(g.asString()));
        return (staff.path("targetGroup").isNull() ? "null" : staff.path("targetGroup").asString()) + " " + all;
    }

    static int totalCount(GraphQlHttp client, Map<String, Object> filter) {
        JsonNode response = client.execute(STAFF_MEMBERS, Map.of("filter", filter));
        if (response.has("errors")) {
            throw new AssertionError(response.toString());
        }
        return response.path("data").path("staffMembers").path("totalCount").asInt();
    }
}
