package th.phatthana.api.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;

import th.phatthana.schema.FiscalYears;

/**
 * Figures the browser tests measure (docs/performance.md): printed, and appended to
 * api/target/console-measurements.md with the date, so a run's numbers can be copied.
 */
final class ConsoleMeasurements {

    private static final Path FILE = Path.of("target", "console-measurements.md");

    private ConsoleMeasurements() {
    }

    static synchronized void record(String what, String value) {
        String line = "| " + ZonedDateTime.now(FiscalYears.BANGKOK).withNano(0) + " | " + what + " | " + value + " |\n";
        System.out.print("Console measurement " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
