package th.phatthana.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static th.phatthana.api.plans.PlanApi.texts;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.demo.DemoPlan;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** The demo tenant's plans: built from the master plan, approved, announced, with the documented activity IRIs. */
class DemoPlanTest extends PlanTestSupport {

    @Autowired
    DemoPlan demoPlan;
    @Autowired
    th.phatthana.api.demo.DemoStaff demoStaff;

    private static final String LIST = """
            { plans { edges { node { id fiscalYearStart status inForceFrom versions { number label }
                currentVersion { number reason approval { committee resolutionDate } }
                content { courses { key category methods competencyCodes target { allStaff targetGroups linesOfWork }
                                    yearly { fiscalYear plannedParticipants budget }
                                    xapi { activityIds completion { verbs requireSuccess requireCompletion minScaledScore minHours } } }
                          budget { total byFiscalYear { fiscalYear amount } }
                          goals { indicators { metric targets { value } } }
                          committee { appointmentOrderNumber members { role staffId name position } } } } } } }""";

    @Test
    void theDemoTenantHasAPlanFor2567To2569AndOneInForceTodayWithTheDocumentedActivityIris() {
        assertThat(DemoPlan.ACTIVITY_IRIS).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates()
                .allMatch(iri -> iri.matches("https://elearning\\.dla\\.go\\.th/xapi/activities/[a-z0-9-]+"));

        setBangkok("2026-11-24T09:00");
        Tenant tenant = tenants.tenant("องค์การบริหารส่วนตำบลสังคม", TenantKind.SAO, "หนองคาย");
        demoStaff.seed(tenant); // as the application seeds it: the register first, then the plans whose committee it names
        demoPlan.seed(tenant);
        demoPlan.seed(tenant);
        PlanApi viewer = as(tenant, Role.VIEWER);

        JsonNode edges = viewer.execute(LIST, Map.of()).path("data").path("plans").path("edges");
        assertThat(edges.size()).as("seeding twice seeds once").isEqualTo(2);
        JsonNode next = edges.get(0).path("node");
        JsonNode first = edges.get(1).path("node");
        assertThat(first.path("fiscalYearStart").asInt()).isEqualTo(2567);
        assertThat(first.path("status").asString()).isEqualTo("CLOSED");
        assertThat(first.path("inForceFrom").asString()).isEqualTo("2023-10-01");
        assertThat(texts(first.path("versions"), "number")).containsExactly("0", "1");
        assertThat(first.path("currentVersion").path("approval").path("committee").asString()).isEqualTo("ก.อบต.จังหวัดหนองคาย");
        assertThat(next.path("fiscalYearStart").asInt()).isEqualTo(2570);
        assertThat(next.path("status").asString()).isEqualTo("IN_FORCE");

        for (JsonNode plan : List.of(first, next)) {
            JsonNode courses = plan.path("content").path("courses");
            assertThat(courses.size()).isGreaterThanOrEqualTo(12);
            assertThat(texts(courses, "category")).containsAll(
                    List.of("BASIC_GOVERNMENT_KNOWLEDGE", "JOB_DUTIES", "POSITION_SPECIFIC", "MANAGEMENT", "ETHICS"));
            Set<String> iris = new HashSet<>();
            for (JsonNode course : courses) {
                JsonNode xapi = course.path("xapi");
                assertThat(xapi.path("activityIds").size()).isEqualTo(1);
                String iri = xapi.path("activityIds").get(0).asString();
                assertThat(iri).isEqualTo("https://elearning.dla.go.th/xapi/activities/" + course.path("key").asString());
                iris.add(iri);
                JsonNode rule = xapi.path("completion");
                if (rule.path("verbs").toString().contains("attended")) {
                    assertThat(rule.path("minHours").asDouble()).as(iri).isPositive();
                } else {
                    assertThat(rule.path("requireCompletion").asBoolean() || rule.path("requireSuccess").asBoolean()).as(iri).isTrue();
                }
                if (course.path("methods").toString().contains("E_LEARNING") && !course.path("key").asString().startsWith("coaching")) {
                    assertThat(rule.path("minScaledScore").asDouble()).as(iri).isEqualTo(0.6);
                }
                assertThat(course.path("yearly").get(0).path("plannedParticipants").asInt()).as(iri).isPositive();
            }
            assertThat(iris).containsExactlyInAnyOrderElementsOf(DemoPlan.ACTIVITY_IRIS);
            assertThat(plan.path("content").path("budget").path("total").asLong()).isPositive();
            assertThat(plan.path("content").path("committee").path("members").get(0).path("name").asString()).isEqualTo("นายสมชาย ใจดี");
            // every member but the elected chair is a demo staff record, linked by id, named as the register names them
            for (JsonNode member : plan.path("content").path("committee").path("members")) {
                if (member.path("role").asString().equals("CHAIR")) {
                    continue;
                }
                JsonNode staff = viewer.http.execute("query($id: ID!) { staff(id: $id) { fullNameTh positionTitle } }",
                        Map.of("id", member.path("staffId").asString())).path("data").path("staff");
                assertThat(staff.path("fullNameTh").asString()).as("%s", member).isEqualTo(member.path("name").asString());
                assertThat(staff.path("positionTitle").asString()).as("%s", member).isEqualTo(member.path("position").asString());
            }
            assertThat(plan.path("content").path("goals").toString()).contains("STAFF_DEVELOPED_SHARE", "HOURS_PER_PERSON");
        }

        JsonNode inForce2024 = viewer.execute("{ planInForce(date: \"2024-06-01\") { id currentVersion { number } } }", Map.of());
        assertThat(inForce2024.path("data").path("planInForce").path("id").asString()).isEqualTo(first.path("id").asString());
        JsonNode original = viewer.plan(first.path("id").asString(), "version(number: 0) { content { courses { key } } }");
        assertThat(texts(original.path("data").path("plan").path("version").path("content").path("courses"), "key"))
                .doesNotContain("pdpa-cybersecurity").hasSize(DemoPlan.ACTIVITY_IRIS.size() - 1);
    }
}
