package th.phatthana.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.phatthana.api.PhatthanaApplication;
import th.phatthana.api.demo.DemoPlan;

/**
 * How far progress falls behind the statement stream under a steady load in which some writes are
 * refused after they reserved their sequence numbers (docs/performance.md, "Progress lag").
 *
 * <p>Providers post batches of 10 statements about the demo plan's courses at a steady total rate
 * (default 300 statements/s) to the application on the persistent embedded store. A share of the
 * batches (default 5 %) is sent as a conflicting pair: two batches at the same moment that share
 * one statement id with different content, so one of them is refused with 409, usually after it
 * reserved its numbers. Every 50 ms the tenant's stream end and the projector's checkpoint are
 * sampled; the lag of a sample is how long the checkpoint took to reach that stream end.
 *
 * <p>{@code ./mvnw -q -pl api -am -DskipTests -Pbenchmark verify -Dbenchmark.main=th.phatthana.api.bench.ProgressLagBenchmark
 * -Dbenchmark.args="--rate=300 --refused=0.05 --seconds=60 --store=persistent"}
 */
public final class ProgressLagBenchmark {

    private record Sample(long nanos, long streamEnd, long checkpoint) {
    }

    public static void main(String[] args) throws Exception {
        int rate = 300;
        double refusedShare = 0.05;
        int seconds = 60;
        String store = "persistent";
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            switch (pair[0]) {
                case "rate" -> rate = Integer.parseInt(pair[1]);
                case "refused" -> refusedShare = Double.parseDouble(pair[1]);
                case "seconds" -> seconds = Integer.parseInt(pair[1]);
                case "store" -> store = pair[1];
                default -> throw new IllegalArgumentException("options: --rate=N --refused=0.05 --seconds=N --store=persistent|memory");
            }
        }
        System.out.printf(Locale.ROOT, "Machine CPU busy before the run (other processes, 3 s sample): %.0f%%%n", Load.machineBusy(3_000) * 100);
        Path dataDir = Files.createTempDirectory("phatthana-lag-");
        String key = "lag-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        ConfigurableApplicationContext app = new SpringApplication(PhatthanaApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.th.phatthana.api.demo=ERROR", "--logging.level.de.bwaldvogel.mongo=ERROR",
                "--phatthana.store.mongodb-uri=", "--phatthana.store.mode=" + store, "--phatthana.store.data-dir=" + dataDir,
                "--phatthana.demo.enabled=true", "--phatthana.demo.simulate-learning=false", "--phatthana.demo.xapi-key=" + key,
                "--phatthana.demo.xapi-secret=" + secret);
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        String tenantId = mongo.getCollection("xapi_credentials").find(new Document("key", key)).first().getString("tenantId");
        URI statements = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/xapi/statements");
        String authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (System.nanoTime() < end + Duration.ofSeconds(10).toNanos()) {
                samples.add(new Sample(System.nanoTime(), value(mongo, "statement_counters", tenantId),
                        value(mongo, "progress_checkpoints", tenantId)));
                sleep(50);
            }
        });
        int batchesPerSecond = rate / 10;
        Random random = new Random(7);
        List<Thread> posts = new ArrayList<>();
        for (long next = start; next < end; next += 1_000_000_000L / batchesPerSecond) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                // sleeping, not spinning: a spinning loop took one of the two cores from the application
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            boolean pair = random.nextDouble() < refusedShare;
            String shared = UUID.randomUUID().toString();
            long seed = random.nextLong();
            int copies = pair ? 2 : 1;
            CountDownLatch together = new CountDownLatch(copies);
            for (int copy = 0; copy < copies; copy++) {
                String body = batch(new Random(seed + copy), pair ? shared : null, copy);
                posts.add(Thread.ofVirtual().start(() -> {
                    together.countDown();
                    try {
                        together.await();
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(statements).header("Authorization", authorization)
                                .header("X-Experience-API-Version", "1.0.3").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? accepted : response.statusCode() == 409 ? refused : failures).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }));
            }
        }
        for (Thread post : posts) {
            post.join();
        }
        sampler.join();
        long holes = mongo.getCollection("statement_stream_holes").countDocuments(new Document("tenantId", tenantId));
        report(samples, start, end, accepted.get(), refused.get(), failures.get(), holes, rate, refusedShare, store);
        app.close();
        System.exit(0);
    }

    private static String batch(Random random, String sharedId, int variant) {
        List<String> statements = new ArrayList<>();
        String[] verbs = { "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed",
                "http://adlnet.gov/expapi/verbs/attempted", "http://adlnet.gov/expapi/verbs/experienced" };
        for (int i = 0; i < 10; i++) {
            String id = i == 0 && sharedId != null ? sharedId : UUID.randomUUID().toString();
            String activity = DemoPlan.ACTIVITY_IRIS.get(random.nextInt(DemoPlan.ACTIVITY_IRIS.size()));
            statements.add("""
                    {"id":"%s","actor":{"name":"ผู้เรียน %d","mbox":"mailto:lag-learner-%d@example.go.th"},
                     "verb":{"id":"%s"},"object":{"id":"%s"},
                     "result":{"success":true,"score":{"scaled":0.%d},"duration":"PT%dM"},"timestamp":"2026-0%d-1%dT09:00:00+07:00"}"""
                    .formatted(id, random.nextInt(400), random.nextInt(400) + variant * 1000, verbs[random.nextInt(verbs.length)], activity,
                            5 + random.nextInt(5), 10 + random.nextInt(50), 1 + random.nextInt(8), random.nextInt(10)));
        }
        return "[" + String.join(",", statements) + "]";
    }

    private static long value(MongoTemplate mongo, String collection, String tenantId) {
        Document document = mongo.getCollection(collection).find(new Document("_id", tenantId)).first();
        Number seq = document == null ? null : document.get("seq", Number.class);
        return seq == null ? 0 : seq.longValue();
    }

    private static void report(List<Sample> samples, long start, long end, int accepted, int refused, long failures, long holes, int rate,
            double refusedShare, String store) {
        List<Double> lags = new ArrayList<>();
        List<Sample> all = new ArrayList<>(samples);
        long unreached = 0;
        for (int i = 0; i < all.size(); i++) {
            Sample sample = all.get(i);
            if (sample.nanos() < start || sample.nanos() > end) {
                continue;
            }
            Double lag = null;
            for (int j = i; j < all.size(); j++) {
                if (all.get(j).checkpoint() >= sample.streamEnd()) {
                    lag = (all.get(j).nanos() - sample.nanos()) / 1e9;
                    break;
                }
            }
            if (lag == null) {
                unreached++;
            } else {
                lags.add(lag);
            }
        }
        Collections.sort(lags);
        Sample last = all.get(all.size() - 1);
        System.out.printf(Locale.ROOT, "%n== Progress lag: %s store, %d statements/s offered, %.0f %% of batches in conflicting pairs ==%n", store,
                rate, refusedShare * 100);
        System.out.printf(Locale.ROOT, "batches accepted %d, refused with 409 %d, failed %d; holes recorded %d%n", accepted, refused, failures, holes);
        System.out.printf(Locale.ROOT, "lag over %d samples: p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s; never reached: %d%n", lags.size(),
                percentile(lags, 0.50), percentile(lags, 0.95), percentile(lags, 0.99), lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1),
                unreached);
        System.out.printf(Locale.ROOT, "at the end: stream %d, checkpoint %d%n", last.streamEnd(), last.checkpoint());
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
