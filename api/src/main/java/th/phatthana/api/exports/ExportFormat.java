package th.phatthana.api.exports;

import java.util.Locale;

import org.springframework.http.MediaType;

/** The formats of the exports; GraphQL enum ExportFormat. */
public enum ExportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    /** One CSV file per table, zipped. */
    CSV("application/zip", "-csv.zip"),
    PDF("application/pdf", ".pdf");

    private final MediaType mediaType;
    private final String suffix;

    ExportFormat(String mediaType, String suffix) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.suffix = suffix;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String fileName(ProgressReport report) {
        return report.fileStem() + suffix;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "xlsx", "CSV", … or null. */
    public static ExportFormat parse(String value) {
        if (value == null) {
            return null;
        }
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(value.strip())) {
                return format;
            }
        }
        return null;
    }

    public byte[] write(ProgressReport report) {
        return write(report.document(), false);
    }

    /** @param thaiDigits numbers in Thai digits (PDF only: spreadsheets keep numbers as numbers) */
    public byte[] write(ReportDocument report, boolean thaiDigits) {
        return switch (this) {
            case XLSX -> new XlsxReportWriter().bytes(report);
            case CSV -> new CsvReportWriter().bytes(report);
            case PDF -> new PdfReportWriter(thaiDigits).bytes(report);
        };
    }

    public String fileName(ReportDocument report) {
        return report.fileStem() + suffix;
    }
}
