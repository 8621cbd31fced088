package org.gongjian.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;

/**
 * What a form asks: a title, instructions, and sections of fields. Stored as JSON in its version and
 * validated here whenever it is saved (see docs/adr/0070).
 */
public record FormDefinition(String title, @Nullable String instructions, List<Section> sections) {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final Set<Long> SCALES = Set.of(1L, 10_000L, 100_000_000L);
    public static final int MAX_FIELDS = 200;
    public static final int MAX_ROWS = 500;

    /** A titled group of fields. */
    public record Section(String title, @Nullable String help, List<Field> fields) {
    }

    /**
     * A field. {@code scale} is what one typed unit is worth (10000 for 万元 or 万人次, 100000000 for 亿元);
     * {@code atMost} names a field of the same section or table row this one must not exceed ("of which"
     * ≤ total); {@code indicator} is the catalogue code an accepted return publishes the value (for a
     * table column: the column's total) under, per unit, with the city value made as {@code city} says;
     * {@code labelEn} is what the English pages show instead of {@code label} (optional).
     */
    public record Field(String code, String label, FieldType type, @Nullable Boolean required, @Nullable UnitOfMeasure unit,
            @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer decimals, @Nullable Long scale,
            @Nullable List<String> options, @Nullable List<Field> columns, @Nullable String atMost,
            @Nullable String indicator, @Nullable Aggregate city, @Nullable String help, @Nullable String labelEn) {

        /** The unit of measure a figure of this field is published in. */
        public @Nullable UnitOfMeasure publishedUnit() {
            return switch (type) {
                case MONEY -> UnitOfMeasure.YUAN;
                case PERCENTAGE -> UnitOfMeasure.PERCENT;
                case NUMBER, INTEGER -> unit;
                default -> null;
            };
        }

        public boolean mandatory() {
            return Boolean.TRUE.equals(required);
        }

        public long scaleOrOne() {
            return scale == null ? 1L : scale;
        }

        public int decimalsOrDefault() {
            if (type == FieldType.INTEGER) {
                return 0;
            }
            return decimals == null ? (type == FieldType.MONEY || type == FieldType.PERCENTAGE ? 2 : 4) : decimals;
        }

        public List<String> optionsOrEmpty() {
            return options == null ? List.of() : options;
        }

        public List<Field> columnsOrEmpty() {
            return columns == null ? List.of() : columns;
        }

        public Aggregate cityOrNone() {
            return city == null ? Aggregate.NONE : city;
        }

        /** The label with its unit as typed, e.g. 项目投资（万元）. */
        public String labelWithUnit() {
            String u = typedUnit();
            return u == null ? label : label + "（" + u + "）";
        }

        /** The label in the reader's language: the English one on English pages when the designer gave one. */
        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : label;
        }

        /** {@link #labelWithUnit()} in the reader's language. */
        public String labelWithUnit(java.util.Locale locale) {
            String u = typedUnit();
            return u == null ? label(locale) : label(locale) + "（" + u + "）";
        }

        /** The unit a person types in, e.g. 万元, 万人次, %, 个. */
        public @Nullable String typedUnit() {
            UnitOfMeasure p = publishedUnit();
            if (p == null) {
                return null;
            }
            String prefix = scaleOrOne() == 10_000L ? "万" : scaleOrOne() == 100_000_000L ? "亿" : "";
            return prefix + p.zh();
        }
    }

    /** Every field, table columns included, as {@code code} or {@code table.column}. */
    public Map<String, Field> fieldsByPath() {
        Map<String, Field> all = new java.util.LinkedHashMap<>();
        for (Section s : sections) {
            for (Field f : s.fields()) {
                all.put(f.code(), f);
                for (Field c : f.columnsOrEmpty()) {
                    all.put(f.code() + "." + c.code(), c);
                }
            }
        }
        return all;
    }

    /** The top-level fields in order. */
    public List<Field> fields() {
        return sections.stream().flatMap(s -> s.fields().stream()).toList();
    }

    /** Fields (or table columns, as {@code table.column}) that publish an indicator. */
    public Map<String, Field> feeding() {
        Map<String, Field> feeding = new java.util.LinkedHashMap<>();
        fieldsByPath().forEach((path, f) -> {
            if (f.indicator() != null) {
                feeding.put(path, f);
            }
        });
        return feeding;
    }

    /** The designer's rules; an empty list when the definition may be saved. */
    public List<Violation> problems() {
        List<Violation> v = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            v.add(new Violation("title", "forms.error.title"));
        }
        if (instructions != null && instructions.length() > 4000) {
            v.add(new Violation("instructions", "forms.error.too-long", 4000));
        }
        if (sections == null || sections.isEmpty()) {
            v.add(new Violation("sections", "forms.error.no-sections"));
            return v;
        }
        Set<String> codes = new HashSet<>();
        int count = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            String sp = "sections[" + s + "]";
            if (section == null) {
                v.add(new Violation(sp, "forms.error.no-fields"));
                continue;
            }
            if (section.title() == null || section.title().isBlank() || section.title().length() > 200) {
                v.add(new Violation(sp + ".title", "forms.error.section-title"));
            }
            if (section.fields() == null || section.fields().isEmpty()) {
                v.add(new Violation(sp + ".fields", "forms.error.no-fields"));
                continue;
            }
            Map<String, Field> scope = new HashMap<>();
            section.fields().forEach(f -> {
                if (f != null && f.code() != null) {
                    scope.putIfAbsent(f.code(), f);
                }
            });
            for (int i = 0; i < section.fields().size(); i++) {
                Field f = section.fields().get(i);
                String fp = sp + ".fields[" + i + "]";
                count++;
                if (f == null) {
                    v.add(new Violation(fp, "forms.error.field-type"));
                    continue;
                }
                if (f.code() != null && !codes.add(f.code())) {
                    v.add(new Violation(fp + ".code", "forms.error.duplicate-code", f.code()));
                }
                checkField(f, fp, scope, false, v);
                if (f.type() == FieldType.TABLE) {
                    List<Field> cols = f.columnsOrEmpty();
                    if (cols.isEmpty() || cols.size() > 30) {
                        v.add(new Violation(fp + ".columns", "forms.error.columns", 30));
                    }
                    Map<String, Field> rowScope = new HashMap<>();
                    Set<String> colCodes = new HashSet<>();
                    cols.forEach(c -> {
                        if (c != null && c.code() != null) {
                            rowScope.putIfAbsent(c.code(), c);
                        }
                    });
                    for (int c = 0; c < cols.size(); c++) {
                        Field col = cols.get(c);
                        String cp = fp + ".columns[" + c + "]";
                        count++;
                        if (col == null) {
                            v.add(new Violation(cp, "forms.error.field-type"));
                            continue;
                        }
                        if (col.code() != null && !colCodes.add(col.code())) {
                            v.add(new Violation(cp + ".code", "forms.error.duplicate-code", col.code()));
                        }
                        checkField(col, cp, rowScope, true, v);
                    }
                } else if (f.columns() != null && !f.columns().isEmpty()) {
                    v.add(new Violation(fp + ".columns", "forms.error.columns-only-in-table"));
                }
            }
        }
        if (count > MAX_FIELDS) {
            v.add(new Violation("sections", "forms.error.too-many-fields", MAX_FIELDS));
        }
        return v;
    }

    private static void checkField(Field f, String fp, Map<String, Field> scope, boolean column, List<Violation> v) {
        if (f.code() == null || !CODE.matcher(f.code()).matches()) {
            v.add(new Violation(fp + ".code", "forms.error.field-code"));
        }
        if (f.label() == null || f.label().isBlank() || f.label().length() > 200) {
            v.add(new Violation(fp + ".label", "forms.error.field-label"));
        }
        if (f.type() == null) {
            v.add(new Violation(fp + ".type", "forms.error.field-type"));
            return;
        }
        if (column && (f.type() == FieldType.TABLE || f.type() == FieldType.FILE)) {
            v.add(new Violation(fp + ".type", "forms.error.column-type"));
        }
        boolean numeric = f.type().numeric();
        if (!numeric && Stream.of(f.min(), f.max(), f.decimals(), f.scale(), f.atMost(), f.indicator())
                .anyMatch(java.util.Objects::nonNull)) {
            v.add(new Violation(fp + ".type", "forms.error.numeric-only"));
        }
        if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
            v.add(new Violation(fp + ".min", "forms.error.min-max"));
        }
        if (f.decimals() != null && (f.decimals() < 0 || f.decimals() > 6
                || (f.type() == FieldType.INTEGER && f.decimals() != 0))) {
            v.add(new Violation(fp + ".decimals", "forms.error.decimals"));
        }
        if (f.scale() != null && (!SCALES.contains(f.scale())
                || (f.type() != FieldType.NUMBER && f.type() != FieldType.MONEY))) {
            v.add(new Violation(fp + ".scale", "forms.error.scale"));
        }
        if (f.unit() != null && (f.type() == FieldType.MONEY ? !f.unit().isMoney()
                : f.type() == FieldType.PERCENTAGE ? f.unit() != UnitOfMeasure.PERCENT : !numeric)) {
            v.add(new Violation(fp + ".unit", "forms.error.unit"));
        }
        boolean choice = f.type() == FieldType.CHOICE || f.type() == FieldType.MULTI_CHOICE;
        if (choice) {
            List<String> o = f.optionsOrEmpty();
            if (o.isEmpty() || o.size() > 50 || o.stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 100)
                    || new HashSet<>(o).size() != o.size()) {
                v.add(new Violation(fp + ".options", "forms.error.options"));
            }
        } else if (f.options() != null && !f.options().isEmpty()) {
            v.add(new Violation(fp + ".options", "forms.error.options-only-in-choice"));
        }
        if (f.atMost() != null) {
            Field other = scope.get(f.atMost());
            if (other == null || other == f || other.type() == null || !other.type().numeric()) {
                v.add(new Violation(fp + ".atMost", "forms.error.at-most", f.atMost()));
            }
        }
        if (f.city() != null && f.city() != Aggregate.NONE && f.indicator() == null) {
            v.add(new Violation(fp + ".city", "forms.error.city-without-indicator"));
        }
        if (f.indicator() != null && f.publishedUnit() == null) {
            v.add(new Violation(fp + ".unit", "forms.error.indicator-unit"));
        }
        if (f.labelEn() != null && f.labelEn().length() > 200) {
            v.add(new Violation(fp + ".labelEn", "forms.error.too-long", 200));
        }
        if (f.help() != null && f.help().length() > 1000) {
            v.add(new Violation(fp + ".help", "forms.error.too-long", 1000));
        }
    }
}
