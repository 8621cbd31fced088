package org.gongjian.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.gongjian.forms.FormDefinition.Field;
import org.gongjian.organisation.Organisation;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.XlsxReader;
import org.gongjian.reporting.excel.XlsxWriter;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Returns as Excel: a unit's template (sheet 填报 with a row per field, and a sheet per table with its
 * columns), the filled template read back as a draft (all or nothing: every wrong cell is reported by
 * sheet and row and nothing is written; the same size, row and zip-bomb refusals as the other imports),
 * and every return of a period in one workbook.
 */
@Service
public class FormWorkbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String MAIN = "填报";
    private static final String CODE_MARK = "#";

    private final FormReturns returns;
    private final Forms forms;
    private final ImportSettings settings;
    private final Organisation organisation;

    FormWorkbooks(FormReturns returns, Forms forms, ImportSettings settings, Organisation organisation) {
        this.returns = returns;
        this.forms = forms;
        this.settings = settings;
        this.organisation = organisation;
    }

    /** A return's template, with what it holds so far. */
    public byte[] template(long returnId) {
        FormReturn r = returns.get(returnId);
        FormDefinition d = returns.definition(r);
        try (XlsxWriter xlsx = new XlsxWriter()) {
            Sheet main = xlsx.sheet(MAIN, d.title() + " · " + unitName(r.unitCode()) + " · " + r.period(),
                    List.of("编码", "字段", "单位", "填报值", "说明"), new int[] {18, 30, 10, 20, 40});
            int row = 2;
            for (Field f : d.fields()) {
                if (f.type() == FieldType.TABLE) {
                    continue;
                }
                Object v = r.values().get(f.code());
                xlsx.row(main, row++, List.of(f.code(), f.label(), f.typedUnit() == null ? "" : f.typedUnit(),
                        v == null ? "" : v instanceof List<?> l ? String.join("、", l.stream().map(String::valueOf).toList()) : v,
                        hint(f)));
            }
            for (Field t : d.fields()) {
                if (t.type() != FieldType.TABLE) {
                    continue;
                }
                List<String> headers = new ArrayList<>();
                t.columnsOrEmpty().forEach(c -> headers.add(c.labelWithUnit() + (c.mandatory() ? "*" : "")));
                Sheet sheet = xlsx.sheet(sheetName(t), CODE_MARK + t.code() + " " + t.label(), headers,
                        new int[] {16, 16, 16, 16, 16, 16, 16, 16, 16});
                int i = 2;
                if (r.values().get(t.code()) instanceof List<?> rows) {
                    for (Object o : rows) {
                        Map<?, ?> m = (Map<?, ?>) o;
                        List<Object> cells = new ArrayList<>();
                        t.columnsOrEmpty().forEach(c -> cells.add(m.get(c.code()) == null ? "" : m.get(c.code())));
                        xlsx.row(sheet, i++, cells);
                    }
                }
            }
            return xlsx.bytes();
        }
    }

    /** A cell that cannot be read, by sheet and row as Excel shows them. */
    public record RowError(String sheet, int row, String field, String messageKey, List<Object> args) {
    }

    /** Thrown when the workbook's cells do not fit the form; nothing was written. */
    public static class WorkbookInvalid extends InvalidInputException {
        private final List<RowError> rows;

        WorkbookInvalid(List<RowError> rows) {
            super(rows.stream().map(e -> new Violation(e.sheet() + "!" + e.row() + ":" + e.field(), e.messageKey(),
                    e.args().toArray())).toList());
            this.rows = rows;
        }

        public List<RowError> rows() {
            return rows;
        }
    }

    /** Reads a filled template into the return as a draft: all of it, or nothing. */
    public FormReturn upload(long returnId, InputStream content) {
        FormReturn r = returns.get(returnId);
        if (!returns.mayFill(r)) {
            returns.save(returnId, Map.of(), null); // refuses with the reason: another unit's, or not editable
        }
        FormDefinition d = returns.definition(r);
        Path path = null;
        try {
            path = Files.createTempFile("gongjian-form", ".xlsx");
            Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
            Collector collector = new Collector(d);
            XlsxReader.read(path, settings.limits(), collector);
            collector.finish();
            List<RowError> errors = new ArrayList<>(collector.errors);
            ReturnValidator.Checked checked = ReturnValidator.check(d, collector.values, false);
            for (Violation v : checked.violations()) {
                errors.add(locate(d, v, collector.rowOf));
            }
            if (!errors.isEmpty()) {
                throw new WorkbookInvalid(errors);
            }
            return returns.save(returnId, checked.values(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (path != null) {
                path.toFile().delete();
            }
        }
    }

    private static RowError locate(FormDefinition d, Violation v, Map<String, Integer> rowOf) {
        String field = v.field();
        int bracket = field.indexOf('[');
        if (bracket > 0) {
            String rowKey = field.substring(0, field.indexOf(']') + 1);
            String table = field.substring("values.".length(), bracket);
            Field t = d.fields().stream().filter(f -> f.code().equals(table)).findFirst().orElseThrow();
            return new RowError(sheetName(t), rowOf.getOrDefault(rowKey, 0), field, v.messageKey(), List.of(v.args()));
        }
        return new RowError(MAIN, rowOf.getOrDefault(field, 0), field, v.messageKey(), List.of(v.args()));
    }

    /** Gathers the values of the main sheet and the table sheets, remembering each one's row. */
    private static final class Collector implements XlsxReader.RowHandler {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Integer> rowOf = new LinkedHashMap<>();
        final List<RowError> errors = new ArrayList<>();
        private final Map<String, Field> tablesBySheet = new LinkedHashMap<>();
        private final Map<String, Field> scalars = new LinkedHashMap<>();
        private final Map<Integer, Map<String, Object>> tableRows = new TreeMap<>();
        private String sheet = "";
        private @Nullable Field table;

        Collector(FormDefinition d) {
            d.fields().forEach(f -> {
                if (f.type() == FieldType.TABLE) {
                    tablesBySheet.put(sheetName(f), f);
                } else {
                    scalars.put(f.code(), f);
                }
            });
        }

        @Override
        public void startSheet(String name) {
            finish();
            sheet = name;
            table = tablesBySheet.get(name);
        }

        @Override
        public void row(int rowNumber, List<XlsxReader.@Nullable Cell> cells) {
            if (rowNumber <= 2) {
                return; // the title and the header
            }
            if (MAIN.equals(sheet)) {
                String code = text(cells, 0);
                if (code.isEmpty()) {
                    return;
                }
                Field f = scalars.get(code);
                if (f == null) {
                    errors.add(new RowError(sheet, rowNumber, code, "forms.error.unknown-field", List.of(code)));
                    return;
                }
                String v = text(cells, 3);
                if (!v.isEmpty()) {
                    values.put(code, f.type() == FieldType.MULTI_CHOICE ? List.of(v.split("[、,，;；]\\s*")) : v);
                    rowOf.put("values." + code, rowNumber);
                }
            } else if (table != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                List<Field> cols = table.columnsOrEmpty();
                for (int c = 0; c < cols.size(); c++) {
                    String v = text(cells, c);
                    if (!v.isEmpty()) {
                        row.put(cols.get(c).code(), v);
                    }
                }
                if (!row.isEmpty()) {
                    rowOf.put("values." + table.code() + "[" + tableRows.size() + "]", rowNumber);
                    tableRows.put(rowNumber, row);
                }
            }
        }

        void finish() {
            if (table != null && !tableRows.isEmpty()) {
                values.put(table.code(), new ArrayList<>(tableRows.values()));
            }
            tableRows.clear();
            table = null;
        }
    }

    /** Every return of a form and period in one workbook: a row per unit, and a sheet per table. */
    public byte[] export(String formCode, String period) {
        Form form = forms.form(formCode);
        List<FormReturn> all = returns.list(new FormReturns.Filter(formCode, null, period, null), Pageable.unpaged())
                .getContent();
        FormDefinition d = all.isEmpty() ? form.latest().definition() : returns.definition(all.get(0));
        try (XlsxWriter xlsx = new XlsxWriter()) {
            List<Field> scalars = d.fields().stream().filter(f -> f.type() != FieldType.TABLE).toList();
            List<String> headers = new ArrayList<>(List.of("单位", "状态", "截止日期", "报送日期"));
            scalars.forEach(f -> headers.add(f.labelWithUnit()));
            Sheet main = xlsx.sheet("汇总", d.title() + " · " + period, headers, new int[] {14, 10, 12, 12});
            int row = 2;
            for (FormReturn r : all) {
                List<Object> cells = new ArrayList<>(List.of(unitName(r.unitCode()), STATUS.get(r.status()), r.due(),
                        r.submittedOn() == null ? "" : r.submittedOn()));
                scalars.forEach(f -> cells.add(cell(r.values().get(f.code()), f)));
                xlsx.row(main, row++, cells);
            }
            for (Field t : d.fields()) {
                if (t.type() != FieldType.TABLE) {
                    continue;
                }
                List<String> th = new ArrayList<>(List.of("单位"));
                t.columnsOrEmpty().forEach(c -> th.add(c.labelWithUnit()));
                Sheet sheet = xlsx.sheet(sheetName(t), t.label() + " · " + period, th, new int[] {14});
                int i = 2;
                for (FormReturn r : all) {
                    if (r.values().get(t.code()) instanceof List<?> rows) {
                        for (Object o : rows) {
                            Map<?, ?> m = (Map<?, ?>) o;
                            List<Object> cells = new ArrayList<>(List.of(unitName(r.unitCode())));
                            t.columnsOrEmpty().forEach(c -> cells.add(cell(m.get(c.code()), c)));
                            xlsx.row(sheet, i++, cells);
                        }
                    }
                }
            }
            return xlsx.bytes();
        }
    }

    private static final Map<ReturnStatus, String> STATUS = Map.of(ReturnStatus.OPEN, "待填报", ReturnStatus.DRAFT, "草稿",
            ReturnStatus.SUBMITTED, "待审核", ReturnStatus.RETURNED, "已退回", ReturnStatus.ACCEPTED, "已通过");

    private static Object cell(@Nullable Object v, Field f) {
        if (v == null) {
            return "";
        }
        if (f.type().numeric()) {
            return new java.math.BigDecimal(v.toString());
        }
        return v instanceof List<?> l ? String.join("、", l.stream().map(String::valueOf).toList()) : v.toString();
    }

    private static String text(List<XlsxReader.@Nullable Cell> cells, int i) {
        if (i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        XlsxReader.Cell c = cells.get(i);
        if (c.kind() == XlsxReader.Cell.Kind.NUMBER && c.number() != null) {
            return c.number().stripTrailingZeros().toPlainString();
        }
        if (c.kind() == XlsxReader.Cell.Kind.DATE && c.date() != null) {
            return c.date().toString();
        }
        return c.text().trim();
    }

    private static String hint(Field f) {
        List<String> h = new ArrayList<>();
        if (f.mandatory()) {
            h.add("必填");
        }
        if (!f.optionsOrEmpty().isEmpty()) {
            h.add("可选：" + String.join("、", f.optionsOrEmpty()));
        }
        if (f.min() != null || f.max() != null) {
            h.add("范围 " + (f.min() == null ? "" : f.min().toPlainString()) + "～" + (f.max() == null ? "" : f.max().toPlainString()));
        }
        if (f.atMost() != null) {
            h.add("不大于 " + f.atMost());
        }
        return String.join("；", h);
    }

    static String sheetName(Field table) {
        String name = table.label().replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 28 ? name.substring(0, 28) : name;
    }

    private String unitName(String code) {
        return organisation.findByCode(code).map(u -> u.shortName()).orElse(code);
    }
}
