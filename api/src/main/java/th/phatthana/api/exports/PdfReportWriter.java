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
 * A {@link ReportDocument} as an A4 PDF in Thai (landscape when a table has more than
 * {@value #LANDSCAPE_COLUMNS} columns) (PDFBox 3), with the Sarabun font embedded:
 * the title block (title, organisation, plan, fiscal year, generated-at date), then each table with
 * its Thai heading, the header row repeated on every page, long cells wrapped at Thai word
 * boundaries, numbers right-aligned, and "หน้า n/N" at the foot of each page.
 *
 * <p><b>Thai shaping.</b> PDFBox does no OpenType shaping, so text is shaped by {@link ThaiShaper}
 * (the JDK's HarfBuzz) and each glyph is drawn by glyph id at its shaped position, in an embedded
 * subset of Sarabun. <b>Text layer.</b> Each drawn glyph maps, through the font's ToUnicode CMap,
 * to the text it stands for ({@link ThaiShaper.Run#texts()}): a lowered tone mark to the tone mark,
 * a tail-less ญ to ญ, the first glyph of a cluster that shaping changed to the whole cluster, the
 * others to nothing. One glyph can stand for different text in different places (sara aa for "า"
 * and as part of "ำ"), and a ToUnicode map has one entry per glyph, so a face is written as several
 * font dictionaries over one embedded font program, each with its own map. Extraction (poppler's
 * pdftotext, PDFBox, viewers' search and copy) gets the Thai text once, in order.
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
    /** Tables with more columns than this are laid out on landscape pages. */
    static final int LANDSCAPE_COLUMNS = 11;

    private final boolean thaiDigits;

    public PdfReportWriter() {
        this(false);
    }

    /** @param thaiDigits whether numbers are written in Thai digits (๐–๙), as many Thai official documents are */
    public PdfReportWriter(boolean thaiDigits) {
        this.thaiDigits = thaiDigits;
    }

    public void write(ReportDocument report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            new Layout(document, report, thaiDigits).run();
            document.save(out);
        }
    }

    public byte[] bytes(ProgressReport report) {
        return bytes(report.document());
    }

    public byte[] bytes(ReportDocument report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arabic digits as Thai digits. */
    static String thaiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('\u0E50' + (c - '0')) : c);
        }
        return out.toString();
    }

    /**
     * One font weight: its shaper, the embedded font its glyphs are drawn with, and the font
     * dictionaries over it, each with the text its glyphs stand for (glyph id to text; {@link #NOTHING}
     * for a glyph that stands for nothing there).
     */
    private static final class Face {
        static final String NOTHING = "";
        final String key;
        final ThaiShaper shaper;
        final PDType0Font font;
        final java.util.Set<Integer> used = new java.util.HashSet<>();
        final List<java.util.Map<Integer, String>> maps = new ArrayList<>();
        final List<org.apache.pdfbox.cos.COSDictionary> dictionaries = new ArrayList<>();

        Face(String key, ThaiShaper shaper, PDType0Font font) {
            this.key = key;
            this.shaper = shaper;
            this.font = font;
        }

        ThaiShaper shaper() {
            return shaper;
        }

        /** The dictionary in which this glyph stands for this text (null: nothing), made when none fits. */
        int dictionaryFor(int glyph, String text) {
            String wanted = text == null ? NOTHING : text;
            for (int i = 0; i < maps.size(); i++) {
                String mapped = maps.get(i).putIfAbsent(glyph, wanted);
                if (mapped == null || mapped.equals(wanted)) {
                    return i;
                }
            }
            java.util.Map<Integer, String> map = new java.util.HashMap<>();
            map.put(glyph, wanted);
            maps.add(map);
            dictionaries.add(maps.size() == 1 ? font.getCOSObject() : new org.apache.pdfbox.cos.COSDictionary());
            return maps.size() - 1;
        }

        /** After the last page: the font subset to the glyphs used, and each dictionary given its ToUnicode map. */
        void finish(PDDocument document) throws IOException {
            font.addGlyphsToSubset(used);
            font.subset();
            org.apache.pdfbox.cos.COSDictionary first = font.getCOSObject();
            for (int i = 0; i < dictionaries.size(); i++) {
                org.apache.pdfbox.cos.COSDictionary dictionary = dictionaries.get(i);
                if (i > 0) {
                    for (COSName key : List.of(COSName.TYPE, COSName.SUBTYPE, COSName.BASE_FONT, COSName.ENCODING, COSName.DESCENDANT_FONTS)) {
                        dictionary.setItem(key, first.getItem(key));
                    }
                }
                dictionary.setItem(COSName.TO_UNICODE, toUnicode(document, font, maps.get(i)));
            }
            if (dictionaries.isEmpty()) {
                first.removeItem(COSName.TO_UNICODE);
            }
        }
    }

    private static String hex(byte[] bytes) {
        return Canvas.hex(bytes);
    }

    /** A ToUnicode CMap: each glyph's code to the UTF-16 of its text; glyphs that stand for nothing left out. */
    private static PDStream toUnicode(PDDocument document, PDType0Font font, java.util.Map<Integer, String> map) throws IOException {
        List<String> entries = new ArrayList<>();
        for (java.util.Map.Entry<Integer, String> entry : new java.util.TreeMap<>(map).entrySet()) {
            if (!entry.getValue().equals(Face.NOTHING)) {
                entries.add("<" + hex(font.encodeGlyphId(entry.getKey())) + "> <" + hex(entry.getValue().getBytes(StandardCharsets.UTF_16BE)) + ">");
            }
        }
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        for (int from = 0; from < entries.size(); from += 100) {
            List<String> block = entries.subList(from, Math.min(entries.size(), from + 100));
            cmap.append(block.size()).append(" beginbfchar\n").append(String.join("\n", block)).append("\nendbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }

    /** Lays the report out page by page; one instance per document. */
    private static final class Layout {
        private final PDDocument document;
        private final ReportDocument report;
        private final boolean thaiDigits;
        /** A4 portrait, or landscape for a table too wide to read upright (the province roll-up). */
        private final PDRectangle paper;
        private final Face regular;
        private final Face bold;
        private final List<Canvas> pages = new ArrayList<>();
        private Canvas canvas;
        private float y;

        Layout(PDDocument document, ReportDocument report, boolean thaiDigits) throws IOException {
            this.document = document;
            this.report = report;
            this.thaiDigits = thaiDigits;
            boolean wide = report.allTables().stream().anyMatch(table -> table.columns().size() > LANDSCAPE_COLUMNS);
            this.paper = wide ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
            this.regular = new Face("R", REGULAR_SHAPER, glyphFont(document, REGULAR_TTF));
            this.bold = new Face("B", BOLD_SHAPER, glyphFont(document, BOLD_TTF));
        }

        void run() throws IOException {
            info();
            newPage();
            title();
            for (ReportTable table : report.tables()) {
                table(table);
            }
            for (ReportDocument.Section section : report.sections()) {
                section(section);
            }
            signatures();
            for (int i = 0; i < pages.size(); i++) {
                Canvas page = pages.get(i);
                page.text(regular, t(report.footer()), 8f, MARGIN, MARGIN / 2);
                String foot = t("หน้า " + (i + 1) + "/" + pages.size());
                float w = regular.shaper().width(foot, 8f);
                page.text(regular, foot, 8f, width() + MARGIN - w, MARGIN / 2);
                page.close();
            }
            // Fonts are subset here, not by PDDocument.save (which only subsets fonts set through PDPageContentStream).
            for (Face face : List.of(regular, bold)) {
                face.finish(document);
            }
        }

        /** The text as drawn: with Thai digits when asked for. */
        private String t(String text) {
            return thaiDigits ? PdfReportWriter.thaiDigits(text) : text;
        }

        private void info() {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.title() + " " + report.footer());
            info.setCreator("Phatthana");
            info.setCreationDate(GregorianCalendar.from(report.generatedAt()));
            document.getDocumentCatalog().setLanguage("th-TH");
        }

        private float width() {
            return paper.getWidth() - 2 * MARGIN;
        }

        private void newPage() {
            PDPage page = new PDPage(paper);
            page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            document.addPage(page);
            canvas = new Canvas(document, page);
            pages.add(canvas);
            y = paper.getHeight() - MARGIN;
        }

        private void ensure(float height) {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void title() {
            paragraph(bold, report.title(), 16f);
            y -= 2;
            for (ReportDocument.Line line : report.heading()) {
                if (!line.text().isBlank()) {
                    line(bold, line.label() + ": ", line.text());
                }
            }
            y -= 8;
        }

        /**
         * The signature block: for each position, a line to sign on, a line for the name in
         * brackets, the position and a line for the date, two blocks a row, kept on one page.
         */
        private void signatures() {
            List<String> signatories = report.signatories();
            if (signatories.isEmpty()) {
                return;
            }
            float size = 11f;
            float lineHeight = size * LEADING;
            float blockHeight = 5 * lineHeight;
            int rows = (signatories.size() + 1) / 2;
            ensure(24 + rows * (blockHeight + 10));
            y -= 24;
            float half = width() / 2;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 2 && 2 * r + c < signatories.size(); c++) {
                    float centre = MARGIN + half * c + half / 2;
                    float line = y;
                    for (String text : List.of("ลงชื่อ ........................................", "(........................................)",
                            signatories.get(2 * r + c), "วันที่ ........ / ........ / ........")) {
                        line -= lineHeight;
                        String drawn = t(text);
                        canvas.text(regular, drawn, size, centre - regular.shaper().width(drawn, size) / 2, line);
                    }
                }
                y -= blockHeight + 10;
            }
        }

        /** A section: its heading (kept with the first lines), its paragraphs wrapped at Thai word boundaries, its tables. */
        private void section(ReportDocument.Section section) {
            // the heading stays with what follows it: three lines of text, or the start of its first table
            float following = !section.paragraphs().isEmpty() || section.tables().isEmpty() ? 3 * 11f * LEADING
                    : tableStart(section.tables().get(0));
            ensure(14f * LEADING + 10 + following);
            y -= 8;
            paragraph(bold, section.heading(), 14f);
            y -= 2;
            for (String text : section.paragraphs()) {
                paragraph(regular, text, 11f);
                y -= 3;
            }
            for (ReportTable table : section.tables()) {
                table(table);
            }
        }

        private void line(Face labelFace, String label, String rawValue) {
            String value = t(rawValue);
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
            for (String l : face.shaper().wrap(t(value), size, width())) {
                ensure(size * LEADING);
                y -= size * LEADING;
                canvas.text(face, l, size, MARGIN, y);
            }
        }

        private void table(ReportTable table) {
            float[] widths = columnWidths(table);
            List<String> headers = table.columns().stream().map(column -> t(column.headerTh())).toList();
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> values : table.rows()) {
                List<String> cells = new ArrayList<>(values.size());
                for (int c = 0; c < values.size(); c++) {
                    cells.add(t(ThaiFormats.cell(table.columns().get(c).type(), values.get(c))));
                }
                rows.add(cells);
            }
            if (rows.isEmpty()) {
                rows.add(List.of(java.util.stream.IntStream.range(0, widths.length).mapToObj(i -> i == 0 ? "ไม่มีข้อมูล" : "")
                        .toArray(String[]::new)));
            }
            // the title, the header row and the first row stay together: never a header at the foot of a page
            ensure(13f * LEADING + 9 + rowHeight(bold, headers, widths) + rowHeight(regular, rows.get(0), widths));
            y -= 6;
            paragraph(bold, table.titleTh(), 13f);
            y -= 3;
            boolean[] right = new boolean[widths.length];
            for (int c = 0; c < widths.length; c++) {
                right[c] = table.columns().get(c).numeric() && !table.rows().isEmpty();
            }
            row(bold, headers, widths, right, true, null);
            for (List<String> cells : rows) {
                row(regular, cells, widths, right, false, () -> row(bold, headers, widths, right, true, null));
            }
        }

        /** The height a table needs on its first page: its title, its header row and its first row. */
        private float tableStart(ReportTable table) {
            float[] widths = columnWidths(table);
            List<String> headers = table.columns().stream().map(column -> t(column.headerTh())).toList();
            List<String> first = new ArrayList<>();
            if (!table.rows().isEmpty()) {
                for (int c = 0; c < table.columns().size(); c++) {
                    first.add(t(ThaiFormats.cell(table.columns().get(c).type(), table.rows().get(0).get(c))));
                }
            } else {
                first.add("ไม่มีข้อมูล");
            }
            return 13f * LEADING + 9 + rowHeight(bold, headers, widths) + rowHeight(regular, first, widths);
        }

        /** The height of a row of these cells, wrapped in these widths. */
        private float rowHeight(Face face, List<String> cells, float[] widths) {
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                lines = Math.max(lines, face.shaper().wrap(cells.get(c), BODY, widths[c] - 2 * CELL_PAD).size());
            }
            return lines * BODY * LEADING + 2 * CELL_PAD;
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
                for (String word : words(t(column.headerTh()))) {
                    header = Math.max(header, bold.shaper().width(word, BODY));
                }
                float content = 0;
                float piece = 0;
                for (List<Object> row : table.rows()) {
                    String cell = t(ThaiFormats.cell(column.type(), row.get(c)));
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
                want[c] = Math.max(least[c], Math.min(Math.max(content, bold.shaper().width(t(column.headerTh()), BODY)), 260f) + 2 * CELL_PAD);
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
        private final StringBuilder ops = new StringBuilder(8192);

        Canvas(PDDocument document, PDPage page) {
            this.document = document;
            this.page = page;
        }

        void fill(float x, float y, float w, float h, float gray) {
            ops.append("q ").append(n(gray)).append(" g ").append(n(x)).append(' ').append(n(y)).append(' ').append(n(w)).append(' ')
                    .append(n(h)).append(" re f Q\n");
        }

        void stroke(float x, float y, float w, float h) {
            ops.append("q 0.5 w 0.6 G ").append(n(x)).append(' ').append(n(y)).append(' ').append(n(w)).append(' ').append(n(h))
                    .append(" re S Q\n");
        }

        /** Shaped glyphs, each in the font dictionary whose ToUnicode map gives the text it stands for here. */
        void text(Face face, String raw, float size, float x, float y) {
            String text = face.shaper().displayable(raw);
            if (text.isBlank()) {
                return;
            }
            ThaiShaper.Run run = face.shaper().shape(text, size);
            ops.append("q BT 0 g\n");
            int current = -1;
            for (int i = 0; i < run.glyphs().length; i++) {
                int glyph = run.glyphs()[i];
                face.used.add(glyph);
                int dictionary = face.dictionaryFor(glyph, run.texts()[i]);
                if (dictionary != current) {
                    ops.append('/').append(fontName(face, dictionary).getName()).append(' ').append(n(size)).append(" Tf\n");
                    current = dictionary;
                }
                ops.append("1 0 0 1 ").append(n(x + run.x()[i])).append(' ').append(n(y + run.y()[i])).append(" Tm <")
                        .append(hex(face.font.encodeGlyphId(glyph))).append("> Tj\n");
            }
            ops.append("ET Q\n");
        }

        /** The page's resource name of one of the face's font dictionaries. */
        private COSName fontName(Face face, int dictionary) {
            if (dictionary == 0) {
                return page.getResources().add(face.font);
            }
            COSName name = COSName.getPDFName(face.key + "x" + dictionary);
            org.apache.pdfbox.cos.COSDictionary resources = page.getResources().getCOSObject();
            org.apache.pdfbox.cos.COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
            if (fonts == null) {
                fonts = new org.apache.pdfbox.cos.COSDictionary();
                resources.setItem(COSName.FONT, fonts);
            }
            fonts.setItem(name, face.dictionaries.get(dictionary));
            return name;
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

        static String hex(byte[] bytes) {
            StringBuilder sb = new StringBuilder(bytes.length * 2);
            for (byte b : bytes) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        }
    }

    /** The Type 0 font the shaped glyphs are drawn with: subset to the glyphs used (by glyph id, including variants no character maps to). */
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
