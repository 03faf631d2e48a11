package th.phatthana.api.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Dimension;

/**
 * Base of the browser tests: they run when Debian's chromium and chromium-driver are installed
 * (/usr/bin/chromium, /usr/bin/chromedriver) and say plainly that they are skipped otherwise.
 * The application with the demo data is started once for all of them.
 */
abstract class BrowserTestSupport {

    static ConsoleApplication app;
    private ConsoleBrowser browser;

    @BeforeAll
    static void application() throws Exception {
        if (!ConsoleBrowser.available()) {
            System.out.println("Browser tests SKIPPED: no " + ConsoleBrowser.CHROMIUM + " and " + ConsoleBrowser.CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(ConsoleBrowser.available(), "browser tests need Debian's chromium and chromium-driver");
        app = ConsoleApplication.start();
    }

    /** A browser of the given size; closed after the test. */
    ConsoleBrowser browser(Dimension size) {
        if (browser != null) {
            browser.close();
        }
        browser = new ConsoleBrowser(app.baseUrl, size);
        return browser;
    }

    ConsoleBrowser browser() {
        return browser(ConsoleBrowser.LAPTOP);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
