package org.gongjian.reporting.excel;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The public seam for other modules' all-or-none imports: sheets found by their header words and read with the
 * same limits and cell checks as the programme's imports, each data row handed over as a {@link Row}; problems
 * are collected per row, and a failed import gives back every row's messages and the marked copy of the file.
 */
@Component
public class SheetImports {

    /** A sheet to read: its name, the header words that identify its header row, and what to do with each row. */
    public record Sheet(String name, List<String> requiredHeaders, Consumer<Row> each) {
    }

    /** One data row: its cells by header, checked as the programme's imports check them. */
    public static final class Row {
        private final Cells cells;
        private final List<Cells.Problem> problems;

        Row(Cells cells, List<Cells.Problem> problems) {
            this.cells = cells;
            this.problems = problems;
        }

        public int number() { return cells.rowNumber(); }

        public boolean blank(String column) { return cells.blank(column); }

        public @Nullable String text(String column, boolean required, int maxLength) {
            return cells.text(column, required, maxLength);
        }

        public @Nullable BigDecimal decimal(String column, boolean required) { return cells.number(column, required); }

        public @Nullable Integer integer(String column, boolean required) { return cells.integer(column, required); }

        public @Nullable LocalDate date(String column, boolean required) { return cells.date(column, required); }

        /** Adds a problem of this row (column "" for the whole row); the message key is resolved in the reader's language. */
        public void problem(String column, String messageKey, Object... args) {
            problems.add(new Cells.Problem(column, messageKey, args));
        }

        public boolean ok() { return problems.isEmpty(); }
    }

    /** A file read, nothing written: its rows' count, and problems found later (when rows are applied) by sheet and row. */
    public final class Reading {
        private final Path file;
        private final HeaderedSheets sheets;
        private final Map<String, List<String>> later = new LinkedHashMap<>();

        Reading(Path file, HeaderedSheets sheets) {
            this.file = file;
            this.sheets = sheets;
        }

        public int rows() { return sheets.rows(); }

        public boolean ok() { return sheets.problems().isEmpty() && later.isEmpty(); }

        /** A problem found while applying a row (an already localised message, under its column's header). */
        public void problem(String sheet, int row, String column, String message) {
            later.computeIfAbsent(sheet + "#" + row, k -> new ArrayList<>()).add(Importer.labelled(column, message));
        }

        /** The failed result: every row's messages in order, and the marked copy stored for the uploader. */
        public ImportResult failed() {
            Map<String, List<String>> byRow = importer.messages(sheets.problems());
            later.forEach((k, v) -> byRow.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            return importer.failed(file, sheets.rows(), byRow, sheets, sheets.fileNames());
        }

        public ImportResult written(int written) {
            return ImportResult.written(sheets.rows(), written, null);
        }
    }

    private final Importer importer;

    SheetImports(Importer importer) {
        this.importer = importer;
    }

    /** A localised message, as the imports word it. */
    public String message(String key, Object... args) {
        return importer.message(key, args);
    }

    /** Reads the sheets of a file; refused when none of them is found or no data row is there. */
    public Reading read(Path file, List<Sheet> wanted) {
        List<HeaderedSheets.Wanted> sheets = wanted.stream().map(s -> new HeaderedSheets.Wanted(s.name(), s.requiredHeaders(),
                (cells, problems) -> s.each().accept(new Row(cells, problems)))).toList();
        HeaderedSheets reader = new HeaderedSheets(sheets);
        XlsxReader.read(file, importer.limits(), reader);
        if (wanted.stream().noneMatch(s -> reader.found(s.name()))) {
            Sheet first = wanted.get(0);
            throw new ImportRefused("error.import.no-header", first.name(), String.join("、", first.requiredHeaders()));
        }
        if (reader.rows() == 0) {
            throw new ImportRefused("error.import.no-rows");
        }
        return new Reading(file, reader);
    }
}
