package th.phatthana.api.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import th.phatthana.api.bench.StatementCorpus.Batch;
import th.phatthana.tenants.credentials.XapiCredentialService;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statement query benchmark (docs/performance.md, "Statement queries"): {@code --statements}
 * statements of the ingest corpus (with about 1 % voids) in one tenant, posted over HTTP, then
 * each query kind of the xAPI specification timed one request at a time, with parameters drawn
 * from the corpus: agent, verb, activity, registration, related_agents, related_activities,
 * since/until, ascending, limit=20 without a filter, and following {@code more} for 10 pages. With
 * {@code --ll-home} the same statements and queries go to Learning Locker's statement service in
 * the same run. On Phatthana it then follows {@code more} far (page cost must not grow), measures
 * how much one tenant's heavy reads delay another tenant's writes, and, on the persistent store,
 * how long a restart takes (the embedded store's index is rebuilt from the statements).
 *
 * <p>Run it with {@code ./mvnw -q -pl api -am -DskipTests -Pbenchmark verify
 * -Dbenchmark.main=th.phatthana.api.bench.QueryBenchmark -Dbenchmark.args="..."}; options by {@code --help}.
 */
public final class QueryBenchmark {

    private static final String XAPI_VERSION = "1.0.3";
    private static final String[] KINDS = { "agent", "verb", "activity", "registration", "related_agents", "related_activities",
            "since/until", "ascending", "limit=20", "more x10" };

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** system → kind → latencies in nanoseconds. */
    private final Map<String, Map<String, long[]>> results = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private QueryBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            return;
        }
        new QueryBenchmark(options).run();
        System.exit(0);
    }

    /** Values to query by, taken from the corpus itself. */
    private record Pools(List<String> agents, List<String> verbs, List<String> activities, List<String> courses,
            List<String> registrations, List<String> instructors) {
    }

    /** One system under test: where its statement resource is, how to authenticate, and when its statements were stored. */
    private record Target(String name, String origin, String statementsPath, String authorization, Instant loadBegan, Instant loadEnded) {
    }

    private void run() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Query benchmark %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf(Locale.ROOT, "Machine: %d CPUs; %s %s; Java %s, max heap %,d MiB; JVM args %s%n", runtime.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                runtime.maxMemory() / 1024 / 1024, ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "Options: %s%n", options);
        System.out.printf(Locale.ROOT, "Machine CPU busy before the run (other processes, 3 s sample): %.0f%%%n", Load.machineBusy(3_000) * 100);

        StatementCorpus corpus = new StatementCorpus(options.seed, options.learners);
        List<Batch> batches = ProgressStatements.withVoids(corpus.batches(options.statements / options.batch, options.batch), 10);
        Pools pools = pools(batches);
        System.out.printf(Locale.ROOT, "Corpus: %,d statements (%,d voids) in batches of %d; %d agents, %d activities, %d registrations "
                + "to query by%n", batches.stream().mapToInt(b -> b.ids().size()).sum(), batches.size() - 10, options.batch,
                pools.agents().size(), pools.activities().size(), pools.registrations().size());

        Path workDir = Files.createTempDirectory("phatthana-query-bench-");
        if (options.phatthana) {
            runPhatthana(batches, pools, workDir.resolve("lrs-data"));
        }
        if (options.llHome != null) {
            runLearningLocker(batches, pools);
        }
        report();
        if (!options.keepData) {
            try (var paths = Files.walk(workDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------- Phatthana

    private void runPhatthana(List<Batch> batches, Pools pools, Path dataDir) throws Exception {
        String key = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        ConfigurableApplicationContext app = start(dataDir, key, secret);
        String origin = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        Target phatthana;
        try {
            String authorization = basic(key + ":" + secret);
            Instant began = Instant.now();
            load("Phatthana", origin + "/xapi/statements", authorization, batches, -1);
            phatthana = new Target("Phatthana (" + (options.memory ? "memory" : "persistent") + ")", origin, "/xapi/statements",
                    authorization, began, Instant.now());
            double[] tail = Load.settle(-1, 900);
            System.out.printf(Locale.ROOT, "  background work after loading (progress projector): %.1f s, %.1f CPU-s%n", tail[0], tail[1]);
            measureKinds(phatthana, pools);
            followFar(phatthana);
            interference(app, phatthana, pools, key, secret);
        } finally {
            app.close();
        }
        if (!options.memory) {
            long begin = System.nanoTime();
            app = start(dataDir, key, secret);
            double seconds = (System.nanoTime() - begin) / 1e9;
            try {
                String origin2 = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                Target again = new Target(phatthana.name(), origin2, phatthana.statementsPath(), phatthana.authorization(),
                        phatthana.loadBegan(), phatthana.loadEnded());
                long afterRestart = timed(again, again.statementsPath() + "?limit=20");
                note(String.format(Locale.ROOT, "Restart on the same data (%,d statements): application ready in %.1f s (the embedded "
                        + "store's statement index is rebuilt from the statements: see the log line 'Statement index of the embedded "
                        + "store'); first query after it %.1f ms", options.statements, seconds, afterRestart / 1e6));
            } finally {
                app.close();
            }
        }
    }

    private ConfigurableApplicationContext start(Path dataDir, String key, String secret) {
        return BenchApplication.start(dataDir, options.memory, key, secret, options.appProperties);
    }

    // ---------------------------------------------------------------- Learning Locker

    private void runLearningLocker(List<Batch> batches, Pools pools) throws Exception {
        try (LearningLocker ll = LearningLocker.start(Path.of(options.llHome).toAbsolutePath(), options.node)) {
            String base = ll.xapiBase();
            String origin = base.substring(0, base.indexOf("/xAPI/"));
            String authorization = basic("benchmark:benchmark");
            Instant began = Instant.now();
            load("Learning Locker", base + "statements", authorization, batches, ll.pid());
            Target target = new Target("Learning Locker xapi-statements 5.0.1 (memory)", origin, "/xAPI/statements", authorization, began,
                    Instant.now());
            double[] tail = Load.settle(ll.pid(), 900);
            System.out.printf(Locale.ROOT, "  Learning Locker background work after loading: %.1f s%n", tail[0]);
            measureKinds(target, pools);
        }
    }

    // ---------------------------------------------------------------- measuring

    private void load(String label, String url, String authorization, List<Batch> batches, long pid) throws InterruptedException {
        URI uri = URI.create(url);
        Load.Measurement m = Load.run(label + " load", batches.size(), options.batch, options.clients, pid, index -> {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                    .header("X-Experience-API-Version", XAPI_VERSION).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(index).body())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Load.Rejected("HTTP " + response.statusCode() + ": " + response.body());
            }
        });
        System.out.printf(Locale.ROOT, "  %s: %,d statements in %.1f s = %,.0f /s, %d requests refused%n", m.label(), m.items(), m.seconds(),
                m.perSecond(), m.rejected());
        if (m.rejected() > 0) {
            throw new IllegalStateException(label + " refused batches: " + m.firstRejection());
        }
    }

    private void measureKinds(Target target, Pools pools) throws Exception {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            Random random = new Random(options.seed + kind.hashCode());
            List<Long> samples = new ArrayList<>();
            long returned = 0;
            for (int i = 0; i < options.warmupRequests + options.requests; i++) {
                String path = target.statementsPath() + "?" + query(kind, pools, random, target);
                long nanos;
                int count;
                if (kind.equals("more x10")) {
                    long[] walk = follow(target, path, options.pages);
                    nanos = walk[0];
                    count = (int) walk[1];
                } else {
                    JsonNode[] page = new JsonNode[1];
                    nanos = timed(target, path, page);
                    count = page[0].path("statements").size();
                }
                if (i >= options.warmupRequests) {
                    samples.add(nanos);
                    returned += count;
                }
            }
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            byKind.put(kind, sorted);
            System.out.printf(Locale.ROOT, "  %-48s %-20s p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms  (%.1f statements per request)%n",
                    target.name(), kind, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 1.0),
                    returned / (double) sorted.length);
        }
        results.put(target.name(), byKind);
    }

    private String query(String kind, Pools pools, Random random, Target target) {
        return switch (kind) {
            case "agent" -> "limit=50&agent=" + encode(pick(pools.agents(), random));
            case "verb" -> "limit=50&verb=" + encode(pick(pools.verbs(), random));
            case "activity" -> "limit=50&activity=" + encode(pick(pools.activities(), random));
            case "registration" -> "limit=50&registration=" + pick(pools.registrations(), random);
            case "related_agents" -> "limit=50&related_agents=true&agent=" + encode(pick(pools.instructors(), random));
            case "related_activities" -> "limit=50&related_activities=true&activity=" + encode(pick(pools.courses(), random));
            case "since/until" -> {
                long span = Duration.between(target.loadBegan(), target.loadEnded()).toMillis();
                Instant since = target.loadBegan().plusMillis((long) (random.nextDouble() * span * 0.9));
                yield "limit=50&since=" + encode(since.toString()) + "&until=" + encode(since.plusMillis(span / 20).toString());
            }
            case "ascending" -> "limit=50&ascending=true";
            case "limit=20", "more x10" -> "limit=20";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Follows {@code more} from the first page for {@code pages} pages; returns the nanoseconds of those pages and the statements. */
    private long[] follow(Target target, String firstPath, int pages) throws Exception {
        JsonNode[] page = new JsonNode[1];
        timed(target, firstPath, page);
        long nanos = 0;
        long statements = 0;
        for (int i = 0; i < pages; i++) {
            String more = page[0].path("more").asString("");
            if (more.isEmpty()) {
                throw new IllegalStateException(target.name() + ": no more link after page " + i);
            }
            nanos += timed(target, more, page);
            statements += page[0].path("statements").size();
        }
        return new long[] { nanos, statements };
    }

    /** Follows {@code more} for {@code --far-pages} pages and compares the cost of the first ten with the last ten. */
    private void followFar(Target target) throws Exception {
        JsonNode[] page = new JsonNode[1];
        timed(target, target.statementsPath() + "?limit=20", page);
        long[] nanos = new long[options.farPages];
        for (int i = 0; i < options.farPages; i++) {
            String more = page[0].path("more").asString("");
            if (more.isEmpty()) {
                notes.add("more: the statements ran out after " + i + " pages");
                return;
            }
            nanos[i] = timed(target, more, page);
        }
        long[] first = Arrays.stream(nanos, 0, 10).sorted().toArray();
        long[] last = Arrays.stream(nanos, options.farPages - 10, options.farPages).sorted().toArray();
        // The first ten again, right after: tells a deeper page's cost from the machine's mood.
        timed(target, target.statementsPath() + "?limit=20", page);
        long[] again = new long[10];
        for (int i = 0; i < 10; i++) {
            again[i] = timed(target, page[0].path("more").asString(""), page);
        }
        Arrays.sort(again);
        long[] all = Arrays.stream(nanos).sorted().toArray();
        note(String.format(Locale.ROOT, "%s: following more (limit=20) for %d pages (%,d statements back): pages 1-10 median %.1f ms, "
                + "max %.1f ms; pages %d-%d median %.1f ms, max %.1f ms; pages 1-10 again afterwards median %.1f ms, max %.1f ms; "
                + "all %d pages p50 %.1f / p95 %.1f ms", target.name(), options.farPages, options.farPages * 20, percentile(first, 0.5),
                percentile(first, 1.0), options.farPages - 9, options.farPages, percentile(last, 0.5), percentile(last, 1.0),
                percentile(again, 0.5), percentile(again, 1.0), options.farPages, percentile(all, 0.5), percentile(all, 0.95)));
    }

    /**
     * One tenant's heavy reads against another tenant's writes: a second tenant posts one statement
     * every 100 ms, first alone, then while {@code --readers} clients of the loaded tenant (spread
     * over two credentials, so all may run at once) read pages of 500 statements as fast as they
     * get answers (waiting as long as {@code Retry-After} says when refused). Reports the writes'
     * latency in both phases.
     */
    private void interference(ConfigurableApplicationContext app, Target loaded, Pools pools, String key, String secret) throws Exception {
        TenantService tenants = app.getBean(TenantService.class);
        XapiCredentialService credentials = app.getBean(XapiCredentialService.class);
        Tenant other = tenants.create("QB" + System.nanoTime() % 100000, "อบต.ข้างเคียง", "Neighbour SAO", TenantKind.SAO, null, "หนองคาย",
                "สังคม");
        XapiCredentialService.IssuedCredential writer = credentials.issue(other.id(), "Writer", Set.of(XapiScope.ALL));
        String writerAuthorization = basic(writer.credential().key() + ":" + writer.secret());
        String loadedTenant = credentials.authenticate(key, secret).orElseThrow().tenantId();
        XapiCredentialService.IssuedCredential secondReader = credentials.issue(loadedTenant, "Reader 2", Set.of(XapiScope.ALL));
        List<String> readerAuthorizations = List.of(loaded.authorization(),
                basic(secondReader.credential().key() + ":" + secondReader.secret()));

        long[] aloneBefore = paceWrites(loaded.origin(), writerAuthorization, options.interferenceSeconds / 2);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < options.readers; r++) {
            String authorization = readerAuthorizations.get(r % 2);
            Random random = new Random(r);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    String path = loaded.statementsPath() + "?limit=500" + (random.nextBoolean() ? "" : "&verb=" + encode(pick(pools.verbs(), random)));
                    try {
                        HttpResponse<String> response = http.send(get(loaded.origin() + path, authorization), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 429 || response.statusCode() == 503) {
                            // As a well-behaved client does: wait as long as Retry-After says.
                            refused.incrementAndGet();
                            Thread.sleep(1_000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                        } else if (response.statusCode() == 200) {
                            reads.incrementAndGet();
                        } else {
                            throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                }
            }, "heavy-reader-" + r);
            readers.add(reader);
            reader.start();
        }
        Thread.sleep(2_000);
        long[] underLoad = paceWrites(loaded.origin(), writerAuthorization, options.interferenceSeconds);
        reading.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a heavy reader failed", failures.peek());
        }
        // Alone half before and half after the heavy reads, so a drift of the machine shows in both phases alike.
        long[] aloneAfter = paceWrites(loaded.origin(), writerAuthorization, options.interferenceSeconds / 2);
        long[] alone = java.util.stream.LongStream.concat(Arrays.stream(aloneBefore), Arrays.stream(aloneAfter)).sorted().toArray();
        double delay = percentile(underLoad, 0.95) - percentile(alone, 0.95);
        note(String.format(Locale.ROOT, "%s: another tenant's one-statement POSTs every 100 ms, %d s each phase: alone (half before, half after) p50 %.1f / p95 %.1f / max %.1f ms; "
                + "while %d clients of the loaded tenant read pages of 500 (%,d pages read, %.0f pages/s, %d refused with 429/503): "
                + "p50 %.1f / p95 %.1f / max %.1f ms. Delay at p95: %.1f ms (goal <= 100 ms: %s)", loaded.name(),
                options.interferenceSeconds, percentile(alone, 0.5), percentile(alone, 0.95), percentile(alone, 1.0), options.readers,
                reads.get(), reads.get() / (double) options.interferenceSeconds, refused.get(), percentile(underLoad, 0.5),
                percentile(underLoad, 0.95), percentile(underLoad, 1.0), delay, delay <= 100 ? "MET" : "NOT MET"));
    }

    private long[] paceWrites(String origin, String authorization, int seconds) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long next = System.nanoTime();
        long end = next + seconds * 1_000_000_000L;
        URI uri = URI.create(origin + "/xapi/statements");
        while (System.nanoTime() < end) {
            String statement = """
                    {"actor":{"mbox":"mailto:neighbour@example.go.th"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                     "object":{"id":"https://elearning.dla.go.th/activities/neighbour"}}""";
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                    .header("X-Experience-API-Version", XAPI_VERSION).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(statement)).build();
            long begin = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - begin);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("write refused: HTTP " + response.statusCode() + " " + response.body());
            }
            next += 100_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private long timed(Target target, String pathAndQuery) throws Exception {
        return timed(target, pathAndQuery, new JsonNode[1]);
    }

    private long timed(Target target, String pathAndQuery, JsonNode[] body) throws Exception {
        HttpRequest request = get(target.origin() + pathAndQuery, target.authorization());
        long begin = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - begin;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(target.name() + " " + pathAndQuery + ": HTTP " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        body[0] = json.readTree(response.body());
        return nanos;
    }

    private HttpRequest get(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).header("X-Experience-API-Version", XAPI_VERSION)
                .timeout(Duration.ofMinutes(2)).GET().build();
    }

    // ---------------------------------------------------------------- corpus values

    private Pools pools(List<Batch> batches) {
        Set<String> agents = new LinkedHashSet<>();
        Set<String> verbs = new LinkedHashSet<>();
        Set<String> activities = new LinkedHashSet<>();
        Set<String> courses = new LinkedHashSet<>();
        Set<String> registrations = new LinkedHashSet<>();
        Set<String> instructors = new LinkedHashSet<>();
        Function<JsonNode, String> agent = node -> {
            var identity = json.createObjectNode();
            if (node.has("mbox")) {
                identity.put("mbox", node.path("mbox").asString());
            } else {
                identity.set("account", node.path("account"));
            }
            return identity.toString();
        };
        for (int b = 0; b < batches.size(); b += 5) {
            for (JsonNode statement : json.readTree(batches.get(b).body())) {
                if (statement.path("verb").path("id").asString().endsWith("/voided")) {
                    continue;
                }
                agents.add(agent.apply(statement.path("actor")));
                verbs.add(statement.path("verb").path("id").asString());
                activities.add(statement.path("object").path("id").asString());
                statement.path("context").path("contextActivities").path("parent").forEach(p -> courses.add(p.path("id").asString()));
                registrations.add(statement.path("context").path("registration").asString());
                JsonNode instructor = statement.path("context").path("instructor");
                if (instructor.isObject()) {
                    instructors.add(agent.apply(instructor));
                }
            }
        }
        return new Pools(List.copyOf(agents), List.copyOf(verbs), List.copyOf(activities), List.copyOf(courses), List.copyOf(registrations),
                List.copyOf(instructors));
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String userAndPassword) {
        return BenchApplication.basic(userAndPassword);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private void note(String text) {
        System.out.println("  " + text);
        notes.add(text);
    }

    // ---------------------------------------------------------------- report

    private void report() {
        System.out.println();
        List<String> systems = new ArrayList<>(results.keySet());
        StringBuilder header = new StringBuilder("| query kind |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String system : systems) {
            header.append(' ').append(system).append(" p50 / p95 (ms) |");
            rule.append("---:|");
        }
        boolean compared = systems.size() == 2;
        if (compared) {
            header.append(" at least as fast as the second at p50 and p95 |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (String kind : KINDS) {
            StringBuilder row = new StringBuilder("| " + kind + (kind.equals("more x10") ? " (10 pages together)" : "") + " |");
            for (String system : systems) {
                long[] samples = results.get(system).get(kind);
                row.append(String.format(Locale.ROOT, " %.1f / %.1f |", percentile(samples, 0.5), percentile(samples, 0.95)));
            }
            if (compared) {
                long[] mine = results.get(systems.get(0)).get(kind);
                long[] theirs = results.get(systems.get(1)).get(kind);
                boolean met = percentile(mine, 0.5) <= percentile(theirs, 0.5) && percentile(mine, 0.95) <= percentile(theirs, 0.95);
                row.append(met ? " yes |" : " **no** |");
            }
            System.out.println(row);
        }
        if (!compared && !systems.isEmpty() && !options.memory) {
            long[] worst = results.get(systems.get(0)).values().stream().max(java.util.Comparator.comparingDouble(s -> percentile(s, 0.95)))
                    .orElseThrow();
            System.out.printf(Locale.ROOT, "Highest p95 of a kind: %.1f ms (goal on the persistent store: < 100 ms for each kind)%n",
                    percentile(worst, 0.95));
        }
        System.out.println();
        notes.forEach(note -> System.out.println("- " + note));
    }

    // ---------------------------------------------------------------- options

    static final class Options {
        boolean memory;
        int statements = 50_000;
        int learners = 2_000;
        int batch = 100;
        int clients = 8;
        int requests = 200;
        int warmupRequests = 30;
        int pages = 10;
        int farPages = 1000;
        int readers = 8;
        int interferenceSeconds = 30;
        long seed = 2569;
        boolean phatthana = true;
        boolean keepData;
        String llHome;
        String node = "node";
        List<String> appProperties = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.equals("--help") || !arg.startsWith("--")) {
                    System.out.println("""
                            QueryBenchmark options (--name=value):
                              --store=persistent|memory  embedded store of the in-process application (default persistent, temporary directory)
                              --statements=N             statements loaded into one tenant (default 50000; ~1% of them voids)
                              --learners=N               distinct actors of the corpus (default 2000)
                              --batch=N --clients=N      statements per POST (100) and concurrent clients (8) while loading
                              --requests=N               timed requests per query kind (default 200), one at a time,
                              --warmup-requests=N        after this many untimed ones (default 30)
                              --pages=N                  more pages of the "more" kind (default 10)
                              --far-pages=N              more pages followed to show the cost per page stays flat (default 1000)
                              --readers=N --interference-seconds=N
                                                         heavy readers of the loaded tenant, and how long each phase of the
                                                         other tenant's paced writes lasts (default 8 readers, 30 s)
                              --ll-home=DIR              also Learning Locker's xapi-statements installed in DIR (npm install xapi-statements@5.0.1)
                              --node=PATH                node executable for --ll-home (default node)
                              --phatthana=false          Learning Locker only
                              --app=NAME=VALUE           a property for the in-process application (repeatable)
                              --keep-data                keep the temporary store directory
                              --seed=N                   content and parameter seed (default 2569)
                            """);
                    return null;
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                String value = eq < 0 ? "true" : arg.substring(eq + 1);
                switch (name) {
                    case "store" -> o.memory = value.equals("memory");
                    case "statements" -> o.statements = Integer.parseInt(value.replace("_", ""));
                    case "learners" -> o.learners = Integer.parseInt(value);
                    case "batch" -> o.batch = Integer.parseInt(value);
                    case "clients" -> o.clients = Integer.parseInt(value);
                    case "requests" -> o.requests = Integer.parseInt(value);
                    case "warmup-requests" -> o.warmupRequests = Integer.parseInt(value);
                    case "pages" -> o.pages = Integer.parseInt(value);
                    case "far-pages" -> o.farPages = Integer.parseInt(value);
                    case "readers" -> o.readers = Integer.parseInt(value);
                    case "interference-seconds" -> o.interferenceSeconds = Integer.parseInt(value);
                    case "seed" -> o.seed = Long.parseLong(value);
                    case "phatthana" -> o.phatthana = Boolean.parseBoolean(value);
                    case "keep-data" -> o.keepData = Boolean.parseBoolean(value);
                    case "ll-home" -> o.llHome = value.isBlank() ? null : value;
                    case "node" -> o.node = value;
                    case "app" -> o.appProperties.add(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
                }
            }
            if (o.statements % o.batch != 0) {
                throw new IllegalArgumentException("--statements must be a multiple of --batch");
            }
            if (o.farPages < 20) {
                throw new IllegalArgumentException("--far-pages must be at least 20");
            }
            return o;
        }

        @Override
        public String toString() {
            return "store=" + (memory ? "memory" : "persistent") + " statements=" + statements + " learners=" + learners + " requests="
                    + requests + " (+" + warmupRequests + " warm-up) pages=" + pages + " far-pages=" + farPages + " readers=" + readers
                    + " interference-seconds=" + interferenceSeconds + (llHome != null ? " ll-home=" + llHome : "")
                    + (appProperties.isEmpty() ? "" : " app=" + appProperties);
        }
    }
}
