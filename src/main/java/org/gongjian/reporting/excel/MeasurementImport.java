package org.gongjian.reporting.excel;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.programme.BulkMeasurements;
import org.gongjian.programme.MeasurementBatch;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.gongjian.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Imports measurements from a 进展数据 sheet (the template, or an export edited): every row is read and
 * checked — target code, number, date, unit — then the programme checks dates, the data scope and plausibility
 * (a figure ten times more or less than the last, or against the direction, is kept only with 确认无误 = 是 and
 * a 原因 in its row), and writes all rows in one batch, or none. A refused import returns every row's problems and a marked copy.
 */
@Service
public class MeasurementImport {

    /** A measurement's note holds at most this many characters, as the programme checks. */
    private static final int MAX_NOTE = 2000;
    static final List<String> REQUIRED = List.of("指标编码", "数值", "截至日期");
    /** What the column 确认无误 takes to keep a figure that looks implausible (with a reason in 原因). */
    static final java.util.Set<String> YES = java.util.Set.of("是", "确认", "√", "✓", "Y", "y", "yes", "Yes", "YES");

    private final Importer importer;
    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final BulkMeasurements bulk;

    MeasurementImport(Importer importer, ProgrammeManagement programmes, TargetManagement targets, BulkMeasurements bulk) {
        this.importer = importer;
        this.programmes = programmes;
        this.targets = targets;
        this.bulk = bulk;
    }

    public ImportResult run(String programmeCode, Path file, String fileName) {
        Reading reading = read(programmeCode, file, fileName);
        HeaderedSheets sheets = reading.sheets();
        Map<String, List<String>> byRow = importer.messages(sheets.problems());
        List<Importer.Source> sources = List.of(new Importer.Source("rows", Layouts.SHEET_MEASUREMENTS,
                reading.rowNumbers(), MeasurementImport::column));
        if (byRow.isEmpty()) {
            try {
                return ImportResult.written(sheets.rows(), bulk.record(programmeCode, reading.batch()), null);
            } catch (InvalidInputException e) {
                importer.addViolations(byRow, e.violations(), sources);
            }
        } else {
            importer.addViolations(byRow, bulk.check(programmeCode, reading.batch()), sources);   // every problem at once
        }
        return importer.failed(file, sheets.rows(), byRow, sheets, sheets.fileNames());
    }

    /** A file read and its rows checked, nothing written: the rows that read cleanly, and their rows in the sheet. */
    record Reading(HeaderedSheets sheets, MeasurementBatch batch, List<Integer> rowNumbers) {
    }

    Reading read(String programmeCode, Path file, String fileName) {
        Programme programme = programmes.programme(programmeCode);
        Map<String, Target> byCode = new HashMap<>();
        targets.targets(programme).forEach(t -> byCode.put(t.code(), t));
        List<MeasurementBatch.Row> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        HeaderedSheets sheets = new HeaderedSheets(List.of(new HeaderedSheets.Wanted(Layouts.SHEET_MEASUREMENTS, REQUIRED,
                (cells, problems) -> read(cells, problems, byCode, rows, rowNumbers))));
        XlsxReader.read(file, importer.limits(), sheets);
        if (!sheets.found(Layouts.SHEET_MEASUREMENTS)) {
            throw new ImportRefused("error.import.no-header", Layouts.SHEET_MEASUREMENTS, String.join("、", REQUIRED));
        }
        if (sheets.rows() == 0) {
            throw new ImportRefused("error.import.no-rows");
        }
        return new Reading(sheets, new MeasurementBatch(fileName, rows), rowNumbers);
    }

    private static String column(String field) {
        return switch (field) {
            case "asOf" -> "截至日期";
            case "value" -> "数值";
            case "note" -> "备注";
            case "reason" -> "原因";
            default -> "指标编码";
        };
    }

    private static void read(Cells cells, List<Cells.Problem> problems, Map<String, Target> byCode,
            List<MeasurementBatch.Row> rows, List<Integer> rowNumbers) {
        if (cells.blank("数值") && cells.blank("截至日期")) {
            return;   // a pre-filled target left without a value this month
        }
        String code = cells.word("指标编码", true, 64);
        BigDecimal value = cells.number("数值", true);
        LocalDate asOf = cells.date("截至日期", true);
        String note = cells.text("备注", false, MAX_NOTE);
        String unitWord = cells.word("计量单位", false, 20);
        String confirm = cells.word("确认无误", false, 10);
        String reason = cells.text("原因", false, MAX_NOTE);
        if (confirm != null && !YES.contains(confirm) && !"否".equals(confirm)) {
            problems.add(new Cells.Problem("确认无误", "error.import.confirm-word", confirm));
        }
        Target target = code == null ? null : byCode.get(code);
        if (code != null && target == null) {
            problems.add(new Cells.Problem("指标编码", "error.import.target-unknown", code));
        }
        if (target != null && value != null && unitWord != null) {
            var unit = Layouts.unit(unitWord);
            if (unit.isEmpty() || unit.get().unit() != target.unit()) {
                problems.add(new Cells.Problem("计量单位", "error.import.unit-mismatch", unitWord, target.unit().zh()));
            } else {
                value = value.multiply(unit.get().factor());
            }
        }
        if (problems.isEmpty() && target != null && value != null && asOf != null) {
            rows.add(new MeasurementBatch.Row(code, value, asOf, note, confirm != null && YES.contains(confirm), reason));
            rowNumbers.add(cells.rowNumber());
        }
    }
}
