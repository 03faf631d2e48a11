package th.phatthana.api.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import th.phatthana.api.PhatthanaApplication;

/** The application as the benchmarks start it in-process: embedded store, demo tenant with a known xAPI credential, quiet logs. */
final class BenchApplication {

    private BenchApplication() {
    }

    /**
     * @param appProperties extra {@code NAME=VALUE} properties (command-line arguments outrank
     *                      application.properties and the environment: MONGODB_URI, PHATTHANA_STORE...)
     */
    static ConfigurableApplicationContext start(Path dataDir, boolean memory, String key, String secret, List<String> appProperties) {
        System.out.println("Starting Phatthana in-process: embedded store " + (memory ? "in memory" : "persistent under " + dataDir));
        long begin = System.nanoTime();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.th.phatthana.lrs.statements.index=INFO",
                "--logging.level.th.phatthana.api.demo=ERROR",
                // mongo-java-server warns about every non-unique index it ignores (docs/architecture.md).
                "--logging.level.de.bwaldvogel.mongo=ERROR",
                "--phatthana.store.mongodb-uri=",
                "--phatthana.store.mode=" + (memory ? "memory" : "persistent"),
                "--phatthana.store.data-dir=" + dataDir,
                "--phatthana.demo.enabled=true",
                "--phatthana.demo.simulate-learning=false",
                "--phatthana.demo.xapi-key=" + key,
                "--phatthana.demo.xapi-secret=" + secret));
        appProperties.forEach(property -> arguments.add("--" + property));
        ConfigurableApplicationContext context = new SpringApplication(PhatthanaApplication.class).run(arguments.toArray(String[]::new));
        System.out.printf(Locale.ROOT, "Phatthana started in %.1f s on port %s%n", (System.nanoTime() - begin) / 1e9,
                context.getEnvironment().getProperty("local.server.port"));
        return context;
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
