package org.gongjian.reporting.excel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongjian.organisation.Accounts;
import org.gongjian.reporting.excel.ImportResult.RowError;
import org.gongjian.shared.InvalidInputException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the two imports share: turning problems into per-row messages and the marked-up file. */
@Component
class Importer {

    /** A batch field: rows[3].asOf, targets[0].coUnits[1]. */
    private static final Pattern FIELD = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

    private final ImportSettings settings;
    private final ErrorFiles errorFiles;
    private final MessageSource messages;
    private final Accounts accounts;

    Importer(ImportSettings settings, ErrorFiles errorFiles, MessageSource messages, Accounts accounts) {
        this.settings = settings;
        this.errorFiles = errorFiles;
        this.messages = messages;
        this.accounts = accounts;
    }

    XlsxReader.Limits limits() {
        return settings.limits();
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String message(Violation v) {
        return message(v.messageKey(), v.args());
    }

    /** Problems found while reading, by "sheet#row", as messages naming the column. */
    Map<String, List<String>> messages(Map<String, List<Cells.Problem>> problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        problems.forEach((key, list) -> out.put(key, list.stream()
                .map(p -> labelled(p.column(), message(p.key(), p.args()))).collect(Collectors.toList())));
        return out;
    }

    /** A message under its column's header (数值：必填。), or alone when it concerns the whole row. */
    static String labelled(String column, String message) {
        return column.isEmpty() ? message : column + "：" + message;
    }

    /** Where a list of the programme's batch came from: its field name, sheet, each index's row, each field's header. */
    record Source(String list, String sheet, List<Integer> rowNumbers, Function<String, String> column) {
    }

    /**
     * Adds the programme's violations (fields such as {@code rows[3].asOf}) to the messages of the sheet rows
     * they came from; one that names no row is put under row 0 of the first sheet, never dropped.
     */
    void addViolations(Map<String, List<String>> byRow, List<Violation> violations, List<Source> sources) {
        for (Violation v : violations) {
            String key = sources.get(0).sheet() + "#0";
            String column = "";
            for (Source source : sources) {
                Matcher m = FIELD.matcher(v.field());
                if (m.lookingAt() && m.group(1).equals(source.list())) {
                    key = source.sheet() + "#" + source.rowNumbers().get(Integer.parseInt(m.group(2)));
                    column = source.column().apply(m.group(3));
                }
            }
            byRow.computeIfAbsent(key, k -> new ArrayList<>()).add(labelled(column, message(v)));
        }
    }

    /** The failed result: the row errors in order, and the marked-up copy stored for the uploader. */
    ImportResult failed(Path file, int rows, Map<String, List<String>> byRow, HeaderedSheets sheets,
            Map<String, String> fileSheetNames) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Map<Integer, String>> marks = new TreeMap<>();
        byRow.forEach((key, list) -> {
            String sheet = key.substring(0, key.indexOf('#'));
            int row = Integer.parseInt(key.substring(key.indexOf('#') + 1));
            errors.add(new RowError(sheet, row, list));
            marks.computeIfAbsent(fileSheetNames.getOrDefault(sheet, sheet), s -> new TreeMap<>())
                    .put(row, String.join("；", list));
        });
        errors.sort(Comparator.comparing(RowError::sheet).thenComparingInt(RowError::row));
        byte[] marked = ErrorWorkbook.write(file, limits(), marks, sheets.headerRows());
        String id = errorFiles.store(marked, accounts.current().username());
        return new ImportResult(rows, 0, errors, id, null, null);
    }
}
