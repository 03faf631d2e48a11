package th.phatthana.api.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Learning Locker's statement service (npm package {@code xapi-statements}, installed outside the
 * repository) started as a child process, in the configuration the acceptance text names:
 * {@code MODELS_REPO=memory AUTH_REPO=test EVENTS_REPO=test STORAGE_REPO=local EXPRESS_PORT=<port>}.
 * With {@code AUTH_REPO=test} it accepts any Basic credentials. It serves {@code /xAPI/statements}.
 */
final class LearningLocker implements AutoCloseable {

    private final Process process;
    private final int port;

    private LearningLocker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code node dist/index.js} of the package, with its working directory (where it keeps
     * {@code storage/}) in {@code home}: either the directory {@code npm install xapi-statements@5.0.1}
     * ran in, or the package directory itself ({@code …/node_modules/xapi-statements}).
     */
    static LearningLocker start(Path home, String node) throws IOException, InterruptedException {
        Path main = home.resolve("node_modules/xapi-statements/dist/index.js");
        if (!Files.isRegularFile(main)) {
            main = home.resolve("dist/index.js");
        }
        if (!Files.isRegularFile(main)) {
            throw new IllegalArgumentException("neither " + home.resolve("node_modules/xapi-statements/dist/index.js") + " nor " + main
                    + " exists: install it with `npm install xapi-statements@5.0.1` in " + home);
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(node, main.toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("xapi-statements.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("MODELS_REPO", "memory");
        environment.put("AUTH_REPO", "test");
        environment.put("EVENTS_REPO", "test");
        environment.put("STORAGE_REPO", "local");
        environment.put("EXPRESS_PORT", Integer.toString(port));
        LearningLocker ll = new LearningLocker(builder.start(), port);
        ll.awaitReady(home.resolve("xapi-statements.log"));
        return ll;
    }

    String xapiBase() {
        return "http://127.0.0.1:" + port + "/xAPI/";
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest about = HttpRequest.newBuilder(URI.create(xapiBase() + "about")).header("X-Experience-API-Version", "1.0.3")
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("xapi-statements exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(about, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("xapi-statements did not answer on port " + port + " within 60 s; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
