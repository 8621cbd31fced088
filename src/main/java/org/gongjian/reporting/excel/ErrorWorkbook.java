package org.gongjian.reporting.excel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.reporting.excel.XlsxReader.Cell;
import org.jspecify.annotations.Nullable;

/**
 * The uploaded file given back with an 错误说明 column: a second streaming pass copies every sheet's rows
 * (values, not formatting) and writes, next to each bad row, what is wrong with it. Public for the ledgers'
 * imports (volunteers, IP centre; the others through {@link SheetRows}), which store it with {@link ErrorFiles}.
 */
public final class ErrorWorkbook {

    static final String COLUMN = "错误说明";

    private ErrorWorkbook() {
    }

    /**
     * @param errors by sheet name in the file, then row number: the messages of the row
     * @param headerRows by sheet name: the header's row number and width
     */
    public static byte[] write(Path file, XlsxReader.Limits limits, Map<String, Map<Integer, String>> errors,
            Map<String, int[]> headerRows) {
        try (XlsxWriter out = new XlsxWriter()) {
            XlsxReader.read(file, limits, new XlsxReader.RowHandler() {
                private @Nullable SXSSFSheet sheet;
                private Map<Integer, String> sheetErrors = new HashMap<>();
                private int[] header = {-1, 0};

                @Override
                public void startSheet(String name) {
                    sheet = out.workbook().createSheet(name);
                    sheetErrors = errors.getOrDefault(name, Map.of());
                    header = headerRows.getOrDefault(name, new int[] {-1, 0});
                    sheet.setColumnWidth(Math.max(header[1], 0), 60 * 256);
                }

                @Override
                public void row(int rowNumber, List<@Nullable Cell> cells) {
                    Row row = sheet.createRow(rowNumber - 1);
                    for (int i = 0; i < cells.size(); i++) {
                        Cell c = cells.get(i);
                        if (c != null) {
                            out.set(row.createCell(i), switch (c.kind()) {
                                case NUMBER -> c.number() != null && org.gongjian.shared.Decimals.inRange(c.number())
                                        ? c.number() : c.text();
                                case DATE -> c.date() != null ? c.date() : c.text();
                                default -> c.text();
                            });
                        }
                    }
                    int errorColumn = Math.max(header[1], cells.size());
                    if (rowNumber == header[0]) {
                        // a message about the whole sheet (no data row under the header) stands beside the title
                        out.errorText(row.createCell(errorColumn), sheetErrors.containsKey(rowNumber)
                                ? COLUMN + "：" + sheetErrors.get(rowNumber) : COLUMN);
                    } else if (sheetErrors.containsKey(rowNumber)) {
                        out.errorText(row.createCell(errorColumn), sheetErrors.get(rowNumber));
                    }
                }
            });
            return out.bytes();
        }
    }
}
