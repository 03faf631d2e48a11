package th.phatthana.api.xapi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import gov.adlnet.xapi.client.ActivityClient;
import gov.adlnet.xapi.client.AgentClient;
import gov.adlnet.xapi.model.Activity;
import gov.adlnet.xapi.model.ActivityProfile;
import gov.adlnet.xapi.model.ActivityState;
import gov.adlnet.xapi.model.Agent;
import gov.adlnet.xapi.model.AgentProfile;
import gov.adlnet.xapi.model.Person;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;
import th.phatthana.lrs.activities.ActivityDefinitionService;
import th.phatthana.lrs.agents.AgentDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A course as ADL's jxapi client library drives the document resources: it keeps the learner's
 * bookmark in State, course-wide settings in an Activity Profile and learner preferences in an
 * Agent Profile, and reads the Activity and the Person.
 */
class JxapiDocumentsTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ActivityDefinitionService definitions;
    @Autowired
    AgentDirectory directory;

    private static JsonObject object(String property, String value) {
        JsonObject object = new JsonObject();
        object.addProperty(property, value);
        return object;
    }

    private static HashMap<String, String> header(String name, String value) {
        HashMap<String, String> headers = new HashMap<>();
        headers.put(name, value);
        return headers;
    }

    @Test
    void aCourseKeepsStateAndProfilesThroughTheAdlClient() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.หลักสูตร");
        String course = "https://elearning.dla.go.th/courses/saraban-" + UUID.randomUUID();
        // jxapi puts the agent JSON into the query string as it is (unencoded): keep it free of spaces.
        Agent learner = new Agent(null, "mailto:malee-" + UUID.randomUUID() + "@sangkhom.go.th");
        ActivityClient activities = new ActivityClient(xapiEndpoint(), access.key(), access.secret());

        // State: the bookmark, per registration.
        ActivityState bookmark = new ActivityState(course, "bookmark", learner);
        UUID registration = UUID.randomUUID();
        bookmark.setRegistration(registration);
        bookmark.setState(object("page", "บทที่ 3"));
        assertThat(activities.putActivityState(bookmark)).isTrue();
        assertThat(activities.getActivityState(bookmark).get("page").getAsString()).isEqualTo("บทที่ 3");

        // The course saves again without any concurrency header: allowed for State in 1.0.3.
        bookmark.setState(object("page", "บทที่ 4"));
        assertThat(activities.putActivityState(bookmark)).isTrue();
        ActivityState progress = new ActivityState(course, "progress", learner);
        progress.setRegistration(registration);
        progress.setState(object("lesson1", "passed"));
        assertThat(activities.postActivityState(progress)).isTrue();
        progress.setState(object("lesson2", "incomplete"));
        assertThat(activities.postActivityState(progress)).isTrue();
        JsonObject merged = activities.getActivityState(progress);
        assertThat(merged.get("lesson1").getAsString()).isEqualTo("passed");
        assertThat(merged.get("lesson2").getAsString()).isEqualTo("incomplete");

        JsonArray stateIds = activities.getActivityStates(course, learner, registration.toString(), null);
        assertThat(names(stateIds)).containsExactlyInAnyOrder("bookmark", "progress");
        assertThat(activities.deleteActivityState(bookmark)).isTrue();
        assertThat(names(activities.getActivityStates(course, learner, registration.toString(), null))).containsExactly("progress");
        assertThat(activities.deleteActivityStates(course, learner, null)).isTrue();
        assertThat(activities.getActivityStates(course, learner, null, null).size()).isZero();

        // Activity Profile: course-wide settings, created with If-None-Match and merged by POST.
        ActivityProfile settings = new ActivityProfile(course, "settings");
        settings.setProfile(object("passingScore", "0.8"));
        assertThat(activities.putActivityProfile(settings, header("If-None-Match", "*"))).isTrue();
        settings.setProfile(object("language", "th-TH"));
        assertThat(activities.postActivityProfile(settings, new HashMap<>())).isTrue();
        JsonObject stored = activities.getActivityProfile(settings);
        assertThat(stored.get("passingScore").getAsString()).isEqualTo("0.8");
        assertThat(stored.get("language").getAsString()).isEqualTo("th-TH");
        assertThat(names(activities.getActivityProfiles(course, null))).containsExactly("settings");

        // Overwriting without saying so is refused; with If-Match: * it is allowed.
        settings.setProfile(object("passingScore", "0.5"));
        assertThatThrownBy(() -> activities.putActivityProfile(settings, new HashMap<>())).isInstanceOf(IOException.class)
                .hasMessageContaining("409");
        assertThat(activities.putActivityProfile(settings, header("If-Match", "*"))).isTrue();
        assertThat(activities.getActivityProfile(settings).has("language")).isFalse();
        assertThat(activities.deleteActivityProfile(settings, "*")).isTrue();
        assertThat(activities.getActivityProfiles(course, null).size()).isZero();

        // Agent Profile: the learner's preferences.
        AgentClient agents = new AgentClient(xapiEndpoint(), access.key(), access.secret());
        AgentProfile preferences = new AgentProfile(learner, "preferences");
        preferences.setProfile(object("fontSize", "large"));
        assertThat(agents.putAgentProfile(preferences, header("If-None-Match", "*"))).isTrue();
        preferences.setProfile(object("theme", "dark"));
        assertThat(agents.postAgentProfile(preferences, new HashMap<>())).isTrue();
        JsonElement prefs = agents.getAgentProfile(preferences);
        assertThat(prefs.getAsJsonObject().get("fontSize").getAsString()).isEqualTo("large");
        assertThat(prefs.getAsJsonObject().get("theme").getAsString()).isEqualTo("dark");
        assertThat(names(agents.getAgentProfiles(learner, null))).containsExactly("preferences");
        assertThat(agents.deleteAgentProfile(preferences, "*")).isTrue();
        assertThat(agents.getAgentProfiles(learner, null).size()).isZero();

        // The Activity and the Person, once statements have named them.
        JsonMapper json = JsonMapper.builder().build();
        JsonNode statement = json.readTree("""
                {"actor":{"name":"มาลี ศรีสุข","mbox":"%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/launched"},
                 "object":{"id":"%s","definition":{"name":{"th-TH":"ระเบียบงานสารบรรณ"},
                   "type":"http://adlnet.gov/expapi/activities/course"}}}""".formatted(learner.getMbox(), course));
        definitions.recordDefinitions(access.tenant().id(), List.of(statement), true);
        directory.recordAgents(access.tenant().id(), List.of(statement));

        Activity activity = activities.getActivity(course);
        assertThat(activity.getId()).isEqualTo(course);
        assertThat(activity.getDefinition().getName()).containsEntry("th-TH", "ระเบียบงานสารบรรณ");
        assertThat(activity.getDefinition().getType()).isEqualTo("http://adlnet.gov/expapi/activities/course");

        Person person = agents.getPerson(learner);
        assertThat(person.getName()).containsExactly("มาลี ศรีสุข");
        assertThat(person.getMbox()).containsExactly(learner.getMbox());
    }

    private static List<String> names(JsonArray array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(element -> names.add(element.getAsString()));
        return names;
    }
}
