package org.gongjian.reporting.excel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongjian.reporting.excel.XlsxReader.Cell;
import org.jspecify.annotations.Nullable;

/**
 * The public seam for a ledger's import that checks its rows its own way (where {@link SheetImports} does not fit):
 * the data rows of one sheet found by its header words, as the programme's imports find theirs — a title or an
 * empty row may stand above the header, the template's 示例 rows are skipped — each with its cells by header; and,
 * for a refused file, the file given back with an 错误说明 column ({@link ErrorWorkbook}).
 */
public final class SheetRows {

    /** One data row: its number as Excel shows it, and its non-blank cells by header. */
    public record Row(int number, Map<String, Cell> cells) {

        public @Nullable Cell cell(String column) {
            return cells.get(column);
        }

        /** The cell's text without surrounding spaces; "" when the cell is blank. */
        public String text(String column) {
            Cell c = cells.get(column);
            return c == null ? "" : c.text().trim();
        }
    }

    private final Path file;
    private final XlsxReader.Limits limits;
    private final String sheet;
    private final HeaderedSheets sheets;
    private final List<Row> rows;
    private final @Nullable String firstSheet;

    private SheetRows(Path file, XlsxReader.Limits limits, String sheet, HeaderedSheets sheets, List<Row> rows,
            @Nullable String firstSheet) {
        this.file = file;
        this.limits = limits;
        this.sheet = sheet;
        this.sheets = sheets;
        this.rows = rows;
        this.firstSheet = firstSheet;
    }

    /**
     * Reads the sheet called {@code sheet}, or else the first sheet of the file whose row holds every required header
     * (a file of one purpose may have its sheet renamed); rows with nothing under any header are left out.
     */
    public static SheetRows read(Path file, XlsxReader.Limits limits, String sheet, List<String> requiredHeaders) {
        List<Row> rows = new ArrayList<>();
        HeaderedSheets sheets = new HeaderedSheets(List.of(new HeaderedSheets.Wanted(sheet, requiredHeaders,
                (cells, problems) -> {
                    Map<String, Cell> byHeader = cells.byHeader();
                    if (!byHeader.isEmpty()) {
                        rows.add(new Row(cells.rowNumber(), byHeader));
                    }
                })));
        String[] first = {null};
        XlsxReader.read(file, limits, new XlsxReader.RowHandler() {
            @Override
            public void startSheet(String name) {
                if (first[0] == null) {
                    first[0] = name;
                }
                sheets.startSheet(name);
            }

            @Override
            public void row(int rowNumber, List<@Nullable Cell> cells) {
                sheets.row(rowNumber, cells);
            }
        });
        return new SheetRows(file, limits, sheet, sheets, List.copyOf(rows), first[0]);
    }

    /** Whether the header row was found. */
    public boolean found() {
        return sheets.found(sheet);
    }

    /** The data rows under the header, in order. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The file given back with each refused row's messages (joined by ；) in an 错误说明 column beside it: in the sheet
     * read, or in the file's first sheet when no header was found.
     *
     * @param errors by row number, the row's messages
     */
    public byte[] marked(Map<Integer, List<String>> errors) {
        String name = sheets.fileNames().getOrDefault(sheet, firstSheet == null ? sheet : firstSheet);
        Map<Integer, String> marks = new TreeMap<>();
        errors.forEach((row, messages) -> marks.put(row, String.join("；", messages)));
        return ErrorWorkbook.write(file, limits, Map.of(name, marks), new HashMap<>(sheets.headerRows()));
    }
}
