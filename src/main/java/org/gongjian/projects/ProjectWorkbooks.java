package org.gongjian.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.organisation.Organisation;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportRefused;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.SheetRows;
import org.gongjian.reporting.excel.XlsxReader;
import org.gongjian.reporting.excel.XlsxWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly progress table (重点项目月度进度表) as Excel: the export of every project's month, and its import,
 * all or none — every row's errors are listed and a copy of the file with an 错误说明 column is kept for the
 * uploader; nothing is written while any row is wrong. Imported months are submitted for the office's review.
 */
@Service
public class ProjectWorkbooks {

    public static final List<String> COLUMNS = List.of("项目代码", "项目名称", "镇街", "月份", "本月完成投资(万元)",
            "本年累计(万元)", "年度计划(万元)", "占年度计划(%)", "自开工累计(万元)", "占总投资(%)", "进度", "形象进度", "存在问题",
            "下步计划", "月报状态");
    private static final String SHEET = "月度进度";
    static final List<String> REQUIRED = List.of("项目代码", "月份", "本月完成投资(万元)", "形象进度");
    private static final BigDecimal WAN = new BigDecimal("10000");
    private static final Map<Progress.Schedule, String> SCHEDULES = Map.of(Progress.Schedule.AHEAD, "超前",
            Progress.Schedule.NORMAL, "正常", Progress.Schedule.BEHIND, "滞后");
    private static final Map<ProgressReports.Status, String> STATUSES = Map.of(ProgressReports.Status.DRAFT, "草稿",
            ProgressReports.Status.SUBMITTED, "已提交", ProgressReports.Status.REVIEWED, "已审核",
            ProgressReports.Status.PUBLISHED, "已发布", ProgressReports.Status.RETURNED, "已退回");

    /** The outcome of an import: rows read, reports written, each bad row's messages, and the error file's id. */
    public record Result(int rows, int written, Map<Integer, List<String>> errors, @Nullable String errorFileId) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final KeyProjects projects;
    private final ProgressReports reports;
    private final ProjectAccess access;
    private final Organisation organisation;
    private final ImportSettings settings;
    private final ErrorFiles errorFiles;
    private final MessageSource messages;

    ProjectWorkbooks(KeyProjects projects, ProgressReports reports, ProjectAccess access, Organisation organisation,
            ImportSettings settings, ErrorFiles errorFiles, MessageSource messages) {
        this.projects = projects;
        this.reports = reports;
        this.access = access;
        this.organisation = organisation;
        this.settings = settings;
        this.errorFiles = errorFiles;
        this.messages = messages;
    }

    /** Every project's figures for a month, one row a project. */
    @Transactional(readOnly = true)
    public byte[] export(YearMonth month) {
        Map<String, String> towns = new HashMap<>();
        organisation.all().forEach(u -> towns.put(u.code(), u.shortName()));
        Map<Long, KeyProjects.Plan> plans = projects.plans(month.getYear());
        Map<Long, Map<Integer, Map<Integer, BigDecimal>>> counted = reports.counted();
        try (XlsxWriter out = new XlsxWriter()) {
            SXSSFSheet sheet = out.sheet(SHEET, "重点项目月度进度表（" + month + "）", COLUMNS,
                    new int[] {26, 30, 10, 9, 14, 14, 14, 11, 14, 11, 8, 40, 24, 24, 10});
            int r = 2;
            for (KeyProject p : projects.all()) {
                Progress g = reports.progress(p, month, counted.getOrDefault(p.id(), Map.of()), plans.get(p.id()));
                ProgressReports.Report report = reports.report(p.id(), month);
                List<Object> row = new ArrayList<>();
                row.add(p.code());
                row.add(p.name());
                row.add(towns.getOrDefault(p.townCode(), p.townCode()));
                row.add(month.toString());
                row.add(report == null ? null : wan(report.thisMonth()));
                row.add(wan(g.yearToDate()));
                row.add(g.planned() == null ? null : wan(g.planned()));
                row.add(g.ytdPercent());
                row.add(wan(g.sinceStart()));
                row.add(g.sinceStartPercent());
                row.add(g.schedule() == null ? null : SCHEDULES.get(g.schedule()));
                row.add(report == null ? null : report.imageProgress());
                row.add(report == null ? null : report.problems());
                row.add(report == null ? null : report.nextSteps());
                row.add(report == null ? "未报" : STATUSES.get(report.status()));
                out.row(sheet, r++, row);
            }
            return out.bytes();
        }
    }

    /** Imports the months of the table, submitted for review; all or none. */
    @Transactional
    public Result importProgress(Path file) {
        access.requireOffice("projects-import", "progress");
        SheetRows rows = SheetRows.read(file, settings.limits(), SHEET, REQUIRED);
        if (!rows.found()) {
            throw new ImportRefused("error.import.no-header", SHEET, String.join("、", REQUIRED));
        }
        if (rows.rows().isEmpty()) {
            throw new ImportRefused("error.import.no-rows");
        }
        Map<String, KeyProject> byCode = new HashMap<>();
        projects.all().forEach(p -> byCode.put(p.code(), p));
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        record Entry(KeyProject project, YearMonth month, ProgressReports.Entry entry) {
        }
        List<Entry> entries = new ArrayList<>();
        for (SheetRows.Row row : rows.rows()) {
            List<String> problems = new ArrayList<>();
            String code = ProjectCode.normalise(row.text("项目代码"));
            KeyProject project = byCode.get(code);
            if (project == null) {
                problems.add(message("projects.error.import-code", code));
            }
            YearMonth month = month(row, problems);
            BigDecimal wan = number(row, "本月完成投资(万元)", problems);
            String image = row.text("形象进度");
            if (wan != null && wan.signum() < 0) {
                problems.add(message("projects.error.this-month"));
            }
            if (image.isBlank() || image.length() > 2000) {
                problems.add(message("projects.error.image-progress"));
            }
            if (project != null && month != null) {
                if (!seen.add(code + "/" + month)) {
                    problems.add(message("projects.error.import-duplicate", code, month));
                }
                if (month.isAfter(YearMonth.now()) || month.getYear() < project.startYear() || month.getYear() > project.endYear()) {
                    problems.add(message("projects.error.report-month", month));
                }
                ProgressReports.Report existing = reports.report(project.id(), month);
                if (existing != null && !existing.status().editable()) {
                    problems.add(message("projects.error.report-locked", month));
                }
            }
            if (!problems.isEmpty()) {
                errors.put(row.number(), problems);
            } else if (project != null && month != null && wan != null) {
                entries.add(new Entry(project, month, new ProgressReports.Entry(wan.multiply(WAN).setScale(2, RoundingMode.HALF_UP),
                        image, blank(row.text("存在问题")), blank(row.text("下步计划")))));
            }
        }
        if (!errors.isEmpty()) {
            return failed(rows, errors);
        }
        for (Entry e : entries) {
            reports.save(e.project().id(), e.month(), e.entry(), List.of(), true);
        }
        return new Result(rows.rows().size(), entries.size(), Map.of(), null);
    }

    private Result failed(SheetRows rows, Map<Integer, List<String>> errors) {
        String id = errorFiles.store(rows.marked(errors), access.actor().username());
        return new Result(rows.rows().size(), 0, errors, id);
    }

    private @Nullable YearMonth month(SheetRows.Row row, List<String> problems) {
        XlsxReader.Cell c = row.cell("月份");
        if (c != null && c.date() != null) {
            return YearMonth.from(c.date());
        }
        String t = row.text("月份");
        try {
            return YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(message("projects.error.month", t));
            return null;
        }
    }

    private @Nullable BigDecimal number(SheetRows.Row row, String column, List<String> problems) {
        XlsxReader.Cell c = row.cell(column);
        if (c == null) {
            problems.add(message("projects.error.import-number", column, ""));
            return null;
        }
        if (c.number() != null) {
            return c.number();
        }
        try {
            return new BigDecimal(c.text().trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(message("projects.error.import-number", column, c.text()));
            return null;
        }
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s;
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, RoundingMode.HALF_UP);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
