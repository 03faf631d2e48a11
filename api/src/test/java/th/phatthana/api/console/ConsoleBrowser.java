package th.phatthana.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromium-driver (nothing is downloaded:
 * Selenium Manager is bypassed by naming the driver), with a fresh profile and a download
 * directory of its own. Helpers for the console: sign-in, waiting, axe-core, screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);
    /** Where the README's screenshots go: docs/screenshots of the repository (tests run in api/). */
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final Path AXE = Path.of("..", "web", "node_modules", "axe-core", "axe.min.js");

    /** Selenium's note that it has no DevTools classes for this chromium version: the tests use none. */
    private static final java.util.logging.Logger SELENIUM_LOG = quiet(java.util.logging.Logger.getLogger("org.openqa.selenium"));

    final ChromeDriver driver;
    final String baseUrl;
    final Path downloads;
    private final Path profile;

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ConsoleBrowser(String baseUrl, Dimension size) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("phatthana-chromium");
            this.downloads = Files.createTempDirectory("phatthana-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + size.width + "," + size.height, "--lang=th-TH");
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        preferences.put("download.directory_upgrade", true);
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
    }

    /**
     * The one sign-in step of every browser test. Today the console signs in with a bearer token
     * kept in sessionStorage (its development and test path, see web/src/api/credentials.ts).
     * Once the sign-in endpoints are merged this becomes: open /signin, type the e-mail and
     * password, submit, and wait for the first page.
     */
    void signIn(String token) {
        driver.get(baseUrl + "/signin");
        script("sessionStorage.setItem('phatthana.token', arguments[0])", token);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Runs an asynchronous script; it ends by calling its last argument with the result. */
    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, ConsoleApplication.timeout()).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        new WebDriverWait(driver, ConsoleApplication.timeout()).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void awaitGone(By by) {
        new WebDriverWait(driver, ConsoleApplication.timeout()).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Every file the page loaded from another origin than the application's (should be none). */
    @SuppressWarnings("unchecked")
    List<String> resourcesFromElsewhere() {
        return (List<String>) script("""
                return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))""");
    }

    /** A file the browser downloaded whose name ends so, once it is complete. */
    Path awaitDownload(String suffix) throws InterruptedException {
        long deadline = System.nanoTime() + ConsoleApplication.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(downloads)) {
                var found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no download ending in " + suffix + " in " + downloads);
    }

    /** axe-core (injected from web/node_modules) finds no serious or critical violation on the page as it is. */
    void assertAccessible(String page) {
        try {
            script(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed with the console's npm packages: build the web module first", e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
                }))), e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(violation.get("impact") + " " + violation.get("id") + " (" + violation.get("help") + "): " + violation.get("nodes"));
            }
        }
        assertThat(serious).as("axe-core on %s", page).isEmpty();
    }

    /** A picture of the whole page (as tall as its content) in docs/screenshots. */
    void screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        long height = ((Number) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        // the window's own bars take part of its height: without them the page's foot is cut off
        long bars = ((Number) script("return window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(size.width, (int) Math.min(Math.max(height + bars, size.height), 4000)));
        script("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
        for (Path directory : List.of(profile, downloads)) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // temporary files
            }
        }
    }
}
