package org.gongjian.reporting.render;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The paragraph styles of a GB/T 9704 document, as named Word styles so that Word, WPS and LibreOffice
 * show them in their style lists (标题, 标题 1…) and the office can change them in one place.
 */
final class GbStyles {

    static final String BODY = "Normal";
    static final String TITLE = "Title";
    static final String SUBTITLE = "Subtitle";
    static final String HEADING_1 = "Heading1";
    /** 一、 in an official document: 3号黑体, indented 2 字 like the text. */
    static final String OFFICIAL_1 = "GjOfficial1";
    /** （一） in an official document: 3号楷体, indented 2 字, outline level 2. */
    static final String HEADING_2 = "Heading2";
    /** 发文机关标志: 小标宋, red, centred. */
    static final String MARK = "GjMark";
    /** 发文字号, 主送机关, 落款 and 成文日期: 3号仿宋, no indent. */
    static final String PLAIN = "GjPlain";
    /** 版记 (抄送, 印发机关和印发日期): 4号仿宋, indented 1 字 each side. */
    static final String COLOPHON = "GjColophon";
    static final String MASTHEAD = "GjMasthead";
    static final String FACT = "GjFact";
    static final String NOTE = "GjNote";
    static final String CAPTION = "Caption";
    static final String TABLE_TEXT = "GjTableText";
    static final String PAGE_NUMBER = "GjPageNumber";

    static final String FANGSONG = "仿宋_GB2312";
    static final String XIAOBIAOSONG = "方正小标宋简体";
    static final String HEITI = "黑体";
    static final String KAITI = "楷体_GB2312";
    static final String SONGTI = "宋体";
    static final String LATIN = "Times New Roman";

    /** 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt, 小四 = 12 pt; Word counts half-points. */
    private static final int SAN_HAO = 32;
    private static final int ER_HAO = 44;
    private static final int SI_HAO = 28;
    private static final int XIAO_SI = 24;
    /** 五号, 10.5 pt: table text, so that a bulletin's six or seven columns fit the 版心. */
    private static final int WU_HAO = 21;
    /** 22 lines on the 225 mm 版心: 28.95 pt, in twips. */
    private static final int LINE = 579;
    /** Lines of 4号 text (facts, notes): 21 pt. */
    private static final int FACT_LINE = 420;

    private GbStyles() {
    }

    /** The styles; Chinese text is justified (两端对齐) as GB/T 9704 has it, other languages set flush left. */
    static void install(XWPFDocument d, boolean chinese) {
        XWPFStyles styles = d.createStyles();
        STJc.Enum body = chinese ? STJc.BOTH : STJc.LEFT;
        add(styles, BODY, "Normal", null, FANGSONG, SAN_HAO, body, 200, LINE, 0, 0, null);
        add(styles, TITLE, "Title", BODY, XIAOBIAOSONG, ER_HAO, STJc.CENTER, 0, 0, LINE, LINE / 2, null);
        add(styles, SUBTITLE, "Subtitle", BODY, KAITI, SAN_HAO, STJc.CENTER, 0, LINE, 0, LINE / 2, null);
        add(styles, HEADING_1, "heading 1", BODY, HEITI, SAN_HAO, STJc.LEFT, 0, LINE, LINE / 2, 0, 0);
        add(styles, OFFICIAL_1, "Gongjian 一级标题", BODY, HEITI, SAN_HAO, body, 200, LINE, 0, 0, 0);
        add(styles, HEADING_2, "heading 2", BODY, KAITI, SAN_HAO, body, 200, LINE, 0, 0, 1);
        add(styles, MARK, "Gongjian 发文机关标志", BODY, XIAOBIAOSONG, 48, STJc.CENTER, 0, 0, 0, 0, null);
        add(styles, PLAIN, "Gongjian 无缩进", BODY, FANGSONG, SAN_HAO, STJc.LEFT, 0, LINE, 0, 0, null);
        add(styles, COLOPHON, "Gongjian 版记", BODY, FANGSONG, SI_HAO, STJc.LEFT, 0, FACT_LINE, 0, 0, null);
        add(styles, MASTHEAD, "Gongjian 报头", BODY, KAITI, SI_HAO, STJc.CENTER, 0, FACT_LINE, 0, 0, null);
        add(styles, FACT, "Gongjian 要点", BODY, FANGSONG, SI_HAO, body, 200, FACT_LINE, 0, 0, null);
        add(styles, NOTE, "Gongjian 图注署名", BODY, KAITI, SI_HAO, body, 200, FACT_LINE, LINE / 4, LINE / 4, null);
        add(styles, CAPTION, "caption", BODY, HEITI, XIAO_SI, STJc.CENTER, 0, 0, LINE / 4, LINE / 4, null);
        add(styles, TABLE_TEXT, "Gongjian 表格", BODY, FANGSONG, WU_HAO, STJc.LEFT, 0, 0, 0, 0, null);
        add(styles, PAGE_NUMBER, "Gongjian 页码", BODY, SONGTI, SI_HAO, STJc.RIGHT, 0, 0, 0, 0, null);
    }

    /**
     * One paragraph style. {@code firstLineChars} is the first-line indent in hundredths of a character
     * (200 = 2 字); {@code line} an exact line pitch in twips, or 0 for single spacing; {@code before} and
     * {@code after} space in twips; {@code outline} the outline level of a heading (kept with the next line).
     */
    private static void add(XWPFStyles styles, String id, String name, String basedOn, String eastAsia, int halfPoints,
            STJc.Enum align, int firstLineChars, int line, int before, int after, Integer outline) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        if (basedOn == null) {
            s.setDefault(true);
        } else {
            s.addNewBasedOn().setVal(basedOn);
            s.addNewNext().setVal(BODY);
        }
        s.addNewQFormat();
        CTPPrGeneral ppr = s.addNewPPr();
        ppr.addNewJc().setVal(align);
        var ind = ppr.addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(firstLineChars));
        ind.setFirstLine(BigInteger.valueOf(firstLineChars * 16 / 10));
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        if (line > 0) {
            spacing.setLine(BigInteger.valueOf(line));
            spacing.setLineRule(STLineSpacingRule.EXACT);
        } else {
            spacing.setLine(BigInteger.valueOf(240));
            spacing.setLineRule(STLineSpacingRule.AUTO);
        }
        if (outline != null) {
            ppr.addNewKeepNext();
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr rpr = s.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setEastAsia(eastAsia);
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewColor().setVal("000000");
        rpr.addNewLang().setEastAsia("zh-CN");
        styles.addStyle(new XWPFStyle(s));
    }
}
