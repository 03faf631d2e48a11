package th.phatthana.api.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import th.phatthana.api.PhatthanaApplication;
import th.phatthana.api.bench.StatementCorpus.Batch;
import th.phatthana.api.plans.Plan;
import th.phatthana.api.plans.PlanContent;
import th.phatthana.api.plans.PlanVersion;
import th.phatthana.api.testing.GraphQlHttp;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiCredentialService;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.staff.EmploymentStatus;
import th.phatthana.tenants.staff.LineOfWork;
import th.phatthana.tenants.staff.PersonnelType;
import th.phatthana.tenants.staff.PositionType;
import th.phatthana.tenants.staff.StaffDraft;
import th.phatthana.tenants.staff.StaffService;
import th.phatthana.tenants.staff.XapiIdentity;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * The progress benchmark (docs/performance.md, "Progress"): one organisation with {@code --staff}
 * staff (mbox identities), an approved plan in force with {@code --courses} e-Learning courses, and
 * {@code --statements} statements of the ingest benchmark's corpus posted over HTTP (some actors no
 * staff member matches, about 1% voids). Then it measures (a) the {@code rebuildProgress} mutation,
 * (b) the projector's lag behind a paced ingest and (c) the latency of the {@code planProgress} query.
 *
 * <p>Run it with {@code ./mvnw -q -pl api -am -DskipTests -Pbenchmark verify
 * -Dbenchmark.main=th.phatthana.api.bench.ProgressBenchmark -Dbenchmark.args="..."}; options by {@code --help}.
 */
public final class ProgressBenchmark {

    private static final String XAPI_VERSION = "1.0.3";
    private static final int FISCAL_YEAR = 2569;
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    private static final String[] SLUGS = { "anti-corruption", "official-correspondence", "procurement", "local-development-plan",
            "personnel-administration", "good-governance", "disaster-prevention", "official-information-act", "pdpa",
            "english-communication", "e-laas", "waste-management" };
    private static final String PROGRESS_QUERY = """
            query($p: ID!, $y: FiscalYear) { planProgress(planId: $p, fiscalYear: $y) {
              planId fiscalYear planVersion staffCount staffDeveloped staffDevelopedShare totalHours hoursPerPerson statementsThrough
              indicators { goalKey indicatorKey metric target value met }
              courses { courseKey planned plannedParticipants targetParticipants participantsStarted participantsCompleted completionRate
                        totalHours averageHours delivered budgetPlanned budgetSpent }
              budget { planned spent spentShare }
              byDivision { key staffCount staffDeveloped }
              byTargetGroup { key staffCount staffDeveloped share totalHours }
              byPositionType { key staffCount staffDeveloped share totalHours }
              byCompetency { code staffCount staffCompleted share courseKeys } } }""";

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ProgressBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            return;
        }
        new ProgressBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Progress benchmark %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf(Locale.ROOT, "Machine: %d CPUs; %s %s; Java %s, max heap %,d MiB; JVM args %s%n", runtime.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                runtime.maxMemory() / 1024 / 1024, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "Options: %s%n", options);

        // Learners 0..staff-1 with an mbox are staff; the rest (and every account actor) match nobody.
        StatementCorpus corpus = new StatementCorpus(options.seed, options.learners);
        List<Batch> load = ProgressStatements.withVoids(corpus.batches(options.statements / options.batch, options.batch - 1), 50);
        int pacedBatches = options.pacedRate * options.pacedSeconds / options.pacedBatch;
        List<Batch> paced = corpus.batches(pacedBatches, options.pacedBatch);
        System.out.printf(Locale.ROOT, "Corpus: %,d statements (%,d voids) in batches of %d, then %,d paced in batches of %d%n",
                load.stream().mapToInt(b -> b.ids().size()).sum(), load.size() - 50, options.batch, pacedBatches * options.pacedBatch,
                options.pacedBatch);

        Path dataDir = Files.createTempDirectory("phatthana-progress-bench-");
        ConfigurableApplicationContext app = start(dataDir);
        try {
            String port = app.getEnvironment().getProperty("local.server.port");
            String base = "http://127.0.0.1:" + port;
            Tenant tenant = app.getBean(TenantService.class).create("BENCH" + System.nanoTime() % 100000, "อบต.เกณฑ์มาตรฐาน",
                    "Benchmark SAO", TenantKind.SAO, null, "หนองคาย", "สังคม");
            XapiCredentialService.IssuedCredential credential = app.getBean(XapiCredentialService.class).issue(tenant.id(), "Benchmark",
                    Set.of(XapiScope.ALL));
            String authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (credential.credential().key() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8));
            AppUser admin = app.getBean(AppUserService.class).createTenantUser(tenant.id(), "ผู้ดูแลระบบ", "admin@bench.go.th",
                    Set.of(Role.TENANT_ADMIN));
            String token = app.getBean(AccessTokenService.class).issueForUser(admin, "benchmark", Duration.ofHours(4)).value();
            GraphQlHttp graphql = new GraphQlHttp(base, token);

            long begin = System.nanoTime();
            StaffService staff = app.getBean(StaffService.class);
            for (int i = 0; i < options.staff; i++) {
                StaffDraft draft = new StaffDraft("S" + i, "นาย", "บุคลากร" + i, "ทดสอบ", PersonnelType.LOCAL_OFFICIAL, "นักทรัพยากรบุคคล",
                        i % 10 == 0 ? PositionType.ACADEMIC : PositionType.GENERAL, new LineOfWork("HR", "นักทรัพยากรบุคคล"), "ปฏิบัติการ",
                        null, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 7, 1), EmploymentStatus.ACTIVE,
                        List.of(XapiIdentity.ofMbox("mailto:staff" + String.format("%04d", i) + "@sangkhom.go.th")), null);
                var outcome = staff.create(tenant.id(), draft);
                if (!outcome.problems().isEmpty()) {
                    throw new IllegalStateException("staff refused: " + outcome.problems());
                }
            }
            String planId = plan(app.getBean(MongoTemplate.class), tenant.id());
            System.out.printf(Locale.ROOT, "Tenant, %d staff and an approved plan with %d courses in %.1f s%n", options.staff,
                    options.courses, (System.nanoTime() - begin) / 1e9);

            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            URI statements = URI.create(base + "/xapi/statements");
            Load.Measurement loaded = Load.run("load", load.size(), options.batch, options.clients, -1,
                    index -> post(statements, authorization, load.get(index).body()));
            System.out.printf(Locale.ROOT, "Loaded %,d statements in %.1f s = %,.0f /s (p95 request %.0f ms, %d refused%s)%n",
                    loaded.items(), loaded.seconds(), loaded.perSecond(), loaded.percentileMillis(0.95), loaded.rejected(),
                    loaded.rejected() > 0 ? ": " + loaded.firstRejection() : "");
            long waitBegin = System.nanoTime();
            long counter = ProgressProbe.counter(mongo, tenant.id());
            while (ProgressProbe.checkpoint(mongo, tenant.id()) < counter) {
                Thread.sleep(100);
            }
            System.out.printf(Locale.ROOT, "Projector caught up with seq %,d %.1f s after the last POST%n", counter,
                    (System.nanoTime() - waitBegin) / 1e9);
            JsonNode progress = data(graphql.execute(PROGRESS_QUERY, Map.of("p", planId, "y", FISCAL_YEAR)));
            System.out.printf(Locale.ROOT, "planProgress: staffCount %s staffDeveloped %s totalHours %s statementsThrough %s, %d courses%n",
                    progress.path("staffCount"), progress.path("staffDeveloped"), progress.path("totalHours"),
                    progress.path("statementsThrough"), progress.path("courses").size());

            // (a) full rebuild, over GraphQL (synchronous: returns when the stream is replayed)
            double[] rebuilds = new double[options.rebuilds];
            for (int r = 0; r < options.rebuilds; r++) {
                long t = System.nanoTime();
                JsonNode rebuilt = graphql.execute("mutation { rebuildProgress { organisationId statementsThrough userErrors { message } } }",
                        Map.of());
                rebuilds[r] = (System.nanoTime() - t) / 1e9;
                if (rebuilt.path("errors").size() > 0 || rebuilt.path("data").path("rebuildProgress").path("userErrors").size() > 0) {
                    throw new IllegalStateException("rebuildProgress failed after " + rebuilds[r] + " s: " + rebuilt);
                }
                System.out.printf(Locale.ROOT, "(a) rebuildProgress: %.1f s (%s)%n", rebuilds[r], rebuilt.path("data"));
            }

            // (c) planProgress latency, quiet system
            double[] quiet = ProgressProbe.queryLatencies(graphql, PROGRESS_QUERY, planId, FISCAL_YEAR, options.warmupQueries,
                    options.queries);
            System.out.printf(Locale.ROOT, "(c) planProgress over HTTP, %d queries after %d warm-up, idle: p50 %.1f ms p95 %.1f ms "
                    + "p99 %.1f ms max %.1f ms: target p95 < 100 ms %s%n", options.queries, options.warmupQueries, pct(quiet, 0.5),
                    pct(quiet, 0.95), pct(quiet, 0.99), pct(quiet, 1), pct(quiet, 0.95) < 100 ? "MET" : "NOT MET");

            // (b) incremental lag under a paced ingest; queries run meanwhile too
            ProgressProbe.LagResult lag = ProgressProbe.pacedLag(mongo, tenant.id(), paced, options.pacedRate, options.pacedBatch,
                    index -> post(statements, authorization, paced.get(index).body()),
                    () -> graphql.execute(PROGRESS_QUERY, Map.of("p", planId, "y", FISCAL_YEAR)));
            System.out.printf(Locale.ROOT, "(b) paced ingest: %,d statements in %.1f s = %,.0f /s offered; POST p95 %.1f ms; lag from "
                    + "POST sent to checkpoint: p50 %.0f ms p95 %.0f ms max %.0f ms (%d samples); planProgress meanwhile: p50 %.1f ms "
                    + "p95 %.1f ms (%d queries)%n", lag.statements(), lag.seconds(), lag.statements() / lag.seconds(),
                    pct(lag.postMillis(), 0.95), pct(lag.lagMillis(), 0.5), pct(lag.lagMillis(), 0.95), pct(lag.lagMillis(), 1),
                    lag.lagMillis().length, pct(lag.queryMillis(), 0.5), pct(lag.queryMillis(), 0.95), lag.queryMillis().length);
        } finally {
            app.close();
            ProgressProbe.deleteRecursively(dataDir);
        }
    }

    private void post(URI uri, String authorization, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("X-Experience-API-Version", XAPI_VERSION).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String text = response.body();
            throw new Load.Rejected("HTTP " + response.statusCode() + ": " + text.substring(0, Math.min(300, text.length())));
        }
    }

    private static JsonNode data(JsonNode response) {
        if (response.path("errors").size() > 0) {
            throw new IllegalStateException("GraphQL errors: " + response.path("errors"));
        }
        return response.path("data").path("planProgress");
    }

    static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * The plan: approved version 0 written into the plan store as the progress tests do (2567–2569, in force),
     * {@code --courses} courses each counting completed/passed statements about one module of the corpus.
     */
    private String plan(MongoTemplate mongo, String tenantId) {
        List<PlanContent.Course> courses = new ArrayList<>();
        for (int c = 0; c < options.courses; c++) {
            String activity = "https://elearning.dla.go.th/courses/" + SLUGS[c % SLUGS.length] + "/modules/" + (1 + c / SLUGS.length % 6);
            PlanContent.CompletionRule rule = new PlanContent.CompletionRule(c % 3 == 0 ? List.of(PASSED) : List.of(COMPLETED, PASSED),
                    PlanContent.ActivityMatch.ANY, c % 3 == 0, true, c % 2 == 0 ? 0.6 : null, null);
            courses.add(new PlanContent.Course("course-" + c, "หลักสูตรที่ " + c, "Course " + c, null,
                    PlanContent.CourseCategory.JOB_DUTIES, List.of(), List.of(PlanContent.DevelopmentMethod.E_LEARNING), null,
                    new PlanContent.Target(true, null, null, null, null, null, null),
                    new PlanContent.Schedule(List.of(2567, 2568, 2569), List.of(1, 2, 3), null),
                    List.of(new PlanContent.CourseYear(2567, 100, 50_000), new PlanContent.CourseYear(2568, 100, 50_000),
                            new PlanContent.CourseYear(2569, 100, 50_000)),
                    new PlanContent.Xapi(List.of(activity), rule)));
        }
        String planId = tenantId + "/" + UUID.randomUUID();
        Instant now = Instant.now();
        mongo.insert(new Plan(planId, tenantId, "แผนพัฒนาบุคลากร (benchmark)", 2567, null, null, 0, List.of(), now, Plan.Actor.SYSTEM,
                now, null));
        Plan.Review approval = new Plan.Review(Plan.ReviewDecision.APPROVED, null, "1/2567", LocalDate.of(2023, 9, 1), "ก.อบต.จังหวัด",
                Plan.Actor.SYSTEM, now);
        mongo.insert(new PlanVersion(PlanVersion.id(planId, 0), tenantId, planId, 0, null,
                new PlanContent(null, List.of(), courses, null, null, null, null), now, Plan.Actor.SYSTEM, List.of(approval), now,
                Plan.Actor.SYSTEM, approval));
        return planId;
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        System.out.println("Starting Phatthana in-process: embedded store " + (options.memory ? "in memory" : "persistent under " + dataDir));
        long begin = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplication(PhatthanaApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.de.bwaldvogel.mongo=ERROR", "--phatthana.store.mongodb-uri=",
                "--phatthana.store.mode=" + (options.memory ? "memory" : "persistent"), "--phatthana.store.data-dir=" + dataDir,
                "--phatthana.demo.enabled=false", "--phatthana.bootstrap.national-enabled=false");
        System.out.printf(Locale.ROOT, "Phatthana started in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        return context;
    }

    static final class Options {
        boolean memory;
        int staff = 500;
        int learners = 600;
        int courses = 40;
        int statements = 200_000;
        int batch = 100;
        int clients = 4;
        int pacedRate = 1_000;
        int pacedSeconds = 30;
        int pacedBatch = 100;
        int queries = 200;
        int warmupQueries = 50;
        int rebuilds = 1;
        long seed = 2569;

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.equals("--help") || !arg.startsWith("--") || arg.indexOf('=') < 0) {
                    System.out.println("""
                            ProgressBenchmark options (--name=value):
                              --store=persistent|memory  embedded store (default persistent, in a temporary directory)
                              --staff=N                  staff with mbox identities (default 500)
                              --learners=N               distinct corpus actors; those beyond --staff, and account actors, match nobody (default 600)
                              --courses=N                courses of the approved plan (default 40)
                              --statements=N             statements loaded before measuring (default 200000; ~1% of them voids)
                              --batch=N --clients=N      statements per POST (default 100), concurrent clients (default 4)
                              --paced-rate=N --paced-seconds=N --paced-batch=N
                                                         paced ingest for the lag (default 1000 /s for 30 s in batches of 100)
                              --queries=N --warmup-queries=N  planProgress queries timed (default 200) after a warm-up (default 50)
                              --rebuilds=N               rebuildProgress runs (default 1)
                              --seed=N                   content seed (default 2569)
                            """);
                    return null;
                }
                int eq = arg.indexOf('=');
                String name = arg.substring(2, eq);
                String value = arg.substring(eq + 1).replace("_", "");
                switch (name) {
                    case "store" -> o.memory = value.equals("memory");
                    case "staff" -> o.staff = Integer.parseInt(value);
                    case "learners" -> o.learners = Integer.parseInt(value);
                    case "courses" -> o.courses = Integer.parseInt(value);
                    case "statements" -> o.statements = Integer.parseInt(value);
                    case "batch" -> o.batch = Integer.parseInt(value);
                    case "clients" -> o.clients = Integer.parseInt(value);
                    case "paced-rate" -> o.pacedRate = Integer.parseInt(value);
                    case "paced-seconds" -> o.pacedSeconds = Integer.parseInt(value);
                    case "paced-batch" -> o.pacedBatch = Integer.parseInt(value);
                    case "queries" -> o.queries = Integer.parseInt(value);
                    case "warmup-queries" -> o.warmupQueries = Integer.parseInt(value);
                    case "rebuilds" -> o.rebuilds = Integer.parseInt(value);
                    case "seed" -> o.seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
                }
            }
            if (o.statements % o.batch != 0) {
                throw new IllegalArgumentException("--statements must be a multiple of --batch");
            }
            return o;
        }

        @Override
        public String toString() {
            return "store=" + (memory ? "memory" : "persistent") + " staff=" + staff + " learners=" + learners + " courses=" + courses
                    + " statements=" + statements + " batch=" + batch + " clients=" + clients + " paced=" + pacedRate + "/s x "
                    + pacedSeconds + " s (batches of " + pacedBatch + ") queries=" + queries + " warmup-queries=" + warmupQueries;
        }
    }
}
