package org.gongjian.ecology.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.ecology.engine.GepResult;

/**
 * The account as an Excel workbook: 实物量表 (physical quantities per service and town), 价值量表
 * (values in 万元 with shares), 参数表 (every price and coefficient with source and status) and,
 * when present, 碳汇 (kept apart from GEP). Plain POI, no framework, so the command line can use it.
 */
public final class GepWorkbook {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private GepWorkbook() {
    }

    public static byte[] write(String title, GepResult r, Map<String, String> townNames) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles s = new Styles(wb);
            physical(wb.createSheet("实物量表"), title, r, townNames, s);
            values(wb.createSheet("价值量表"), title, r, townNames, s);
            parameters(wb.createSheet("参数表"), r, s);
            if (r.carbonSink() != null) {
                carbon(wb.createSheet("碳汇"), r, townNames, s);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void physical(Sheet sh, String title, GepResult r, Map<String, String> names, Styles s) {
        header(sh, s, title + " 实物量表（" + r.methodName() + "，" + r.accountingYear() + "年）");
        Row h = sh.createRow(2);
        String[] fixed = {"编码", "服务", "一级指标", "类别", "单位"};
        cells(h, s.head, fixed);
        for (int i = 0; i < r.towns().size(); i++) {
            text(h, fixed.length + i, name(names, r.towns().get(i).town()), s.head);
        }
        text(h, fixed.length + r.towns().size(), "合计", s.head);
        int row = 3;
        for (GepResult.ServiceLine l : r.lines()) {
            Row x = sh.createRow(row++);
            cells(x, null, l.code(), l.name(), l.function(), l.categoryName(), l.unit() == null ? "—" : l.unit());
            for (int i = 0; i < r.towns().size(); i++) {
                GepResult.TownLine tl = r.towns().get(i).lines().get(r.lines().indexOf(l));
                number(x, fixed.length + i, tl.quantity(), s);
            }
            number(x, fixed.length + r.towns().size(), l.quantity(), s);
        }
        Row area = sh.createRow(row);
        cells(area, s.head, "AREA", "森林面积", "", "", "hm²");
        for (int i = 0; i < r.towns().size(); i++) {
            number(area, fixed.length + i, r.towns().get(i).area(), s);
        }
        number(area, fixed.length + r.towns().size(), r.area(), s);
        widths(sh, fixed.length + r.towns().size() + 1);
    }

    private static void values(Sheet sh, String title, GepResult r, Map<String, String> names, Styles s) {
        header(sh, s, title + " 价值量表（万元，" + r.priceAdjustment().description() + "）");
        Row h = sh.createRow(2);
        String[] fixed = {"编码", "服务", "一级指标", "类别"};
        cells(h, s.head, fixed);
        int towns = r.towns().size();
        for (int i = 0; i < towns; i++) {
            text(h, fixed.length + i, name(names, r.towns().get(i).town()), s.head);
        }
        text(h, fixed.length + towns, "合计", s.head);
        text(h, fixed.length + towns + 1, "占比", s.head);
        int row = 3;
        for (GepResult.ServiceLine l : r.lines()) {
            Row x = sh.createRow(row++);
            cells(x, null, l.code(), l.name(), l.function(), l.categoryName());
            for (int i = 0; i < towns; i++) {
                number(x, fixed.length + i, wan(r.towns().get(i).lines().get(r.lines().indexOf(l)).value()), s);
            }
            number(x, fixed.length + towns, wan(l.value()), s);
            percent(x, fixed.length + towns + 1, share(l.value(), r.totals().total()), s);
        }
        for (GepResult.Total c : r.totals().byCategory()) {
            Row x = sh.createRow(row++);
            cells(x, s.head, c.code(), c.name() + "小计", "", "");
            for (int i = 0; i < towns; i++) {
                BigDecimal v = r.towns().get(i).totals().byCategory().stream().filter(t -> t.code().equals(c.code()))
                        .findFirst().map(GepResult.Total::value).orElse(BigDecimal.ZERO);
                number(x, fixed.length + i, wan(v), s);
            }
            number(x, fixed.length + towns, wan(c.value()), s);
            percent(x, fixed.length + towns + 1, c.share(), s);
        }
        Row total = sh.createRow(row++);
        cells(total, s.head, "GEP", "合计", "", "");
        for (int i = 0; i < towns; i++) {
            number(total, fixed.length + i, wan(r.towns().get(i).totals().total()), s);
        }
        number(total, fixed.length + towns, wan(r.totals().total()), s);
        Row perHa = sh.createRow(row);
        cells(perHa, s.head, "PER_HECTARE", "单位面积价值（元/hm²）", "", "");
        for (int i = 0; i < towns; i++) {
            number(perHa, fixed.length + i, r.towns().get(i).totals().perHectare(), s);
        }
        number(perHa, fixed.length + towns, r.totals().perHectare(), s);
        widths(sh, fixed.length + towns + 2);
    }

    private static void parameters(Sheet sh, GepResult r, Styles s) {
        header(sh, s, "参数表（" + r.reference().id() + " " + r.reference().version() + "，SHA-256 "
                + r.reference().sha256().substring(0, 12) + "…）");
        Row h = sh.createRow(2);
        cells(h, s.head, "编码", "符号", "名称", "取值", "单位", "基准年", "调整方法", "调整系数", "调整后取值", "状态", "来源");
        int row = 3;
        for (GepResult.ParameterUse p : r.parameters()) {
            Row x = sh.createRow(row++);
            cells(x, null, p.code(), p.symbol(), p.name());
            number(x, 3, p.value(), s);
            text(x, 4, p.unit(), null);
            text(x, 5, p.baseYear() == null ? "—" : String.valueOf(p.baseYear()), null);
            text(x, 6, p.adjustment() == null ? "—" : p.adjustment(), null);
            number(x, 7, p.factor(), s);
            number(x, 8, p.adjustedValue(), s);
            text(x, 9, "[" + p.status() + "]" + (p.overridden() ? " 请求覆盖" : ""), null);
            text(x, 10, p.source(), null);
        }
        widths(sh, 11);
    }

    private static void carbon(Sheet sh, GepResult r, Map<String, String> names, Styles s) {
        GepResult.CarbonSink c = r.carbonSink();
        header(sh, s, "森林碳汇（" + c.methodName() + "；" + c.note() + "）");
        Row h = sh.createRow(2);
        cells(h, s.head, "镇", "树种组", "碳汇量（t C/a）", "碳汇量（t CO₂/a）", "BCEF", "R", "CF", "IPCC缺省", "状态", "来源");
        int row = 3;
        for (GepResult.GroupSink g : c.groups()) {
            Row x = sh.createRow(row++);
            cells(x, null, name(names, g.town()), g.name());
            number(x, 2, g.tonnesC(), s);
            number(x, 3, g.tonnesCo2(), s);
            number(x, 4, g.bcef(), s);
            number(x, 5, g.rootShootRatio(), s);
            number(x, 6, g.carbonFraction(), s);
            cells(x, 7, g.ipccFallback() ? "是" : "否", "[" + g.status() + "]", g.source());
        }
        row++;
        Row vh = sh.createRow(row++);
        cells(vh, s.head, "碳价", "价格", "单位", "年份", "价值（万元）", "来源");
        for (GepResult.Valuation v : c.valuations()) {
            Row x = sh.createRow(row++);
            cells(x, null, v.labelName() + (v.label().equals(c.chosen()) ? "（采用）" : ""));
            number(x, 1, v.price(), s);
            cells(x, 2, v.unit(), v.year() == null ? "—" : String.valueOf(v.year()));
            number(x, 4, wan(v.value()), s);
            text(x, 5, v.source(), null);
        }
        widths(sh, 10);
    }

    private static String name(Map<String, String> names, String code) {
        return names.getOrDefault(code, code);
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan == null ? null : yuan.divide(WAN);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO : part.divide(total, java.math.MathContext.DECIMAL64);
    }

    private static void header(Sheet sh, Styles s, String title) {
        text(sh.createRow(0), 0, title, s.title);
    }

    private static void cells(Row row, CellStyle style, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            text(row, i, texts[i], style);
        }
    }

    private static void cells(Row row, int from, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            text(row, from + i, texts[i], null);
        }
    }

    private static void text(Row row, int col, String text, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellValue(text == null ? "" : text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int col, BigDecimal value, Styles s) {
        var cell = row.createCell(col);
        if (value == null) {
            cell.setCellValue("—");
            return;
        }
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(value.abs().compareTo(new BigDecimal("1e12")) > 0 ? s.scientific : s.number);
    }

    private static void percent(Row row, int col, BigDecimal value, Styles s) {
        var cell = row.createCell(col);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(s.percent);
    }

    private static void widths(Sheet sh, int columns) {
        for (int i = 0; i < columns; i++) {
            sh.setColumnWidth(i, i < 2 ? 24 * 256 : 16 * 256);
        }
        sh.createFreezePane(0, 3);
    }

    /** The few cell styles of the workbook. */
    private static final class Styles {
        final CellStyle head;
        final CellStyle title;
        final CellStyle number;
        final CellStyle scientific;
        final CellStyle percent;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            head = wb.createCellStyle();
            head.setFont(bold);
            title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title.setFont(big);
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            scientific = wb.createCellStyle();
            scientific.setDataFormat(wb.createDataFormat().getFormat("0.0000E+00"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        }
    }
}
