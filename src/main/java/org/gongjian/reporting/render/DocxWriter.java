package org.gongjian.reporting.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gongjian.reporting.Document;
import org.gongjian.reporting.Document.Chart;
import org.gongjian.reporting.Document.Fact;
import org.gongjian.reporting.Document.Photo;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document.Table;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.stereotype.Component;

/**
 * Writes a document as Word (.docx) laid out after GB/T 9704-2012: A4, margins 37/26/35/28 mm, body in
 * 3号仿宋 on a 28.95 pt line, title in 2号小标宋, headings in 3号黑体 as real Word styles (标题 1…) so
 * that the office can restyle and navigate it, page numbers "— 1 —" in 4号宋体, outside on odd and even
 * pages. Fonts are named, not embedded; offices without 仿宋_GB2312 get 仿宋 through the usual fallback.
 */
@Component
public class DocxWriter {

    /** 156 mm 版心 width in points, for pictures. */
    private static final double TEXT_WIDTH_PT = 442;

    /** The document as Word; text in a language other than Chinese is set flush left instead of justified. */
    public byte[] write(Document doc, Locale locale) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            GbStyles.install(d, "zh".equals(locale.getLanguage()));
            page(d);
            footers(d);
            Document.Official official = doc.official();
            if (official != null) {
                officialHead(d, official);
            }
            XWPFParagraph title = paragraph(d, GbStyles.TITLE, doc.title());
            if (official != null) {
                title.setSpacingBefore(2 * LINE);   // 2 lines below the red rule
                XWPFParagraph to = paragraph(d, GbStyles.PLAIN, official.addressees() + "：");
                to.setSpacingBefore(LINE / 2);
            }
            if (doc.subtitle() != null) {
                paragraph(d, GbStyles.SUBTITLE, doc.subtitle());
            }
            XWPFParagraph last = null;
            for (String line : doc.masthead()) {
                last = paragraph(d, GbStyles.MASTHEAD, line);
            }
            if (last != null) {
                redRule(last);
            }
            doc.lead().forEach(p -> paragraph(d, GbStyles.BODY, p));
            if (doc.credits() != null) {
                paragraph(d, GbStyles.NOTE, doc.credits());
            }
            for (Section s : doc.sections()) {
                section(d, s, official != null);
            }
            if (official != null) {
                officialTail(d, official);
            }
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of 3号 text: 28.95 pt in twips. */
    private static final int LINE = 579;
    /** One 字 of 3号 text in twips. */
    private static final int CHAR = 320;

    /**
     * The 版头: the red 发文机关标志 centred, its top 35 mm below the top of the 版心, sized to fit the line;
     * the 发文字号 two lines below it, centred; the red separator 4 mm below the number.
     */
    private static void officialHead(XWPFDocument d, Document.Official o) {
        XWPFParagraph mark = d.createParagraph();
        mark.setStyle(GbStyles.MARK);
        mark.setSpacingBefore(1984 - LINE);   // 35 mm, less the line the mark itself takes
        XWPFRun run = mark.createRun();
        run.setText(o.mark());
        run.setColor("FF0000");
        int chars = Math.max(1, o.mark().codePointCount(0, o.mark().length()));
        run.setFontSize(Math.max(16, Math.min(42, (int) Math.floor(TEXT_WIDTH_PT * 0.95 / chars))));
        XWPFParagraph number = paragraph(d, GbStyles.PLAIN, o.number());
        number.setAlignment(ParagraphAlignment.CENTER);
        number.setSpacingBefore(LINE);
        var ppr = number.getCTP().isSetPPr() ? number.getCTP().getPPr() : number.getCTP().addNewPPr();
        var border = ppr.addNewPBdr().addNewBottom();
        border.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(8));
        border.setSpace(BigInteger.valueOf(11));   // 4 mm, in points
        border.setColor("FF0000");
    }

    /**
     * After the text: the 发文机关署名 one line below, centred over the 成文日期, which ends 4 字 from the
     * right; then the 版记 — 抄送 and the 印发机关 with the 印发日期 — between rules, in 4号仿宋.
     */
    private static void officialTail(XWPFDocument d, Document.Official o) {
        int dateChars = width(o.date());
        int bodyChars = width(o.signature());
        int dateIndent = 4 * CHAR;
        int bodyIndent = Math.max(0, dateIndent + (dateChars - bodyChars) * CHAR / 2);
        XWPFParagraph body = paragraph(d, GbStyles.PLAIN, o.signature());
        body.setAlignment(ParagraphAlignment.RIGHT);
        body.setIndentationRight(bodyIndent);
        body.setSpacingBefore(LINE);
        body.setKeepNext(true);
        XWPFParagraph date = paragraph(d, GbStyles.PLAIN, o.date());
        date.setAlignment(ParagraphAlignment.RIGHT);
        date.setIndentationRight(dateIndent);
        XWPFParagraph first = null;
        if (o.copyTo() != null) {
            first = paragraph(d, GbStyles.COLOPHON, "抄送：" + o.copyTo() + "。");
            first.setIndentationLeft(280);
            first.setIndentationRight(280);
            first.setIndentationHanging(0);
            first.setKeepNext(true);
        }
        XWPFParagraph printed = d.createParagraph();
        printed.setStyle(GbStyles.COLOPHON);
        printed.setIndentationLeft(280);
        printed.setIndentationRight(280);
        var tabs = (printed.getCTP().isSetPPr() ? printed.getCTP().getPPr() : printed.getCTP().addNewPPr()).addNewTabs();
        var tab = tabs.addNewTab();
        tab.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf((long) (TEXT_WIDTH_PT * 20) - 560));
        XWPFRun r = printed.createRun();
        r.setText(o.printedBy());
        r.addTab();
        r.setText(o.printedOn());
        rule(first != null ? first : printed, true, 8);
        if (first != null) {
            rule(first, false, 4);
        }
        rule(printed, false, 8);
        (first != null ? first : printed).setSpacingBefore(2 * LINE);
    }

    /** A rule above or below a 版记 line: 0.35 mm (8 eighths of a point) outside, 0.25 mm between. */
    private static void rule(XWPFParagraph p, boolean top, int eighths) {
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        var borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        var b = top ? borders.addNewTop() : borders.addNewBottom();
        b.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(eighths));
        b.setSpace(BigInteger.valueOf(1));
        b.setColor("000000");
    }

    /** Width in 字: a Chinese character one, a digit or Latin letter half. */
    private static int width(String text) {
        return (int) Math.ceil(text.codePoints().mapToDouble(c -> c < 0x2E80 ? 0.5 : 1).sum());
    }

    private static void section(XWPFDocument d, Section s, boolean official) {
        String style = s.level() >= 2 ? GbStyles.HEADING_2 : official ? GbStyles.OFFICIAL_1 : GbStyles.HEADING_1;
        paragraph(d, style, s.label() + s.heading());
        s.paragraphs().forEach(p -> paragraph(d, GbStyles.BODY, p));
        for (Fact f : s.facts()) {
            XWPFParagraph p = d.createParagraph();
            p.setStyle(GbStyles.FACT);
            XWPFRun label = p.createRun();
            label.setText(f.prefix());
            label.setBold(true);
            p.createRun().setText(f.text());
        }
        s.tables().forEach(t -> table(d, t));
        s.charts().forEach(c -> chart(d, c));
        for (Photo ph : s.photos()) {
            paragraph(d, GbStyles.NOTE, ph.caption() + (ph.credit() == null ? "" : ph.credit()));
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument d, String style, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
        return p;
    }

    /** The red separator under the masthead (版头分隔线), as wide as the 版心, with half a line below it. */
    private static void redRule(XWPFParagraph p) {
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        var border = ppr.addNewPBdr().addNewBottom();
        border.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(12));
        border.setSpace(BigInteger.valueOf(4));
        border.setColor("FF0000");
        p.setSpacingAfter(290);
    }

    private static void table(XWPFDocument d, Table t) {
        paragraph(d, GbStyles.CAPTION, t.caption()).setKeepNext(true);
        XWPFTable table = d.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        table.setCellMargins(30, 70, 30, 70);   // twips: text clear of the rules
        // Column widths in twips, in the grid (LibreOffice reads it) and on every cell (Word and WPS do).
        List<Integer> twips = t.widths().stream().map(w -> (int) Math.round(TEXT_WIDTH_PT * 20 * w / 100)).toList();
        table.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
        var ctTable = table.getCTTbl();
        var grid = ctTable.getTblGrid() != null ? ctTable.getTblGrid() : ctTable.addNewTblGrid();
        for (int c = 0; c < twips.size(); c++) {
            var col = c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol();
            col.setW(BigInteger.valueOf(twips.get(c)));
        }
        fill(table.getRow(0), t.header(), twips, true);
        table.getRow(0).getTableCells().forEach(c -> c.setColor("EEEEEE"));
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < t.rows().size(); r++) {
            fill(table.getRow(r + 1), t.rows().get(r), twips, false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, List<Integer> twips, boolean header) {
        row.setCantSplitRow(true);
        row.setHeightRule(TableRowHeightRule.AUTO);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(String.valueOf(twips.get(c)));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(GbStyles.TABLE_TEXT);
            XWPFRun run = p.createRun();
            run.setText(cells.get(c));
            run.setBold(header);
        }
    }

    private static void chart(XWPFDocument d, Chart c) {
        XWPFParagraph p = d.createParagraph();
        p.setStyle(GbStyles.CAPTION);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);   // the picture stays with its caption
        double scale = Math.min(1, TEXT_WIDTH_PT / c.width());
        try {
            p.createRun().addPicture(new ByteArrayInputStream(c.png()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    "chart.png", Units.toEMU(c.width() * scale), Units.toEMU(c.height() * scale));
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("Cannot place chart " + c.caption(), e);
        }
        paragraph(d, GbStyles.CAPTION, c.caption());
    }

    /** A4 portrait; 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm; footer 7 mm below the 版心 bottom. */
    private static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().isSetSectPr()
                ? d.getDocument().getBody().getSectPr() : d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1588));
        margins.setRight(BigInteger.valueOf(1474));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(1587));
        margins.setGutter(BigInteger.ZERO);
    }

    /** "— 1 —": odd pages at the right, even pages at the left, each indented one character. */
    private static void footers(XWPFDocument d) {
        d.setEvenAndOddHeadings(true);
        pageNumber(d.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(d.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.createParagraph();
        p.setStyle(GbStyles.PAGE_NUMBER);
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);
        } else {
            p.setIndentationLeft(280);
        }
        p.createRun().setText("— ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        p.createRun().setText(" —");
    }
}
