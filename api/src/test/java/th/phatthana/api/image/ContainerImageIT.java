package th.phatthana.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gov.adlnet.xapi.client.StatementClient;
import gov.adlnet.xapi.model.Activity;
import gov.adlnet.xapi.model.Agent;
import gov.adlnet.xapi.model.Statement;
import gov.adlnet.xapi.model.Verb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image ({@code ./mvnw -Pimage verify}): its configuration, and its entrypoint run
 * from its unpacked layers as a container runtime would run it — as the image's user, on a
 * read-only root with {@code /data} a volume and {@code /tmp} a tmpfs, with only the image's
 * environment — in new mount and PID namespaces. The application serves the console, takes an
 * xAPI statement through the ADL client, writes the progress PDF and XLSX (fonts and AWT from the
 * image's own runtime), and still has the statement after a restart on the same volume.
 *
 * <p>Needs root (mounts, chroot) and util-linux's {@code unshare} and {@code nsenter}; skipped otherwise. No Docker
 * engine is needed, and none is used: this checks the image's content, not a runtime's features.
 */
class ContainerImageIT {

    private static final String XAPI_KEY = "image-test-key";
    private static final String XAPI_SECRET = "image-test-secret-0123456789";
    private static final String ADMIN_TOKEN = "pht_image_test_admin_token_0123456789abcdef";
    /** By its path: the image's environment, which the command runs with, has no PATH to find it by. */
    private static final String CHROOT = Files.isExecutable(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot" : "/usr/bin/chroot";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    @Test
    void theImageRunsTheApplicationAsItsUserOnAReadOnlyRootAndKeepsItsDataOnTheVolume() throws Exception {
        Path tar = Path.of(System.getProperty("image.tar", "target/jib-image.tar"));
        assertThat(tar).as("the image built by -Pimage package").exists();
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && runs("id", "-u").strip().equals("0")
                && Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/nsenter")),
                "needs Linux, root, unshare and nsenter");

        Path archive = Files.createDirectories(work.resolve("archive"));
        run("tar", "-xf", tar.toString(), "-C", archive.toString());
        JsonNode manifest = json.readTree(archive.resolve("manifest.json").toFile()).get(0);
        JsonNode config = json.readTree(archive.resolve(manifest.get("Config").asString()).toFile()).get("config");

        assertThat(config.get("User").asString()).isEqualTo("65532:65532");
        assertThat(config.get("Volumes").has("/data")).isTrue();
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
        assertThat(entrypoint).startsWith("/opt/java/bin/java").contains("-XX:MaxRAMPercentage=75");
        Map<String, String> environment = new TreeMap<>();
        config.get("Env").forEach(entry -> {
            String[] pair = entry.asString().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        assertThat(environment).containsEntry("PHATTHANA_DATA_DIR", "/data").containsEntry("PHATTHANA_DEMO", "false");
        List<String> healthcheck = new ArrayList<>();
        config.path("Healthcheck").path("Test").forEach(part -> healthcheck.add(part.asString()));
        assertThat(healthcheck).as("the image's health check").startsWith("CMD", "/opt/java/bin/java");

        Path root = Files.createDirectories(work.resolve("root"));
        for (JsonNode layer : manifest.get("Layers")) {
            run("tar", "--warning=no-unknown-keyword", "-xf", archive.resolve(layer.asString()).toString(), "-C", root.toString(),
                    "--same-owner", "--numeric-owner");
        }
        assertThat(runs("stat", "-c", "%u:%g %a", root.resolve("data").toString()).strip()).isEqualTo("65532:65532 700");
        assertThat(root.resolve("bin/sh")).doesNotExist(); // nothing but the runtime: no shell

        // A named volume starts as a copy of the image's /data (its owner included).
        Path volume = Files.createDirectories(work.resolve("volume"));
        run("chown", "65532:65532", volume.toString());
        run("chmod", "700", volume.toString());

        environment.put("PHATTHANA_DEMO", "true"); // what `docker run -e …` would set, to have a credential to post with
        environment.put("PHATTHANA_DEMO_SIMULATE", "false");
        environment.put("PHATTHANA_DEMO_XAPI_KEY", XAPI_KEY);
        environment.put("PHATTHANA_DEMO_XAPI_SECRET", XAPI_SECRET);
        environment.put("PHATTHANA_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN);

        String statementId;
        try (Container container = Container.start(root, volume, entrypoint, environment, work.resolve("run-1.log"))) {
            String base = container.baseUrl();
            assertThat(container.uid()).as("the user the application runs as").isEqualTo(65532);
            assertThat(get(base + "/", null).body()).contains("<div id=\"root\"");
            assertThat(get(base + "/actuator/health", null).body()).contains("\"UP\"");
            List<String> check = healthcheck.subList(1, healthcheck.size());
            assertThat(container.exitOf(check, container.port)).as("the health check while it runs").isZero();
            assertThat(container.exitOf(check, freePortNow())).as("the health check asking where nothing listens").isEqualTo(1);

            StatementClient client = new StatementClient(base + "/xapi/", XAPI_KEY, XAPI_SECRET);
            Statement statement = new Statement(new Agent("มาลี ศรีสุข", "mailto:malee@example.go.th"),
                    new Verb("http://adlnet.gov/expapi/verbs/completed"), new Activity("https://elearning.example.go.th/courses/image-" + UUID.randomUUID()));
            statementId = client.postStatement(statement);

            JsonNode plans = graphql(base, "{ plans(first: 1) { edges { node { id fiscalYearStart } } } }").path("data").path("plans").path("edges");
            assertThat(plans.size()).isEqualTo(1);
            String planId = plans.get(0).path("node").path("id").asString();
            int year = plans.get(0).path("node").path("fiscalYearStart").asInt();
            String export = base + "/api/exports/progress?planId=" + java.net.URLEncoder.encode(planId, StandardCharsets.UTF_8) + "&fiscalYear=" + year;
            HttpResponse<byte[]> pdf = getBytes(export + "&format=pdf");
            assertThat(pdf.statusCode()).as("the progress PDF; the application's log:\n%s", container.tail()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            HttpResponse<byte[]> xlsx = getBytes(export + "&format=xlsx");
            assertThat(xlsx.statusCode()).as("the progress XLSX; the application's log:\n%s", container.tail()).isEqualTo(200);
            assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        }
        assertThat(volume.resolve("phatthana.mv")).exists();

        try (Container container = Container.start(root, volume, entrypoint, environment, work.resolve("run-2.log"))) {
            Statement again = new StatementClient(container.baseUrl() + "/xapi/", XAPI_KEY, XAPI_SECRET).getStatement(statementId);
            assertThat(again.getActor().getName()).isEqualTo("มาลี ศรีสุข");
        }
    }

    private JsonNode graphql(String base, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))).build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int freePortNow() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        String output = runs(command);
        assertThat(output).isNotNull();
    }

    /** Runs a host command and gives its output; fails the test when it fails. */
    private static String runs(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** The image's entrypoint in new mount and PID namespaces, chrooted into its layers. */
    private static final class Container implements AutoCloseable {

        private final Process process;
        private final Path root;
        private final int port;
        private final Path log;

        private Container(Process process, Path root, int port, Path log) {
            this.process = process;
            this.root = root;
            this.port = port;
            this.log = log;
        }

        static Container start(Path root, Path volume, List<String> entrypoint, Map<String, String> environment, Path log)
                throws IOException, InterruptedException {
            int port = freePort();
            StringBuilder script = new StringBuilder("set -e\n")
                    .append("mount --bind '").append(root).append("' '").append(root).append("'\n")
                    .append("mount --bind '").append(volume).append("' '").append(root).append("/data'\n")
                    .append("mount -t tmpfs -o mode=1777,size=256m tmpfs '").append(root).append("/tmp'\n")
                    .append("mount -t proc proc '").append(root).append("/proc'\n")
                    .append("mount --rbind /dev '").append(root).append("/dev'\n")
                    .append("mount -o remount,bind,ro '").append(root).append("'\n")
                    .append("exec env -i");
            Map<String, String> env = new TreeMap<>(environment);
            env.put("SERVER_PORT", Integer.toString(port));
            env.forEach((name, value) -> script.append(" '").append(name).append('=').append(value.replace("'", "'\\''")).append('\''));
            script.append(" ").append(CHROOT).append(" --userspec=65532:65532 '").append(root).append('\'');
            entrypoint.forEach(part -> script.append(" '").append(part).append('\''));
            script.append('\n');
            ProcessBuilder builder = new ProcessBuilder("unshare", "--mount", "--pid", "--fork", "--propagation", "private", "sh", "-c",
                    script.toString());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Container container = new Container(builder.start(), root, port, log);
            container.awaitUp(Duration.ofSeconds(180));
            return container;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** The exit code of a command run in the container (its namespaces, its root, its user), as `docker exec` and HEALTHCHECK run it. */
        int exitOf(List<String> command, int serverPort) throws IOException, InterruptedException {
            List<String> full = new ArrayList<>(List.of("nsenter", "--target", Long.toString(java().pid()), "--mount", "--pid",
                    "env", "-i", "SERVER_PORT=" + serverPort, CHROOT, "--userspec=65532:65532", root.toString()));
            full.addAll(command);
            return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }

        /** The last lines the application logged. */
        String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }

        private ProcessHandle java() {
            return process.toHandle().descendants().filter(handle -> handle.info().command().orElse("").endsWith("/java"))
                    .findFirst().orElseThrow();
        }

        /** The real user id of the application's JVM. */
        int uid() throws IOException {
            String status = Files.readString(Path.of("/proc", Long.toString(java().pid()), "status"));
            String uidLine = status.lines().filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
            return Integer.parseInt(uidLine.split("\\s+")[1]);
        }

        private void awaitUp(Duration timeout) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the container exited with " + process.exitValue() + ":\n" + Files.readString(log));
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
            close();
            throw new IllegalStateException("the container did not come up in " + timeout + ":\n" + Files.readString(log));
        }

        /** SIGTERM to the application, as `docker stop` sends; its namespace ends with it. */
        @Override
        public void close() throws InterruptedException {
            process.toHandle().descendants().filter(handle -> handle.info().command().orElse("").endsWith("/java"))
                    .forEach(ProcessHandle::destroy);
            // the JVM is the namespace's first process: when it ends, unshare ends
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
