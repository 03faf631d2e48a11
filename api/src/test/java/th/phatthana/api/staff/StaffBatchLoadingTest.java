package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.staff.StaffGraphQl.newDivision;
import static th.phatthana.api.staff.StaffGraphQl.staffInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.StaffRoster;
import th.phatthana.tenants.staff.RosterColumn;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** Nested queries cost a fixed number of store reads, however many staff they return. */
class StaffBatchLoadingTest extends IntegrationTest {

    static final String NESTED = """
            query($org: ID, $first: Int) {
              organisation(id: $org) { nameTh divisions { id nameTh } }
              staffMembers(organisationId: $org, first: $first) {
                totalCount
                edges { node { staffNumber fullNameTh division { id nameTh sortOrder } targetGroup(asOf: "2026-01-01")
                               targetGroups(asOf: "2026-01-01") xapiIdentities { mbox } } }
              }
            }""";

    @Autowired
    TestTenants tenants;

    @Autowired
    StoreQueries queries;

    @Autowired
    StaffRoster roster;

    @Test
    void fiftyStaffWithTheirDivisionsCostAsManyReadsAsTen() {
        List<String> ten = readsFor(10);
        List<String> fifty = readsFor(50);

        assertThat(fifty).hasSameSizeAs(ten);
        assertThat(fifty.stream().filter(read -> read.endsWith(" divisions")).count()).isEqualTo(2);
        assertThat(fifty.stream().filter(read -> read.endsWith(" staff")).count()).isEqualTo(2);
    }

    @Test
    void divisionsOfManyOrganisationsCostOneRead() {
        GraphQlHttp national = new GraphQlHttp(baseUrl(), tenants.nationalToken());
        for (int i = 0; i < 3; i++) {
            Tenant tenant = tenants.tenant("อบต.หลายแห่ง" + i);
            newDivision(new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN)), "สำนักปลัด");
        }
        queries.start();
        JsonNode response = national.execute("{ organisations(first: 100) { edges { node { code divisions { nameTh } } } } }");
        List<String> reads = queries.stop();
        assertThat(response.has("errors")).as(response.toString()).isFalse();
        assertThat(reads.stream().filter(read -> read.endsWith(" divisions")).count()).isEqualTo(1);
    }

    private List<String> readsFor(int staffCount) {
        Tenant tenant = tenants.tenant("อบต.นับคำสั่ง" + staffCount);
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.TENANT_ADMIN));
        List<String> divisionNames = List.of("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสาธารณสุขและสิ่งแวดล้อม");
        divisionNames.forEach(name -> newDivision(admin, name));
        List<StaffRoster.Row> rows = new ArrayList<>();
        for (int i = 0; i < staffCount; i++) {
            Map<String, Object> input = staffInput(String.format("N%03d", i), "ชื่อ" + i, "สกุล" + i);
            rows.add(new StaffRoster.Row(i + 2, Map.of(
                    RosterColumn.STAFF_NUMBER, (String) input.get("staffNumber"),
                    RosterColumn.FIRST_NAME, (String) input.get("firstNameTh"),
                    RosterColumn.LAST_NAME, (String) input.get("lastNameTh"),
                    RosterColumn.PERSONNEL_TYPE, "LOCAL_OFFICIAL",
                    RosterColumn.POSITION_TITLE, "นักจัดการงานทั่วไป",
                    RosterColumn.DIVISION, divisionNames.get(i % divisionNames.size()),
                    RosterColumn.APPOINTMENT_DATE, "2020-06-01",
                    RosterColumn.EMAIL, "n" + i + "@example.go.th")));
        }
        assertThat(roster.importRows(tenant.id(), rows).created()).isEqualTo(staffCount);

        queries.start();
        JsonNode response = admin.execute(NESTED, Map.of("org", tenant.id(), "first", staffCount));
        List<String> reads = queries.stop();
        assertThat(response.has("errors")).as(response.toString()).isFalse();
        JsonNode edges = response.path("data").path("staffMembers").path("edges");
        assertThat(edges).hasSize(staffCount);
        edges.forEach(edge -> assertThat(edge.path("node").path("division").path("nameTh").asString()).isNotBlank());
        assertThat(response.path("data").path("staffMembers").path("totalCount").asInt()).isEqualTo(staffCount);
        return reads;
    }
}
