package th.phatthana.api.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

/** The competency catalogue over GraphQL: the national items of §8–§10, local items, and who may do what. */
class CompetencyCatalogueTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    NationalCatalogueSeeder seeder;

    static final String COMPETENCIES = """
            query($kind: CompetencyKind, $search: String, $first: Int, $after: String, $organisationId: ID) {
              competencies(kind: $kind, search: $search, first: $first, after: $after, organisationId: $organisationId) {
                edges { cursor node { code kind nameTh nameEn national organisationId masterPlanReference
                  levels { level nameTh nameEn description } } }
                pageInfo { hasNextPage endCursor } } }""";
    static final String COMPETENCY = """
            query($code: String!) { competency(code: $code) { code kind nameTh nameEn description national organisationId
              levels { level nameTh description } createdAt updatedAt } }""";
    static final String ADD = """
            mutation($input: AddLocalCompetencyInput!) { addLocalCompetency(input: $input) {
              competency { code kind nameTh nameEn description national organisationId levels { level nameTh nameEn description } }
              userErrors { field message code } } }""";
    static final String UPDATE = """
            mutation($input: UpdateCompetencyInput!) { updateCompetency(input: $input) {
              competency { code nameTh nameEn description levels { level nameTh } updatedAt }
              userErrors { field message code } } }""";
    static final String REMOVE = """
            mutation($code: String!) { removeLocalCompetency(input: {code: $code}) { competency { code } userErrors { field code } } }""";

    private GraphQlHttp graphql(String token) {
        return new GraphQlHttp(baseUrl(), token);
    }

    @Test
    void theTotalCountCoversAllPages() {
        GraphQlHttp viewer = graphql(tenants.token(tenants.tenant("อบต.นับ"), th.phatthana.tenants.access.Role.VIEWER));
        JsonNode page = viewer.execute("{ competencies(kind: FUNCTIONAL, first: 5) { totalCount edges { node { code } } } }")
                .path("data").path("competencies");
        assertThat(page.path("edges").size()).isEqualTo(5);
        assertThat(page.path("totalCount").asInt()).isEqualTo(22);
    }

    /** Every item the caller sees, following the cursors. */
    static List<JsonNode> all(GraphQlHttp graphql, Map<String, Object> variables, int pageSize) {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new HashMap<>(variables);
            vars.put("first", pageSize);
            if (after != null) {
                vars.put("after", after);
            }
            JsonNode response = graphql.execute(COMPETENCIES, vars);
            assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
            JsonNode connection = response.path("data").path("competencies");
            connection.path("edges").forEach(edge -> items.add(edge.path("node")));
            assertThat(connection.path("edges").size()).isLessThanOrEqualTo(Math.min(pageSize, 100));
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return items;
            }
            after = connection.path("pageInfo").path("endCursor").asString();
        }
        throw new AssertionError("too many pages");
    }

    @Test
    void theNationalCatalogueHasTheMasterPlansItemsWithTheirExactThaiNamesInOrder() throws IOException {
        Tenant tenant = tenants.tenant("อบต.บัญชีสมรรถนะ");
        GraphQlHttp viewer = graphql(tenants.token(tenant, Role.VIEWER));

        List<JsonNode> items = all(viewer, Map.of(), 25);
        Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
        items.forEach(item -> byKind.computeIfAbsent(item.path("kind").asString(), k -> new ArrayList<>()).add(item));
        assertThat(byKind.keySet()).containsExactly("KNOWLEDGE", "SKILL", "CORE", "MANAGERIAL", "FUNCTIONAL");
        assertThat(byKind.get("KNOWLEDGE")).hasSize(21);
        assertThat(byKind.get("SKILL")).hasSize(9);
        assertThat(byKind.get("CORE")).hasSize(5);
        assertThat(byKind.get("MANAGERIAL")).hasSize(4);
        assertThat(byKind.get("FUNCTIONAL")).hasSize(22);
        assertThat(items).extracting(i -> i.path("code").asString()).startsWith("K01", "K02").endsWith("F21", "F22")
                .doesNotHaveDuplicates();

        String seed = NationalCatalogueTest.excerpt();
        assertThat(items).allSatisfy(item -> {
            assertThat(seed).as(item.path("code").asString()).contains(item.path("nameTh").asString());
            assertThat(item.path("national").asBoolean()).isTrue();
            assertThat(item.path("organisationId").isNull()).isTrue();
            assertThat(item.path("nameEn").asString()).isNotBlank();
            assertThat(item.path("levels").size()).isEqualTo(6);
        });
        assertThat(names(byKind.get("CORE"))).containsExactly("มุ่งผลสัมฤทธิ์", "การยึดมั่นในความถูกต้องและจริยธรรม",
                "ความเข้าใจในองค์กรและระบบงาน", "การบริการเป็นเลิศ", "การทำงานเป็นทีม");
        assertThat(names(byKind.get("MANAGERIAL"))).containsExactly("การเป็นผู้นำในการเปลี่ยนแปลง", "ความสามารถในการเป็นผู้นำ",
                "ความสามารถในการพัฒนาคน", "การคิดเชิงกลยุทธ์");
        assertThat(byKind.get("KNOWLEDGE").get(0).path("nameTh").asString()).isEqualTo("ความรู้ที่จำเป็นในงาน");
        assertThat(byKind.get("KNOWLEDGE").get(8).path("nameTh").asString())
                .isEqualTo("ความรู้เรื่องการบริหารผลกระทบต่าง ๆ เช่น ผลกระทบสิ่งแวดล้อม");
        assertThat(byKind.get("KNOWLEDGE").get(20).path("nameTh").asString()).isEqualTo("ความรู้เรื่องบรรณารักษ์");
        assertThat(byKind.get("SKILL").get(8).path("nameTh").asString()).isEqualTo("ทักษะการใช้เครื่องมือและอุปกรณ์ทางวิทยาศาสตร์");
        assertThat(byKind.get("FUNCTIONAL").get(0).path("nameTh").asString()).isEqualTo("การกำกับติดตามอย่างสม่ำเสมอ");
        assertThat(byKind.get("FUNCTIONAL").get(21).path("nameTh").asString()).isEqualTo("สร้างสรรค์เพื่อประโยชน์ท้องถิ่น");
        assertThat(byKind.get("CORE").get(0).path("masterPlanReference").asString()).isEqualTo("§10 (๑) ๑)");

        JsonNode one = viewer.execute(COMPETENCY, Map.of("code", "c02")).path("data").path("competency");
        assertThat(one.path("nameTh").asString()).isEqualTo("การยึดมั่นในความถูกต้องและจริยธรรม");
        assertThat(one.path("levels").get(3).path("nameTh").asString()).isEqualTo("ระดับชำนาญ");
        assertThat(GraphQlHttp.classification(viewer.execute(COMPETENCY, Map.of("code", "F23")))).isEqualTo("NOT_FOUND");
    }

    @Test
    void pagesAreCappedAtOneHundredAndFiltersApply() {
        GraphQlHttp viewer = graphql(tenants.token(tenants.tenant("อบต.หน้า"), Role.VIEWER));

        JsonNode big = viewer.execute(COMPETENCIES, Map.of("first", 1000)).path("data").path("competencies");
        assertThat(big.path("edges").size()).isEqualTo(61);
        JsonNode first = viewer.execute(COMPETENCIES, Map.of()).path("data").path("competencies");
        assertThat(first.path("edges").size()).isEqualTo(20);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(GraphQlHttp.classification(viewer.execute(COMPETENCIES, Map.of("first", 0)))).isEqualTo("BAD_REQUEST");

        JsonNode functional = viewer.execute(COMPETENCIES, Map.of("kind", "FUNCTIONAL", "first", 100)).path("data").path("competencies");
        assertThat(functional.path("edges").size()).isEqualTo(22);
        JsonNode search = viewer.execute(COMPETENCIES, Map.of("search", "ความเสี่ยง")).path("data").path("competencies");
        assertThat(search.path("edges")).extracting(e -> e.path("node").path("code").asString()).containsExactly("K12", "F07");
        JsonNode english = viewer.execute(COMPETENCIES, Map.of("search", "TEAMWORK")).path("data").path("competencies");
        assertThat(english.path("edges")).extracting(e -> e.path("node").path("code").asString()).containsExactly("C05");
        JsonNode regex = viewer.execute(COMPETENCIES, Map.of("search", ".*")).path("data").path("competencies");
        assertThat(regex.path("edges").size()).isZero();
    }

    @Test
    void everySignedInCallerReadsTheNationalCatalogueAndNobodyElse() {
        GraphQlHttp national = graphql(tenants.nationalToken());
        GraphQlHttp committee = graphql(tenants.committeeToken("หนองคาย", TenantKind.SAO));
        assertThat(all(national, Map.of(), 100)).hasSize(61);
        assertThat(all(committee, Map.of(), 100)).hasSize(61);
        assertThat(GraphQlHttp.classification(graphql(null).execute(COMPETENCIES, Map.of()))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void seedingAgainIsHarmless() {
        seeder.afterSingletonsInstantiated();
        seeder.afterSingletonsInstantiated();
        GraphQlHttp viewer = graphql(tenants.token(tenants.tenant("อบต.ซ้ำ"), Role.VIEWER));
        assertThat(all(viewer, Map.of(), 100)).hasSize(61);
    }

    @Test
    void anAdminAddsAndEditsLocalItemsButNeverNationalOnes() {
        Tenant tenant = tenants.tenant("อบต.รายการท้องถิ่น");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));

        JsonNode added = admin.execute(ADD, Map.of("input", Map.of("nameTh", "ความรู้เรื่องการท่องเที่ยวชุมชนริมโขง",
                "nameEn", "Mekong community tourism", "levels", List.of(Map.of("level", 3, "description", "จัดกิจกรรมได้เอง")))))
                .path("data").path("addLocalCompetency");
        assertThat(added.path("userErrors").size()).as(added.toString()).isZero();
        JsonNode item = added.path("competency");
        assertThat(item.path("code").asString()).isEqualTo("L-001");
        assertThat(item.path("kind").asString()).isEqualTo("LOCAL");
        assertThat(item.path("national").asBoolean()).isFalse();
        assertThat(item.path("organisationId").asString()).isEqualTo(tenant.id());
        assertThat(item.path("levels").get(3).path("description").asString()).isEqualTo("จัดกิจกรรมได้เอง");
        assertThat(item.path("levels").get(3).path("nameTh").asString()).isEqualTo("ระดับชำนาญ");

        JsonNode named = admin.execute(ADD, Map.of("input", Map.of("code", "l-fire", "nameTh", "การดับไฟป่า")))
                .path("data").path("addLocalCompetency");
        assertThat(named.path("competency").path("code").asString()).isEqualTo("L-FIRE");

        JsonNode duplicateName = admin.execute(ADD, Map.of("input", Map.of("nameTh", "มุ่งผลสัมฤทธิ์"))).path("data").path("addLocalCompetency");
        assertThat(duplicateName.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");
        JsonNode duplicateCode = admin.execute(ADD, Map.of("input", Map.of("code", "L-001", "nameTh", "อื่น"))).path("data")
                .path("addLocalCompetency");
        assertThat(duplicateCode.path("userErrors").get(0).path("code").asString()).isEqualTo("DUPLICATE");
        JsonNode nationalCode = admin.execute(ADD, Map.of("input", Map.of("code", "C06", "nameTh", "อื่น"))).path("data")
                .path("addLocalCompetency");
        assertThat(nationalCode.path("userErrors").get(0).path("code").asString()).isEqualTo("INVALID");
        assertThat(nationalCode.path("competency").isNull()).isTrue();
        JsonNode badLevel = admin.execute(ADD, Map.of("input", Map.of("nameTh", "อื่น", "levels", List.of(Map.of("level", 6)))))
                .path("data").path("addLocalCompetency");
        assertThat(badLevel.path("userErrors").get(0).path("field").toString()).contains("levels");

        JsonNode updated = admin.execute(UPDATE, Map.of("input", Map.of("code", "L-001", "nameTh", "ความรู้เรื่องการท่องเที่ยวโดยชุมชน",
                "description", "แหล่งท่องเที่ยวริมแม่น้ำโขง"))).path("data").path("updateCompetency");
        assertThat(updated.path("userErrors").size()).isZero();
        assertThat(updated.path("competency").path("nameTh").asString()).isEqualTo("ความรู้เรื่องการท่องเที่ยวโดยชุมชน");
        assertThat(updated.path("competency").path("nameEn").asString()).isEqualTo("Mekong community tourism");
        assertThat(updated.path("competency").path("levels").get(3).path("nameTh").asString()).isEqualTo("ระดับชำนาญ");

        JsonNode national = admin.execute(UPDATE, Map.of("input", Map.of("code", "C01", "nameTh", "มุ่งผลลัพธ์"))).path("data")
                .path("updateCompetency");
        assertThat(national.path("competency").isNull()).isTrue();
        assertThat(national.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_ALLOWED");
        assertThat(national.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"code\"]");
        JsonNode nationalRemoval = admin.execute(REMOVE, Map.of("code", "F01")).path("data").path("removeLocalCompetency");
        assertThat(nationalRemoval.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_ALLOWED");
        assertThat(admin.execute(COMPETENCY, Map.of("code", "C01")).path("data").path("competency").path("nameTh").asString())
                .isEqualTo("มุ่งผลสัมฤทธิ์");

        List<JsonNode> seen = all(admin, Map.of(), 100);
        assertThat(seen).hasSize(63);
        assertThat(seen.subList(61, 63)).extracting(i -> i.path("code").asString()).containsExactly("L-001", "L-FIRE");
        assertThat(all(admin, Map.of("kind", "LOCAL"), 100)).hasSize(2);

        JsonNode removed = admin.execute(REMOVE, Map.of("code", "L-FIRE")).path("data").path("removeLocalCompetency");
        assertThat(removed.path("competency").path("code").asString()).isEqualTo("L-FIRE");
        assertThat(GraphQlHttp.classification(admin.execute(COMPETENCY, Map.of("code", "L-FIRE")))).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyTenantAdminsChangeTheCatalogue() {
        Tenant tenant = tenants.tenant("อบต.สิทธิ์");
        for (Role role : List.of(Role.VIEWER, Role.HR_OFFICER)) {
            GraphQlHttp user = graphql(tenants.token(tenant, role));
            JsonNode add = user.execute(ADD, Map.of("input", Map.of("nameTh", "ความรู้เฉพาะ " + role)));
            assertThat(GraphQlHttp.classification(add)).as(role.name()).isEqualTo("FORBIDDEN");
            assertThat(GraphQlHttp.classification(user.execute(UPDATE, Map.of("input", Map.of("code", "C01", "nameTh", "x")))))
                    .isEqualTo("FORBIDDEN");
        }
        GraphQlHttp national = graphql(tenants.nationalToken());
        assertThat(GraphQlHttp.classification(national.execute(ADD, Map.of("input", Map.of("nameTh", "ส่วนกลาง"))))).isEqualTo("BAD_REQUEST");
        assertThat(all(graphql(tenants.token(tenant, Role.VIEWER)), Map.of("kind", "LOCAL"), 100)).isEmpty();
    }

    @Test
    void anotherOrganisationsLocalItemsAreInvisibleAndUntouchable() {
        Tenant a = tenants.tenant("อบต.เอ สมรรถนะ");
        Tenant b = tenants.tenant("อบต.บี สมรรถนะ");
        GraphQlHttp adminA = graphql(tenants.token(a, Role.TENANT_ADMIN));
        GraphQlHttp adminB = graphql(tenants.token(b, Role.TENANT_ADMIN));
        JsonNode ofA = adminA.execute(ADD, Map.of("input", Map.of("code", "L-SECRET", "nameTh", "ความรู้ของเอ"))).path("data")
                .path("addLocalCompetency");
        assertThat(ofA.path("userErrors").size()).isZero();

        assertThat(all(adminB, Map.of(), 100)).hasSize(61).noneMatch(i -> i.path("code").asString().startsWith("L-"));
        assertThat(all(adminB, Map.of("search", "ของเอ"), 100)).isEmpty();
        assertThat(GraphQlHttp.classification(adminB.execute(COMPETENCY, Map.of("code", "L-SECRET")))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminB.execute(UPDATE, Map.of("input", Map.of("code", "L-SECRET", "nameTh", "ของบี"))))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminB.execute(REMOVE, Map.of("code", "L-SECRET")))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminB.execute(COMPETENCIES, Map.of("organisationId", a.id())))).isEqualTo("NOT_FOUND");

        JsonNode sameCodeInB = adminB.execute(ADD, Map.of("input", Map.of("code", "L-SECRET", "nameTh", "ความรู้ของบี"))).path("data")
                .path("addLocalCompetency");
        assertThat(sameCodeInB.path("userErrors").size()).isZero();
        assertThat(adminA.execute(COMPETENCY, Map.of("code", "L-SECRET")).path("data").path("competency").path("nameTh").asString())
                .isEqualTo("ความรู้ของเอ");

        GraphQlHttp committee = graphql(tenants.committeeToken("หนองคาย", TenantKind.SAO));
        assertThat(all(committee, Map.of("organisationId", a.id()), 100)).hasSize(62);
    }

    private static List<String> names(List<JsonNode> items) {
        return items.stream().map(i -> i.path("nameTh").asString()).toList();
    }
}
