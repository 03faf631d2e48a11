package th.phatthana.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import th.phatthana.api.bench.StatementCorpus.Batch;
import th.phatthana.api.testing.GraphQlHttp;
import tools.jackson.databind.JsonNode;

/** Reads the projector's position and times the progress query and the paced ingest, for {@link ProgressBenchmark}. */
final class ProgressProbe {

    private ProgressProbe() {
    }

    /** The last statement sequence number the LRS gave out for the tenant. */
    static long counter(MongoTemplate mongo, String tenantId) {
        return seq(mongo.getCollection("statement_counters").find(Filters.eq("_id", tenantId)).first());
    }

    /** The sequence number the progress read model includes. */
    static long checkpoint(MongoTemplate mongo, String tenantId) {
        return seq(mongo.getCollection("progress_checkpoints").find(Filters.eq("_id", tenantId)).first());
    }

    private static long seq(Document document) {
        return document == null || document.get("seq") == null ? 0 : document.get("seq", Number.class).longValue();
    }

    /** Milliseconds of each timed query, sorted. */
    static double[] queryLatencies(GraphQlHttp graphql, String query, String planId, int fiscalYear, int warmup, int timed) {
        Map<String, Object> variables = Map.of("p", planId, "y", fiscalYear);
        for (int i = 0; i < warmup; i++) {
            check(graphql.execute(query, variables));
        }
        double[] millis = new double[timed];
        for (int i = 0; i < timed; i++) {
            long t = System.nanoTime();
            check(graphql.execute(query, variables));
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void check(JsonNode response) {
        if (response.path("errors").size() > 0 || response.path("data").path("planProgress").isMissingNode()) {
            throw new IllegalStateException("planProgress failed: " + response);
        }
    }

    record LagResult(long statements, double seconds, double[] lagMillis, double[] postMillis, double[] queryMillis) {
    }

    private record Sent(long sentNanos, long seq) {
    }

    /**
     * Posts the batches at {@code rate} statements a second (one batch every batch/rate seconds, each on a pool
     * thread so a slow answer does not delay the schedule); after each POST the tenant's counter is read (it
     * covers the batch). A sampler reads the checkpoint every 5 ms; a statement's lag is the time from its
     * POST being sent to the first sample whose checkpoint covers it. One client queries planProgress meanwhile.
     */
    static LagResult pacedLag(MongoTemplate mongo, String tenantId, List<Batch> batches, int rate, int batchSize, Load.Unit post,
            Supplier<JsonNode> query) throws Exception {
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> posts = new ConcurrentLinkedQueue<>();
        List<long[]> samples = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                long seq = checkpoint(mongo, tenantId);
                synchronized (samples) {
                    samples.add(new long[] { System.nanoTime(), seq });
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lag-sampler");
        List<Double> queries = new ArrayList<>();
        Thread querier = new Thread(() -> {
            while (!done.get()) {
                long t = System.nanoTime();
                check(query.get());
                queries.add((System.nanoTime() - t) / 1e6);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "progress-querier");
        sampler.start();
        querier.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long intervalNanos = 1_000_000_000L * batchSize / rate;
        long begin = System.nanoTime();
        for (int i = 0; i < batches.size(); i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            pool.execute(() -> {
                long t = System.nanoTime();
                try {
                    post.run(index);
                    posts.add((System.nanoTime() - t) / 1e6);
                    sent.add(new Sent(t, counter(mongo, tenantId)));
                } catch (Exception e) {
                    System.err.println("paced POST failed: " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - begin) / 1e9;
        long last = counter(mongo, tenantId);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (checkpoint(mongo, tenantId) < last && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(20);
        done.set(true);
        sampler.join();
        querier.join();
        List<long[]> timeline;
        synchronized (samples) {
            timeline = List.copyOf(samples);
        }
        double[] lags = sent.stream().mapToDouble(s -> {
            for (long[] sample : timeline) {
                if (sample[0] >= s.sentNanos() && sample[1] >= s.seq()) {
                    return (sample[0] - s.sentNanos()) / 1e6;
                }
            }
            return Double.POSITIVE_INFINITY;
        }).sorted().toArray();
        return new LagResult((long) batches.size() * batchSize, seconds, lags, posts.stream().mapToDouble(Double::doubleValue).sorted()
                .toArray(), queries.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
