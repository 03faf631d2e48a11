package th.phatthana.api.pdpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import gov.adlnet.xapi.client.StatementClient;
import gov.adlnet.xapi.model.Activity;
import gov.adlnet.xapi.model.Agent;
import gov.adlnet.xapi.model.Statement;
import gov.adlnet.xapi.model.Verb;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.api.testing.XapiHttp;
import th.phatthana.lrs.statements.ErasedPerson;
import th.phatthana.lrs.statements.StatementErasure;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.ErasurePolicy;
import th.phatthana.tenants.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure under the PDPA, end to end: a staff member's statements, documents and attachment come
 * in over HTTP as a provider sends them, the person is erased through GraphQL, and then every
 * collection of the database is read as text for anything that identifies them. Another
 * organisation's statements about the same e-mail address stay.
 */
class ErasureTest extends IntegrationTest {

    static final String ERASE = """
            mutation($input: EraseStaffMemberInput!) { eraseStaffMember(input: $input) {
              erasure { id mode statementsDeleted statementsPseudonymised attachmentsDeleted documentsDeleted agentsForgotten
                        assessmentsDeleted erasedAt }
              userErrors { field message code } } }""";
    static final String ACTIVITY = "https://elearning.dla.go.th/activities/pdpa-";
    static final String VERB = "http://adlnet.gov/expapi/verbs/completed";

    @Autowired
    TestTenants tenants;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StaffService staffService;
    @Autowired
    StatementErasure statementErasure;

    final JsonMapper json = JsonMapper.builder().build();

    /** The person, as the organisation and its providers know them. */
    record Person(String staffId, String email, String accountName, String openid, String firstName, String lastName,
            String staffNumber, String citizenIdHash) {

        String mbox() {
            return "mailto:" + email;
        }

        String sha1() {
            return sha1Hex(mbox());
        }

        String agent() {
            return "{\"objectType\":\"Agent\",\"mbox\":\"" + mbox() + "\"}";
        }

        /** Everything that identifies them, as it could be stored. */
        List<String> identifiers() {
            return List.of(email, sha1(), accountName, openid, firstName + " " + lastName, lastName, staffNumber, citizenIdHash);
        }
    }

    Tenant organisation;
    TestTenants.XapiAccess provider;
    XapiHttp xapi;
    GraphQlHttp admin;
    String run;

    @BeforeEach
    void organisation() {
        run = UUID.randomUUID().toString().substring(0, 8);
        organisation = tenants.tenant("อบต.คุ้มครองข้อมูล");
        provider = tenants.credential(organisation);
        xapi = new XapiHttp(xapiEndpoint(), provider);
        admin = new GraphQlHttp(baseUrl(), tenants.token(organisation, Role.TENANT_ADMIN));
    }

    @Test
    void pseudonymisingLeavesNothingThatIdentifiesThePersonAndKeepsTheLearningCounts() throws Exception {
        Person person = enrol("A");
        String activity = ACTIVITY + run;
        TestTenants.XapiAccess elsewhere = sameAddressInAnotherOrganisation(person, activity);
        int sent = learn(person, activity);
        assertThat(holdersOf(person)).as("the scan finds the person before the erasure").contains("statements", "xapi_documents",
                "statement_attachments", "agents", "progress_actors", "staff", "competency_assessments");

        JsonNode erasure = erase(person, null);

        assertThat(erasure.path("mode").asString()).as("the organisation's default policy").isEqualTo("PSEUDONYMISE");
        assertThat(erasure.path("statementsDeleted").asInt()).isZero();
        assertThat(erasure.path("statementsPseudonymised").asInt()).isEqualTo(sent);
        assertThat(erasure.path("attachmentsDeleted").asInt()).isEqualTo(1);
        assertThat(erasure.path("documentsDeleted").asInt()).isEqualTo(2);
        assertThat(erasure.path("assessmentsDeleted").asInt()).isEqualTo(1);
        assertThat(holdersOf(person)).as("collections of this organisation still holding something of the person").isEmpty();
        assertNothingAnswersForThem(person);

        // the counts stay: every statement is still there, its people anonymous
        JsonNode all = json.readTree(xapi.get("/statements?limit=100&" + XapiHttp.query("activity", activity)
                + "&related_activities=true").body()).path("statements");
        assertThat(all).hasSize(sent);
        List<String> pseudonyms = new ArrayList<>();
        for (JsonNode statement : all) {
            JsonNode actor = statement.path("actor");
            if (actor.path("account").path("homePage").asString("").equals(ErasedPerson.ERASED_HOME_PAGE)) {
                assertThat(actor.has("name")).as("a pseudonymised actor has no name").isFalse();
                pseudonyms.add(actor.path("account").path("name").asString());
            }
            assertThat(statement.has("attachments")).as("attachments of rewritten statements are dropped").isFalse();
        }
        assertThat(pseudonyms).as("one random account for all of the person's identities").hasSize(sent - 2).containsOnly(pseudonyms.get(0));
        assertUntouched(elsewhere, person);
        assertOneAuditEvent(erasure, "PSEUDONYMISE");
    }

    @Test
    void deletingRemovesTheirStatementsAndProgressDoesNotWaitForTheGaps() throws Exception {
        Person person = enrol("D");
        String activity = ACTIVITY + run;
        TestTenants.XapiAccess elsewhere = sameAddressInAnotherOrganisation(person, activity);
        int sent = learn(person, activity);

        JsonNode policy = admin.execute("mutation { setErasurePolicy(input: {policy: DELETE}) { organisation { erasurePolicy } "
                + "userErrors { code } } }");
        assertThat(policy.path("data").path("setErasurePolicy").path("organisation").path("erasurePolicy").asString()).isEqualTo("DELETE");

        JsonNode erasure = erase(person, null);

        assertThat(erasure.path("mode").asString()).isEqualTo("DELETE");
        assertThat(erasure.path("statementsDeleted").asInt()).as("those with the person as actor").isEqualTo(sent - 2);
        assertThat(erasure.path("statementsPseudonymised").asInt()).as("instructor, and text mentioning them").isEqualTo(2);
        assertThat(holdersOf(person)).as("collections of this organisation still holding something of the person").isEmpty();
        assertNothingAnswersForThem(person);
        JsonNode left = json.readTree(xapi.get("/statements?limit=100&" + XapiHttp.query("activity", activity)
                + "&related_activities=true").body()).path("statements");
        assertThat(left).hasSize(2);

        long holes = mongo.getCollection("statement_stream_holes").countDocuments(new Document("tenantId", organisation.id()));
        assertThat(holes).as("the deleted statements' numbers are holes of the stream").isEqualTo(sent - 2);
        long last = mongo.getCollection("statement_counters").find(new Document("_id", organisation.id())).first()
                .get("seq", Number.class).longValue();
        Document checkpoint = mongo.getCollection("progress_checkpoints").find(new Document("_id", organisation.id())).first();
        assertThat(checkpoint.get("seq", Number.class).longValue()).as("the rebuilt progress passed every gap").isEqualTo(last);
        assertUntouched(elsewhere, person);
        assertOneAuditEvent(erasure, "DELETE");
    }

    @Test
    void anErasureThatStoppedPartWayFinishesWhenRunAgain() throws Exception {
        Person person = enrol("R");
        learn(person, ACTIVITY + run);
        // a first run that got as far as the statements and then died
        StaffService.PendingErasure pending = staffService.startErasure(organisation.id(), person.staffId(), ErasurePolicy.PSEUDONYMISE)
                .orElseThrow();
        ErasedPerson identities = ErasedPerson.of(List.of(XapiIdentity.ofMbox(person.mbox())), List.of(), pending.pseudonym());
        statementErasure.erase(organisation.id(), identities, pending.mode());
        assertThat(holdersOf(person)).as("half done").isNotEmpty();

        JsonNode erasure = erase(person, ErasurePolicy.DELETE);

        assertThat(erasure.path("id").asString()).as("the same erasure, continued").isEqualTo(pending.erasureId());
        assertThat(erasure.path("mode").asString()).as("in the mode it started with").isEqualTo("PSEUDONYMISE");
        assertThat(holdersOf(person)).isEmpty();
        JsonNode again = admin.execute(ERASE, Map.of("input", Map.of("staffId", person.staffId(), "reason", "คำร้องที่ 7/2568")));
        assertThat(GraphQlHttp.classification(again)).as("erased already").isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyTheOrganisationsAdministratorErasesAndTheReasonMustNotNameThePerson() throws Exception {
        Person person = enrol("P");
        GraphQlHttp hr = new GraphQlHttp(baseUrl(), tenants.token(organisation, Role.HR_OFFICER));
        Map<String, Object> input = Map.of("staffId", person.staffId(), "reason", "คำร้องที่ 9/2568");
        assertThat(GraphQlHttp.classification(hr.execute(ERASE, Map.of("input", input)))).isEqualTo("FORBIDDEN");
        Tenant other = tenants.tenant("อบต.อื่น");
        GraphQlHttp otherAdmin = new GraphQlHttp(baseUrl(), tenants.token(other, Role.TENANT_ADMIN));
        assertThat(GraphQlHttp.classification(otherAdmin.execute(ERASE, Map.of("input", input)))).isEqualTo("NOT_FOUND");

        for (String reason : List.of("", "คำขอของ " + person.firstName() + " " + person.lastName(), "ขอลบ " + person.email(),
                "เลขประจำตัว 1-2345-67890-12-3", "x".repeat(StaffErasure.MAX_REASON + 1))) {
            JsonNode refused = admin.execute(ERASE, Map.of("input", Map.of("staffId", person.staffId(), "reason", reason)))
                    .path("data").path("eraseStaffMember");
            assertThat(refused.path("erasure").isNull()).as(reason).isTrue();
            assertThat(refused.path("userErrors").get(0).path("field").toString()).as(reason).contains("reason");
        }
        assertThat(mongo.getCollection("staff").countDocuments(new Document("_id", person.staffId()))).as("nothing erased").isEqualTo(1);
        assertThat(mongo.getCollection("staff").find(new Document("_id", person.staffId())).first().containsKey("erasure"))
                .as("nor started").isFalse();
    }

    // ---- the person and their data -----------------------------------------------------------------

    /** A staff member with an e-mail address, an account, an openid, a citizen ID and an assessment. */
    Person enrol(String label) {
        String email = "somchai.pdpa." + run + "@sangkhom.go.th";
        String account = "dla-" + run;
        String openid = "https://id.sangkhom.go.th/people/" + run;
        String lastName = "ลบได้" + run;
        String staffNumber = "PDPA-" + label + "-" + run;
        Map<String, Object> input = new HashMap<>(Map.of("staffNumber", staffNumber, "title", "นาย", "firstNameTh", "สมชาย",
                "lastNameTh", lastName, "personnelType", "LOCAL_OFFICIAL", "positionTitle", "นักจัดการงานทั่วไปปฏิบัติการ",
                "positionType", "ACADEMIC", "appointmentDate", "2020-06-01"));
        input.put("citizenId", citizenId("31005" + String.format(Locale.ROOT, "%07d", Math.abs(run.hashCode()) % 10_000_000)));
        input.put("xapiIdentities", List.of(Map.of("mbox", "mailto:" + email),
                Map.of("account", Map.of("homePage", "https://elearning.dla.go.th", "name", account)), Map.of("openid", openid)));
        JsonNode created = admin.execute("mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } "
                + "userErrors { field message } } }", Map.of("input", input)).path("data").path("createStaff");
        assertThat(created.path("userErrors").isArray()).as(created.toString()).isTrue();
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        String staffId = created.path("staff").path("id").asString();
        JsonNode assessed = admin.execute("mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { "
                + "userErrors { message } } }", Map.of("input", Map.of("staffId", staffId, "competencyCode", "C01", "level", 2,
                        "note", "ประเมินโดยหัวหน้า: " + "สมชาย " + lastName)));
        assertThat(assessed.path("data").path("recordAssessment").path("userErrors").isArray()).as(assessed.toString()).isTrue();
        assertThat(assessed.path("data").path("recordAssessment").path("userErrors")).as(assessed.toString()).isEmpty();
        String citizenIdHash = mongo.getCollection("staff").find(new Document("_id", staffId)).first().getString("citizenIdHash");
        assertThat(citizenIdHash).isNotBlank();
        return new Person(staffId, email, account, openid, "สมชาย", lastName, staffNumber, citizenIdHash);
    }

    /**
     * What the providers send about the person: statements under each of their identities (the
     * ADL client for the first), one with an attachment, one where they are the instructor of
     * someone else, one by someone else that mentions their address; a state document and an
     * agent profile. Returns how many statements, and waits until progress has seen them all.
     */
    int learn(Person person, String activity) throws Exception {
        Statement byClient = new Statement(new Agent("สมชาย " + person.lastName(), person.mbox()), new Verb(VERB),
                new Activity(activity));
        new StatementClient(xapiEndpoint(), provider.key(), provider.secret()).postStatement(byClient);

        List<String> actors = List.of("{\"mbox_sha1sum\":\"" + person.sha1() + "\",\"name\":\"Somchai " + run + "\"}",
                "{\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\"" + person.accountName() + "\"}}",
                "{\"openid\":\"" + person.openid() + "\"}");
        for (String actor : actors) {
            assertThat(xapi.postJson("/statements", statement(actor, activity, "")).statusCode()).isEqualTo(200);
        }
        postWithCertificate(person, activity);
        String mentor = "{\"mbox\":\"mailto:mentor-" + run + "@sangkhom.go.th\",\"name\":\"ครูพี่เลี้ยง\"}";
        assertThat(xapi.postJson("/statements", statement(mentor, activity, ",\"context\":{\"instructor\":{\"mbox\":\""
                + person.mbox() + "\",\"name\":\"สมชาย " + person.lastName() + "\"}}")).statusCode()).isEqualTo(200);
        assertThat(xapi.postJson("/statements", statement(mentor, activity, ",\"result\":{\"response\":\"ส่งรายงานให้ "
                + person.email() + " แล้ว\"}")).statusCode()).isEqualTo(200);
        int sent = 7;

        String agent = XapiHttp.query("agent", person.agent());
        HttpResponse<String> state = xapi.send(xapi.builder("/activities/state?" + XapiHttp.query("activityId", activity) + "&" + agent
                + "&stateId=bookmark").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"learner\":\"สมชาย " + person.lastName() + "\"}")));
        assertThat(state.statusCode()).as(state.body()).isEqualTo(204);
        String accountAgent = XapiHttp.query("agent", "{\"account\":{\"homePage\":\"https://elearning.dla.go.th\",\"name\":\""
                + person.accountName() + "\"}}");
        HttpResponse<String> profile = xapi.send(xapi.builder("/agents/profile?" + accountAgent + "&profileId=preferences")
                .header("Content-Type", "application/json").header("If-None-Match", "*")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"language\":\"th\",\"email\":\"" + person.email() + "\"}")));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(204);

        awaitProgressOf(sent);
        return sent;
    }

    String statement(String actor, String activity, String more) {
        return "{\"actor\":" + actor + ",\"verb\":{\"id\":\"" + VERB + "\"},\"object\":{\"id\":\"" + activity + "\"}" + more + "}";
    }

    void postWithCertificate(Person person, String activity) throws Exception {
        byte[] certificate = ("ใบประกาศนียบัตร มอบให้ สมชาย " + person.lastName()).getBytes(StandardCharsets.UTF_8);
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
        String statement = statement("{\"mbox\":\"" + person.mbox() + "\"}", activity, ",\"attachments\":[{\"usageType\":"
                + "\"https://phatthana.th/attachments/certificate\",\"display\":{\"th-TH\":\"ใบประกาศ\"},\"contentType\":\"text/plain\","
                + "\"length\":" + certificate.length + ",\"sha2\":\"" + sha2 + "\"}]");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b0undary\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n--b0undary\r\n"
                + "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + sha2 + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(certificate);
        body.writeBytes("\r\n--b0undary--".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = xapi.post("/statements", "multipart/mixed; boundary=b0undary", body.toByteArray());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    }

    /** The same e-mail address learning in another organisation: its credential. */
    TestTenants.XapiAccess sameAddressInAnotherOrganisation(Person person, String activity) {
        TestTenants.XapiAccess other = tenants.xapi("อบต.ข้างเคียง");
        HttpResponse<String> posted = new XapiHttp(xapiEndpoint(), other).postJson("/statements",
                statement("{\"mbox\":\"" + person.mbox() + "\",\"name\":\"สมชาย " + person.lastName() + "\"}", activity, ""));
        assertThat(posted.statusCode()).isEqualTo(200);
        return other;
    }

    JsonNode erase(Person person, ErasurePolicy mode) {
        Map<String, Object> input = new HashMap<>(Map.of("staffId", person.staffId(), "reason", "คำร้องขอลบข้อมูล ลงวันที่ 3 ก.พ. 2568"));
        if (mode != null) {
            input.put("mode", mode.name());
        }
        JsonNode response = admin.execute(ERASE, Map.of("input", input));
        JsonNode payload = response.path("data").path("eraseStaffMember");
        assertThat(payload.path("userErrors").isArray()).as(response.toString()).isTrue();
        assertThat(payload.path("userErrors")).as(response.toString()).isEmpty();
        return payload.path("erasure");
    }

    // ---- what must hold afterwards ---------------------------------------------------------------------

    /**
     * The collections in which a document of this organisation (or of no organisation) still holds
     * one of the person's identifiers, as JSON text, binary contents read as UTF-8 text too.
     */
    List<String> holdersOf(Person person) {
        List<String> holders = new ArrayList<>();
        for (String collection : mongo.getDb().listCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                String text = asText(document).toLowerCase(Locale.ROOT);
                boolean identifies = person.identifiers().stream().anyMatch(id -> text.contains(id.toLowerCase(Locale.ROOT)));
                if (identifies && !belongsToAnotherOrganisation(document)) {
                    holders.add(collection);
                    break;
                }
            }
        }
        return holders;
    }

    boolean belongsToAnotherOrganisation(Document document) {
        Object tenantId = document.get("tenantId");
        if (tenantId != null) {
            return !tenantId.equals(organisation.id());
        }
        return !String.valueOf(document.get("_id")).startsWith(organisation.id());
    }

    /** Every key and value of the document as text (toJson would escape Thai), binary contents read as UTF-8. */
    static String asText(Document document) {
        StringBuilder text = new StringBuilder();
        append(document, text);
        return text.toString();
    }

    private static void append(Object value, StringBuilder text) {
        if (value instanceof Binary binary) {
            text.append(new String(binary.getData(), StandardCharsets.UTF_8));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                text.append(key).append('=');
                append(inner, text);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> append(inner, text));
        } else {
            text.append(value);
        }
        text.append('\n');
    }

    void assertNothingAnswersForThem(Person person) {
        HttpResponse<String> byMbox = xapi.get("/statements?" + XapiHttp.query("agent", person.agent()));
        assertThat(json.readTree(byMbox.body()).path("statements")).as("GET /xapi/statements?agent=<their mbox>").isEmpty();
        HttpResponse<String> related = xapi.get("/statements?related_agents=true&" + XapiHttp.query("agent", person.agent()));
        assertThat(json.readTree(related.body()).path("statements")).as("…with related agents").isEmpty();
        HttpResponse<String> asPerson = xapi.get("/agents?" + XapiHttp.query("agent", person.agent()));
        assertThat(asPerson.body()).doesNotContain("สมชาย");
        JsonNode staff = admin.execute("query($id: ID!) { staff(id: $id) { id } }", Map.of("id", person.staffId()));
        assertThat(GraphQlHttp.classification(staff)).isEqualTo("NOT_FOUND");
        JsonNode unmatched = admin.execute("{ unmatchedActors(first: 100) { actorKey } }");
        assertThat(unmatched.path("data").path("unmatchedActors").toString()).as("erased people are nobody to link")
                .doesNotContain(ErasedPerson.ERASED_HOME_PAGE);
    }

    void assertUntouched(TestTenants.XapiAccess elsewhere, Person person) {
        HttpResponse<String> there = new XapiHttp(xapiEndpoint(), elsewhere).get("/statements?" + XapiHttp.query("agent", person.agent()));
        JsonNode statements = json.readTree(there.body()).path("statements");
        assertThat(statements).as("the other organisation's statement about the same address").hasSize(1);
        assertThat(statements.get(0).path("actor").path("name").asString()).isEqualTo("สมชาย " + person.lastName());
    }

    void assertOneAuditEvent(JsonNode erasure, String mode) {
        List<Document> events = mongo.getCollection("audit_events")
                .find(new Document("tenantId", organisation.id()).append("action", "staff.erase")).into(new ArrayList<>());
        assertThat(events).hasSize(1);
        Document event = events.get(0);
        assertThat(event.getString("target")).isEqualTo("erasure:" + erasure.path("id").asString());
        Document details = event.get("details", Document.class);
        assertThat(details.getString("reason")).isEqualTo("คำร้องขอลบข้อมูล ลงวันที่ 3 ก.พ. 2568");
        assertThat(details.getString("mode")).isEqualTo(mode);
        assertThat(details.getString("erasureId")).isEqualTo(erasure.path("id").asString());
    }

    void awaitProgressOf(int statements) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            long seen = 0;
            for (Document actor : mongo.getCollection("progress_actors").find(new Document("tenantId", organisation.id()))) {
                seen += actor.get("statements", Number.class).longValue();
            }
            if (seen >= statements) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("progress did not see the " + statements + " statements in 20 s");
    }

    static String citizenId(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (13 - i);
        }
        return twelve + (11 - sum % 11) % 10;
    }

    static String sha1Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
