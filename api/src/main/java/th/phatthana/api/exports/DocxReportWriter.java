package th.phatthana.api.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * A {@link ReportDocument} as a Word document (Apache POI XWPF), for the organisation to edit and
 * file: the title, the heading lines, the tables, the sections (heading, paragraphs, tables) and the
 * signature block. Every run is in {@value XlsxReportWriter#FONT} for every script (ascii, hAnsi, cs,
 * eastAsia), its size set for complex scripts too, so Word shows the Thai in the Thai official font.
 */
public final class DocxReportWriter {

    public static final String FONT = XlsxReportWriter.FONT;
    private static final int BODY = 16;
    private static final int TABLE = 14;

    public byte[] bytes(ReportDocument report) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            write(report, document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ReportDocument report, XWPFDocument document) {
        document.getProperties().getCoreProperties().setTitle(report.title());
        document.getProperties().getCoreProperties().setCreator("Phatthana");
        XWPFParagraph title = document.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        run(title, report.title(), true, 20);
        for (ReportDocument.Line line : report.heading()) {
            if (!line.text().isBlank()) {
                XWPFParagraph p = document.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                run(p, line.label() + ": ", true, BODY);
                run(p, line.text(), false, BODY);
            }
        }
        for (ReportTable table : report.tables()) {
            table(document, table);
        }
        for (ReportDocument.Section section : report.sections()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setSpacingBefore(240);
            run(heading, section.heading(), true, 18);
            for (String text : section.paragraphs()) {
                for (String line : text.split("\n")) {
                    XWPFParagraph p = document.createParagraph();
                    p.setFirstLineIndent(720);
                    p.setAlignment(ParagraphAlignment.THAI_DISTRIBUTE);
                    run(p, line, false, BODY);
                }
            }
            for (ReportTable table : section.tables()) {
                table(document, table);
            }
        }
        signatures(document, report.signatories());
    }

    private void table(XWPFDocument document, ReportTable table) {
        XWPFParagraph caption = document.createParagraph();
        caption.setSpacingBefore(120);
        caption.setKeepNext(true);
        run(caption, table.titleTh(), true, BODY);
        int columns = table.columns().size();
        XWPFTable t = document.createTable(Math.max(1, table.rows().size()) + 1, columns);
        t.setWidth("100%");
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns; c++) {
            cell(header.getCell(c), table.columns().get(c).headerTh(), true, false);
            header.getCell(c).setColor("E0E0E0");
        }
        if (table.rows().isEmpty()) {
            for (int c = 0; c < columns; c++) {
                cell(t.getRow(1).getCell(c), c == 0 ? "ไม่มีข้อมูล" : "", false, false);
            }
        }
        for (int r = 0; r < table.rows().size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            row.setHeightRule(TableRowHeightRule.AUTO);
            List<Object> values = table.rows().get(r);
            for (int c = 0; c < columns; c++) {
                ReportTable.Column column = table.columns().get(c);
                cell(row.getCell(c), ThaiFormats.cell(column.type(), values.get(c)), false, column.numeric());
            }
        }
    }

    private void cell(XWPFTableCell cell, String text, boolean bold, boolean right) {
        XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        if (right) {
            p.setAlignment(ParagraphAlignment.RIGHT);
        }
        run(p, text, bold, TABLE);
    }

    /** Two signature blocks a row: the line to sign on, the name in brackets, the position, the date. */
    private void signatures(XWPFDocument document, List<String> signatories) {
        if (signatories.isEmpty()) {
            return;
        }
        XWPFParagraph gap = document.createParagraph();
        gap.setSpacingBefore(480);
        int rows = (signatories.size() + 1) / 2;
        XWPFTable t = document.createTable(rows, 2);
        t.setWidth("100%");
        t.removeBorders();
        for (int i = 0; i < signatories.size(); i++) {
            XWPFTableCell cell = t.getRow(i / 2).getCell(i % 2);
            boolean first = true;
            for (String line : List.of("ลงชื่อ ........................................", "(........................................)",
                    signatories.get(i), "วันที่ ........ / ........ / ........")) {
                XWPFParagraph p = first && !cell.getParagraphs().isEmpty() ? cell.getParagraphs().get(0) : cell.addParagraph();
                first = false;
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingBefore(120);
                run(p, line, false, BODY);
            }
        }
    }

    /** A run in the Thai font for every script, its size and weight for complex scripts as well. */
    static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text == null ? "" : text);
        for (XWPFRun.FontCharRange range : List.of(XWPFRun.FontCharRange.ascii, XWPFRun.FontCharRange.hAnsi, XWPFRun.FontCharRange.cs,
                XWPFRun.FontCharRange.eastAsia)) {
            run.setFontFamily(FONT, range);
        }
        run.setFontSize(size);
        run.setBold(bold);
        CTRPr pr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        pr.addNewSzCs().setVal(BigInteger.valueOf(size * 2L));
        if (bold) {
            pr.addNewBCs();
        }
        pr.addNewLang().setBidi("th-TH");
        return run;
    }
}
