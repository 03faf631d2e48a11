package th.phatthana.api.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import th.phatthana.api.PhatthanaApplication;
import th.phatthana.api.progress.ProgressProjector;
import th.phatthana.tenants.access.AccessTokenService;
import th.phatthana.tenants.access.AppUser;
import th.phatthana.tenants.access.AppUserService;
import th.phatthana.tenants.access.Role;
import th.phatthana.tenants.credentials.XapiCredentialService;
import th.phatthana.tenants.credentials.XapiScope;
import th.phatthana.tenants.tenant.Tenant;
import th.phatthana.tenants.tenant.TenantKind;
import th.phatthana.tenants.tenant.TenantService;

/**
 * The real application for the browser tests, started once per test JVM as a user starts it:
 * on a random port, on the embedded store (persistent, in a fresh directory), with the demo
 * organisation and its simulated e-Learning, which is waited for so figures are stable.
 */
final class ConsoleApplication {

    static final String DEMO_CODE = "6431501";
    static final String DEMO_HR_EMAIL = "hr@sangkhom.example";
    static final String DEMO_HR_PASSWORD = "a demo hr password 2567";
    static final Duration XAPI_SECRET_GRACE = Duration.ofSeconds(20);
    private static ConsoleApplication running;

    final ConfigurableApplicationContext context;
    final String baseUrl;
    final Tenant demo;
    final Path dataDir;

    private ConsoleApplication(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        this.demo = context.getBean(TenantService.class).findByCode(DEMO_CODE).orElseThrow();
    }

    static synchronized ConsoleApplication start() throws Exception {
        if (running == null) {
            Path dataDir = Files.createTempDirectory("phatthana-console-test");
            // Arguments, not default properties: those rank below application.properties, which reads
            // the environment (SERVER_PORT, PHATTHANA_DATA_DIR, …) with defaults of its own.
            ConfigurableApplicationContext context = new SpringApplicationBuilder(PhatthanaApplication.class).run(
                    "--server.port=0",
                    "--phatthana.store.mongodb-uri=",
                    "--phatthana.store.mode=persistent",
                    "--phatthana.store.data-dir=" + dataDir,
                    "--phatthana.demo.enabled=true",
                    "--phatthana.demo.simulate-learning=true",
                    "--phatthana.bootstrap.national-enabled=false",
                    "--phatthana.demo.hr-password=" + DEMO_HR_PASSWORD,
                    // short enough for ConsoleAdminBrowserTest to see a rotated xAPI secret stop working
                    "--phatthana.administration.xapi-secret-grace-period=" + XAPI_SECRET_GRACE,
                    "--spring.application.name=phatthana-console-test");
            running = new ConsoleApplication(context, dataDir);
            running.awaitDemoLearning();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    /** Waits until the demo simulator has posted its statements and progress has taken them all in. */
    private void awaitDemoLearning() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (simulatorRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo e-Learning simulator did not finish in 3 minutes");
            }
            Thread.sleep(200);
        }
        context.getBean(ProgressProjector.class).catchUpNow(demo.id()).get(2, TimeUnit.MINUTES);
    }

    private static boolean simulatorRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("demo-elearning") && t.isAlive());
    }

    private void stop() {
        context.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the system cleans it eventually
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A bearer token of a new user of the demo organisation with these roles. */
    String demoUser(Role... roles) {
        AppUser user = bean(AppUserService.class).createTenantUser(demo.id(), "ผู้ทดสอบระบบ", uniqueEmail(), Set.of(roles));
        return token(user);
    }

    /** A bearer token of a new member of the provincial committee that oversees the demo organisation. */
    String committee() {
        return token(bean(AppUserService.class).createOversightUser("กรรมการทดสอบ", uniqueEmail(), Role.PROVINCIAL_COMMITTEE,
                demo.province(), TenantKind.SAO));
    }

    /** Other organisations, users and xAPI credentials, made as the integration tests make them. */
    th.phatthana.api.testing.TestTenants tenants() {
        return new th.phatthana.api.testing.TestTenants(bean(TenantService.class), bean(XapiCredentialService.class),
                bean(AccessTokenService.class), bean(AppUserService.class), bean(th.phatthana.tenants.access.PasswordService.class));
    }

    /** A bearer token of a new national administrator. */
    String national() {
        return token(bean(AppUserService.class).createOversightUser("ส่วนกลางทดสอบ", uniqueEmail(), Role.NATIONAL, null, null));
    }

    private String token(AppUser user) {
        return bean(AccessTokenService.class).issueForUser(user, "browser test", Duration.ofHours(2)).value();
    }

    private static String uniqueEmail() {
        return "browser-" + UUID.randomUUID() + "@example.go.th";
    }

    /** A new xAPI key and secret of the demo organisation, as a provider gets them. */
    XapiCredentialService.IssuedCredential xapiCredential() {
        return bean(XapiCredentialService.class).issue(demo.id(), "Browser test provider", Set.of(XapiScope.ALL));
    }

    static Duration timeout() {
        return Duration.ofSeconds(15);
    }
}
