package th.phatthana.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** {@code viewer}: who the caller is, for the console and dashboards. */
class ViewerTest extends IntegrationTest {

    static final String QUERY = "{ viewer { id name roles province committeeKind organisation { id code nameTh } } }";

    @Autowired
    TestTenants tenants;

    @Test
    void aTenantUserSeesTheirRolesAndOrganisation() {
        Tenant tenant = tenants.tenant("อบต.ผู้ใช้");
        JsonNode viewer = new GraphQlHttp(baseUrl(), tenants.token(tenant, Role.HR_OFFICER, Role.VIEWER)).execute(QUERY)
                .path("data").path("viewer");
        assertThat(viewer.path("name").asString()).startsWith("ผู้ทดสอบ");
        assertThat(viewer.path("roles")).extracting(JsonNode::asString).containsExactlyInAnyOrder("HR_OFFICER", "VIEWER");
        assertThat(viewer.path("organisation").path("id").asString()).isEqualTo(tenant.id());
        assertThat(viewer.path("province").isNull()).isTrue();
    }

    @Test
    void aCommitteeMemberSeesProvinceAndKindAndNoOrganisation() {
        JsonNode viewer = new GraphQlHttp(baseUrl(), tenants.committeeToken("ขอนแก่น", TenantKind.MUNICIPALITY)).execute(QUERY)
                .path("data").path("viewer");
        assertThat(viewer.path("roles")).extracting(JsonNode::asString).containsExactly("PROVINCIAL_COMMITTEE");
        assertThat(viewer.path("province").asString()).isEqualTo("ขอนแก่น");
        assertThat(viewer.path("committeeKind").asString()).isEqualTo("MUNICIPALITY");
        assertThat(viewer.path("organisation").isNull()).isTrue();
    }

    @Test
    void withoutCredentialsThereIsNoViewer() {
        assertThat(GraphQlHttp.classification(new GraphQlHttp(baseUrl(), null).execute(QUERY))).isEqualTo("UNAUTHENTICATED");
    }
}
