package th.phatthana.api.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.schema.Outcome;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.divisions.Division;
import th.phatthana.tenants.divisions.DivisionService;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import tools.jackson.databind.JsonNode;

/** Assessments of staff and the gaps they leave, per staff member and per division and target group. */
class CompetencyAssessmentTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    StaffService staffService;
    @Autowired
    DivisionService divisionService;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    static final String RECORD = """
            mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) {
              assessment { id staffId level assessedOn assessor note recordedAt recordedBy competency { code nameTh } }
              userErrors { field message code } } }""";
    static final String HISTORY = """
            query($staffId: ID!, $code: String) { competencyAssessments(staffId: $staffId, competencyCode: $code) {
              level assessedOn assessor competency { code } } }""";
    static final String GAPS = """
            query($staffId: ID!, $asOf: Date) { competencyGaps(staffId: $staffId, asOf: $asOf) {
              staffId staff { staffNumber } asOf positionType lineOfWork totalGap
              required { competency { code } requiredLevel assessedLevel assessed assessedOn gap }
              gaps { competency { code kind } requiredLevel assessedLevel assessed gap } } }""";
    static final String SUMMARY = """
            query($groupBy: CompetencyGapGrouping!, $asOf: Date, $organisationId: ID) {
              competencyGapSummary(groupBy: $groupBy, asOf: $asOf, organisationId: $organisationId) {
                division { id nameTh } targetGroup staffCount staffWithGaps
                competencies { competency { code } staffRequired staffWithGap totalGap averageGap } } }""";
    static final String STAFF = """
            query($id: ID!) { staff(id: $id) { staffNumber competencyGaps { totalGap gaps { competency { code } gap } }
              competencyAssessments(first: 1) { level competency { code } } } }""";

    private GraphQlHttp graphql(String token) {
        return new GraphQlHttp(baseUrl(), token);
    }

    private Division division(Tenant tenant, String name) {
        Outcome<Division> created = divisionService.create(tenant.id(), new DivisionService.Draft(name, null, null));
        assertThat(created.problems()).isEmpty();
        return created.value();
    }

    private Staff staff(Tenant tenant, String number, PersonnelType personnelType, PositionType positionType, String lineOfWork,
            Division division, LocalDate appointed, EmploymentStatus status) {
        Outcome<Staff> created = staffService.create(tenant.id(), new StaffDraft(number, "นาย", "ทดสอบ" + number, "สมรรถนะ",
                personnelType, lineOfWork, positionType, new LineOfWork(null, lineOfWork), null,
                division == null ? null : division.id(), appointed, null, status, List.of(), null));
        assertThat(created.problems()).isEmpty();
        return created.value();
    }

    private static Map<String, Object> assessment(Staff staff, String code, int level, String on) {
        Map<String, Object> input = new HashMap<>(Map.of("staffId", staff.id(), "competencyCode", code, "level", level));
        if (on != null) {
            input.put("assessedOn", on);
        }
        return Map.of("input", input);
    }

    private static JsonNode ok(JsonNode response, String field) {
        JsonNode payload = response.path("data").path(field);
        assertThat(payload.path("userErrors").size()).as(response.toString()).isZero();
        return payload;
    }

    private static Map<String, JsonNode> byCode(JsonNode list) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        list.forEach(item -> map.put(item.path("competency").path("code").asString(), item));
        return map;
    }

    @Test
    void deletingAStaffMemberErasesTheirAssessments() {
        Tenant tenant = tenants.tenant("อบต.ลบประวัติ");
        Staff leaving = staff(tenant, "DEL1", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักทรัพยากรบุคคล", null,
                LocalDate.of(2015, 5, 1), EmploymentStatus.ACTIVE);
        Staff staying = staff(tenant, "DEL2", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักทรัพยากรบุคคล", null,
                LocalDate.of(2015, 5, 1), EmploymentStatus.ACTIVE);
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));
        ok(admin.execute(RECORD, assessment(leaving, "C01", 2, "2024-01-10")), "recordAssessment");
        ok(admin.execute(RECORD, assessment(staying, "C01", 3, "2024-01-10")), "recordAssessment");

        JsonNode deleted = admin.execute("mutation($input: DeleteStaffInput!) { deleteStaff(input: $input) { deletedStaffId } }",
                Map.of("input", Map.of("id", leaving.id())));
        assertThat(deleted.path("data").path("deleteStaff").path("deletedStaffId").asString()).isEqualTo(leaving.id());

        org.springframework.data.mongodb.core.query.Query ofLeaving = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant.id()).and("staffId").is(leaving.id()));
        assertThat(mongo.count(ofLeaving, Assessment.class)).as("the deleted person's assessments").isZero();
        assertThat(admin.execute(HISTORY, Map.of("staffId", staying.id())).path("data").path("competencyAssessments"))
                .as("other people's stay").hasSize(1);
    }

    @Test
    void assessmentsAreRecordedAsHistoryAndTheLatestCountsForGaps() {
        Tenant tenant = tenants.tenant("อบต.ประเมิน");
        Staff hr = staff(tenant, "HR1", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักทรัพยากรบุคคล", null,
                LocalDate.of(2015, 5, 1), EmploymentStatus.ACTIVE);
        GraphQlHttp officer = graphql(tenants.token(tenant, Role.HR_OFFICER));

        JsonNode first = ok(officer.execute(RECORD, assessment(hr, "C01", 1, "2023-01-10")), "recordAssessment").path("assessment");
        assertThat(first.path("staffId").asString()).isEqualTo(hr.id());
        assertThat(first.path("competency").path("nameTh").asString()).isEqualTo("มุ่งผลสัมฤทธิ์");
        assertThat(first.path("assessor").asString()).startsWith("ผู้ทดสอบ");
        assertThat(first.path("recordedBy").asString()).startsWith("ผู้ทดสอบ");
        Map<String, Object> later = new HashMap<>(Map.of("staffId", hr.id(), "competencyCode", "c01", "level", 3,
                "assessedOn", "2024-06-01", "assessor", "นายหัวหน้า สำนักปลัด", "note", "ผ่านการสอนงาน"));
        JsonNode second = ok(officer.execute(RECORD, Map.of("input", later)), "recordAssessment").path("assessment");
        assertThat(second.path("note").asString()).isEqualTo("ผ่านการสอนงาน");
        ok(officer.execute(RECORD, assessment(hr, "C02", 1, "2024-06-01")), "recordAssessment");
        ok(graphql(tenants.token(tenant, Role.TENANT_ADMIN)).execute(RECORD, assessment(hr, "F06", 2, "2024-06-01")), "recordAssessment");

        JsonNode history = officer.execute(HISTORY, Map.of("staffId", hr.id(), "code", "C01")).path("data").path("competencyAssessments");
        assertThat(history).extracting(h -> h.path("level").asInt()).containsExactly(3, 1);
        assertThat(history.get(0).path("assessor").asString()).isEqualTo("นายหัวหน้า สำนักปลัด");
        assertThat(officer.execute(HISTORY, Map.of("staffId", hr.id())).path("data").path("competencyAssessments")).hasSize(4);

        JsonNode gaps = officer.execute(GAPS, Map.of("staffId", hr.id(), "asOf", "2024-07-01")).path("data").path("competencyGaps");
        assertThat(gaps.path("staff").path("staffNumber").asString()).isEqualTo("HR1");
        assertThat(gaps.path("positionType").asString()).isEqualTo("ACADEMIC");
        assertThat(gaps.path("lineOfWork").asString()).isEqualTo("นักทรัพยากรบุคคล");
        Map<String, JsonNode> required = byCode(gaps.path("required"));
        assertThat(required.keySet()).containsExactly("C01", "C02", "C03", "C04", "C05", "F06", "F10", "F16", "F19");
        assertThat(required.get("C01").path("assessedLevel").asInt()).isEqualTo(3);
        assertThat(required.get("C01").path("gap").asInt()).isZero();
        assertThat(required.get("C01").path("assessedOn").asString()).isEqualTo("2024-06-01");
        assertThat(required.get("C03").path("assessed").asBoolean()).isFalse();
        assertThat(required.get("C03").path("assessedLevel").asInt()).isZero();
        assertThat(required.get("C03").path("assessedOn").isNull()).isTrue();
        Map<String, JsonNode> positive = byCode(gaps.path("gaps"));
        assertThat(positive.keySet()).containsExactly("C02", "C03", "C04", "C05", "F10", "F16", "F19");
        assertThat(positive.get("C02").path("gap").asInt()).isEqualTo(1);
        assertThat(positive.get("F16").path("gap").asInt()).isEqualTo(2);
        assertThat(gaps.path("totalGap").asInt()).isEqualTo(13);

        JsonNode before = officer.execute(GAPS, Map.of("staffId", hr.id(), "asOf", "2024-03-01")).path("data").path("competencyGaps");
        assertThat(byCode(before.path("gaps")).get("C01").path("assessedLevel").asInt()).isEqualTo(1);
        assertThat(before.path("totalGap").asInt()).isEqualTo(13 + 1 + 1 + 2);

        JsonNode viaStaff = officer.execute(STAFF, Map.of("id", hr.id())).path("data").path("staff");
        assertThat(viaStaff.path("competencyGaps").path("totalGap").asInt()).isEqualTo(13);
        assertThat(viaStaff.path("competencyAssessments")).hasSize(1);
    }

    @Test
    void anOrganisationsOwnRequirementChangesTheGaps() {
        Tenant tenant = tenants.tenant("อบต.ข้อกำหนดของตนเอง");
        Staff clerk = staff(tenant, "C1", PersonnelType.LOCAL_OFFICIAL, PositionType.GENERAL, "เจ้าพนักงาน ธุรการ", null,
                LocalDate.of(2018, 1, 1), EmploymentStatus.ACTIVE);
        Staff tourism = staff(tenant, "T1", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักวิชาการท่องเที่ยว", null,
                LocalDate.of(2018, 1, 1), EmploymentStatus.ACTIVE);
        GraphQlHttp admin = graphql(tenants.token(tenant, Role.TENANT_ADMIN));

        Map<String, JsonNode> clerkGaps = byCode(admin.execute(GAPS, Map.of("staffId", clerk.id())).path("data").path("competencyGaps").path("gaps"));
        assertThat(clerkGaps.keySet()).containsExactly("C01", "C02", "C03", "C04", "C05", "F04", "F10", "F19");
        assertThat(clerkGaps.get("C01").path("requiredLevel").asInt()).isEqualTo(1);
        Map<String, JsonNode> fallback = byCode(admin.execute(GAPS, Map.of("staffId", tourism.id())).path("data").path("competencyGaps").path("gaps"));
        assertThat(fallback.keySet()).containsExactly("C01", "C02", "C03", "C04", "C05", "F03", "F06", "F19");

        admin.execute(CompetencyCatalogueTest.ADD, Map.of("input", Map.of("code", "L-TOUR", "nameTh", "ความรู้เรื่องการท่องเที่ยวโดยชุมชน")));
        ok(admin.execute(CompetencyRequirementTest.SET, Map.of("input", Map.of("scope", "LINE_OF_WORK", "lineOfWork", "นักวิชาการท่องเที่ยว",
                "items", List.of(CompetencyRequirementTest.item("F13", 2), CompetencyRequirementTest.item("F15", 3),
                        CompetencyRequirementTest.item("F22", 2), CompetencyRequirementTest.item("L-TOUR", 4))))), "setRequirement");
        ok(admin.execute(RECORD, assessment(tourism, "L-TOUR", 2, null)), "recordAssessment");
        Map<String, JsonNode> own = byCode(admin.execute(GAPS, Map.of("staffId", tourism.id())).path("data").path("competencyGaps").path("gaps"));
        assertThat(own.keySet()).containsExactly("C01", "C02", "C03", "C04", "C05", "F13", "F15", "F22", "L-TOUR");
        assertThat(own.get("L-TOUR").path("gap").asInt()).isEqualTo(2);
        assertThat(own.get("F15").path("requiredLevel").asInt()).isEqualTo(3);
    }

    @Test
    void badAssessmentsAreRefusedWithUserErrors() {
        Tenant tenant = tenants.tenant("อบต.ประเมินผิด");
        Staff member = staff(tenant, "X1", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักวิชาการศึกษา", null,
                LocalDate.of(2020, 1, 1), EmploymentStatus.ACTIVE);
        GraphQlHttp officer = graphql(tenants.token(tenant, Role.HR_OFFICER));

        JsonNode bad = officer.execute(RECORD, assessment(member, "Z99", 6, LocalDate.now().plusDays(3).toString()))
                .path("data").path("recordAssessment");
        assertThat(bad.path("assessment").isNull()).isTrue();
        assertThat(bad.path("userErrors")).extracting(e -> e.path("code").asString()).containsExactly("NOT_FOUND", "INVALID", "INVALID");
        assertThat(bad.path("userErrors")).extracting(e -> e.path("field").get(1).asString())
                .containsExactly("competencyCode", "level", "assessedOn");
        JsonNode beforeAppointment = officer.execute(RECORD, assessment(member, "C01", 2, "2019-12-31")).path("data").path("recordAssessment");
        assertThat(beforeAppointment.path("userErrors").get(0).path("field").toString()).contains("assessedOn");
        assertThat(officer.execute(HISTORY, Map.of("staffId", member.id())).path("data").path("competencyAssessments")).isEmpty();
    }

    @Test
    void viewersCannotRecordAndOtherOrganisationsSeeNothing() {
        Tenant a = tenants.tenant("อบต.เอ ประเมิน");
        Tenant b = tenants.tenant("อบต.บี ประเมิน");
        Staff ofA = staff(a, "A1", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักทรัพยากรบุคคล", null,
                LocalDate.of(2016, 1, 1), EmploymentStatus.ACTIVE);
        ok(graphql(tenants.token(a, Role.HR_OFFICER)).execute(RECORD, assessment(ofA, "C01", 2, "2024-01-01")), "recordAssessment");

        JsonNode byViewer = graphql(tenants.token(a, Role.VIEWER)).execute(RECORD, assessment(ofA, "C01", 3, null));
        assertThat(GraphQlHttp.classification(byViewer)).isEqualTo("FORBIDDEN");
        GraphQlHttp viewerOfA = graphql(tenants.token(a, Role.VIEWER));
        assertThat(viewerOfA.execute(HISTORY, Map.of("staffId", ofA.id())).path("data").path("competencyAssessments")).hasSize(1);

        GraphQlHttp adminOfB = graphql(tenants.token(b, Role.TENANT_ADMIN));
        assertThat(GraphQlHttp.classification(adminOfB.execute(RECORD, assessment(ofA, "C01", 5, null)))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminOfB.execute(HISTORY, Map.of("staffId", ofA.id())))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminOfB.execute(GAPS, Map.of("staffId", ofA.id())))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminOfB.execute(GAPS, Map.of("staffId", "not-an-id")))).isEqualTo("NOT_FOUND");
        assertThat(GraphQlHttp.classification(adminOfB.execute(SUMMARY, Map.of("groupBy", "DIVISION", "organisationId", a.id()))))
                .isEqualTo("NOT_FOUND");
        assertThat(viewerOfA.execute(HISTORY, Map.of("staffId", ofA.id())).path("data").path("competencyAssessments").get(0)
                .path("level").asInt()).isEqualTo(2);

        GraphQlHttp committee = graphql(tenants.committeeToken("หนองคาย", TenantKind.SAO));
        assertThat(committee.execute(HISTORY, Map.of("staffId", ofA.id())).path("data").path("competencyAssessments")).hasSize(1);
        assertThat(GraphQlHttp.classification(committee.execute(RECORD, assessment(ofA, "C01", 5, null)))).isEqualTo("BAD_REQUEST");
        GraphQlHttp otherCommittee = graphql(tenants.committeeToken("อุดรธานี", TenantKind.SAO));
        assertThat(GraphQlHttp.classification(otherCommittee.execute(GAPS, Map.of("staffId", ofA.id())))).isEqualTo("NOT_FOUND");
    }

    @Test
    void gapsAreSummedPerDivisionAndPerTargetGroup() {
        Tenant tenant = tenants.tenant("อบต.สรุปช่องว่าง");
        Division office = division(tenant, "สำนักปลัด");
        Division finance = division(tenant, "กองคลัง");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Bangkok"));
        Staff hr = staff(tenant, "S1", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักทรัพยากรบุคคล", office,
                LocalDate.of(2015, 1, 1), EmploymentStatus.ACTIVE);
        staff(tenant, "S2", PersonnelType.LOCAL_OFFICIAL, PositionType.EXECUTIVE, "นักบริหารงานท้องถิ่น", null,
                LocalDate.of(2010, 1, 1), EmploymentStatus.ACTIVE);
        Staff clerk = staff(tenant, "S3", PersonnelType.LOCAL_OFFICIAL, PositionType.GENERAL, "เจ้าพนักงานธุรการ", finance,
                today.minusMonths(1), EmploymentStatus.ACTIVE);
        staff(tenant, "S4", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักวิชาการท่องเที่ยว", finance,
                LocalDate.of(2020, 1, 1), EmploymentStatus.ACTIVE);
        staff(tenant, "S5", PersonnelType.LOCAL_OFFICIAL, PositionType.ACADEMIC, "นักวิชาการเงินและบัญชี", finance,
                LocalDate.of(2012, 1, 1), EmploymentStatus.LEFT);
        GraphQlHttp officer = graphql(tenants.token(tenant, Role.HR_OFFICER));
        ok(officer.execute(RECORD, assessment(clerk, "F19", 2, null)), "recordAssessment");
        ok(officer.execute(RECORD, assessment(clerk, "C01", 1, null)), "recordAssessment");
        ok(officer.execute(RECORD, assessment(hr, "C01", 2, null)), "recordAssessment");

        GraphQlHttp viewer = graphql(tenants.token(tenant, Role.VIEWER));
        JsonNode byDivision = viewer.execute(SUMMARY, Map.of("groupBy", "DIVISION")).path("data").path("competencyGapSummary");
        assertThat(byDivision).extracting(g -> g.path("division").path("nameTh").asString(null))
                .containsExactly("สำนักปลัด", "กองคลัง", null);
        assertThat(byDivision).extracting(g -> g.path("staffCount").asInt()).containsExactly(1, 2, 1);
        JsonNode financeGroup = byDivision.get(1);
        assertThat(financeGroup.path("division").path("id").asString()).isEqualTo(finance.id());
        assertThat(financeGroup.path("staffWithGaps").asInt()).isEqualTo(2);
        Map<String, JsonNode> financeCounts = byCode(financeGroup.path("competencies"));
        assertThat(financeCounts.keySet()).containsExactly("C01", "C02", "C03", "C04", "C05", "F03", "F04", "F06", "F10", "F19");
        assertThat(financeCounts.get("C01").path("staffRequired").asInt()).isEqualTo(2);
        assertThat(financeCounts.get("C01").path("staffWithGap").asInt()).isEqualTo(1);
        assertThat(financeCounts.get("C01").path("totalGap").asInt()).isEqualTo(2);
        assertThat(financeCounts.get("C02").path("staffWithGap").asInt()).isEqualTo(2);
        assertThat(financeCounts.get("C02").path("totalGap").asInt()).isEqualTo(3);
        assertThat(financeCounts.get("C02").path("averageGap").asDouble()).isEqualTo(1.5);
        assertThat(financeCounts.get("F19").path("staffRequired").asInt()).isEqualTo(2);
        assertThat(financeCounts.get("F19").path("staffWithGap").asInt()).isEqualTo(1);
        assertThat(financeCounts.get("F19").path("averageGap").asDouble()).isEqualTo(2.0);
        JsonNode noDivision = byDivision.get(2);
        assertThat(byCode(noDivision.path("competencies")).keySet()).contains("M01", "M04", "F17");
        assertThat(byCode(byDivision.get(0).path("competencies")).get("C01").path("staffWithGap").asInt()).isZero();

        JsonNode byGroup = viewer.execute(SUMMARY, Map.of("groupBy", "TARGET_GROUP")).path("data").path("competencyGapSummary");
        assertThat(byGroup).extracting(g -> g.path("targetGroup").asString())
                .containsExactly("NEWLY_APPOINTED", "EXPERIENCED", "DIRECTOR_LEVEL", "EXECUTIVE");
        assertThat(byGroup).extracting(g -> g.path("staffCount").asInt()).containsExactly(1, 2, 0, 1);
        assertThat(byGroup.get(2).path("competencies")).isEmpty();
        assertThat(byCode(byGroup.get(3).path("competencies")).get("M01").path("averageGap").asDouble()).isEqualTo(3.0);
        assertThat(byCode(byGroup.get(0).path("competencies")).get("C01").path("staffWithGap").asInt()).isZero();

        JsonNode earlier = viewer.execute(SUMMARY, Map.of("groupBy", "TARGET_GROUP", "asOf", today.minusMonths(2).toString()))
                .path("data").path("competencyGapSummary");
        assertThat(earlier).extracting(g -> g.path("staffCount").asInt()).containsExactly(0, 2, 0, 1);

        JsonNode page = viewer.execute("{ staffMembers(first: 10) { edges { node { staffNumber competencyGaps { totalGap } } } } }");
        Map<String, Integer> totals = new HashMap<>();
        page.path("data").path("staffMembers").path("edges").forEach(edge -> totals.put(edge.path("node").path("staffNumber").asString(),
                edge.path("node").path("competencyGaps").path("totalGap").asInt()));
        assertThat(totals).as(page.toString()).containsEntry("S1", 16).containsEntry("S2", 39).containsEntry("S3", 8).containsEntry("S4", 16);

        GraphQlHttp national = graphql(tenants.nationalToken());
        assertThat(national.execute(SUMMARY, Map.of("groupBy", "DIVISION", "organisationId", tenant.id())).path("data")
                .path("competencyGapSummary")).hasSize(3);
    }
}
