package th.phatthana.api.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.plans.PlanContent;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import tools.jackson.databind.JsonNode;

/** A division a plan's courses are aimed at cannot be deleted from under the plan (uses the progress tests' plan fixture). */
class DivisionAimedAtByPlanTest extends ProgressTestSupport {

    @Autowired
    DivisionService divisions;

    static final String DELETE = """
            mutation($input: DeleteDivisionInput!) { deleteDivision(input: $input) { deletedDivisionId userErrors { field message code } } }""";

    @Test
    void aDivisionThatAPlanCourseTargetsIsNotDeleted() {
        Org org = new Org("อบต.เป้าหมายกอง");
        Division works = divisions.create(org.tenant.id(), new DivisionService.Draft("กองช่าง", null, null)).value();
        Division unused = divisions.create(org.tenant.id(), new DivisionService.Draft("กองการศึกษา", null, null)).value();
        PlanContent.Course base = course("roads", List.of(ACTIVITIES + "roads"), PlanContent.CompletionRule.DEFAULT, 2569, List.of());
        PlanContent.Course aimed = new PlanContent.Course(base.key(), base.titleTh(), base.titleEn(), base.description(), base.category(),
                base.competencyCodes(), base.methods(), base.provider(),
                new PlanContent.Target(false, null, null, null, List.of(works.id()), null, "ช่างของกองช่าง"), base.schedule(), base.yearly(),
                base.xapi());
        org.plan(2567, List.of(aimed), List.of());

        JsonNode refused = org.admin.execute(DELETE, Map.of("input", Map.of("id", works.id()))).path("data").path("deleteDivision");
        assertThat(refused.path("deletedDivisionId").isNull()).isTrue();
        assertThat(refused.path("userErrors").get(0).path("code").asString()).isEqualTo("IN_USE");
        assertThat(refused.path("userErrors").get(0).path("message").asString()).contains("1 plan(s)");

        JsonNode deleted = org.admin.execute(DELETE, Map.of("input", Map.of("id", unused.id()))).path("data").path("deleteDivision");
        assertThat(deleted.path("deletedDivisionId").asString()).isEqualTo(unused.id());
    }
}
