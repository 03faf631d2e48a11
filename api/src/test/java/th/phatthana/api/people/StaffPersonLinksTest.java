package th.phatthana.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The xAPI Agents resource joins the identities of one staff record into one Person, within the tenant only. */
class StaffPersonLinksTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    StaffService staff;

    @Test
    void aPersonCombinesEveryIdentityOfTheStaffRecord() {
        TestTenants.XapiAccess access = tenants.xapi("อบต.บุคคล");
        TestTenants.XapiAccess other = tenants.xapi("อบต.อื่น");
        String email = "mailto:somsri" + System.nanoTime() + "@sangkhom.go.th";
        StaffDraft draft = new StaffDraft("S-" + System.nanoTime(), "นางสาว", "สมศรี", "ทองดี", PersonnelType.LOCAL_OFFICIAL,
                "นักทรัพยากรบุคคลปฏิบัติการ", PositionType.ACADEMIC, new LineOfWork("3-01-0401", "นักทรัพยากรบุคคล"), "ปฏิบัติการ",
                null, LocalDate.of(2020, 6, 1), LocalDate.of(2020, 12, 1), EmploymentStatus.ACTIVE,
                List.of(XapiIdentity.ofMbox(email), XapiIdentity.ofAccount("https://elearning.dla.go.th", "somsri.t")), null);
        assertThat(staff.create(access.tenant().id(), draft).value()).isNotNull();

        String agent = XapiHttp.query("agent", "{\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\"somsri.t\"}}");
        JsonNode person = JsonMapper.builder().build().readTree(new XapiHttp(xapiEndpoint(), access).get("/agents?" + agent).body());
        assertThat(person.path("objectType").asString()).isEqualTo("Person");
        assertThat(person.path("mbox").toString()).contains(email);
        assertThat(person.path("account").toString()).contains("somsri.t");
        assertThat(person.path("name").toString()).contains("นางสาวสมศรี ทองดี");

        JsonNode elsewhere = JsonMapper.builder().build().readTree(new XapiHttp(xapiEndpoint(), other).get("/agents?" + agent).body());
        assertThat(elsewhere.path("mbox").isMissingNode() || elsewhere.path("mbox").isEmpty()).isTrue();
    }
}
