package th.phatthana.api.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/** Requirements per position type and line of work: national defaults, an organisation's own, and §10's rules. */
class CompetencyRequirementTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    static final String REQUIREMENTS = """
            query($organisationId: ID) { competencyRequirements(organisationId: $organisationId) {
              scope positionType lineOfWork source updatedBy items { level competency { code kind nameTh } } } }""";
    static final String SET = """
            mutation($input: SetRequirementInput!) { setRequirement(input: $input) {
              requirement { scope positionType lineOfWork source updatedAt updatedBy items { level competency { code } } }
              userErrors { field message code } } }""";
    static final String RESET = """
            mutation($input: ResetRequirementInput!) { resetRequirement(input: $input) {
              requirement { source items { competency { code } } } userErrors { field code } } }""";

    static final String ADOPT = """
            mutation($input: ResetRequirementInput!) { adoptRequirement(input: $input) {
              requirement { source sourceLabel updatedBy items { level competency { code } } } userErrors { field code } } }""";

    @Test
    void functionalDefaultsAreSuggestionsAnOrganisationAdoptsAndChanges() {
        th.phatthana.tenants.tenant.Tenant organisation = tenants.tenant("อบต.รับค่าเสนอ");
        GraphQlHttp admin = graphql(tenants.token(organisation, Role.TENANT_ADMIN));
        JsonNode all = admin.execute("{ competencyRequirements { scope positionType lineOfWork source sourceLabel } }")
                .path("data").path("competencyRequirements");
        all.forEach(r -> {
            boolean rule = "POSITION_TYPE".equals(r.path("scope").asString());
            assertThat(r.path("source").asString()).as("%s", r).isEqualTo(rule ? "NATIONAL" : "SUGGESTED");
            assertThat(r.path("sourceLabel").asString()).isEqualTo(rule ? "ตามแผนแม่บท" : "ค่าเริ่มต้นที่ระบบเสนอ");
        });
        JsonNode suggested = find(all, "LINE_OF_WORK", "นักทรัพยากรบุคคล");
        assertThat(suggested).isNotNull();

        Map<String, Object> target = Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักทรัพยากรบุคคล");
        JsonNode adopted = admin.execute(ADOPT, Map.of("input", target)).path("data").path("adoptRequirement");
        assertThat(adopted.path("userErrors")).isEmpty();
        assertThat(adopted.path("requirement").path("source").asString()).isEqualTo("ORGANISATION");
        assertThat(adopted.path("requirement").path("sourceLabel").asString()).isEqualTo("กำหนดโดยองค์กร");
        assertThat(adopted.path("requirement").path("items").size()).isGreaterThanOrEqualTo(3);
        JsonNode again = admin.execute(ADOPT, Map.of("input", target)).path("data").path("adoptRequirement");
        assertThat(again.path("userErrors").get(0).path("code").asString()).isEqualTo("ALREADY_OWN");
        assertThat(admin.execute(ADOPT, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักวิชาการท่องเที่ยว")))
                .path("data").path("adoptRequirement").path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");

        GraphQlHttp viewer = graphql(tenants.token(organisation, Role.VIEWER));
        assertThat(viewer.execute(ADOPT, Map.of("input", target)).path("errors").get(0).path("extensions").path("classification").asString())
                .isEqualTo("FORBIDDEN");
        // another organisation still sees the suggestion
        JsonNode other = graphql(tenants.token(tenants.tenant("อบต.ไม่รับค่าเสนอ"), Role.VIEWER))
                .execute("{ competencyRequirements { scope lineOfWork source } }").path("data").path("competencyRequirements");
        assertThat(find(other, "LINE_OF_WORK", "นักทรัพยากรบุคคล").path("source").asString()).isEqualTo("SUGGESTED");
    }

    private GraphQlHttp graphql(String token) {
        return new GraphQlHttp(baseUrl(), token);
    }

    static Map<String, Object> item(String code, int level) {
        return Map.of("code", code, "level", level);
    }

    static JsonNode find(JsonNode requirements, String scope, String value) {
        for (JsonNode requirement : requirements) {
            if (requirement.path("scope").asString().equals(scope) && (value == null
                    || value.equals(requirement.path("positionType").asString(null))
                    || value.equals(requirement.path("lineOfWork").asString(null)))) {
                return requirement;
            }
        }
        return null;
    }

    @Test
    void everyOrganisationStartsFromTheNationalDefaults() {
        GraphQlHttp viewer = graphql(tenants.token(tenants.tenant("อบต.ค่าเริ่มต้น"), Role.VIEWER));
        JsonNode requirements = viewer.execute(REQUIREMENTS, Map.of()).path("data").path("competencyRequirements");

        assertThat(requirements.get(0).path("positionType").asString()).isEqualTo("EXECUTIVE");
        JsonNode executive = find(requirements, "POSITION_TYPE", "EXECUTIVE");
        assertThat(executive.path("source").asString()).isEqualTo("NATIONAL");
        assertThat(executive.path("items")).extracting(i -> i.path("competency").path("code").asString())
                .containsExactly("C01", "C02", "C03", "C04", "C05", "M01", "M02", "M03", "M04");
        JsonNode general = find(requirements, "POSITION_TYPE", "GENERAL");
        assertThat(general.path("items")).extracting(i -> i.path("competency").path("kind").asString()).containsOnly("CORE");
        assertThat(general.path("items").get(0).path("level").asInt()).isEqualTo(1);
        assertThat(find(requirements, "POSITION_TYPE", "DIRECTOR").path("items")).hasSize(9);

        JsonNode hr = find(requirements, "LINE_OF_WORK", "นักทรัพยากรบุคคล");
        assertThat(hr.path("items")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(i -> assertThat(i.path("competency").path("kind").asString()).isEqualTo("FUNCTIONAL"));
        for (String line : List.of("นักวิเคราะห์นโยบายและแผน", "นักวิชาการเงินและบัญชี", "นายช่างโยธา", "ครู", "นักพัฒนาชุมชน",
                "เจ้าพนักงานธุรการ")) {
            assertThat(find(requirements, "LINE_OF_WORK", line)).as(line).isNotNull();
        }
        assertThat(find(requirements, "OTHER_LINES_OF_WORK", null).path("items")).hasSizeGreaterThanOrEqualTo(3);

        JsonNode oversight = graphql(tenants.nationalToken()).execute(REQUIREMENTS, Map.of()).path("data").path("competencyRequirements");
        assertThat(oversight.size()).isEqualTo(requirements.size());
    }

    @Test
    void aLineOfWorkNeedsAtLeastThreeFunctionalCompetencies() {
        Tenant tenant = tenants.tenant("อบต.สายงาน");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));

        JsonNode two = admin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักทรัพยากรบุคคล",
                "items", List.of(item("F06", 2), item("F10", 2), item("K15", 3))))).path("data").path("setRequirement");
        assertThat(two.path("requirement").isNull()).isTrue();
        assertThat(two.path("userErrors")).extracting(e -> e.path("code").asString()).containsExactly("TOO_FEW_FUNCTIONAL");

        JsonNode withCore = admin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักทรัพยากรบุคคล",
                "items", List.of(item("F06", 2), item("F10", 2), item("F16", 2), item("C01", 2))))).path("data").path("setRequirement");
        assertThat(withCore.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_ALLOWED");
        assertThat(withCore.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"items\",\"3\",\"code\"]");

        JsonNode bad = admin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักทรัพยากรบุคคล",
                "items", List.of(item("F06", 2), item("F06", 3), item("F99", 2), item("F16", 6))))).path("data").path("setRequirement");
        assertThat(bad.path("userErrors")).extracting(e -> e.path("code").asString()).containsExactly("DUPLICATE", "NOT_FOUND", "INVALID");

        JsonNode three = admin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", " นักทรัพยากร บุคคล ",
                "items", List.of(item("F06", 3), item("F10", 2), item("F16", 2), item("K15", 3))))).path("data").path("setRequirement");
        assertThat(three.path("userErrors").size()).as(three.toString()).isZero();
        assertThat(three.path("requirement").path("source").asString()).isEqualTo("ORGANISATION");
        assertThat(three.path("requirement").path("updatedBy").asString()).startsWith("ผู้ทดสอบ");

        JsonNode requirements = admin.execute(REQUIREMENTS, Map.of()).path("data").path("competencyRequirements");
        List<JsonNode> hr = new java.util.ArrayList<>();
        requirements.forEach(r -> {
            if ("LINE_OF_WORK".equals(r.path("scope").asString()) && r.path("lineOfWork").asString().replace(" ", "").equals("นักทรัพยากรบุคคล")) {
                hr.add(r);
            }
        });
        assertThat(hr).hasSize(1);
        assertThat(hr.get(0).path("source").asString()).isEqualTo("ORGANISATION");
        assertThat(hr.get(0).path("items")).extracting(i -> i.path("competency").path("code").asString())
                .containsExactly("F06", "F10", "F16", "K15");

        JsonNode newLine = admin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักวิชาการท่องเที่ยว",
                "items", List.of(item("F13", 2), item("F15", 2), item("F22", 2))))).path("data").path("setRequirement");
        assertThat(newLine.path("userErrors").size()).isZero();
        JsonNode other = admin.execute(SET, Map.of("input", Map.of("scope", "OTHER_LINES_OF_WORK",
                "items", List.of(item("F03", 1), item("F19", 1))))).path("data").path("setRequirement");
        assertThat(other.path("userErrors").get(0).path("code").asString()).isEqualTo("TOO_FEW_FUNCTIONAL");

        JsonNode otherTenant = graphql(tenants.token(tenants.tenant("อบต.อื่น"), Role.VIEWER)).execute(REQUIREMENTS, Map.of())
                .path("data").path("competencyRequirements");
        assertThat(find(otherTenant, "LINE_OF_WORK", "นักทรัพยากรบุคคล").path("source").asString()).as("a suggestion, not a national rule")
                .isEqualTo("SUGGESTED");
        assertThat(find(otherTenant, "LINE_OF_WORK", "นักวิชาการท่องเที่ยว")).isNull();

        JsonNode reset = admin.execute(RESET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักทรัพยากรบุคคล")))
                .path("data").path("resetRequirement");
        assertThat(reset.path("requirement").path("source").asString()).isEqualTo("SUGGESTED");
        JsonNode resetNew = admin.execute(RESET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักวิชาการท่องเที่ยว")))
                .path("data").path("resetRequirement");
        assertThat(resetNew.path("requirement").isNull()).isTrue();
        assertThat(resetNew.path("userErrors").size()).isZero();
    }

    @Test
    void positionTypesKeepCoreForEveryoneAndManagerialForExecutivesAndDirectors() {
        Tenant tenant = tenants.tenant("อบต.ประเภทตำแหน่ง");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        List<Map<String, Object>> core = List.of(item("C01", 3), item("C02", 3), item("C03", 3), item("C04", 3), item("C05", 3));

        JsonNode noCore = admin.execute(SET, Map.of("input", Map.of("scope", "POSITION_TYPE", "positionType", "ACADEMIC",
                "items", core.subList(0, 4)))).path("data").path("setRequirement");
        assertThat(noCore.path("userErrors").get(0).path("code").asString()).isEqualTo("REQUIRED");
        assertThat(noCore.path("userErrors").get(0).path("message").asString()).contains("C05");

        JsonNode directorWithoutManagerial = admin.execute(SET, Map.of("input", Map.of("scope", "POSITION_TYPE",
                "positionType", "DIRECTOR", "items", core))).path("data").path("setRequirement");
        assertThat(directorWithoutManagerial.path("userErrors").get(0).path("message").asString()).contains("M01", "M04");

        JsonNode functional = admin.execute(SET, Map.of("input", Map.of("scope", "POSITION_TYPE", "positionType", "GENERAL",
                "items", List.of(item("C01", 1), item("C02", 1), item("C03", 1), item("C04", 1), item("C05", 1), item("F01", 1)))))
                .path("data").path("setRequirement");
        assertThat(functional.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_ALLOWED");

        JsonNode missingType = admin.execute(SET, Map.of("input", Map.of("scope", "POSITION_TYPE", "items", core))).path("data")
                .path("setRequirement");
        assertThat(missingType.path("userErrors").get(0).path("field").toString()).contains("positionType");

        JsonNode academic = admin.execute(SET, Map.of("input", Map.of("scope", "POSITION_TYPE", "positionType", "ACADEMIC",
                "items", List.of(item("C01", 3), item("C02", 3), item("C03", 3), item("C04", 3), item("C05", 3), item("S02", 2)))))
                .path("data").path("setRequirement");
        assertThat(academic.path("userErrors").size()).isZero();
        assertThat(academic.path("requirement").path("items")).hasSize(6);
    }

    @Test
    void onlyTenantAdminsSetRequirements() {
        Tenant tenant = tenants.tenant("อบต.สิทธิ์กำหนด");
        Map<String, Object> input = Map.of("scope", "LINE_OF_WORK", "lineOfWork", "ครู",
                "items", List.of(item("F14", 3), item("F15", 3), item("F16", 3)));
        for (Role role : List.of(Role.VIEWER, Role.HR_OFFICER)) {
            JsonNode refused = graphql(tenants.token(tenant, role)).execute(SET, Map.of("input", input));
            assertThat(GraphQlHttp.classification(refused)).as(role.name()).isEqualTo("FORBIDDEN");
            assertThat(GraphQlHttp.classification(graphql(tenants.token(tenant, role)).execute(RESET,
                    Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "ครู"))))).isEqualTo("FORBIDDEN");
        }
        Tenant other = tenants.tenant("อบต.อ่านไม่ได้");
        JsonNode foreign = graphql(tenants.token(tenant, Role.TENANT_ADMIN)).execute(REQUIREMENTS, Map.of("organisationId", other.id()));
        assertThat(GraphQlHttp.classification(foreign)).isEqualTo("NOT_FOUND");
    }

    @Test
    void aLocalItemCanBeRequiredAndIsThenInUse() {
        Tenant tenant = tenants.tenant("อบต.รายการท้องถิ่นที่ต้องมี");
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        admin.execute(CompetencyCatalogueTest.ADD, Map.of("input", Map.of("code", "L-MEKONG", "nameTh", "ความรู้เรื่องลุ่มน้ำโขง")));
        JsonNode set = admin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักพัฒนาชุมชน",
                "items", List.of(item("F13", 2), item("F15", 2), item("F17", 2), item("l-mekong", 2))))).path("data").path("setRequirement");
        assertThat(set.path("userErrors").size()).as(set.toString()).isZero();
        assertThat(set.path("requirement").path("items").get(3).path("competency").path("code").asString()).isEqualTo("L-MEKONG");

        JsonNode removal = admin.execute(CompetencyCatalogueTest.REMOVE, Map.of("code", "L-MEKONG")).path("data").path("removeLocalCompetency");
        assertThat(removal.path("userErrors").get(0).path("code").asString()).isEqualTo("IN_USE");

        GraphQlHttp otherAdmin = graphql(tenants.token(tenants.tenant("อบต.ไม่มีรายการ"), Role.TENANT_ADMIN));
        JsonNode foreign = otherAdmin.execute(SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักพัฒนาชุมชน",
                "items", List.of(item("F13", 2), item("F15", 2), item("F17", 2), item("L-MEKONG", 2))))).path("data").path("setRequirement");
        assertThat(foreign.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
    }
}
