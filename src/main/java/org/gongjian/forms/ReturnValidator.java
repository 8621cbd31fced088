package org.gongjian.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.forms.FormDefinition.Field;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Checks a return's values against its version: types, ranges, decimals, choices, "of which" ≤ total,
 * table rows, and (when it is being submitted) required fields. Values come back normalised: numbers as
 * plain decimal strings, blanks dropped, a multiple choice as a list, a table as a list of rows.
 */
public final class ReturnValidator {

    public static final int MAX_TEXT = 2000;

    /** Normalised values and what is wrong with them. */
    public record Checked(Map<String, Object> values, List<Violation> violations) {
    }

    private ReturnValidator() {
    }

    public static Checked check(FormDefinition definition, Map<String, ?> input, boolean submitting) {
        List<Violation> v = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Field> known = new LinkedHashMap<>();
        definition.fields().forEach(f -> known.put(f.code(), f));
        for (String key : input.keySet()) {
            if (!known.containsKey(key)) {
                v.add(new Violation("values." + key, "forms.error.unknown-field", key));
            }
        }
        for (FormDefinition.Section section : definition.sections()) {
            Map<String, BigDecimal> numbers = new LinkedHashMap<>();
            for (Field f : section.fields()) {
                Object raw = input.get(f.code());
                String path = "values." + f.code();
                if (f.type() == FieldType.TABLE) {
                    List<Map<String, Object>> rows = table(f, raw, path, submitting, v);
                    if (!rows.isEmpty()) {
                        out.put(f.code(), rows);
                    } else if (submitting && f.mandatory()) {
                        v.add(new Violation(path, "forms.error.required", f.label()));
                    }
                    continue;
                }
                Object value = scalar(f, raw, path, submitting, v);
                if (value != null) {
                    out.put(f.code(), value);
                    if (f.type().numeric()) {
                        numbers.put(f.code(), new BigDecimal((String) value));
                    }
                }
            }
            atMost(section.fields(), numbers, "values.", v);
        }
        return new Checked(out, v);
    }

    private static List<Map<String, Object>> table(Field table, @Nullable Object raw, String path, boolean submitting,
            List<Violation> v) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (raw == null) {
            return rows;
        }
        if (!(raw instanceof List<?> list)) {
            v.add(new Violation(path, "forms.error.table-shape", table.label()));
            return rows;
        }
        if (list.size() > FormDefinition.MAX_ROWS) {
            v.add(new Violation(path, "forms.error.too-many-rows", FormDefinition.MAX_ROWS));
            return rows;
        }
        for (int r = 0; r < list.size(); r++) {
            String rp = path + "[" + r + "]";
            if (!(list.get(r) instanceof Map<?, ?> row)) {
                v.add(new Violation(rp, "forms.error.table-shape", table.label()));
                continue;
            }
            Map<String, Object> clean = new LinkedHashMap<>();
            Map<String, BigDecimal> numbers = new LinkedHashMap<>();
            for (Object key : row.keySet()) {
                if (table.columnsOrEmpty().stream().noneMatch(c -> c.code().equals(key))) {
                    v.add(new Violation(rp + "." + key, "forms.error.unknown-field", String.valueOf(key)));
                }
            }
            for (Field c : table.columnsOrEmpty()) {
                Object value = scalar(c, row.get(c.code()), rp + "." + c.code(), submitting, v);
                if (value != null) {
                    clean.put(c.code(), value);
                    if (c.type().numeric()) {
                        numbers.put(c.code(), new BigDecimal((String) value));
                    }
                }
            }
            atMost(table.columnsOrEmpty(), numbers, rp + ".", v);
            if (!clean.isEmpty()) {
                rows.add(clean);
            }
        }
        return rows;
    }

    private static void atMost(List<Field> fields, Map<String, BigDecimal> numbers, String prefix, List<Violation> v) {
        for (Field f : fields) {
            if (f.atMost() != null && numbers.containsKey(f.code()) && numbers.containsKey(f.atMost())
                    && numbers.get(f.code()).compareTo(numbers.get(f.atMost())) > 0) {
                Field total = fields.stream().filter(o -> o.code().equals(f.atMost())).findFirst().orElse(f);
                v.add(new Violation(prefix + f.code(), "forms.error.exceeds", f.label(), total.label()));
            }
        }
    }

    private static @Nullable Object scalar(Field f, @Nullable Object raw, String path, boolean submitting,
            List<Violation> v) {
        if (f.type() == FieldType.MULTI_CHOICE) {
            List<String> picked = new ArrayList<>();
            if (raw instanceof List<?> list) {
                list.forEach(o -> {
                    if (o != null && !o.toString().isBlank()) {
                        picked.add(o.toString().trim());
                    }
                });
            } else if (raw != null && !raw.toString().isBlank()) {
                picked.add(raw.toString().trim());
            }
            if (picked.isEmpty()) {
                if (submitting && f.mandatory()) {
                    v.add(new Violation(path, "forms.error.required", f.label()));
                }
                return null;
            }
            for (String p : picked) {
                if (!f.optionsOrEmpty().contains(p)) {
                    v.add(new Violation(path, "forms.error.option", f.label(), p));
                }
            }
            return List.copyOf(new java.util.LinkedHashSet<>(picked));
        }
        String text = raw == null ? "" : raw instanceof List<?> || raw instanceof Map<?, ?> ? null : raw.toString().trim();
        if (text == null) {
            v.add(new Violation(path, "forms.error.scalar", f.label()));
            return null;
        }
        if (text.isEmpty()) {
            if (submitting && f.mandatory()) {
                v.add(new Violation(path, "forms.error.required", f.label()));
            }
            return null;
        }
        switch (f.type()) {
            case NUMBER, INTEGER, MONEY, PERCENTAGE -> {
                BigDecimal n;
                try {
                    n = new BigDecimal(text.replace(",", "").replace("，", ""));
                } catch (NumberFormatException e) {
                    v.add(new Violation(path, "forms.error.number", f.label(), text));
                    return null;
                }
                n = n.stripTrailingZeros();
                if (n.scale() < 0) {
                    n = n.setScale(0);
                }
                if (n.scale() > f.decimalsOrDefault()) {
                    v.add(new Violation(path, f.type() == FieldType.INTEGER ? "forms.error.integer" : "forms.error.decimals-exceeded",
                            f.label(), f.decimalsOrDefault()));
                }
                BigDecimal min = f.min() != null ? f.min() : f.type() == FieldType.PERCENTAGE ? BigDecimal.ZERO : null;
                BigDecimal max = f.max() != null ? f.max()
                        : f.type() == FieldType.PERCENTAGE ? BigDecimal.valueOf(100) : null;
                if ((min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
                    v.add(new Violation(path, "forms.error.range", f.label(), min == null ? "" : min.toPlainString(),
                            max == null ? "" : max.toPlainString()));
                }
                if (n.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                    v.add(new Violation(path, "forms.error.range", f.label(), "", "1e15"));
                }
                return n.toPlainString();
            }
            case DATE -> {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    v.add(new Violation(path, "forms.error.date", f.label(), text));
                    return null;
                }
            }
            case CHOICE -> {
                if (!f.optionsOrEmpty().contains(text)) {
                    v.add(new Violation(path, "forms.error.option", f.label(), text));
                }
                return text;
            }
            case FILE -> {
                if (!text.matches("[0-9]{1,18}")) {
                    v.add(new Violation(path, "forms.error.file", f.label()));
                    return null;
                }
                return text;
            }
            default -> {
                if (text.length() > MAX_TEXT) {
                    v.add(new Violation(path, "forms.error.too-long", MAX_TEXT));
                }
                return text;
            }
        }
    }

    /** A table column's total over the rows (null when no row has it). */
    public static @Nullable BigDecimal columnTotal(Map<String, Object> values, String table, String column) {
        if (!(values.get(table) instanceof List<?> rows)) {
            return null;
        }
        BigDecimal total = null;
        for (Object r : rows) {
            if (r instanceof Map<?, ?> row && row.get(column) != null) {
                BigDecimal n = new BigDecimal(row.get(column).toString());
                total = total == null ? n : total.add(n);
            }
        }
        return total;
    }
}
