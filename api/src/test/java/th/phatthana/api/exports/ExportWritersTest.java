package th.phatthana.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Each writer's file opened with a real reader: POI, commons-csv, PDFBox. */
class ExportWritersTest {

    private final ProgressReport report = ExportSamples.report();

    @Test
    void xlsxHasASheetPerTableWithThaiHeadersAndNumericCells() throws IOException {
        byte[] bytes = new XlsxReportWriter().bytes(report);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2), workbook.getSheetName(3),
                    workbook.getSheetName(4), workbook.getSheetName(5), workbook.getSheetName(6)))
                    .containsExactly("ข้อมูลรายงาน", "สรุปผล", "เป้าหมาย", "หลักสูตร", "ส่วนราชการ", "กลุ่มเป้าหมาย", "บุคลากร");

            Sheet info = workbook.getSheet("ข้อมูลรายงาน");
            assertThat(info.getRow(1).getCell(1).getStringCellValue()).isEqualTo(ExportSamples.ORGANISATION);
            Cell fiscalYear = info.getRow(6).getCell(1);
            assertThat(fiscalYear.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(fiscalYear.getNumericCellValue()).isEqualTo(2567);
            assertThat(info.getRow(7).getCell(1).getStringCellValue()).isEqualTo("5 พฤศจิกายน 2567 เวลา 14:05 น.");

            Sheet courses = workbook.getSheet("หลักสูตร");
            assertThat(headers(courses)).containsExactly("หลักสูตร", "วิธีการพัฒนา", "วันที่เริ่ม", "ผู้เข้ารับการพัฒนา", "ผ่าน",
                    "ชั่วโมงรวม", "งบประมาณ (บาท)");
            Row first = courses.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(ExportSamples.COURSE);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("1 ตุลาคม 2566");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(25);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(187.5);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(12500);
            assertThat(new DataFormatter().formatCellValue(first.getCell(6))).isEqualTo("12,500.00");
            assertThat(courses.getRow(3).getCell(6).getCellType()).isEqualTo(CellType.BLANK);

            Row summary = workbook.getSheet("สรุปผล").getRow(2);
            assertThat(summary.getCell(0).getStringCellValue()).isEqualTo(ExportSamples.SHAPING_LINE);
            assertThat(summary.getCell(1).getNumericCellValue()).isEqualTo(30);
            assertThat(summary.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(summary.getCell(3).getNumericCellValue()).isEqualTo(0.714);
            assertThat(new DataFormatter().formatCellValue(summary.getCell(3))).isEqualTo("71.4%");

            assertThat(workbook.getSheet("บุคลากร").getLastRowNum()).isEqualTo(ExportSamples.STAFF);
        }
    }

    @Test
    void csvIsAZipOfOneUtf8FileWithBomPerTable() throws IOException {
        Map<String, byte[]> files = unzip(new CsvReportWriter().bytes(report));
        assertThat(files.keySet()).containsExactly("report.csv", "summary.csv", "goals.csv", "courses.csv", "divisions.csv",
                "targetGroups.csv", "staff.csv");
        for (byte[] file : files.values()) {
            assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        }
        List<CSVRecord> courses = parse(files.get("courses.csv"));
        assertThat(courses.get(0).toList()).containsExactly("หลักสูตร", "วิธีการพัฒนา", "วันที่เริ่ม", "ผู้เข้ารับการพัฒนา", "ผ่าน",
                "ชั่วโมงรวม", "งบประมาณ (บาท)");
        assertThat(courses.get(1).toList()).containsExactly(ExportSamples.COURSE, "อบรม (e-Learning)", "1 ตุลาคม 2566", "25", "23",
                "187.5", "12500");
        assertThat(courses.get(3).get(6)).isEmpty();
        List<CSVRecord> summary = parse(files.get("summary.csv"));
        assertThat(summary.get(2).toList()).containsExactly(ExportSamples.SHAPING_LINE, "30", "40", "71.4");
        assertThat(parse(files.get("staff.csv"))).hasSize(ExportSamples.STAFF + 1);
        List<CSVRecord> info = parse(files.get("report.csv"));
        assertThat(info.get(2).toList()).containsExactly("องค์กรปกครองส่วนท้องถิ่น", ExportSamples.ORGANISATION);
        assertThat(info.get(7).toList()).containsExactly("ปีงบประมาณที่รายงาน (พ.ศ.)", "2567");
    }

    @Test
    void pdfIsA4ThaiWithTheFontEmbeddedAndItsTextExtractable() throws IOException {
        byte[] bytes = new PdfReportWriter().bytes(report);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            // For the eye: target/export-page1.png (the shaping line is in the summary table).
            Path png = Path.of("target", "export-page1.png");
            Files.createDirectories(png.getParent());
            Files.write(Path.of("target", "export-sample.pdf"), bytes);
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 150), "png", png.toFile());
            java.awt.image.BufferedImage close = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            ImageIO.write(close.getSubimage(0, close.getHeight() / 5, close.getWidth() * 3 / 5, close.getHeight() / 7), "png",
                    Path.of("target", "export-page1-shaping.png").toFile());

            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(841.8898f, org.assertj.core.data.Offset.offset(0.01f));
            for (org.apache.pdfbox.cos.COSName name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.getName()).contains("Sarabun");
                assertThat(font.isEmbedded()).isTrue();
            }

            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("รายงานความก้าวหน้าการพัฒนาบุคลากร")
                    .contains(ExportSamples.ORGANISATION)
                    .contains("ปีงบประมาณที่รายงาน (พ.ศ.): 2567")
                    .contains("ข้อมูล ณ วันที่: 5 พฤศจิกายน 2567 เวลา 14:05 น.")
                    .contains(ExportSamples.SHAPING_LINE)
                    .contains("1 ตุลาคม 2566")
                    .contains("12,500.00")
                    .contains("71.4%")
                    .contains("64-3-01-00" + ExportSamples.STAFF)
                    .contains("หน้า 1/" + pdf.getNumberOfPages());
            // Long course titles wrap; the words are all there, in order.
            assertThat(text.replaceAll("\\s", "")).contains(ExportSamples.COURSE.replaceAll("\\s", ""))
                    .contains("นางสาวญาณิศาฐิติพันธุ์" + ExportSamples.STAFF);
            // Each run is extracted once, and nothing but the text is (no glyph ids, no private-use characters).
            assertThat(text.split(java.util.regex.Pattern.quote(ExportSamples.ORGANISATION), -1).length - 1)
                    .isEqualTo(pdf.getNumberOfPages() + 1);
            assertOnlyTextCharacters(text);
        }
    }

    /** What Linux viewers, search indexers and archiving tools extract: poppler's pdftotext (Debian's poppler-utils). */
    @Test
    void pdftotextExtractsTheThaiTextOnceAndNothingElse() throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pdftotext), "poppler-utils is not installed (.ci/run installs it)");
        Path pdf = Files.createTempFile("export", ".pdf");
        try {
            Files.write(pdf, new PdfReportWriter().bytes(report));
            Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(text).isZero();
            assertThat(text).contains("รายงานความก้าวหน้าการพัฒนาบุคลากร")
                    .contains("องค์กรปกครองส่วนท้องถิ่น: " + ExportSamples.ORGANISATION)
                    .contains("ปีงบประมาณที่รายงาน (พ.ศ.): 2567")
                    .contains("ข้อมูล ณ วันที่: 5 พฤศจิกายน 2567 เวลา 14:05 น.")
                    .contains(ExportSamples.SHAPING_LINE)
                    .contains("ประจำปี") // sara am, split in two glyphs by shaping
                    .contains("ฉบับที่ใช้: ฉบับปรับปรุง ครั้งที่ 1")
                    .contains("ความเห็นชอบ: ก.อบต.จังหวัดหนองคาย มติครั้งที่ 1/2567 เมื่อ 1 กันยายน 2566")
                    .contains("ปลัดองค์การบริหารส่วนตำบล").contains("นายกองค์การบริหารส่วนตำบล").contains("ผู้รายงาน").contains("ลงชื่อ")
                    .contains("12,500.00");
            assertThat(text.replaceAll("\\s", "")).contains(ExportSamples.COURSE.replaceAll("\\s", ""))
                    .contains("นางสาวญาณิศาฐิติพันธุ์" + ExportSamples.STAFF);
            assertThat(text.split(java.util.regex.Pattern.quote(ExportSamples.ORGANISATION), -1).length - 1)
                    .as("the organisation's name, once in the title block and once in each page's foot").isGreaterThanOrEqualTo(3);
            assertOnlyTextCharacters(text);
        } finally {
            Files.delete(pdf);
        }
    }

    /** Thai, Latin letters, digits, punctuation and spaces: never glyph garbage from a font's private glyphs. */
    private static void assertOnlyTextCharacters(String text) {
        String stray = text.codePoints().filter(cp -> !(cp >= 0x0E01 && cp <= 0x0E5B || cp < 0x7F || cp == 0x2013 || cp == 0xB7 || cp == 0x0C
                || cp == 0x2014 || cp == 0x2019)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(stray).as("characters that are not the report's text").isEmpty();
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new java.util.ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static List<CSVRecord> parse(byte[] csv) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }
}
