package org.gongjian.reporting.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.gongjian.reporting.excel.XlsxReader.Cell;
import org.jspecify.annotations.Nullable;

/**
 * Finds, in each wanted sheet, the header row by its words (a title, a 填报单位 line or an empty row may
 * stand above it), then hands every following row to the sheet's consumer as {@link Cells}. Rows marked
 * 示例 in their first cell are the template's examples and are skipped.
 */
final class HeaderedSheets implements XlsxReader.RowHandler {

    /** A sheet to read: its name, the header words that identify its header row, and what to do with a row. */
    record Wanted(String sheet, List<String> requiredHeaders, BiConsumer<Cells, List<Cells.Problem>> consumer) {
    }

    private final List<Wanted> wanted;
    private final Map<String, Map<String, Integer>> headers = new HashMap<>();
    private final Map<String, int[]> headerRows = new HashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    private final Map<String, List<Cells.Problem>> problemsByRow = new HashMap<>();
    private @Nullable Wanted current;
    private @Nullable String currentName;
    private int rows;

    HeaderedSheets(List<Wanted> wanted) {
        this.wanted = wanted;
    }

    @Override
    public void startSheet(String name) {
        currentName = name;
        current = wanted.stream().filter(w -> w.sheet().equals(name)).findFirst()
                // a single-purpose file may have its one sheet renamed (Sheet1): take it by its headers
                .orElse(wanted.size() == 1 && !headers.containsKey(wanted.get(0).sheet()) ? wanted.get(0) : null);
    }

    @Override
    public void row(int rowNumber, List<@Nullable Cell> cells) {
        if (current == null) {
            return;
        }
        Map<String, Integer> columns = headers.get(current.sheet());
        if (columns == null) {
            Map<String, Integer> found = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c != null && c.kind() == Cell.Kind.TEXT) {
                    found.putIfAbsent(Cells.normalise(c.text()).replace("*", "").trim(), i);
                }
            }
            if (found.keySet().containsAll(current.requiredHeaders())) {
                headers.put(current.sheet(), found);
                headerRows.put(currentName, new int[] {rowNumber, cells.size()});
                fileNames.put(current.sheet(), currentName);
            }
            return;
        }
        Cell first = cells.isEmpty() ? null : cells.get(0);
        if (first != null && first.kind() == Cell.Kind.TEXT && first.text().strip().startsWith(Layouts.EXAMPLE)) {
            return;
        }
        rows++;
        List<Cells.Problem> problems = new ArrayList<>();
        current.consumer().accept(new Cells(rowNumber, columns, cells, problems), problems);
        if (!problems.isEmpty()) {
            problemsByRow.put(current.sheet() + "#" + rowNumber, problems);
        }
    }

    /** By the sheet's name in the file: the header's row number and width. */
    Map<String, int[]> headerRows() {
        return headerRows;
    }

    /** The wanted sheet's name as the file calls it. */
    Map<String, String> fileNames() {
        return fileNames;
    }

    boolean found(String sheet) {
        return headers.containsKey(sheet);
    }

    int rows() {
        return rows;
    }

    Map<String, List<Cells.Problem>> problems() {
        return problemsByRow;
    }

    @Nullable String currentName() {
        return currentName;
    }
}
