package th.phatthana.api.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole application in a child JVM on the persistent embedded store, so a test can kill it
 * with SIGKILL ({@link #kill()}) and start it again on the same data, as an operator's crash would.
 */
public final class ChildApplication implements AutoCloseable {

    public static final String XAPI_KEY = "crash-test-key";
    public static final String XAPI_SECRET = "crash-test-secret-0123456789";
    public static final String ADMIN_TOKEN = "pht_crash_test_admin_token_0123456789abcdef";

    private final Process process;
    private final int port;
    private final Path log;

    private ChildApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application on {@code dataDir} with the demo tenant (no simulated learning) and waits until it is up. */
    public static ChildApplication start(Path dataDir, Map<String, String> settings) throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-cp",
                ManagementFactory.getRuntimeMXBean().getClassPath(), "th.phatthana.api.PhatthanaApplication"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("MONGODB_URI");
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("PHATTHANA_DATA_DIR", dataDir.toString());
        environment.put("PHATTHANA_STORE", "persistent");
        environment.put("PHATTHANA_DEMO", "true");
        environment.put("PHATTHANA_DEMO_SIMULATE", "false");
        environment.put("PHATTHANA_DEMO_XAPI_KEY", XAPI_KEY);
        environment.put("PHATTHANA_DEMO_XAPI_SECRET", XAPI_SECRET);
        environment.put("PHATTHANA_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("PHATTHANA_BOOTSTRAP_NATIONAL", "false");
        environment.putAll(settings);
        ChildApplication child = new ChildApplication(builder.start(), port, log);
        child.awaitUp(Duration.ofSeconds(120));
        return child;
    }

    public static ChildApplication start(Path dataDir) throws IOException, InterruptedException {
        return start(dataDir, new HashMap<>());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String xapiEndpoint() {
        return baseUrl() + "/xapi/";
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private void awaitUp(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not come up in " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
