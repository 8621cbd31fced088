package org.gongjian.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.assessment.Component;
import org.gongjian.assessment.ComponentScore;
import org.gongjian.assessment.ItemScore;
import org.gongjian.assessment.LeagueTable;
import org.gongjian.assessment.Ranking;
import org.springframework.context.MessageSource;

/**
 * A league table as an Excel workbook the way offices lay out their 台账: a merged title, a line with the
 * data date, scheme and version, a header row, one row per unit, notes at the foot; a second sheet with
 * every item of every unit. A4 landscape, one page wide, header rows repeated, panes frozen.
 */
final class RankingWorkbook {

    private final MessageSource messages;
    private final Locale locale;

    RankingWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    byte[] write(String programmeTitle, LeagueTable table, Ranking ranking, String periodLabel, String groupLabel) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            league(book.createSheet(text("assessment.xlsx.sheet-league")), styles, programmeTitle, table, periodLabel,
                    groupLabel);
            items(book.createSheet(text("assessment.xlsx.sheet-items")), styles, table, ranking);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void league(Sheet sheet, Styles styles, String programmeTitle, LeagueTable table, String periodLabel,
            String groupLabel) {
        String[] headers = {text("assessment.rank"), text("assessment.movement"), text("assessment.unit"),
                text("assessment.total"), text(Component.ATTAINMENT.messageKey()), text(Component.TIMELINESS.messageKey()),
                text(Component.SUPERVISION.messageKey()), text(Component.QUALITY.messageKey()),
                text(Component.HONOURS.messageKey()), text("assessment.previous-rank")};
        title(sheet, styles, text("assessment.xlsx.title", programmeTitle, groupLabel, periodLabel), headers.length);
        Row info = sheet.createRow(1);
        cell(info, 0, text("assessment.xlsx.info", table.period().end(), table.scheme().name(), table.scheme().version(),
                table.provisional() ? text("assessment.provisional") : text("assessment.version", table.version())),
                styles.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, headers.length - 1));
        header(sheet, styles, 2, headers);
        int r = 3;
        for (LeagueTable.Row row : table.rows()) {
            Row x = sheet.createRow(r++);
            cell(x, 0, row.rank(), styles.number);
            cell(x, 1, movement(row.movement()), styles.centre);
            cell(x, 2, row.unit().displayName(locale) + (row.demo() ? text("assessment.xlsx.demo-mark") : ""), styles.plain);
            cell(x, 3, row.total(), styles.score);
            int c = 4;
            for (Component component : Component.values()) {
                BigDecimal points = row.components().get(component);
                cell(x, c++, points == null ? "—" : points, points == null ? styles.centre : styles.score);
            }
            if (row.previousRank() != null) {
                cell(x, c, row.previousRank(), styles.number);
            } else {
                cell(x, c, "—", styles.centre);
            }
        }
        for (var u : table.unranked()) {
            Row x = sheet.createRow(r++);
            cell(x, 0, "—", styles.centre);
            cell(x, 2, u.displayName(locale), styles.plain);
            cell(x, 3, text("assessment.unranked"), styles.plain);
        }
        r++;
        for (String note : List.of(text("assessment.xlsx.note1", table.period().end()), text("assessment.xlsx.note2"),
                text("assessment.xlsx.note3"), table.demo() ? text("assessment.xlsx.note-demo") : "")) {
            if (!note.isEmpty()) {
                cell(sheet.createRow(r++), 0, note, styles.plain);
            }
        }
        int[] widths = {8, 8, 22, 10, 12, 12, 12, 12, 10, 10};
        layout(sheet, widths, 3);
    }

    private void items(Sheet sheet, Styles styles, LeagueTable table, Ranking ranking) {
        String[] headers = {text("assessment.unit"), text("assessment.component"), text("assessment.item-kind"),
                text("assessment.item"), text("assessment.initiative"), text("assessment.credit"),
                text("assessment.outcome"), text("assessment.points-gave"), text("assessment.points-lost"),
                text("assessment.adjustment")};
        title(sheet, styles, text("assessment.xlsx.items-title"), headers.length);
        header(sheet, styles, 1, headers);
        int r = 2;
        for (Ranking.Entry e : ranking.group(table.group())) {
            for (ComponentScore c : e.score().components()) {
                for (ItemScore i : c.items()) {
                    Row x = sheet.createRow(r++);
                    cell(x, 0, e.unit().displayName(locale), styles.plain);
                    cell(x, 1, text(c.component().messageKey()), styles.plain);
                    cell(x, 2, text(i.fact().kind().messageKey()), styles.plain);
                    cell(x, 3, i.fact().label() + (i.fact().demo() ? text("assessment.xlsx.demo-mark") : ""), styles.plain);
                    cell(x, 4, i.fact().initiative() == null ? "" : String.valueOf(i.fact().initiative()), styles.centre);
                    cell(x, 5, text(i.fact().credit().messageKey()), styles.plain);
                    cell(x, 6, text(i.fact().outcome().messageKey()), styles.plain);
                    cell(x, 7, i.points(), styles.score);
                    cell(x, 8, i.lost(), styles.score);
                    cell(x, 9, i.adjustment() == null ? "" : text(i.adjustment().messageKey()), styles.plain);
                }
            }
        }
        layout(sheet, new int[] {18, 12, 10, 40, 8, 10, 14, 10, 10, 14}, 1);
    }

    private static void title(Sheet sheet, Styles styles, String title, int columns) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(28);
        cell(row, 0, title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
    }

    private static void header(Sheet sheet, Styles styles, int index, String[] headers) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < headers.length; c++) {
            cell(row, c, headers[c], styles.header);
        }
    }

    private static void layout(Sheet sheet, int[] widths, int headerRows) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, headerRows);
        sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, 0, widths.length - 1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
    }

    private String movement(Integer movement) {
        if (movement == null) {
            return text("assessment.movement.new");
        }
        return movement > 0 ? "↑" + movement : movement < 0 ? "↓" + (-movement) : "—";
    }

    private static void cell(Row row, int column, Object value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
        } else if (value instanceof Integer i) {
            cell.setCellValue(i);
        } else {
            cell.setCellValue(String.valueOf(value));
        }
        cell.setCellStyle(style);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The cell styles of the workbook: 宋体 body, bold 黑体-like title and headers, two-decimal scores. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle plain;
        final CellStyle centre;
        final CellStyle number;
        final CellStyle score;

        Styles(XSSFWorkbook book) {
            Font body = font(book, 11, false);
            title = book.createCellStyle();
            title.setFont(font(book, 16, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(book, font(book, 11, true));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            plain = bordered(book, body);
            centre = bordered(book, body);
            centre.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(book, body);
            number.setAlignment(HorizontalAlignment.CENTER);
            score = bordered(book, body);
            score.setDataFormat(book.createDataFormat().getFormat("0.00"));
        }

        private static Font font(XSSFWorkbook book, int points, boolean bold) {
            Font font = book.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            return font;
        }

        private static CellStyle bordered(XSSFWorkbook book, Font font) {
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}
