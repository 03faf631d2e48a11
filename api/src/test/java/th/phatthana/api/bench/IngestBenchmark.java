package th.phatthana.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import th.phatthana.api.bench.StatementCorpus.Batch;

/**
 * The ingest benchmark (docs/performance.md): batches of realistic statements posted over HTTP by
 * concurrent clients to the Phatthana application, the raw {@code insertMany} rate of the same
 * kind of store for the same documents, and optionally Learning Locker's statement service fed
 * the same batches, all in one run on one machine.
 *
 * <p>Run it with {@code ./mvnw -q -pl api -am -DskipTests -Pbenchmark verify -Dbenchmark.args="..."};
 * options are {@code --name=value} arguments, listed by {@code --help}.
 */
public final class IngestBenchmark {

    private static final String XAPI_VERSION = "1.0.3";
    private static final String STATEMENTS_COLLECTION = "statements";

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Load.Measurement> results = new LinkedHashMap<>();
    /** Per result: seconds and CPU seconds of background work after its last response. */
    private final Map<String, double[]> tails = new HashMap<>();

    private IngestBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            return;
        }
        new IngestBenchmark(options).run();
        // The HTTP client's and the drivers' threads must not keep the JVM alive.
        System.exit(0);
    }

    private void run() throws Exception {
        printEnvironment();
        System.out.printf(Locale.ROOT, "Machine CPU busy before the run (other processes, 3 s sample): %.0f%%%n", Load.machineBusy(3_000) * 100);
        StatementCorpus corpus = new StatementCorpus(options.seed, 2_000);
        List<Batch> warmup = corpus.batches(options.warmup / options.batch, options.batch);
        List<Batch> timed = corpus.batches(options.statements / options.batch, options.batch);
        long bytes = timed.stream().mapToLong(b -> b.body().length).sum();
        System.out.printf(Locale.ROOT, "Corpus: %,d warm-up + %,d timed statements in batches of %d; %,d bytes per statement on average "
                + "(%,d KiB per request)%n", warmup.size() * options.batch, timed.size() * options.batch, options.batch,
                bytes / ((long) timed.size() * options.batch), bytes / timed.size() / 1024);

        Path workDir = Files.createTempDirectory("phatthana-bench-");
        try {
            if (options.phatthana) {
                runPhatthana(warmup, timed, workDir);
            }
            if (options.llHome != null || options.compareUrl != null) {
                runLearningLocker(warmup, timed);
            }
        } finally {
            if (!options.keepData) {
                deleteRecursively(workDir);
            }
        }
        report();
    }

    // ---------------------------------------------------------------- Phatthana and raw insertMany

    private void runPhatthana(List<Batch> warmup, List<Batch> timed, Path workDir) throws Exception {
        ConfigurableApplicationContext app = null;
        String base;
        String authorization;
        if (options.lrsUrl != null) {
            base = withSlash(options.lrsUrl);
            authorization = basic(options.lrsKey + ":" + options.lrsSecret);
            System.out.println("Phatthana: the running application at " + base);
        } else {
            String key = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            String secret = UUID.randomUUID().toString();
            app = startApplication(workDir.resolve("lrs-data"), key, secret);
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/xapi/";
            authorization = basic(key + ":" + secret);
        }
        ForwardingSink forwarding = app != null && options.forward ? ForwardingSink.start(app) : null;
        try {
            URI statements = URI.create(base + "statements");
            post("Phatthana warm-up", statements, authorization, warmup, -1);
            if (app != null) {
                settle("Phatthana warm-up", -1);
            }
            results.put("phatthana", post("Phatthana (" + storeLabel() + ")", statements, authorization, timed, -1));
            if (app != null) {
                tails.put("phatthana", settle("Phatthana", -1));
            }
            if (app != null && options.raw) {
                RawInput input = readBack(app, warmup, timed);
                // The raw run gets the JVM to itself: the application (and its background work) is gone.
                app.close();
                app = null;
                settle("application shutdown", -1);
                rawInsertMany(input, workDir.resolve("raw-data"));
            }
        } finally {
            if (forwarding != null) {
                forwarding.close();
            }
            if (app != null) {
                app.close();
            }
        }
    }

    /** Waits for the background work of a phase to finish and reports it. */
    private double[] settle(String label, long pid) throws InterruptedException {
        double[] tail = Load.settle(pid, options.settleSeconds);
        System.out.printf(Locale.ROOT, "  %-55s background work after the last response: %.1f s, %.1f CPU-s%n", label, tail[0], tail[1]);
        return tail;
    }

    private String storeLabel() {
        return options.lrsUrl != null ? "running app" : options.memory ? "embedded, memory" : "embedded, persistent H2 MVStore";
    }

    private ConfigurableApplicationContext startApplication(Path dataDir, String key, String secret) {
        return BenchApplication.start(dataDir, options.memory, key, secret, options.appProperties);
    }

    /**
     * The raw rate of the store: the very documents the LRS stored (read back from the
     * application's store, so fields and json sizes are identical) inserted with
     * {@code insertMany} into a fresh embedded server of the same backend, in a collection with the
     * same index definitions, in the same batches, by the same number of client threads.
     */
    private record RawInput(List<Document> indexes, List<List<Document>> warmup, List<List<Document>> timed) {
    }

    private RawInput readBack(ConfigurableApplicationContext app, List<Batch> warmup, List<Batch> timed) {
        MongoCollection<Document> lrsStatements = app.getBean(MongoTemplate.class).getCollection(STATEMENTS_COLLECTION);
        Map<String, Document> byId = new HashMap<>();
        // mongo-java-server answers a find without batchSize in one reply, which the driver refuses beyond 48 MB.
        for (Document document : lrsStatements.find().batchSize(1_000)) {
            byId.put(document.getString("statementId"), document);
        }
        int posted = (warmup.size() + timed.size()) * options.batch;
        List<List<Document>> warmupDocuments = documents(warmup, byId);
        List<List<Document>> timedDocuments = documents(timed, byId);
        System.out.printf(Locale.ROOT, "Phatthana holds %,d of the %,d statements posted; the raw run inserts the same documents in the "
                + "same batches (%,d warm-up, %,d timed); a stored document: %s%n", byId.size(), posted, warmupDocuments.size(),
                timedDocuments.size(), describe(timedDocuments.get(0).get(0)));
        List<Document> indexes = lrsStatements.listIndexes().into(new ArrayList<>());
        return new RawInput(indexes, warmupDocuments, timedDocuments);
    }

    private void rawInsertMany(RawInput input, Path rawDir) throws Exception {
        MongoBackend backend;
        if (options.memory) {
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(rawDir);
            backend = new H2Backend(rawDir.resolve("raw.mv").toString());
        }
        MongoServer server = new MongoServer(backend);
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> raw = client.getDatabase("raw").getCollection(STATEMENTS_COLLECTION);
            for (Document index : input.indexes()) {
                String name = index.getString("name");
                if (!"_id_".equals(name)) {
                    raw.createIndex((Document) index.get("key"), new IndexOptions().name(name)
                            .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false)));
                }
            }
            insertMany("raw insertMany warm-up", raw, input.warmup());
            results.put("raw", insertMany("raw insertMany (" + (options.memory ? "MemoryBackend" : "H2Backend, own file") + ")", raw,
                    input.timed()));
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    /** The stored documents of each batch the LRS stored (a refused batch stores nothing and is left out). */
    private static List<List<Document>> documents(List<Batch> batches, Map<String, Document> byId) {
        List<List<Document>> documents = new ArrayList<>(batches.size());
        for (Batch batch : batches) {
            List<Document> stored = batch.ids().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            if (stored.size() == batch.ids().size()) {
                documents.add(stored);
            }
        }
        return documents;
    }

    private Load.Measurement insertMany(String label, MongoCollection<Document> collection, List<List<Document>> batches)
            throws InterruptedException {
        InsertManyOptions ordered = new InsertManyOptions().ordered(true);
        Load.Measurement measurement = Load.run(label, batches.size(), options.batch, options.clients, -1,
                index -> collection.insertMany(batches.get(index), ordered));
        print(measurement);
        return measurement;
    }

    private static String describe(Document document) {
        Map<String, Object> shape = new LinkedHashMap<>();
        document.forEach((name, value) -> shape.put(name, value instanceof String text && text.length() > 60
                ? "<" + text.getBytes(StandardCharsets.UTF_8).length + " bytes>" : value));
        return shape.toString();
    }

    // ---------------------------------------------------------------- Learning Locker

    private void runLearningLocker(List<Batch> warmup, List<Batch> timed) throws Exception {
        LearningLocker started = null;
        String base;
        long pid;
        if (options.compareUrl != null) {
            base = withSlash(options.compareUrl);
            pid = options.comparePid;
            System.out.println("Learning Locker: the running service at " + base);
        } else {
            started = LearningLocker.start(Path.of(options.llHome).toAbsolutePath(), options.node);
            base = started.xapiBase();
            pid = started.pid();
            System.out.println("Learning Locker xapi-statements started: " + base + " (pid " + pid + ")");
        }
        try {
            URI statements = URI.create(base + "statements");
            String authorization = basic(options.compareAuth);
            post("Learning Locker warm-up", statements, authorization, warmup, pid);
            if (pid > 0) {
                settle("Learning Locker warm-up", pid);
            }
            results.put("ll", post("Learning Locker xapi-statements (MODELS_REPO=memory)", statements, authorization, timed, pid));
            if (pid > 0) {
                tails.put("ll", settle("Learning Locker", pid));
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private Load.Measurement post(String label, URI uri, String authorization, List<Batch> batches, long otherPid)
            throws InterruptedException {
        Load.Measurement measurement = Load.run(label, batches.size(), options.batch, options.clients, otherPid, index -> {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", authorization)
                    .header("X-Experience-API-Version", XAPI_VERSION)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(index).body()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().startsWith("[")) {
                String body = response.body();
                throw new Load.Rejected("HTTP " + response.statusCode() + ": " + body.substring(0, Math.min(body.length(), 300)));
            }
        });
        print(measurement);
        return measurement;
    }

    private static String basic(String userAndPassword) {
        return BenchApplication.basic(userAndPassword);
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    // ---------------------------------------------------------------- report

    private void printEnvironment() {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Ingest benchmark %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf(Locale.ROOT, "Machine: %d CPUs, %,d MiB RAM; %s %s; Java %s (%s), max heap %,d MiB; JVM args %s%n",
                runtime.availableProcessors(), totalMemoryMiB(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() / 1024 / 1024,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "Options: %s%n", options);
        System.out.println("Clients and servers share the machine's CPUs: the HTTP clients run in this JVM, beside the in-process "
                + "Phatthana (and the raw store); Learning Locker runs as a node child process.");
    }

    private static long totalMemoryMiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / 1024 / 1024;
        }
        return -1;
    }

    private void print(Load.Measurement m) {
        if (m.rejected() > 0) {
            System.out.printf(Locale.ROOT, "  %s: %d of %d requests REFUSED, first: %s%n", m.label(), m.rejected(), m.latencies().length,
                    m.firstRejection());
        }
        System.out.printf(Locale.ROOT, "  %-55s %,8d in %6.1f s = %,9.0f /s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  "
                + "CPU busy %3.0f%%  JVM CPU %6.1f s%s  other processes %5.1f CPU-s%n", m.label(), m.items(), m.seconds(), m.perSecond(),
                m.percentileMillis(0.50), m.percentileMillis(0.95), m.percentileMillis(0.99), m.machineBusy() * 100, m.jvmCpuSeconds(),
                m.otherCpuSeconds() >= 0 ? String.format(Locale.ROOT, "  node CPU %6.1f s", m.otherCpuSeconds()) : "",
                m.othersCpuSeconds());
        System.out.printf(Locale.ROOT, "  %-55s per tenth of the run: %s /s%n", "", m.rateByTenth(options.batch));
    }

    private void report() {
        System.out.println();
        System.out.println("| run | statements | time (s) | statements/s | p50 (ms) | p95 (ms) | p99 (ms) | refused requests "
                + "| machine CPU busy | CPU s: JVM / node / other processes | background work after (s / CPU-s) | rate incl. background |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Load.Measurement> entry : results.entrySet()) {
            Load.Measurement m = entry.getValue();
            double[] tail = tails.get(entry.getKey());
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %d | %.0f%% | %.1f / %s / %.1f | %s | %s |%n",
                    m.label(), m.items(), m.seconds(), m.perSecond(), m.percentileMillis(0.50), m.percentileMillis(0.95),
                    m.percentileMillis(0.99), m.rejected(), m.machineBusy() * 100, m.jvmCpuSeconds(),
                    m.otherCpuSeconds() >= 0 ? String.format(Locale.ROOT, "%.1f", m.otherCpuSeconds()) : "-", m.othersCpuSeconds(),
                    tail == null ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", tail[0], tail[1]),
                    tail == null ? "-" : String.format(Locale.ROOT, "%,.0f", m.items() / (m.seconds() + tail[0])));
        }
        for (Load.Measurement m : results.values()) {
            if (m.rejected() > 0) {
                System.out.printf(Locale.ROOT, "%n%s: %d requests refused, so %d statements not stored; first: %s%n", m.label(), m.rejected(),
                        m.rejected() * options.batch, m.firstRejection());
            }
        }
        System.out.println();
        Load.Measurement lrs = results.get("phatthana");
        Load.Measurement raw = results.get("raw");
        Load.Measurement ll = results.get("ll");
        if (lrs != null && lrs.rejected() > 0) {
            System.out.printf(Locale.ROOT, "NOTE: Phatthana refused %d requests; its rate counts stored statements only.%n", lrs.rejected());
        }
        if (lrs != null && raw != null) {
            double ratio = lrs.perSecond() / raw.perSecond();
            System.out.printf(Locale.ROOT, "Phatthana / raw insertMany of the same store: %.0f%% (target >= 70%% on the persistent store%s)%n",
                    ratio * 100, options.memory ? "; this run is in memory" : ratio >= 0.70 ? ": MET" : ": NOT MET");
            double[] tail = tails.get("phatthana");
            if (tail != null) {
                System.out.printf(Locale.ROOT, "  counting the background work after the last response too: %.0f%%%n",
                        100 * lrs.items() / (lrs.seconds() + tail[0]) / raw.perSecond());
            }
        }
        if (lrs != null && ll != null) {
            double ratio = lrs.perSecond() / ll.perSecond();
            System.out.printf(Locale.ROOT, "Phatthana / Learning Locker: %.2fx (target >= 5x with PHATTHANA_STORE=memory%s)%n", ratio,
                    !options.memory ? "; this run is persistent" : ratio >= 5 ? ": MET" : ": NOT MET");
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- options

    static final class Options {
        boolean memory;
        int statements = 100_000;
        int warmup = 20_000;
        int batch = 100;
        int clients = 8;
        long seed = 2569;
        boolean phatthana = true;
        boolean raw = true;
        boolean keepData;
        boolean forward;
        String lrsUrl;
        String lrsKey;
        String lrsSecret;
        String llHome;
        String node = "node";
        String compareUrl;
        long comparePid = -1;
        String compareAuth = "benchmark:benchmark";
        int settleSeconds = 900;
        List<String> appProperties = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                if (arg.isBlank()) {
                    continue;
                }
                if (arg.equals("--help") || !arg.startsWith("--")) {
                    usage();
                    return null;
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                String value = eq < 0 ? "true" : arg.substring(eq + 1);
                switch (name) {
                    case "store" -> {
                        if (!value.equals("memory") && !value.equals("persistent")) {
                            throw new IllegalArgumentException("--store must be persistent or memory");
                        }
                        o.memory = value.equals("memory");
                    }
                    case "statements" -> o.statements = Integer.parseInt(value.replace("_", ""));
                    case "warmup" -> o.warmup = Integer.parseInt(value.replace("_", ""));
                    case "batch" -> o.batch = Integer.parseInt(value);
                    case "clients" -> o.clients = Integer.parseInt(value);
                    case "seed" -> o.seed = Long.parseLong(value);
                    case "phatthana" -> o.phatthana = Boolean.parseBoolean(value);
                    case "raw" -> o.raw = Boolean.parseBoolean(value);
                    case "keep-data" -> o.keepData = Boolean.parseBoolean(value);
                    case "forward" -> o.forward = Boolean.parseBoolean(value);
                    case "lrs-url" -> o.lrsUrl = value;
                    case "lrs-key" -> o.lrsKey = value;
                    case "lrs-secret" -> o.lrsSecret = value;
                    case "ll-home" -> o.llHome = value.isBlank() ? null : value;
                    case "node" -> o.node = value;
                    case "compare-url" -> o.compareUrl = value.isBlank() ? null : value;
                    case "compare-pid" -> o.comparePid = Long.parseLong(value);
                    case "compare-auth" -> o.compareAuth = value;
                    case "settle-seconds" -> o.settleSeconds = Integer.parseInt(value);
                    case "app" -> o.appProperties.add(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
                }
            }
            if (o.statements % o.batch != 0 || o.warmup % o.batch != 0) {
                throw new IllegalArgumentException("--statements and --warmup must be multiples of --batch");
            }
            if (o.lrsUrl != null && (o.lrsKey == null || o.lrsSecret == null)) {
                throw new IllegalArgumentException("--lrs-url needs --lrs-key and --lrs-secret");
            }
            return o;
        }

        private static void usage() {
            System.out.println("""
                    IngestBenchmark options (--name=value):
                      --store=persistent|memory  embedded store of the in-process application (default persistent)
                      --statements=N             timed statements per run (default 100000)
                      --warmup=N                 statements posted first, not timed (default 20000)
                      --batch=N                  statements per request / per insertMany (default 100)
                      --clients=N                concurrent clients (default 8)
                      --raw=false                skip the raw insertMany baseline
                      --phatthana=false          skip Phatthana (and the raw baseline): Learning Locker only
                      --lrs-url=URL --lrs-key=K --lrs-secret=S
                                                 post to a running Phatthana (…/xapi/) instead of an in-process one (no raw baseline)
                      --ll-home=DIR              start Learning Locker's xapi-statements installed in DIR (npm install xapi-statements@5.0.1)
                      --node=PATH                node executable for --ll-home (default node)
                      --compare-url=URL          or post to an already running xapi-statements (…/xAPI/)
                      --compare-pid=PID          its process id, to report its CPU time
                      --compare-auth=USER:PASS   Basic credentials for it (default benchmark:benchmark; AUTH_REPO=test takes any)
                      --app=NAME=VALUE           a property for the in-process application (repeatable), e.g.
                                                 --app=phatthana.progress.projector.enabled=false
                      --settle-seconds=N         longest wait for background work after a phase (default 900)
                      --forward                  forward every statement to an in-process receiver that answers 200 (issue 18's cost)
                      --keep-data                keep the temporary store directories
                      --seed=N                   content seed (default 2569)
                    """);
        }

        @Override
        public String toString() {
            return "store=" + (memory ? "memory" : "persistent") + " statements=" + statements + " warmup=" + warmup + " batch=" + batch
                    + " clients=" + clients + (lrsUrl != null ? " lrs-url=" + lrsUrl : "") + (raw ? "" : " raw=false")
                    + (llHome != null ? " ll-home=" + llHome : "") + (compareUrl != null ? " compare-url=" + compareUrl : "")
                    + (appProperties.isEmpty() ? "" : " app=" + appProperties);
        }
    }
}
