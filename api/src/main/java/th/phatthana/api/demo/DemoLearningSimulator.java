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
import java.util.Set;
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
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanService;
import th.phatthana.api.progress.ProgressCommands;
import th.phatthana.api.progress.ProgressService;
import th.phatthana.api.progress.ProgressViews;
import th.phatthana.schema.FiscalYears;
import th.phatthana.schema.xapi.XapiVerbs;
import th.phatthana.tenants.access.Caller;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.staff.Staff;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;

/**
 * A year and a bit of learning for the demo tenant, as it would reach a real organisation: for each
 * fiscal year with a plan in force, each course of that plan is taken mostly by the staff it
 * targets (the progress engine's own reading of the course's target), following the course's own
 * completion rule — e-Learning posted through the real xAPI endpoint with ADL's jxapi client
 * (launched, then passed with a score above the course's minimum and completed, or failed below
 * it, or left unfinished), classroom courses recorded by the HR office through
 * {@code recordOfflineDevelopment} (attended, with the course's hours, or fewer for those who left
 * early). A few staff outside a course's target take its e-Learning too, a few learners the
 * organisation has no staff record for, and a few statements are voided afterwards. In the year
 * under way, participation grows with the share of the year gone by; every course still has at
 * least one completion by its target. Deterministic, so every fresh demo shows the same progress.
 */
@Component
class DemoLearningSimulator {

    private static final Logger log = LoggerFactory.getLogger(DemoLearningSimulator.class);
    private static final String PLATFORM = "https://elearning.dla.go.th";
    /** Of a course's target, who takes part in a whole fiscal year. */
    private static final double PARTICIPATION = 0.85;
    /** Of the staff outside an e-Learning course's target, who take it anyway. */
    private static final double OUTSIDE_TARGET = 0.04;

    private final StaffService staff;
    private final PlanService plans;
    private final ProgressService progress;
    private final ProgressCommands commands;
    private final Environment environment;

    DemoLearningSimulator(StaffService staff, PlanService plans, ProgressService progress, ProgressCommands commands,
            Environment environment) {
        this.staff = staff;
        this.plans = plans;
        this.progress = progress;
        this.commands = commands;
        this.environment = environment;
    }

    /** Posts in the background, so the application is usable at once; progress fills in as it goes. */
    void simulateInBackground(Tenant tenant, String key, String secret) {
        Thread thread = new Thread(() -> {
            try {
                int posted = simulate(tenant, key, secret);
                log.info("Demo learning simulator recorded {} statements for {}", posted, tenant.nameTh());
            } catch (Exception e) {
                log.warn("Demo learning simulator stopped: {}", e.toString());
            }
        }, "demo-elearning");
        thread.setDaemon(true);
        thread.start();
    }

    int simulate(Tenant tenant, String key, String secret) throws Exception {
        String endpoint = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/xapi/";
        Caller office = new Caller("demo-seed", "งานการเจ้าหน้าที่ (ข้อมูลสาธิต)", tenant.id(), Set.of(Role.TENANT_ADMIN), null, null);
        Random random = new Random(2567);
        List<Staff> people = staff.all(tenant.id()).stream().filter(s -> !s.xapiIdentities().isEmpty()).toList();
        LocalDate today = plans.today();
        int currentYear = FiscalYears.of(today);
        List<Statement> statements = new ArrayList<>();
        int recorded = 0;
        for (int fiscalYear : List.of(currentYear - 1, currentYear)) {
            Plan plan = plans.plansOf(tenant.id()).stream().filter(p -> p.isApproved() && p.covers(fiscalYear)).findFirst().orElse(null);
            PlanContent content = plan == null ? null : plans.currentVersion(plan).map(v -> v.content()).orElse(null);
            if (content == null) {
                continue;
            }
            double yearGone = yearGone(fiscalYear, today);
            Map<String, List<Staff>> targeted = targeted(plan, fiscalYear, people, office);
            for (PlanContent.Course course : content.courses()) {
                List<Staff> inTarget = targeted.getOrDefault(course.key(), List.of());
                List<Staff> participants = new ArrayList<>();
                for (Staff person : inTarget) {
                    if (random.nextDouble() < PARTICIPATION * yearGone) {
                        participants.add(person);
                    }
                }
                if (participants.isEmpty() && !inTarget.isEmpty()) {
                    participants.add(inTarget.get(random.nextInt(inTarget.size())));
                }
                if (classroom(course)) {
                    recorded += classroom(course, participants, fiscalYear, today, random, office);
                } else {
                    boolean someoneCompleted = false;
                    for (int i = 0; i < participants.size(); i++) {
                        boolean mustComplete = i == participants.size() - 1 && !someoneCompleted;
                        Outcome outcome = mustComplete ? Outcome.PASSED : outcome(random);
                        someoneCompleted |= outcome == Outcome.PASSED;
                        statements.addAll(eLearning(agent(participants.get(i)), course, outcome, fiscalYear, today, random));
                    }
                    for (Staff person : people) {
                        if (!inTarget.contains(person) && random.nextDouble() < OUTSIDE_TARGET * yearGone) {
                            statements.addAll(eLearning(agent(person), course, outcome(random), fiscalYear, today, random));
                        }
                    }
                }
            }
            if (fiscalYear == currentYear) {
                for (int i = 1; i <= 3 && i <= content.courses().size(); i++) {
                    Agent stranger = new Agent("ผู้เรียนภายนอก " + i, "mailto:guest" + i + "@example.com");
                    PlanContent.Course course = content.courses().get(i - 1);
                    if (!classroom(course)) {
                        statements.addAll(eLearning(stranger, course, Outcome.PASSED, fiscalYear, today, random));
                    }
                }
            }
        }
        StatementClient client = new StatementClient(endpoint, key, secret);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < statements.size(); from += 100) {
            ids.addAll(client.postStatements(new ArrayList<>(statements.subList(from, Math.min(statements.size(), from + 100)))));
        }
        // A provider corrects mistakes by voiding: a few launches are taken back.
        ArrayList<Statement> voids = new ArrayList<>();
        for (int i = 0; i < statements.size() && voids.size() < 5; i += 97) {
            if (statements.get(i).getVerb().getId().endsWith("/launched")) {
                voids.add(new Statement(new Agent("DLA e-Learning", "mailto:support@elearning.dla.go.th"),
                        new Verb(XapiVerbs.VOIDED, display("ยกเลิก", "voided")), new StatementReference(ids.get(i))));
            }
        }
        if (!voids.isEmpty()) {
            client.postStatements(voids);
        }
        return statements.size() + voids.size() + recorded;
    }

    /** How the e-Learning of one person ends. */
    private enum Outcome {
        PASSED, FAILED, UNFINISHED
    }

    private static Outcome outcome(Random random) {
        double r = random.nextDouble();
        return r < 0.75 ? Outcome.PASSED : r < 0.88 ? Outcome.FAILED : Outcome.UNFINISHED;
    }

    /** The share of the fiscal year gone by on this day (1 for a past year); at least a quarter, so a young year has some learning. */
    private static double yearGone(int fiscalYear, LocalDate today) {
        LocalDate first = FiscalYears.firstDay(fiscalYear);
        LocalDate last = FiscalYears.lastDay(fiscalYear);
        if (!today.isBefore(last)) {
            return 1;
        }
        double gone = (double) ChronoUnit.DAYS.between(first, today) / ChronoUnit.DAYS.between(first, last);
        return Math.max(0.25, Math.min(1, gone));
    }

    /** Who each course targets in the fiscal year, as the progress engine reads the course's target. */
    private Map<String, List<Staff>> targeted(Plan plan, int fiscalYear, List<Staff> people, Caller office) {
        Map<String, List<Staff>> targeted = new HashMap<>();
        for (Staff person : people) {
            for (ProgressViews.StaffCourse course : progress.staffProgress(plan.id(), fiscalYear, person.id(), office).courses()) {
                if (course.targeted()) {
                    targeted.computeIfAbsent(course.courseKey(), k -> new ArrayList<>()).add(person);
                }
            }
        }
        return targeted;
    }

    /** A course completed by attending (orientation, training, a workshop…) rather than in an e-Learning system. */
    private static boolean classroom(PlanContent.Course course) {
        return course.xapi().completion().verbs().contains(PlanContent.CompletionRule.ATTENDED)
                && !course.methods().contains(PlanContent.DevelopmentMethod.E_LEARNING);
    }

    /**
     * One session of a classroom course, recorded by the HR office: most participants attend its
     * full hours, one in six leaves early (half the hours, not enough to complete).
     */
    private int classroom(PlanContent.Course course, List<Staff> participants, int fiscalYear, LocalDate today, Random random,
            Caller office) {
        if (participants.isEmpty()) {
            return 0;
        }
        double hours = course.xapi().completion().minHours() == null ? 6 : course.xapi().completion().minHours();
        List<String> full = new ArrayList<>();
        List<String> early = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            (i > 0 && random.nextInt(6) == 0 ? early : full).add(participants.get(i).id());
        }
        LocalDate day = randomInstant(fiscalYear, today, random).atZone(FiscalYears.BANGKOK).toLocalDate();
        String method = course.methods().isEmpty() ? PlanContent.DevelopmentMethod.TRAINING.name() : course.methods().get(0).name();
        int recorded = 0;
        for (List<String> group : List.of(full, early)) {
            if (group.isEmpty()) {
                continue;
            }
            double attended = group == full ? hours : hours / 2;
            ProgressCommands.OfflineOutcome outcome = commands.recordOfflineDevelopment(new ProgressCommands.RecordOfflineDevelopmentInput(
                    group, course.xapi().activityIds().get(0), course.titleTh(), method, ProgressCommands.OfflineVerb.ATTENDED, day, attended),
                    office);
            if (!outcome.userErrors().isEmpty()) {
                throw new IllegalStateException("demo classroom session refused: " + outcome.userErrors());
            }
            recorded += outcome.statementIds().size();
        }
        return recorded;
    }

    /** One person's e-Learning of a course: launched, then passed (and completed) or failed, or nothing more. */
    private static List<Statement> eLearning(Agent actor, PlanContent.Course course, Outcome outcome, int fiscalYear, LocalDate today,
            Random random) {
        List<Statement> out = new ArrayList<>();
        PlanContent.CompletionRule rule = course.xapi().completion();
        String activityId = course.xapi().activityIds().get(0);
        Instant start = randomInstant(fiscalYear, today, random);
        String registration = UUID.randomUUID().toString();
        Activity activity = new Activity(activityId, new ActivityDefinition(display(course.titleTh(), course.titleEn()),
                display(course.titleTh(), course.titleEn())));
        Statement launched = new Statement(actor, new Verb(XapiVerbs.adl("launched"), display("เริ่มเรียน", "launched")), activity);
        launched.setContext(context(registration, null));
        launched.setTimestamp(start.toString());
        out.add(launched);
        if (outcome == Outcome.UNFINISHED) {
            return out;
        }
        double pass = rule.minScaledScore() == null ? 0.6 : rule.minScaledScore();
        double scaled = outcome == Outcome.PASSED ? pass + random.nextDouble() * (1 - pass) : 0.3 + random.nextDouble() * (pass - 0.35);
        scaled = Math.min(1, Math.round(scaled * 100) / 100.0);
        boolean passed = outcome == Outcome.PASSED;
        Score score = new Score();
        // jxapi writes raw, min and max always, so give them values a validating LRS accepts.
        score.setMin(0);
        score.setMax(100);
        score.setRaw((float) (scaled * 100));
        score.setScaled((float) scaled);
        String duration = "PT" + (1 + random.nextInt(4)) + "H" + random.nextInt(60) + "M";
        Statement finished = new Statement(actor, new Verb(passed ? XapiVerbs.PASSED : XapiVerbs.adl("failed"),
                display(passed ? "ผ่าน" : "ไม่ผ่าน", passed ? "passed" : "failed")), activity);
        Result result = new Result();
        result.setScore(score);
        result.setSuccess(passed);
        result.setCompletion(true);
        result.setDuration(duration);
        finished.setResult(result);
        finished.setContext(context(registration, null));
        finished.setTimestamp(later(start, 1 + random.nextInt(20), today).toString());
        out.add(finished);
        if (passed && rule.verbs().contains(PlanContent.CompletionRule.COMPLETED)) {
            Statement completed = new Statement(actor, new Verb(XapiVerbs.COMPLETED, display("เรียนจบ", "completed")), activity);
            Result done = new Result();
            done.setCompletion(true);
            done.setSuccess(true);
            done.setScore(score);
            done.setDuration(duration);
            completed.setResult(done);
            completed.setContext(context(registration, null));
            completed.setTimestamp(later(start, 21, today).toString());
            out.add(completed);
        }
        return out;
    }

    /** Some days after the start, but never after the start of today (Bangkok), nor in another fiscal year. */
    private static Instant later(Instant start, int days, LocalDate today) {
        Instant candidate = start.plus(days, ChronoUnit.DAYS);
        Instant limit = today.atStartOfDay(FiscalYears.BANGKOK).toInstant();
        if (candidate.isAfter(limit) || FiscalYears.of(candidate) != FiscalYears.of(start)) {
            return start.plus(1, ChronoUnit.HOURS);
        }
        return candidate;
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

    private static Agent agent(Staff person) {
        try {
            return agent(person.fullNameTh(), person.xapiIdentities().get(0));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
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

    /** A moment within the fiscal year, before today (Bangkok office hours). */
    private static Instant randomInstant(int fiscalYear, LocalDate today, Random random) {
        LocalDate first = FiscalYears.firstDay(fiscalYear);
        LocalDate last = FiscalYears.lastDay(fiscalYear);
        if (!last.isBefore(today)) {
            last = today.minusDays(1);
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        LocalDate day = first.plusDays(random.nextLong(days));
        return day.atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.ofHours(7));
    }

    private static HashMap<String, String> display(String th, String en) {
        return new HashMap<>(Map.of("th-TH", th, "en-US", en));
    }
}
