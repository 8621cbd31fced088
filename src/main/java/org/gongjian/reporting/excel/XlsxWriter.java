package org.gongjian.reporting.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes 台账-style sheets with a streaming workbook (a window of rows in memory): a merged title, a bold
 * header row frozen under it, then typed cells. Text is always a string cell; text that starts with
 * = + - @ (or a tab or carriage return) also gets Excel's quote prefix, so that it can never run as a
 * formula even when someone edits the cell, while its content stays exactly what was stored.
 */
public final class XlsxWriter implements AutoCloseable {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle quoted;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle number;
    private final CellStyle error;

    public XlsxWriter() {
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        text = workbook.createCellStyle();
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        short formatDate = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        date = workbook.createCellStyle();
        date.setDataFormat(formatDate);
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("General"));
        error = workbook.createCellStyle();
        Font red = workbook.createFont();
        red.setColor(IndexedColors.RED.getIndex());
        error.setFont(red);
        error.setWrapText(true);
    }

    public SXSSFWorkbook workbook() {
        return workbook;
    }

    /** A sheet with an optional merged title row and a header row; returns the next row index. */
    public SXSSFSheet sheet(String name, @Nullable String titleText, List<String> headers, int[] widths) {
        SXSSFSheet sheet = workbook.createSheet(name);
        int r = 0;
        if (titleText != null) {
            Row row = sheet.createRow(r++);
            row.setHeightInPoints(26);
            Cell c = row.createCell(0);
            c.setCellValue(titleText);
            c.setCellStyle(title);
            if (headers.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            }
        }
        Row row = sheet.createRow(r);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, i < widths.length ? widths[i] : 14) * 256);
        }
        sheet.createFreezePane(0, r + 1);
        sheet.setAutoFilter(new CellRangeAddress(r, r, 0, headers.size() - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(r, r, 0, headers.size() - 1));
        return sheet;
    }

    /** Writes one row of values: String, Number (BigDecimal exact where a double holds it), dates, booleans. */
    public void row(Sheet sheet, int index, List<?> values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            set(row.createCell(i), values.get(i));
        }
    }

    public void set(Cell cell, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            number(cell, d);
        } else if (value instanceof Number n) {
            number(cell, new BigDecimal(n.toString()));
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof Instant t) {
            cell.setCellValue(LocalDateTime.ofInstant(t, ZONE));
            cell.setCellStyle(dateTime);
        } else if (value instanceof Boolean b) {
            text(cell, b ? "是" : "否");
        } else {
            text(cell, value.toString());
        }
    }

    public void errorText(Cell cell, String message) {
        text(cell, message);
        cell.setCellStyle(error);
    }

    private void number(Cell cell, BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        double d = plain.doubleValue();
        if (new BigDecimal(Double.toString(d)).compareTo(plain) == 0 && plain.precision() <= 15) {
            cell.setCellValue(d);
            cell.setCellStyle(number);
        } else {
            text(cell, plain.toPlainString());   // beyond a double's 15 digits: kept exact as text
        }
    }

    private void text(Cell cell, String value) {
        cell.setCellValue(value);
        cell.setCellStyle(dangerous(value) ? quoted : text);
    }

    /** Whether a spreadsheet program could read the text as a formula (OWASP CSV injection list). */
    static boolean dangerous(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();   // also removes the streaming temp files
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
