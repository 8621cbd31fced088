package org.gongjian.ipcentre.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.ipcentre.CaseImport;
import org.gongjian.ipcentre.IpStatistics;
import org.jspecify.annotations.Nullable;

/** The centre's monthly statistics as a workbook, and the empty import sheet. */
final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    static byte[] statistics(int year, List<IpStatistics.Month> months) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(year + "年月度统计");
            String[] header = {"月份", "提交预审（件）", "预审合格（件）", "预审不合格（件）", "授权（件）", "平均授权天数（天）",
                "平均授权工作日（个）", "维权受理（件）", "维权办结（件）", "删除链接（条）", "赔偿金额（元）"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (IpStatistics.Month m : months) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(m.month().toString());
                row.createCell(1).setCellValue(m.designSubmitted());
                row.createCell(2).setCellValue(m.designPassed());
                row.createCell(3).setCellValue(m.designFailed());
                row.createCell(4).setCellValue(m.designGranted());
                number(row, 5, m.designDaysAvg());
                number(row, 6, m.designWorkingDaysAvg());
                row.createCell(7).setCellValue(m.protectionReceived());
                row.createCell(8).setCellValue(m.protectionClosed());
                row.createCell(9).setCellValue(m.linksRemoved());
                number(row, 10, m.compensationYuan());
            }
            for (int i = 0; i < header.length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] importTemplate() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("预审案件");
            Row h = sheet.createRow(0);
            for (int i = 0; i < CaseImport.HEADER.size(); i++) {
                h.createCell(i).setCellValue(CaseImport.HEADER.get(i));
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int col, @Nullable BigDecimal value) {
        if (value != null) {
            row.createCell(col).setCellValue(value.doubleValue());
        }
    }
}
