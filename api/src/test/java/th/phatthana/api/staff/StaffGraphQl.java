package th.phatthana.api.staff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import th.phatthana.api.testing.GraphQlHttp;
import tools.jackson.databind.JsonNode;

/** The GraphQL documents of the staff tests, and small helpers around them. */
final class StaffGraphQl {

    private StaffGraphQl() {
    }

    static final String STAFF_FIELDS = """
            id staffNumber title firstNameTh lastNameTh fullNameTh personnelType positionTitle positionType
            lineOfWork { code nameTh } level division { id nameTh } appointmentDate probationEndDate status
            xapiIdentities { mbox mboxSha1sum openid account { homePage name } } hasCitizenId
            """;

    static final String CREATE_STAFF = "mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { " + STAFF_FIELDS
            + " } userErrors { field message code } } }";

    static final String UPDATE_STAFF = "mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { " + STAFF_FIELDS
            + " } userErrors { field message code } } }";

    static final String STAFF = "query($id: ID!, $asOf: Date) { staff(id: $id) { " + STAFF_FIELDS
            + " targetGroup(asOf: $asOf) targetGroups(asOf: $asOf) } }";

    static final String STAFF_MEMBERS = """
            query($org: ID, $first: Int, $after: String, $filter: StaffFilter) {
              staffMembers(organisationId: $org, first: $first, after: $after, filter: $filter) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id staffNumber firstNameTh lastNameTh } }
              }
            }""";

    static final String CREATE_DIVISION = """
            mutation($input: CreateDivisionInput!) {
              createDivision(input: $input) { division { id nameTh nameEn sortOrder } userErrors { field message code } }
            }""";

    /** A complete, valid createStaff input; change fields with {@link #with}. */
    static Map<String, Object> staffInput(String staffNumber, String firstName, String lastName) {
        Map<String, Object> input = new HashMap<>();
        input.put("staffNumber", staffNumber);
        input.put("title", "นาย");
        input.put("firstNameTh", firstName);
        input.put("lastNameTh", lastName);
        input.put("personnelType", "LOCAL_OFFICIAL");
        input.put("positionTitle", "นักจัดการงานทั่วไปปฏิบัติการ");
        input.put("positionType", "ACADEMIC");
        input.put("lineOfWork", Map.of("code", "3103", "nameTh", "นักจัดการงานทั่วไป"));
        input.put("level", "ปฏิบัติการ");
        input.put("appointmentDate", "2020-06-01");
        input.put("probationEndDate", "2020-11-30");
        return input;
    }

    static Map<String, Object> with(Map<String, Object> input, Object... pairs) {
        Map<String, Object> copy = new HashMap<>(input);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    static JsonNode createStaff(GraphQlHttp client, Map<String, Object> input) {
        return client.execute(CREATE_STAFF, Map.of("input", input)).path("data").path("createStaff");
    }

    /** Creates a staff member that must be accepted; its id. */
    static String newStaff(GraphQlHttp client, Map<String, Object> input) {
        JsonNode payload = createStaff(client, input);
        if (!payload.path("userErrors").isEmpty() || payload.path("staff").isNull() || payload.path("staff").isMissingNode()) {
            throw new AssertionError("createStaff refused: " + payload);
        }
        return payload.path("staff").path("id").asString();
    }

    static String newDivision(GraphQlHttp client, String nameTh) {
        JsonNode payload = client.execute(CREATE_DIVISION, Map.of("input", Map.of("nameTh", nameTh))).path("data").path("createDivision");
        if (!payload.path("userErrors").isEmpty()) {
            throw new AssertionError("createDivision refused: " + payload);
        }
        return payload.path("division").path("id").asString();
    }

    /** Every staff number of a filtered list, page by page. */
    static List<String> allStaffNumbers(GraphQlHttp client, Map<String, Object> filter, int pageSize) {
        List<String> numbers = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 1000; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", pageSize);
            variables.put("filter", filter);
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode connection = client.execute(STAFF_MEMBERS, variables).path("data").path("staffMembers");
            for (JsonNode edge : connection.path("edges")) {
                numbers.add(edge.path("node").path("staffNumber").asString());
            }
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return numbers;
            }
            after = connection.path("pageInfo").path("endCursor").asString();
        }
        throw new AssertionError("paging did not end");
    }

    /** The userErrors' fields, dotted: input.citizenId. */
    static List<String> errorFields(JsonNode payload) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            List<String> parts = new ArrayList<>();
            error.path("field").forEach(part -> parts.add(part.asString()));
            fields.add(String.join(".", parts));
        }
        return fields;
    }

    /** A valid Thai citizen ID from twelve digits. */
    static String citizenId(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (13 - i);
        }
        return twelve + (11 - sum % 11) % 10;
    }

    /** The same twelve digits with a wrong check digit. */
    static String wrongCitizenId(String twelve) {
        String good = citizenId(twelve);
        int wrong = (good.charAt(12) - '0' + 1) % 10;
        return twelve + wrong;
    }
}
