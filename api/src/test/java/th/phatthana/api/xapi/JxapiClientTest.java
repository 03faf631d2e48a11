package th.phatthana.api.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.adlnet.xapi.client.StatementClient;
import gov.adlnet.xapi.model.Activity;
import gov.adlnet.xapi.model.ActivityDefinition;
import gov.adlnet.xapi.model.Agent;
import gov.adlnet.xapi.model.Context;
import gov.adlnet.xapi.model.ContextActivities;
import gov.adlnet.xapi.model.Result;
import gov.adlnet.xapi.model.Statement;
import gov.adlnet.xapi.model.StatementResult;
import gov.adlnet.xapi.model.Verb;
import th.phatthana.api.testing.IntegrationTest;
import th.phatthana.api.testing.TestTenants;

/** The LRS as an e-Learning platform sees it, through ADL's jxapi client library. */
class JxapiClientTest extends IntegrationTest {

    @Autowired
    TestTenants tenants;

    private static Statement completion(String email, String name, String activityId, String courseId) {
        Agent actor = new Agent(name, "mailto:" + email);
        Verb verb = new Verb("http://adlnet.gov/expapi/verbs/completed", new HashMap<>(java.util.Map.of("th-TH", "เรียนจบ", "en-US", "completed")));
        ActivityDefinition definition = new ActivityDefinition(
                new HashMap<>(java.util.Map.of("th-TH", "ระเบียบงานสารบรรณ")),
                new HashMap<>(java.util.Map.of("th-TH", "หลักสูตรงานสารบรรณสำหรับพนักงานส่วนท้องถิ่น")));
        Activity activity = new Activity(activityId, definition);
        Statement statement = new Statement(actor, verb, activity);
        Result result = new Result();
        result.setCompletion(true);
        result.setSuccess(true);
        result.setDuration("PT3H");
        statement.setResult(result);
        Context context = new Context();
        context.setRegistration(UUID.randomUUID().toString());
        ContextActivities contextActivities = new ContextActivities();
        ArrayList<Activity> parents = new ArrayList<>();
        parents.add(new Activity(courseId));
        contextActivities.setParent(parents);
        context.setContextActivities(contextActivities);
        statement.setContext(context);
        return statement;
    }

    @Test
    void aPlatformPostsAndQueriesStatementsWithTheAdlClient() throws Exception {
        TestTenants.XapiAccess access = tenants.xapi("อบต.สังคม");
        StatementClient client = new StatementClient(xapiEndpoint(), access.key(), access.secret());
        String course = "https://elearning.dla.go.th/courses/saraban-" + UUID.randomUUID();

        String id = client.postStatement(completion("malee@sangkhom.go.th", "มาลี ศรีสุข", course + "/module-1", course));
        assertThat(id).isNotBlank();

        ArrayList<Statement> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(completion("staff" + i + "@sangkhom.go.th", "พนักงาน " + i, course + "/module-" + (i + 2), course));
        }
        ArrayList<String> ids = client.postStatements(batch);
        assertThat(ids).hasSize(3);

        Statement fetched = new StatementClient(xapiEndpoint(), access.key(), access.secret()).getStatement(id);
        assertThat(fetched.getActor().getName()).isEqualTo("มาลี ศรีสุข");
        assertThat(fetched.getStored()).isNotBlank();

        StatementResult related = new StatementClient(xapiEndpoint(), access.key(), access.secret())
                .filterByActivity(course).includeRelatedActivities(true).getStatements();
        assertThat(related.getStatements()).hasSize(4);

        StatementResult direct = new StatementClient(xapiEndpoint(), access.key(), access.secret())
                .filterByActivity(course).getStatements();
        assertThat(direct.getStatements()).isEmpty();

        StatementResult mine = new StatementClient(xapiEndpoint(), access.key(), access.secret())
                .filterByActor(new Agent(null, "mailto:malee@sangkhom.go.th")).getStatements();
        assertThat(mine.getStatements()).extracting(Statement::getId).containsExactly(id);

        StatementResult paged = new StatementClient(xapiEndpoint(), access.key(), access.secret())
                .filterByActivity(course).includeRelatedActivities(true).limitResults(3).getStatements();
        assertThat(paged.getStatements()).hasSize(3);
        assertThat(paged.getMore()).isNotBlank();
        StatementResult rest = new StatementClient(xapiEndpoint(), access.key(), access.secret()).getStatements(paged.getMore());
        assertThat(rest.getStatements()).hasSize(1);
    }
}
