package th.phatthana.api.demo;

import java.net.MalformedURLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import gov.adlnet.xapi.client.StatementClient;
import gov.adlnet.xapi.model.Account;
import gov.adlnet.xapi.model.Activity;
import gov.adlnet.xapi.model.ActivityDefinition;
import gov.adlnet.xapi.model.Agent;
import gov.adlnet.xapi.model.Context;
import gov.adlnet.xapi.model.ContextActivities;
import gov.adlnet.xapi.model.Result;
import gov.adlnet.xapi.model.Score;
import gov.adlnet.xapi.model.Statement;
import gov.adlnet.xapi.model.StatementReference;
import gov.adlnet.xapi.model.Verb;
import th.phatthana.schema.FiscalYears;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;

/**
 * A year and a bit of e-Learning for the demo tenant, posted through the real xAPI endpoint with
 * ADL's jxapi client as a provider would: staff work through the demo plans' courses (launches,
 * completions, passes and failures, classroom attendance with hours), a few learners the
 * organisation has no staff record for, and a few statements voided afterwards. Deterministic, so
 * every fresh demo shows the same progress.
 */
@Component
class DemoLearningSimulator {

    private static final Logger log = LoggerFactory.getLogger(DemoLearningSimulator.class);
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";
    private static final String PLATFORM = "https://elearning.dla.go.th";

    private final StaffService staff;
    private final Environment environment;

    DemoLearningSimulator(StaffService staff, Environment environment) {
        this.staff = staff;
        this.environment = environment;
    }

    /** Posts in the background, so the application is usable at once; progress fills in as it goes. */
    void simulateInBackground(Tenant tenant, String key, String secret) {
        Thread thread = new Thread(() -> {
            try {
                int posted = simulate(tenant, key, secret);
                log.info("Demo e-Learning simulator posted {} statements for {} through the xAPI endpoint", posted, tenant.nameTh());
            } catch (Exception e) {
                log.warn("Demo e-Learning simulator stopped: {}", e.toString());
            }
        }, "demo-elearning");
        thread.setDaemon(true);
        thread.start();
    }

    int simulate(Tenant tenant, String key, String secret) throws Exception {
        String endpoint = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/xapi/";
        Random random = new Random(2567);
        List<Staff> people = staff.all(tenant.id()).stream().filter(s -> !s.xapiIdentities().isEmpty()).toList();
        int currentYear = FiscalYears.of(LocalDate.now(FiscalYears.BANGKOK));
        List<Statement> statements = new ArrayList<>();
        for (Staff person : people) {
            Agent actor = agent(person.fullNameTh(), person.xapiIdentities().get(0));
            for (int fiscalYear : List.of(currentYear - 1, currentYear)) {
                for (String activityId : DemoPlan.ACTIVITY_IRIS) {
                    if (random.nextDouble() > 0.35) {
                        continue;
                    }
                    statements.addAll(learning(actor, activityId, fiscalYear, random));
                }
            }
        }
        for (int i = 1; i <= 3; i++) {
            Agent stranger = new Agent("ผู้เรียนภายนอก " + i, "mailto:guest" + i + "@example.com");
            statements.addAll(learning(stranger, DemoPlan.ACTIVITY_IRIS.get(i), currentYear, random));
        }
        StatementClient client = new StatementClient(endpoint, key, secret);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < statements.size(); from += 100) {
            ids.addAll(client.postStatements(new ArrayList<>(statements.subList(from, Math.min(statements.size(), from + 100)))));
        }
        // A provider corrects mistakes by voiding: a few completions are taken back.
        ArrayList<Statement> voids = new ArrayList<>();
        for (int i = 0; i < ids.size() && voids.size() < 5; i += 97) {
            Statement voiding = new Statement(new Agent("DLA e-Learning", "mailto:support@elearning.dla.go.th"),
                    new Verb(ADL + "voided", display("ยกเลิก", "voided")), new StatementReference(ids.get(i)));
            voids.add(voiding);
        }
        if (!voids.isEmpty()) {
            client.postStatements(voids);
        }
        return statements.size() + voids.size();
    }

    private List<Statement> learning(Agent actor, String activityId, int fiscalYear, Random random) {
        List<Statement> out = new ArrayList<>();
        String slug = activityId.substring(DemoPlan.ACTIVITY_BASE.length());
        boolean classroom = slug.contains("orientation") || slug.contains("workshop") || slug.contains("study-visit")
                || slug.contains("seminar") || slug.contains("coaching") || slug.contains("training");
        Instant start = randomInstant(fiscalYear, random);
        String registration = UUID.randomUUID().toString();
        Activity activity = new Activity(activityId, new ActivityDefinition(display("หลักสูตร " + slug, slug), display(slug, slug)));
        if (classroom) {
            Statement attended = new Statement(actor, new Verb(ADL + "attended", display("เข้าร่วม", "attended")), activity);
            Result result = new Result();
            result.setDuration("PT" + (3 + random.nextInt(10)) + "H");
            attended.setResult(result);
            attended.setContext(context(registration, null));
            attended.setTimestamp(start.toString());
            out.add(attended);
            return out;
        }
        Statement launched = new Statement(actor, new Verb(ADL + "launched", display("เริ่มเรียน", "launched")), activity);
        launched.setContext(context(registration, null));
        launched.setTimestamp(start.toString());
        out.add(launched);
        if (random.nextDouble() < 0.8) {
            double scaled = Math.round((0.45 + random.nextDouble() * 0.55) * 100) / 100.0;
            boolean passed = scaled >= 0.6;
            Statement finished = new Statement(actor, new Verb(ADL + (passed ? "passed" : "failed"),
                    display(passed ? "ผ่าน" : "ไม่ผ่าน", passed ? "passed" : "failed")), activity);
            Result result = new Result();
            Score score = new Score();
            // jxapi writes raw, min and max always, so give them values a validating LRS accepts.
            score.setMin(0);
            score.setMax(100);
            score.setRaw((float) (scaled * 100));
            score.setScaled((float) scaled);
            result.setScore(score);
            result.setSuccess(passed);
            result.setCompletion(true);
            result.setDuration("PT" + (1 + random.nextInt(4)) + "H" + random.nextInt(60) + "M");
            finished.setResult(result);
            finished.setContext(context(registration, null));
            finished.setTimestamp(start.plus(1 + random.nextInt(20), ChronoUnit.DAYS).toString());
            out.add(finished);
            if (passed) {
                Statement completed = new Statement(actor, new Verb(ADL + "completed", display("เรียนจบ", "completed")), activity);
                Result done = new Result();
                done.setCompletion(true);
                done.setSuccess(true);
                done.setScore(score);
                done.setDuration(result.getDuration());
                completed.setResult(done);
                completed.setContext(context(registration, null));
                completed.setTimestamp(start.plus(21, ChronoUnit.DAYS).toString());
                out.add(completed);
            }
        }
        return out;
    }

    private static Context context(String registration, String parent) {
        Context context = new Context();
        context.setRegistration(registration);
        context.setLanguage("th-TH");
        if (parent != null) {
            ContextActivities activities = new ContextActivities();
            ArrayList<Activity> parents = new ArrayList<>();
            parents.add(new Activity(parent));
            activities.setParent(parents);
            context.setContextActivities(activities);
        }
        return context;
    }

    private static Agent agent(String name, XapiIdentity identity) throws MalformedURLException {
        if (identity.mbox() != null) {
            return new Agent(name, identity.mbox());
        }
        if (identity.account() != null) {
            return new Agent(name, new Account(identity.account().name(), identity.account().homePage()));
        }
        return new Agent(name, "mailto:unknown@" + PLATFORM.substring(8));
    }

    /** A moment within the fiscal year that has already passed (Bangkok office hours). */
    private static Instant randomInstant(int fiscalYear, Random random) {
        LocalDate first = FiscalYears.firstDay(fiscalYear);
        LocalDate last = FiscalYears.lastDay(fiscalYear);
        LocalDate today = LocalDate.now(FiscalYears.BANGKOK).minusDays(25);
        if (last.isAfter(today)) {
            last = today;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        LocalDate day = first.plusDays(random.nextLong(days));
        return day.atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.ofHours(7));
    }

    private static HashMap<String, String> display(String th, String en) {
        return new HashMap<>(Map.of("th-TH", th, "en-US", en));
    }
}
