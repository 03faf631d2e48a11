package th.phatthana.api.exports;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenType shaping of Thai (and any other) text with the JDK's own layout engine (HarfBuzz in
 * OpenJDK), for the PDF writer: PDFBox draws glyphs but does no shaping, so on its own it would put
 * every above/below vowel and tone mark at the advance position of the character before, where tone
 * marks collide with upper vowels ("นี้", "ที่") and with tall consonants ("ปั้น", "ฝ่"), and ญ ฐ keep
 * their tails above a below vowel. {@link Font#layoutGlyphVector} applies the font's GSUB (lowered
 * and left-shifted mark variants, tail-less ญ ฐ, sara am decomposition) and GPOS (mark and
 * mark-to-mark anchors), giving glyph ids and positions which the PDF writer then draws one by one.
 *
 * <p>The glyph ids are those of the TrueType file itself, so they can be drawn with a PDFBox
 * Type 0 font made from the same file (CID = glyph id). Works headless; thread-safe.
 */
final class ThaiShaper {

    /** Shaping at 1000 units, then scaled: positions exact to a thousandth of the font size. */
    private static final float UNITS = 1000f;
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    private static final Locale THAI = Locale.forLanguageTag("th-TH");

    /**
     * A shaped run at a font size, in points; y offsets are PDF-style (up is positive). {@code texts}
     * is what each glyph stands for in the text, for the PDF's text layer (null: nothing). Text
     * extractors order characters by position and take a glyph without text but with an advance for
     * a gap, so the text goes on the glyphs that advance: each carries its character and the marks
     * (vowels above and below, tone marks) that follow it, and the marks' own glyphs, drawn at the
     * edge of their consonant, carry nothing. Sara am is drawn as nikhahit and sara aa: sara aa carries
     * "ำ". When the glyphs that advance do not pair with the characters (a ligature), each shaping
     * cluster's first glyph carries the cluster's text.
     */
    record Run(String text, int[] glyphs, float[] x, float[] y, float width, String[] texts) {
    }

    private final Font font;

    ThaiShaper(byte[] trueType) {
        try {
            this.font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(trueType)).deriveFont(UNITS);
        } catch (FontFormatException e) {
            throw new IllegalArgumentException("not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text made safe to draw: control characters become spaces, characters the font lacks '?'. */
    String displayable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (!font.canDisplay(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Shapes displayable text (see {@link #displayable}). Glyph codes the JDK uses for invisible characters are left out. */
    Run shape(String text, float size) {
        char[] chars = text.toCharArray();
        float scale = size / UNITS;
        if (chars.length == 0) {
            return new Run(text, new int[0], new float[0], new float[0], 0, new String[0]);
        }
        GlyphVector vector = font.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int n = vector.getNumGlyphs();
        int[] glyphs = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        int[] charIndex = new int[n];
        boolean[] advances = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int code = vector.getGlyphCode(i);
            if (code >= 0xFFFE) {
                continue;
            }
            Point2D p = vector.getGlyphPosition(i);
            charIndex[kept] = vector.getGlyphCharIndex(i);
            advances[kept] = vector.getGlyphMetrics(i).getAdvanceX() > 0;
            glyphs[kept] = code;
            x[kept] = (float) p.getX() * scale;
            y[kept] = (float) -p.getY() * scale;
            kept++;
        }
        float width = (float) vector.getGlyphPosition(n).getX() * scale;
        return new Run(text, java.util.Arrays.copyOf(glyphs, kept), java.util.Arrays.copyOf(x, kept),
                java.util.Arrays.copyOf(y, kept), width, texts(text, charIndex, advances, kept));
    }

    /** What each glyph stands for (see {@link Run}). */
    private static String[] texts(String text, int[] charIndex, boolean[] advances, int count) {
        List<String> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int j = i + Character.charCount(text.codePointAt(i));
            while (j < text.length() && isMark(text.charAt(j))) {
                j++;
            }
            segments.add(text.substring(i, j));
            i = j;
        }
        String[] texts = new String[count];
        int spacing = 0;
        for (int g = 0; g < count; g++) {
            if (advances[g]) {
                spacing++;
            }
        }
        if (spacing == segments.size() && (count == 0 || advances[0])) {
            int next = 0;
            for (int g = 0; g < count; g++) {
                if (advances[g]) {
                    texts[g] = segments.get(next++);
                }
            }
            return texts;
        }
        return byCluster(text, charIndex, count);
    }

    /** A character drawn over or under the one before it, without an advance of its own (sara am has one). */
    private static boolean isMark(char c) {
        return isCombiningThai(c) || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.FORMAT;
    }

    /** Each shaping cluster's text on its first glyph, the cluster's other glyphs with none. */
    private static String[] byCluster(String text, int[] charIndex, int count) {
        String[] texts = new String[count];
        int start = 0;
        while (start < count) {
            int end = start;
            while (end < count && charIndex[end] == charIndex[start]) {
                end++;
            }
            int from = charIndex[start];
            int to = end < count ? charIndex[end] : text.length();
            if (from < 0 || to <= from || to > text.length()) {
                start = end; // not in text order: such glyphs stand for nothing rather than for the wrong text
                continue;
            }
            texts[start] = text.substring(from, to);
            start = end;
        }
        return texts;
    }

    float width(String text, float size) {
        return shape(text, size).width();
    }

    /**
     * Breaks text into lines no wider than maxWidth: at Thai word boundaries (the JDK's dictionary
     * line breaker knows Thai, which is written without spaces), and inside a word too long for a
     * line between grapheme clusters, never between a consonant and its marks.
     */
    List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(displayable(paragraph), size, maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String text, float size, float maxWidth, List<String> lines) {
        if (width(text, size) <= maxWidth) {
            lines.add(text);
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : pieces(text)) {
            String candidate = line + word;
            if (width(candidate.stripTrailing(), size) <= maxWidth) {
                line.append(word);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (width(word.stripTrailing(), size) <= maxWidth) {
                line.append(word);
            } else {
                // A word wider than a line: break between clusters.
                for (String cluster : clusters(word)) {
                    if (!line.isEmpty() && width(line + cluster, size) > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(cluster);
                }
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
    }

    /**
     * The pieces a line may break between: Thai words (the JDK's dictionary line breaker), and
     * elsewhere only after spaces, so codes such as "64-3-01-0070" or "12,500.00" stay whole.
     * Each piece keeps its trailing spaces.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getLineInstance(THAI);
        breaks.setText(text);
        int start = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            boolean atEnd = end == text.length();
            if (!atEnd && !Character.isWhitespace(text.charAt(end - 1)) && !(isThai(text.charAt(end - 1)) && isThai(text.charAt(end)))) {
                continue;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    private static boolean isThai(char c) {
        return c >= '\u0E00' && c <= '\u0E7F';
    }

    /** A base character with the Thai marks (and other combining marks) that follow it. */
    static List<String> clusters(String text) {
        List<String> clusters = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int j = i + Character.charCount(text.codePointAt(i));
            while (j < text.length() && (isCombiningThai(text.charAt(j))
                    || Character.getType(text.charAt(j)) == Character.NON_SPACING_MARK || text.charAt(j) == '\u0E33')) {
                j++;
            }
            clusters.add(text.substring(i, j));
            i = j;
        }
        return clusters;
    }

    /** Thai above and below vowels and tone marks: drawn over or under the consonant before, with no advance. */
    static boolean isCombiningThai(char c) {
        return c == '\u0E31' || c >= '\u0E34' && c <= '\u0E3A' || c >= '\u0E47' && c <= '\u0E4E';
    }
}
