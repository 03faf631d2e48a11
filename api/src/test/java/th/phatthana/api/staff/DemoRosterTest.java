package th.phatthana.api.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * The demo organisation's roster (demo/sangkhom-staff.csv, which the first start loads) is a
 * valid roster file and covers every personnel type, position type and target group.
 */
class DemoRosterTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    @Test
    void theDemoRosterImportsAndCoversEveryKindOfStaff() throws IOException {
        Tenant tenant = tenants.tenant("อบต.สังคม (ทดสอบ)");
        String token = tenants.token(tenant, Role.TENANT_ADMIN);
        GraphQlHttp admin = new GraphQlHttp(baseUrl(), token);
        for (String division : List.of("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสาธารณสุขและสิ่งแวดล้อม")) {
            StaffGraphQl.newDivision(admin, division);
        }
        byte[] roster = new ClassPathResource("demo/sangkhom-staff.csv").getContentAsByteArray();
        RosterHttp.Answer answer = new RosterHttp(baseUrl(), token).upload("sangkhom-staff.csv", "text/csv", roster);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.json().path("created").asInt()).isEqualTo(42);

        JsonNode edges = admin.execute("""
                { staffMembers(first: 100) { totalCount edges { node { staffNumber personnelType positionType status division { nameTh }
                  targetGroup(asOf: "2026-11-23") targetGroups(asOf: "2026-11-23") xapiIdentities { mbox account { homePage } } } } } }
                """).path("data").path("staffMembers").path("edges");
        assertThat(edges).hasSize(42);
        Set<String> personnelTypes = new HashSet<>();
        Set<String> positionTypes = new HashSet<>();
        Set<String> primaryGroups = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        int withAccount = 0;
        for (JsonNode edge : edges) {
            JsonNode node = edge.path("node");
            personnelTypes.add(node.path("personnelType").asString());
            positionTypes.add(node.path("positionType").asString(""));
            primaryGroups.add(node.path("targetGroup").asString());
            statuses.add(node.path("status").asString());
            assertThat(node.path("xapiIdentities").get(0).path("mbox").asString()).matches("mailto:[a-z.]+@sangkhom\\.go\\.th");
            withAccount += node.path("xapiIdentities").size() > 1 ? 1 : 0;
        }
        assertThat(personnelTypes).containsExactlyInAnyOrder("LOCAL_OFFICIAL", "TEACHER", "PERMANENT_EMPLOYEE", "CONTRACT_EMPLOYEE");
        assertThat(positionTypes).contains("EXECUTIVE", "DIRECTOR", "ACADEMIC", "GENERAL");
        assertThat(primaryGroups).containsExactlyInAnyOrder("EXECUTIVE", "DIRECTOR_LEVEL", "NEWLY_APPOINTED", "EXPERIENCED");
        assertThat(statuses).contains("ACTIVE", "ON_LEAVE", "LEFT");
        assertThat(withAccount).isBetween(10, 30);

        Map<String, Object> experiencedOfficials = Map.of("targetGroup", "EXPERIENCED", "asOf", "2026-11-23", "personnelType", "LOCAL_OFFICIAL");
        assertThat(StaffGraphQlTest.totalCount(admin, experiencedOfficials)).isGreaterThan(15);
        assertThat(StaffGraphQlTest.totalCount(admin, Map.of("lineOfWork", "หัวหน้าศูนย์พัฒนาเด็กเล็ก", "targetGroup", "DIRECTOR_LEVEL",
                "asOf", "2026-11-23"))).isEqualTo(1);
    }
}
