package org.gongjian.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets as people fill them in, for the import tests, and their cells read back as shown. */
final class Workbooks {

    private Workbooks() {
    }

    /** A sheet: its name, an optional title row above the header, the header and the rows under it. */
    record SheetSpec(String name, String title, List<String> headers, List<List<Object>> rows) {
    }

    /** Text written as it stands, even when it starts with = (which {@link #xlsx} otherwise makes a formula). */
    record Literal(String text) {
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** An .xlsx with the sheets: numbers and dates typed (dates formatted yyyy-mm-dd), "=…" as formulas. */
    static byte[] xlsx(SheetSpec... sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (SheetSpec spec : sheets) {
                Sheet s = wb.createSheet(spec.name());
                int r = 0;
                if (spec.title() != null) {
                    s.createRow(r++).createCell(0).setCellValue(spec.title());
                }
                Row header = s.createRow(r++);
                for (int i = 0; i < spec.headers().size(); i++) {
                    header.createCell(i).setCellValue(spec.headers().get(i));
                }
                for (List<Object> values : spec.rows()) {
                    Row row = s.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        } else if (v instanceof String t && t.startsWith("=")) {
                            cell.setCellFormula(t.substring(1));
                        } else if (v instanceof Literal l) {
                            cell.setCellValue(l.text());
                        } else if (v != null) {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Every row of a sheet as the cells' shown text, the first {@code columns} columns. */
    static List<List<String>> shown(byte[] xlsx, String sheet, int columns) throws IOException {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheet(sheet)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null || cell.getCellType() == CellType.BLANK ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
