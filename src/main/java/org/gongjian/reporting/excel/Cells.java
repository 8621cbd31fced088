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

    boolean blank(String column) {
        Cell c = cell(column);
        return c == null || c.blank();
    }

    /** The cell's text, trimmed, or null when blank; a formula is refused. */
    @Nullable String text(String column, boolean required, int maxLength) {
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
        String text = normalise(c.text()).trim();
        if (text.length() > maxLength) {
            problems.add(new Problem(column, "error.import.too-long", maxLength));
            return null;
        }
        return text;
    }

    @Nullable BigDecimal number(String column, boolean required) {
        Cell c = cell(column);
        if (c == null || c.blank()) {
            if (required) {
                problems.add(new Problem(column, "error.import.required"));
            }
            return null;
        }
        switch (c.kind()) {
            case NUMBER:
                return c.number();
            case FORMULA:
                problems.add(new Problem(column, "error.import.formula"));
                return null;
            case TEXT:
                String t = normalise(c.text()).replace(",", "").replace("，", "").replace(" ", "").trim();
                try {
                    return new BigDecimal(t);
                } catch (NumberFormatException e) {
                    problems.add(new Problem(column, "error.import.not-a-number", c.text()));
                    return null;
                }
            default:
                problems.add(new Problem(column, "error.import.not-a-number", c.text()));
                return null;
        }
    }

    @Nullable LocalDate date(String column, boolean required) {
        Cell c = cell(column);
        if (c == null || c.blank()) {
            if (required) {
                problems.add(new Problem(column, "error.import.required"));
            }
            return null;
        }
        switch (c.kind()) {
            case DATE:
                return c.date();
            case FORMULA:
                problems.add(new Problem(column, "error.import.formula"));
                return null;
            case NUMBER:
                double serial = c.number() == null ? -1 : c.number().doubleValue();
                if (serial >= 36526 && serial < 73051 && serial == Math.floor(serial)) {   // 2000-01-01 … 2099-12-31
                    return DateUtil.getLocalDateTime(serial).toLocalDate();
                }
                problems.add(new Problem(column, "error.import.not-a-date", c.text()));
                return null;
            default:
                Matcher m = DATE.matcher(normalise(c.text()).trim());
                if (m.matches()) {
                    try {
                        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
                    } catch (java.time.DateTimeException e) {
                        // falls through to the error below
                    }
                }
                try {
                    return LocalDate.parse(c.text().trim());
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(column, "error.import.not-a-date", c.text()));
                    return null;
                }
        }
    }

    /** Full-width digits, letters and punctuation (０-９，（）％) to their half-width forms. */
    static String normalise(String text) {
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
