package th.phatthana.api.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import th.phatthana.api.time.ThaiDates;

/**
 * A {@link ProgressReport} as an XLSX workbook (Apache POI): a first sheet "ข้อมูลรายงาน" with the
 * title block, then one sheet per table named by its Thai title, with Thai headers in row 1. Counts,
 * amounts and percentages are numeric cells with number formats (percentages stored as fractions
 * under a "0.0%" format, so 87.5 % is the number 0.875); years are Buddhist-Era numbers; dates are
 * Thai text in the Buddhist Era ("1 ตุลาคม 2566"), because Excel's Buddhist-calendar formats are not
 * read alike by every spreadsheet program.
 */
public final class XlsxReportWriter {

    public static final String INFO_SHEET = "ข้อมูลรายงาน";
    public static final String FONT = "TH Sarabun New";

    public byte[] bytes(ProgressReport report) {
        return bytes(report.document());
    }

    /**
     * The information sheet ({@value #INFO_SHEET}): the title, the heading lines and the signature
     * lines; then one sheet per table.
     */
    public byte[] bytes(ReportDocument report) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void write(ReportDocument report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            info(report, workbook.createSheet(INFO_SHEET), styles);
            for (ReportTable table : report.tables()) {
                table(table, workbook.createSheet(sheetName(table)), styles);
            }
            workbook.getProperties().getCoreProperties().setTitle(report.title());
            workbook.getProperties().getCoreProperties().setCreator("Phatthana");
            workbook.write(out);
        }
    }

    /** Sheet names are at most 31 characters and may not hold []:*?/\. */
    static String sheetName(ReportTable table) {
        return WorkbookUtil.createSafeSheetName(table.titleTh());
    }

    private static void info(ReportDocument report, XSSFSheet sheet, Styles styles) {
        List<ReportDocument.Line> lines = new java.util.ArrayList<>();
        lines.add(new ReportDocument.Line("รายงาน", report.title()));
        lines.addAll(report.heading());
        if (!report.signatories().isEmpty()) {
            lines.add(new ReportDocument.Line("ลงนาม", ""));
            for (String signatory : report.signatories()) {
                lines.add(new ReportDocument.Line(signatory, "ลงชื่อ .............................. (..............................) วันที่ ..............."));
            }
        }
        int r = 0;
        for (ReportDocument.Line line : lines) {
            Row row = sheet.createRow(r++);
            Cell label = row.createCell(0);
            label.setCellValue(line.label());
            label.setCellStyle(styles.header);
            Cell value = row.createCell(1);
            if (line.value() instanceof Long year) {
                value.setCellValue(year);
                value.setCellStyle(styles.byType.get(ReportTable.CellType.YEAR));
            } else {
                value.setCellValue(String.valueOf(line.value()));
                value.setCellStyle(styles.byType.get(ReportTable.CellType.TEXT));
            }
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 70 * 256);
    }

    private static void table(ReportTable table, XSSFSheet sheet, Styles styles) {
        Row header = sheet.createRow(0);
        List<ReportTable.Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).headerTh());
            cell.setCellStyle(styles.header);
            widths[c] = displayWidth(columns.get(c).headerTh());
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                ReportTable.CellType type = columns.get(c).type();
                Object value = values.get(c);
                Cell cell = row.createCell(c);
                cell.setCellStyle(styles.byType.get(type));
                if (value == null) {
                    continue;
                }
                switch (type) {
                    case TEXT -> cell.setCellValue((String) value);
                    case INTEGER, YEAR -> cell.setCellValue((Long) value);
                    case DECIMAL -> {
                        if (value instanceof Long count) {
                            cell.setCellValue(count);
                            cell.setCellStyle(styles.byType.get(ReportTable.CellType.INTEGER));
                        } else {
                            cell.setCellValue(((BigDecimal) value).doubleValue());
                        }
                    }
                    case PERCENT -> cell.setCellValue(((BigDecimal) value).movePointLeft(2).doubleValue());
                    case DATE -> cell.setCellValue(ThaiDates.date((LocalDate) value));
                }
                widths[c] = Math.max(widths[c], displayWidth(ThaiFormats.cell(type, value)));
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.min(80, Math.max(8, widths[c] + 2)) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!table.rows().isEmpty()) {
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, table.rows().size(), 0, columns.size() - 1));
        }
    }

    /** Characters that take horizontal room: Thai above/below marks do not. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!ThaiShaper.isCombiningThai(text.charAt(i))) {
                width++;
            }
        }
        return width;
    }

    private static final class Styles {
        final CellStyle header;
        final Map<ReportTable.CellType, CellStyle> byType = new EnumMap<>(ReportTable.CellType.class);

        Styles(XSSFWorkbook workbook) {
            Font plain = workbook.createFont();
            plain.setFontName(FONT);
            plain.setFontHeightInPoints((short) 14);
            Font bold = workbook.createFont();
            bold.setFontName(FONT);
            bold.setFontHeightInPoints((short) 14);
            bold.setBold(true);

            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);

            short text = workbook.createDataFormat().getFormat("@");
            byType.put(ReportTable.CellType.TEXT, style(workbook, plain, text, HorizontalAlignment.LEFT));
            byType.put(ReportTable.CellType.DATE, style(workbook, plain, text, HorizontalAlignment.LEFT));
            byType.put(ReportTable.CellType.INTEGER, style(workbook, plain, workbook.createDataFormat().getFormat("#,##0"), HorizontalAlignment.RIGHT));
            byType.put(ReportTable.CellType.YEAR, style(workbook, plain, workbook.createDataFormat().getFormat("0"), HorizontalAlignment.CENTER));
            byType.put(ReportTable.CellType.DECIMAL, style(workbook, plain, workbook.createDataFormat().getFormat("#,##0.00"), HorizontalAlignment.RIGHT));
            byType.put(ReportTable.CellType.PERCENT, style(workbook, plain, workbook.createDataFormat().getFormat("0.0%"), HorizontalAlignment.RIGHT));
        }

        private static CellStyle style(XSSFWorkbook workbook, Font font, short format, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setDataFormat(format);
            style.setAlignment(alignment);
            return style;
        }
    }
}
