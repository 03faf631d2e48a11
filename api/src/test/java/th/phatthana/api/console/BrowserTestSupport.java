package th.phatthana.api.console;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Base of the browser tests: they run when Debian's chromium and chromium-driver are installed
 * (/usr/bin/chromium, /usr/bin/chromedriver) and say plainly that they are skipped otherwise.
 * The application with the demo data is started once for all of them.
 */
abstract class BrowserTestSupport {

    static ConsoleApplication app;
    private final List<ConsoleBrowser> browsers = new ArrayList<>();

    @BeforeAll
    static void application() throws Exception {
        if (!ConsoleBrowser.available()) {
            System.out.println("Browser tests SKIPPED: no " + ConsoleBrowser.CHROMIUM + " and " + ConsoleBrowser.CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(ConsoleBrowser.available(), "browser tests need Debian's chromium and chromium-driver");
        app = ConsoleApplication.start();
    }

    /** A new browser (its own profile: another person) of the given size; closed after the test. */
    ConsoleBrowser browser(Dimension size) {
        ConsoleBrowser browser = new ConsoleBrowser(app.baseUrl, size);
        browsers.add(browser);
        return browser;
    }

    ConsoleBrowser browser() {
        return browser(ConsoleBrowser.LAPTOP);
    }

    /** A laptop-sized browser signed in with the token, on the page at the path once `ready` shows. */
    ConsoleBrowser signedInAt(String token, String path, By ready) {
        ConsoleBrowser browser = browser();
        browser.signIn(token);
        browser.open(path);
        browser.await(ready);
        return browser;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ConsoleBrowser::close);
        browsers.clear();
    }
}
