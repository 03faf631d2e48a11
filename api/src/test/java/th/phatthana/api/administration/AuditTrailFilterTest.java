package th.phatthana.api.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.audit.AuditEvent;
import th.phatthana.tenants.audit.AuditEventRepository;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** The audit trail's filters: by action, by user, by Asia/Bangkok days, in the query (before paging), never across organisations. */
class AuditTrailFilterTest extends IntegrationTest {

    private static final String TRAIL = """
            query($action: String, $actor: ID, $from: Date, $to: Date, $first: Int, $before: DateTime, $org: ID) {
              auditTrail(organisationId: $org, action: $action, actor: $actor, from: $from, to: $to, first: $first, before: $before) {
                id at actor actorName action target } }""";
    private static final String ADD = """
            mutation($name: String!) { addLocalCompetency(input: {nameTh: $name}) { competency { code } userErrors { code } } }""";

    @Autowired
    TestTenants tenants;
    @Autowired
    AuditEventRepository events;

    private GraphQlHttp graphql(String token) {
        return new GraphQlHttp(baseUrl(), token);
    }

    private static JsonNode trail(GraphQlHttp caller, Map<String, Object> arguments) {
        JsonNode response = caller.execute(TRAIL, new HashMap<>(arguments));
        assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
        return response.path("data").path("auditTrail");
    }

    private static List<String> values(JsonNode events, String field) {
        List<String> values = new ArrayList<>();
        events.forEach(event -> values.add(event.path(field).asString()));
        return values;
    }

    @Test
    void anAdminFiltersTheTrailByActionAndByUserAndNeverSeesAnotherOrganisation() {
        Tenant tenant = tenants.tenant("อบต.กรองประวัติ");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        GraphQlHttp colleague = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        String colleagueId = colleague.execute("{ viewer { id } }").path("data").path("viewer").path("id").asString();
        Tenant other = tenants.tenant("อบต.ข้างเคียง");
        GraphQlHttp stranger = graphql(tenants.token(other, Role.TENANT_ADMIN));
        String strangerId = stranger.execute("{ viewer { id } }").path("data").path("viewer").path("id").asString();

        JsonNode added = admin.execute(ADD, Map.of("name", "การใช้ภาษาถิ่น")).path("data").path("addLocalCompetency");
        assertThat(added.path("userErrors").size()).isZero();
        JsonNode updated = admin.execute("mutation($code: String!) { updateCompetency(input: {code: $code, nameEn: \"Local dialect\"}) "
                + "{ userErrors { code } } }", Map.of("code", added.path("competency").path("code").asString()));
        assertThat(updated.path("data").path("updateCompetency").path("userErrors").isArray()).as(updated.toString()).isTrue();
        colleague.execute(ADD, Map.of("name", "การจัดการขยะชุมชน"));
        stranger.execute(ADD, Map.of("name", "ความรู้ของหน่วยงานอื่น"));

        JsonNode adds = trail(admin, Map.of("action", "competency.add"));
        assertThat(values(adds, "action")).hasSize(2).containsOnly("competency.add");
        assertThat(values(trail(admin, Map.of()), "action")).contains("competency.update");
        assertThat(adds.toString()).doesNotContain("ความรู้ของหน่วยงานอื่น").doesNotContain(strangerId);

        JsonNode byColleague = trail(admin, Map.of("actor", colleagueId));
        assertThat(values(byColleague, "actor")).hasSize(1).containsOnly(colleagueId);
        assertThat(values(byColleague, "action")).containsExactly("competency.add");
        assertThat(trail(admin, Map.of("actor", colleagueId, "action", "competency.update"))).isEmpty();

        // Another organisation's events stay out whatever the filters name.
        assertThat(trail(admin, Map.of("actor", strangerId))).isEmpty();
        assertThat(values(trail(stranger, Map.of("action", "competency.add")), "actor")).containsOnly(strangerId).hasSize(1);
        assertThat(GraphQlHttp.classification(admin.execute(TRAIL, Map.of("org", other.id(), "action", "competency.add"))))
                .isIn("FORBIDDEN", "NOT_FOUND");

        List<String> actions = new ArrayList<>();
        admin.execute("{ auditActions }").path("data").path("auditActions").forEach(a -> actions.add(a.asString()));
        assertThat(actions).contains("competency.add", "competency.update").isSorted().doesNotHaveDuplicates();
        assertThat(GraphQlHttp.classification(graphql(tenants.token(tenant, Role.HR_OFFICER)).execute("{ auditActions }")))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void daysAreAsiaBangkokDaysBothInclusiveAndFiltersApplyBeforePaging() {
        Tenant tenant = tenants.tenant("อบต.วันเวลา");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        // 1 March 2026 23:59:59 and 2 March 00:00:00 in Bangkok (UTC+7).
        event(tenant, "2026-03-01T16:59:59Z", "division.create");
        event(tenant, "2026-03-01T17:00:00Z", "division.create");
        event(tenant, "2026-02-28T16:59:59Z", "division.create");
        event(tenant, "2026-03-02T17:00:00Z", "division.create");
        event(tenants.tenant("อบต.อื่นในวันเดียวกัน"), "2026-03-01T10:00:00Z", "division.create");

        assertThat(values(trail(admin, Map.of("from", "2026-03-01", "to", "2026-03-01")), "at"))
                .containsExactly("2026-03-01T16:59:59Z");
        assertThat(values(trail(admin, Map.of("from", "2026-03-02")), "at"))
                .containsExactly("2026-03-02T17:00:00Z", "2026-03-01T17:00:00Z");
        assertThat(values(trail(admin, Map.of("to", "2026-03-01")), "at"))
                .containsExactly("2026-03-01T16:59:59Z", "2026-02-28T16:59:59Z");
        assertThat(trail(admin, Map.of("from", "2026-03-04"))).isEmpty();

        // Many other events between the matching ones: a page still holds `first` matching events.
        for (int i = 0; i < 5; i++) {
            event(tenant, "2026-03-01T1" + i + ":00:00Z", "user.setRoles");
        }
        JsonNode page = trail(admin, Map.of("action", "division.create", "first", 2));
        assertThat(values(page, "at")).containsExactly("2026-03-02T17:00:00Z", "2026-03-01T17:00:00Z");
        JsonNode next = trail(admin, Map.of("action", "division.create", "first", 2, "before", page.get(1).path("at").asString()));
        assertThat(values(next, "at")).containsExactly("2026-03-01T16:59:59Z", "2026-02-28T16:59:59Z");
        assertThat(values(trail(admin, Map.of("action", "user.setRoles", "from", "2026-03-01", "to", "2026-03-01", "first", 3)),
                "action")).hasSize(3).containsOnly("user.setRoles");
    }

    private void event(Tenant tenant, String at, String action) {
        events.insert(new AuditEvent(UUID.randomUUID().toString(), tenant.id(), Instant.parse(at), "system", "system", action,
                "division:x", Map.of(), null));
    }
}
