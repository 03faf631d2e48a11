package th.phatthana.api.exports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import th.phatthana.api.time.ThaiDates;

/**
 * A {@link ProgressReport} as an A4 PDF in Thai (PDFBox 3), with the Sarabun font embedded:
 * the title block (title, organisation, plan, fiscal year, generated-at date), then each table with
 * its Thai heading, the header row repeated on every page, long cells wrapped at Thai word
 * boundaries, numbers right-aligned, and "หน้า n/N" at the foot of each page.
 *
 * <p><b>Thai shaping.</b> PDFBox does no OpenType shaping, so text is shaped by {@link ThaiShaper}
 * (the JDK's HarfBuzz) and each glyph is drawn by glyph id at its shaped position, in an embedded
 * subset of Sarabun. Those glyphs are marked as an artifact and carry no ToUnicode mapping (a
 * shaped glyph such as a lowered tone mark or a tail-less ญ has no Unicode character of its own).
 * The text itself is laid over them as an invisible text layer (rendering mode 3, also Sarabun,
 * with a ToUnicode map) holding the original Unicode string of each run, scaled horizontally to the
 * run's shaped width: text extraction, search and copy see exactly the Thai text, in order.
 */
public final class PdfReportWriter {

    static final String REGULAR = "/fonts/Sarabun-Regular.ttf";
    static final String BOLD = "/fonts/Sarabun-Bold.ttf";

    private static final byte[] REGULAR_TTF = resource(REGULAR);
    private static final byte[] BOLD_TTF = resource(BOLD);
    static final ThaiShaper REGULAR_SHAPER = new ThaiShaper(REGULAR_TTF);
    static final ThaiShaper BOLD_SHAPER = new ThaiShaper(BOLD_TTF);

    static final float MARGIN = 40f;
    static final float BODY = 9f;
    static final float CELL_PAD = 3f;
    static final float LEADING = 1.5f;

    public void write(ProgressReport report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            new Layout(document, report).run();
            document.save(out);
        }
    }

    public byte[] bytes(ProgressReport report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One font weight: its shaper and the font its visible glyphs are drawn with. */
    private record Face(ThaiShaper shaper, PDType0Font glyphs, java.util.Set<Integer> used) {
    }

    /** Lays the report out page by page; one instance per document. */
    private static final class Layout {
        private final PDDocument document;
        private final ProgressReport report;
        private final Face regular;
        private final Face bold;
        private final PDType0Font text;
        private final List<Canvas> pages = new ArrayList<>();
        private Canvas canvas;
        private float y;

        Layout(PDDocument document, ProgressReport report) throws IOException {
            this.document = document;
            this.report = report;
            this.regular = new Face(REGULAR_SHAPER, glyphFont(document, REGULAR_TTF), new java.util.HashSet<>());
            this.bold = new Face(BOLD_SHAPER, glyphFont(document, BOLD_TTF), new java.util.HashSet<>());
            this.text = PDType0Font.load(document, new ByteArrayInputStream(REGULAR_TTF), true);
        }

        void run() throws IOException {
            info();
            newPage();
            title();
            for (ReportTable table : report.tables()) {
                table(table);
            }
            for (int i = 0; i < pages.size(); i++) {
                Canvas page = pages.get(i);
                String left = report.organisationName() + " · " + ThaiDates.fiscalYear(report.fiscalYear());
                page.text(regular, left, 8f, MARGIN, MARGIN / 2);
                String foot = "หน้า " + (i + 1) + "/" + pages.size();
                float w = regular.shaper().width(foot, 8f);
                page.text(regular, foot, 8f, width() + MARGIN - w, MARGIN / 2);
                page.close();
            }
            // Fonts are subset here, not by PDDocument.save (which only subsets fonts set through PDPageContentStream).
            text.subset();
            for (Face face : List.of(regular, bold)) {
                face.glyphs().addGlyphsToSubset(face.used());
                face.glyphs().subset();
                face.glyphs().getCOSObject().removeItem(COSName.TO_UNICODE);
            }
        }

        private void info() {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.title() + " " + report.organisationName() + " " + ThaiDates.fiscalYear(report.fiscalYear()));
            info.setAuthor(report.organisationName());
            info.setCreator("Phatthana");
            info.setCreationDate(GregorianCalendar.from(report.generatedAt()));
            document.getDocumentCatalog().setLanguage("th-TH");
        }

        private static float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        private void newPage() {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            document.addPage(page);
            canvas = new Canvas(document, page, text);
            pages.add(canvas);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void ensure(float height) {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void title() {
            paragraph(bold, report.title(), 16f);
            y -= 2;
            line(bold, "องค์กรปกครองส่วนท้องถิ่น: ", report.organisationName()
                    + (report.organisationCode().isEmpty() ? "" : " (รหัส " + report.organisationCode() + ")"));
            line(bold, "แผนพัฒนาบุคลากร: ", report.planTitle() + " (ปีงบประมาณ พ.ศ. " + report.planFirstYear() + "–"
                    + report.planLastYear() + ")");
            line(bold, "ปีงบประมาณที่รายงาน: ", "พ.ศ. " + report.fiscalYear());
            line(bold, "จัดทำเมื่อ: ", ThaiDates.dateTime(report.generatedAt()));
            y -= 8;
        }

        private void line(Face labelFace, String label, String value) {
            float size = 11f;
            float labelWidth = labelFace.shaper().width(label, size);
            List<String> lines = regular.shaper().wrap(value, size, width() - labelWidth);
            for (int i = 0; i < lines.size(); i++) {
                ensure(size * LEADING);
                y -= size * LEADING;
                if (i == 0) {
                    canvas.text(labelFace, label, size, MARGIN, y);
                }
                canvas.text(regular, lines.get(i), size, MARGIN + labelWidth, y);
            }
        }

        private void paragraph(Face face, String value, float size) {
            for (String l : face.shaper().wrap(value, size, width())) {
                ensure(size * LEADING);
                y -= size * LEADING;
                canvas.text(face, l, size, MARGIN, y);
            }
        }

        private void table(ReportTable table) {
            ensure(13f * LEADING + 4 * BODY * LEADING);
            y -= 6;
            paragraph(bold, table.titleTh(), 13f);
            y -= 3;
            float[] widths = columnWidths(table);
            List<String> headers = table.columns().stream().map(ReportTable.Column::headerTh).toList();
            boolean[] right = new boolean[widths.length];
            for (int c = 0; c < widths.length; c++) {
                right[c] = table.columns().get(c).numeric();
            }
            row(bold, headers, widths, right, true, null);
            if (table.rows().isEmpty()) {
                row(regular, List.of(java.util.stream.IntStream.range(0, widths.length).mapToObj(i -> i == 0 ? "ไม่มีข้อมูล" : "").toArray(String[]::new)),
                        widths, new boolean[widths.length], false, null);
            }
            for (List<Object> values : table.rows()) {
                List<String> cells = new ArrayList<>(values.size());
                for (int c = 0; c < values.size(); c++) {
                    cells.add(ThaiFormats.cell(table.columns().get(c).type(), values.get(c)));
                }
                row(regular, cells, widths, right, false, () -> row(bold, headers, widths, right, true, null));
            }
        }

        /** One table row, wrapped; on a new page the header row is drawn again first. */
        private void row(Face face, List<String> cells, float[] widths, boolean[] right, boolean header, Runnable onNewPage) {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                List<String> l = face.shaper().wrap(cells.get(c), BODY, widths[c] - 2 * CELL_PAD);
                wrapped.add(l);
                lines = Math.max(lines, l.size());
            }
            float height = lines * BODY * LEADING + 2 * CELL_PAD;
            if (y - height < MARGIN) {
                newPage();
                if (onNewPage != null) {
                    onNewPage.run();
                }
            }
            float x = MARGIN;
            float top = y;
            for (int c = 0; c < cells.size(); c++) {
                if (header) {
                    canvas.fill(x, top - height, widths[c], height, 0.88f);
                }
                canvas.stroke(x, top - height, widths[c], height);
                float baseline = top - CELL_PAD - BODY * 1.1f;
                for (String l : wrapped.get(c)) {
                    float tx = right[c] && !header ? x + widths[c] - CELL_PAD - face.shaper().width(l, BODY) : x + CELL_PAD;
                    canvas.text(face, l, BODY, tx, baseline);
                    baseline -= BODY * LEADING;
                }
                x += widths[c];
            }
            y = top - height;
        }

        /**
         * Column widths: each column at least as wide as its longest unbreakable piece (a header word, a
         * number, a Thai word of a cell; numbers never wrap), then the room left shared in proportion to
         * what each column would need to show its content on one line.
         */
        private float[] columnWidths(ReportTable table) {
            int n = table.columns().size();
            float[] least = new float[n];
            float[] want = new float[n];
            for (int c = 0; c < n; c++) {
                ReportTable.Column column = table.columns().get(c);
                float header = 0;
                for (String word : words(column.headerTh())) {
                    header = Math.max(header, bold.shaper().width(word, BODY));
                }
                float content = 0;
                float piece = 0;
                for (List<Object> row : table.rows()) {
                    String cell = ThaiFormats.cell(column.type(), row.get(c));
                    float width = regular.shaper().width(cell, BODY);
                    content = Math.max(content, width);
                    if (column.numeric() || column.type() == ReportTable.CellType.DATE) {
                        piece = Math.max(piece, width);
                    } else {
                        for (String word : words(cell)) {
                            piece = Math.max(piece, Math.min(regular.shaper().width(word, BODY), 120f));
                        }
                    }
                }
                least[c] = Math.max(Math.max(header, piece), 16f) + 2 * CELL_PAD;
                want[c] = Math.max(least[c], Math.min(Math.max(content, bold.shaper().width(column.headerTh(), BODY)), 260f) + 2 * CELL_PAD);
            }
            float leastTotal = 0;
            float wantTotal = 0;
            for (int c = 0; c < n; c++) {
                leastTotal += least[c];
                wantTotal += want[c];
            }
            float[] widths = new float[n];
            float room = width();
            for (int c = 0; c < n; c++) {
                if (leastTotal >= room) {
                    widths[c] = least[c] * room / leastTotal;
                } else if (wantTotal <= room) {
                    widths[c] = want[c] * room / wantTotal;
                } else {
                    widths[c] = least[c] + (want[c] - least[c]) * (room - leastTotal) / (wantTotal - leastTotal);
                }
            }
            return widths;
        }

        private static List<String> words(String text) {
            return ThaiShaper.pieces(text).stream().map(String::strip).toList();
        }
    }

    /** The content stream of one page, written operator by operator. */
    private static final class Canvas {
        private final PDDocument document;
        private final PDPage page;
        private final PDType0Font textFont;
        private final StringBuilder ops = new StringBuilder(8192);

        Canvas(PDDocument document, PDPage page, PDType0Font textFont) {
            this.document = document;
            this.page = page;
            this.textFont = textFont;
        }

        void fill(float x, float y, float w, float h, float gray) {
            ops.append("q ").append(n(gray)).append(" g ").append(n(x)).append(' ').append(n(y)).append(' ').append(n(w)).append(' ')
                    .append(n(h)).append(" re f Q\n");
        }

        void stroke(float x, float y, float w, float h) {
            ops.append("q 0.5 w 0.6 G ").append(n(x)).append(' ').append(n(y)).append(' ').append(n(w)).append(' ').append(n(h))
                    .append(" re S Q\n");
        }

        /** Shaped glyphs (visible, an artifact without Unicode), then the same text invisible for extraction. */
        void text(Face face, String raw, float size, float x, float y) {
            String text = face.shaper().displayable(raw);
            if (text.isBlank()) {
                return;
            }
            ThaiShaper.Run run = face.shaper().shape(text, size);
            COSName glyphs = page.getResources().add(face.glyphs());
            COSName invisible = page.getResources().add(textFont);
            ops.append("/Artifact BMC\nq BT 0 Tr 100 Tz /").append(glyphs.getName()).append(' ').append(n(size)).append(" Tf 0 g\n");
            for (int i = 0; i < run.glyphs().length; i++) {
                face.used().add(run.glyphs()[i]);
                ops.append("1 0 0 1 ").append(n(x + run.x()[i])).append(' ').append(n(y + run.y()[i])).append(" Tm <")
                        .append(hex(face.glyphs().encodeGlyphId(run.glyphs()[i]))).append("> Tj\n");
            }
            ops.append("ET Q\nEMC\n");
            // The invisible text layer: the Unicode text, stretched to the shaped width.
            byte[] codes;
            float natural;
            try {
                text.codePoints().forEach(textFont::addToSubset);
                codes = textFont.encode(text);
                natural = textFont.getStringWidth(text) / 1000f * size;
            } catch (IOException | IllegalArgumentException e) {
                return;
            }
            float scale = natural > 0 ? run.width() / natural * 100f : 100f;
            ops.append("q BT 3 Tr /").append(invisible.getName()).append(' ').append(n(size)).append(" Tf ").append(n(scale))
                    .append(" Tz 1 0 0 1 ").append(n(x)).append(' ').append(n(y)).append(" Tm <").append(hex(codes)).append("> Tj ET Q\n");
        }

        void close() throws IOException {
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
        }

        private static String n(float value) {
            String s = String.format(Locale.ROOT, "%.2f", value);
            if (s.endsWith(".00")) {
                return s.substring(0, s.length() - 3);
            }
            return s;
        }

        private static String hex(byte[] bytes) {
            StringBuilder sb = new StringBuilder(bytes.length * 2);
            for (byte b : bytes) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        }
    }

    /**
     * The Type 0 font the visible, shaped glyphs are drawn with: a subset of the glyphs used (by glyph
     * id, including variants no character maps to), without a ToUnicode map once subset, so text
     * extraction takes the text from the invisible layer only.
     */
    private static PDType0Font glyphFont(PDDocument document, byte[] ttf) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(ttf), true);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfReportWriter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
