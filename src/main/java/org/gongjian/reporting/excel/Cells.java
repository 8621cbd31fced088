package org.gongjian.reporting.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.gongjian.reporting.excel.XlsxReader.Cell;
import org.gongjian.shared.Decimals;
import org.jspecify.annotations.Nullable;

/**
 * One data row under its header: cells by header word, read leniently the way people type in WPS and
 * Excel (full-width digits and brackets, thousands commas, 2024/5/22 and 2024年5月22日), and strictly
 * where it matters (no formulas, no "约5000", no dates in the future of the calendar).
 */
final class Cells {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private final int rowNumber;
    private final Map<String, Integer> columns;
    private final List<@Nullable Cell> cells;
    private final List<Problem> problems;

    /** A problem with a cell: the column's header and a message key with arguments. */
    record Problem(String column, String key, Object... args) {
    }

    Cells(int rowNumber, Map<String, Integer> columns, List<@Nullable Cell> cells, List<Problem> problems) {
        this.rowNumber = rowNumber;
        this.columns = columns;
        this.cells = cells;
        this.problems = problems;
    }

    int rowNumber() {
        return rowNumber;
    }

    @Nullable Cell cell(String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? null : cells.get(index);
    }

    /** The row's non-blank cells by header. */
    Map<String, Cell> byHeader() {
        Map<String, Cell> found = new java.util.HashMap<>();
        columns.forEach((header, index) -> {
            Cell c = index < cells.size() ? cells.get(index) : null;
            if (c != null && !c.blank()) {
                found.put(header, c);
            }
        });
        return found;
    }

    boolean blank(String column) {
        Cell c = cell(column);
        return c == null || c.blank();
    }

    /**
     * The cell, when it holds something that is not a formula; null (with a problem when required or a formula)
     * otherwise.
     */
    private @Nullable Cell present(String column, boolean required) {
        Cell c = cell(column);
        if (c == null || c.blank()) {
            if (required) {
                problems.add(new Problem(column, "error.import.required"));
            }
            return null;
        }
        if (c.kind() == Cell.Kind.FORMULA) {
            problems.add(new Problem(column, "error.import.formula"));
            return null;
        }
        if (c.tooLong()) {
            problems.add(new Problem(column, "error.import.cell-too-long", String.valueOf(XlsxReader.MAX_CELL_CHARS)));
            return null;
        }
        return c;
    }

    /** The cell's text as typed, stripped of surrounding spaces, or null when blank; a formula is refused. */
    @Nullable String text(String column, boolean required, int maxLength) {
        Cell c = present(column, required);
        if (c == null) {
            return null;
        }
        String text = c.text().strip();
        if (text.length() > maxLength) {
            problems.add(new Problem(column, "error.import.too-long", maxLength));
            return null;
        }
        return text;
    }

    /**
     * A word to look up (a code, a unit, a drop-down choice): the text with full-width letters, digits and
     * punctuation made half-width, so that ｈｙｄｒｏｇｅｎ．ａｒｅａ finds hydrogen.area.
     */
    @Nullable String word(String column, boolean required, int maxLength) {
        String text = text(column, required, maxLength);
        return text == null ? null : normalise(text).strip();
    }

    @Nullable BigDecimal number(String column, boolean required) {
        Cell c = present(column, required);
        if (c == null) {
            return null;
        }
        BigDecimal found = null;
        if (c.kind() == Cell.Kind.NUMBER && c.number() != null) {
            found = c.number();
        } else if (c.kind() == Cell.Kind.TEXT && c.text().length() <= 100) {
            String t = normalise(c.text()).replace(",", "").replace("，", "").replace(" ", "").trim();
            try {
                found = new BigDecimal(t);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        if (found != null) {
            if (Decimals.inRange(found)) {
                return found;
            }
            problems.add(new Problem(column, "error.import.number-out-of-range", Decimals.MAX_INTEGER_DIGITS,
                    Decimals.MAX_FRACTION_DIGITS));
            return null;
        }
        problems.add(new Problem(column, "error.import.not-a-number", c.text()));
        return null;
    }

    /** A whole number such as a task's 编号 (3, not 3.5). */
    @Nullable Integer integer(String column, boolean required) {
        BigDecimal n = number(column, required);
        if (n == null) {
            return null;
        }
        try {
            return n.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            problems.add(new Problem(column, "error.import.not-an-integer", n.toPlainString()));
            return null;
        }
    }

    @Nullable LocalDate date(String column, boolean required) {
        Cell c = present(column, required);
        if (c == null) {
            return null;
        }
        if (c.kind() == Cell.Kind.DATE && c.date() != null) {
            return c.date();
        }
        if (c.kind() == Cell.Kind.NUMBER) {
            double serial = c.number() == null ? -1 : c.number().doubleValue();
            if (serial >= 36526 && serial < 73051 && serial == Math.floor(serial)) {   // 2000-01-01 … 2099-12-31
                return DateUtil.getLocalDateTime(serial).toLocalDate();
            }
        } else {
            LocalDate date = parseDate(c.text());
            if (date != null) {
                return date;
            }
        }
        problems.add(new Problem(column, "error.import.not-a-date", c.text()));
        return null;
    }

    /** 2024-05-22, 2024/5/22, 2024.5.22 or 2024年5月22日, with full-width digits; null when none of them. */
    private static @Nullable LocalDate parseDate(String text) {
        Matcher m = DATE.matcher(normalise(text).trim());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Full-width digits, letters and punctuation (０-９，（）％) to their half-width forms. */
    static String normalise(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) < '\u3000') {
            i++;
        }
        if (i == text.length()) {
            return text;   // nothing full-width: the common case, without a copy
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch >= '\uFF01' && ch <= '\uFF5E' && ch != '\uFF08' && ch != '\uFF09' && ch != '\uFF0C') {
                out.append((char) (ch - 0xFEE0));
            } else if (ch == '\u3000') {
                out.append(' ');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
