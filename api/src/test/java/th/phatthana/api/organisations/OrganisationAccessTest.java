package th.phatthana.api.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** Who may read which organisation over GraphQL. */
class OrganisationAccessTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    private static final String ORGANISATION = "query($id: ID) { organisation(id: $id) { id code nameTh kind province approvingCommittee } }";

    @Test
    void aTenantUserReadsItsOwnOrganisationAndNoOther() {
        Tenant a = tenants.tenant("อบต.เอ");
        Tenant b = tenants.tenant("อบต.บี");
        GraphQlHttp viewerOfA = new GraphQlHttp(baseUrl(), tenants.token(a, Role.VIEWER));

        JsonNode own = viewerOfA.execute(ORGANISATION);
        assertThat(own.path("data").path("organisation").path("code").asString()).isEqualTo(a.code());
        assertThat(own.path("data").path("organisation").path("approvingCommittee").asString()).isEqualTo("ก.อบต.จังหวัด");

        JsonNode other = viewerOfA.execute(ORGANISATION, Map.of("id", b.id()));
        assertThat(GraphQlHttp.classification(other)).isEqualTo("NOT_FOUND");
        assertThat(other.path("data").path("organisation").isNull()).isTrue();
    }

    @Test
    void aProvincialCommitteeReadsOnlyItsProvinceAndKind() {
        Tenant sameProvinceSao = tenants.tenant("อบต.ในจังหวัด", TenantKind.SAO, "อุดรธานี");
        Tenant sameProvinceMunicipality = tenants.tenant("ทต.ในจังหวัด", TenantKind.MUNICIPALITY, "อุดรธานี");
        Tenant otherProvinceSao = tenants.tenant("อบต.ต่างจังหวัด", TenantKind.SAO, "ขอนแก่น");
        GraphQlHttp committee = new GraphQlHttp(baseUrl(), tenants.committeeToken("อุดรธานี", TenantKind.SAO));

        assertThat(committee.execute(ORGANISATION, Map.of("id", sameProvinceSao.id())).path("data").path("organisation")
                .path("nameTh").asString()).isEqualTo("อบต.ในจังหวัด");
        assertThat(GraphQlHttp.classification(committee.execute(ORGANISATION, Map.of("id", sameProvinceMunicipality.id()))))
                .isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(committee.execute(ORGANISATION, Map.of("id", otherProvinceSao.id()))))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void withoutATokenTheCallIsUnauthenticatedAndABadTokenIsRefused() {
        JsonNode anonymous = new GraphQlHttp(baseUrl(), null).execute(ORGANISATION);
        assertThat(GraphQlHttp.classification(anonymous)).isEqualTo("UNAUTHENTICATED");

        JsonNode bad = new GraphQlHttp(baseUrl(), "pht_not-a-real-token").execute(ORGANISATION);
        assertThat(bad.path("httpStatus").asInt()).isEqualTo(401);
        assertThat(GraphQlHttp.classification(bad)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void queriesDeeperThanTheLimitAreRefusedBeforeTheyRun() {
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), tenants.token(tenants.tenant("อบต.ลึก"), Role.VIEWER));
        String deep = "{ __schema { types { fields { type" + " { ofType".repeat(17) + " { name }" + " }".repeat(17) + " } } } }";
        JsonNode refused = viewer.execute(deep);
        assertThat(refused.path("errors").toString()).contains("depth");
        assertThat(refused.path("data").path("__schema").isMissingNode() || refused.path("data").isNull()).isTrue();
    }

    @Test
    void graphiqlsStandardIntrospectionQueryIsAnswered() {
        GraphQlHttp viewer = new GraphQlHttp(baseUrl(), tenants.token(tenants.tenant("อบต.สำรวจสคีมา"), Role.VIEWER));
        JsonNode schema = viewer.execute(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);
        assertThat(schema.path("errors").isMissingNode() || schema.path("errors").isEmpty()).as(schema.path("errors").toString()).isTrue();
        assertThat(schema.path("data").path("__schema").path("types").size()).isGreaterThan(50);
    }
}
