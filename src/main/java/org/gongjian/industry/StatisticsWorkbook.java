package org.gongjian.industry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.enterprise.Enterprise;
import org.gongjian.enterprise.EnterpriseData;
import org.gongjian.enterprise.EnterpriseFigure;
import org.gongjian.enterprise.EnterpriseFigures;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.FigureData;
import org.gongjian.enterprise.FigureSource;
import org.gongjian.enterprise.RegisterFilter;
import org.gongjian.organisation.Accounts;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.SheetRows;
import org.gongjian.reporting.excel.XlsxReader;
import org.gongjian.reporting.excel.XlsxWriter;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics bureau's spreadsheet of enterprises and their figures (万元, exports in 万美元): imported all or
 * none — a firm new to the register is registered, a known one updated, its figures for the year or month
 * entered; when any row is wrong nothing is kept, every row's errors are listed and given back in an error
 * workbook — and exported in the same layout, so an export can be corrected and imported again.
 */
@Service
public class StatisticsWorkbook {

    public static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "镇街", "园区", "行业代码", "规上企业",
            "上市交易所", "上市日期", "产业集群", "年份", "月份", "工业总产值（万元）", "营业收入（万元）", "出口额（万美元）",
            "税收（万元）", "从业人员（人）");
    private static final String SHEET = "企业统计";
    private static final List<String> REQUIRED = HEADER.subList(0, 12);
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    /** The outcome: data rows read, rows written (0 when any failed), each failing row's messages, the error workbook. */
    public record Result(int rows, int written, Map<Integer, List<String>> errors, @Nullable String errorFileId) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Enterprises enterprises;
    private final EnterpriseFigures figures;
    private final IndustryCatalogue catalogue;
    private final Organisation organisation;
    private final ImportSettings settings;
    private final ErrorFiles errorFiles;
    private final Accounts accounts;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    StatisticsWorkbook(Enterprises enterprises, EnterpriseFigures figures, IndustryCatalogue catalogue,
            Organisation organisation, ImportSettings settings, ErrorFiles errorFiles, Accounts accounts,
            MessageSource messages, PlatformTransactionManager transactions) {
        this.enterprises = enterprises;
        this.figures = figures;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.settings = settings;
        this.errorFiles = errorFiles;
        this.accounts = accounts;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The register's firms (filtered) with every figure of a year, one row per year or month figure. */
    public byte[] export(RegisterFilter filter, int year) {
        Map<String, String> towns = new HashMap<>();
        organisation.all().forEach(u -> towns.put(u.code(), u.shortName()));
        Map<String, String> clusters = new HashMap<>();
        catalogue.clusters().forEach(c -> clusters.put(c.code(), c.name()));
        try (XlsxWriter out = new XlsxWriter()) {
            SXSSFSheet sheet = out.sheet(SHEET, "企业库统计数据（" + year + "年）", HEADER,
                    new int[] {22, 30, 10, 16, 10, 8, 10, 12, 20, 8, 6, 14, 14, 14, 12, 12});
            int r = 2;
            for (Enterprise e : enterprises.search(filter, Pageable.unpaged()).getContent()) {
                for (EnterpriseFigure f : figures.of(e.id())) {
                    if (f.year() != year) {
                        continue;
                    }
                    List<Object> row = new ArrayList<>();
                    row.add(e.uscc());
                    row.add(e.name());
                    row.add(towns.getOrDefault(e.townCode(), e.townCode()));
                    row.add(e.park());
                    row.add(e.industryCode());
                    row.add(e.aboveScale() ? "是" : "否");
                    row.add(e.listingExchange());
                    row.add(e.listingDate());
                    row.add(String.join("、", e.clusters().stream().map(c -> clusters.getOrDefault(c, c)).toList()));
                    row.add(f.year());
                    row.add(f.yearly() ? null : f.month());
                    row.add(wan(f.outputYuan()));
                    row.add(wan(f.revenueYuan()));
                    row.add(wan(f.exportsUsd()));
                    row.add(wan(f.taxYuan()));
                    row.add(f.employees());
                    out.row(sheet, r++, row);
                }
            }
            return out.bytes();
        }
    }

    /** Imports a file all or none (the file's size, rows and inflation are limited as for every import). */
    public Result importFile(Path file) {
        SheetRows rows = SheetRows.read(file, settings.limits(), SHEET, REQUIRED);
        Locale locale = LocaleContextHolder.getLocale();
        if (!rows.found()) {
            return failed(rows, Map.of(1, List.of(message(locale, "industry.import.header", String.join("、", REQUIRED)))));
        }
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        tx.executeWithoutResult(status -> {
            for (SheetRows.Row row : rows.rows()) {
                List<String> problems = new ArrayList<>();
                try {
                    row(row, problems, locale);
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> problems.add(HEADER_OF.getOrDefault(v.field(), v.field()) + "："
                            + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)));
                } catch (LocalizedException e) {
                    problems.add(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
                } catch (AccessDeniedException e) {
                    problems.add(message(locale, "industry.import.not-yours"));
                }
                if (!problems.isEmpty()) {
                    errors.put(row.number(), problems);
                }
            }
            if (!errors.isEmpty() || rows.rows().isEmpty()) {
                status.setRollbackOnly();
            }
        });
        if (rows.rows().isEmpty()) {
            return failed(rows, Map.of(1, List.of(message(locale, "error.import.no-rows"))));
        }
        return errors.isEmpty() ? new Result(rows.rows().size(), rows.rows().size(), Map.of(), null) : failed(rows, errors);
    }

    private static final Map<String, String> HEADER_OF = Map.ofEntries(Map.entry("uscc", "统一社会信用代码"),
            Map.entry("name", "企业名称"), Map.entry("townCode", "镇街"), Map.entry("industryCode", "行业代码"),
            Map.entry("listingDate", "上市日期"), Map.entry("listingExchange", "上市交易所"), Map.entry("year", "年份"),
            Map.entry("month", "月份"), Map.entry("outputYuan", "工业总产值（万元）"), Map.entry("revenueYuan", "营业收入（万元）"),
            Map.entry("exportsUsd", "出口额（万美元）"), Map.entry("taxYuan", "税收（万元）"), Map.entry("employees", "从业人员（人）"));

    private void row(SheetRows.Row row, List<String> problems, Locale locale) {
        String town = townCode(row.text("镇街"));
        if (town == null) {
            problems.add(message(locale, "industry.import.town", row.text("镇街")));
        }
        List<String> clusterCodes = new ArrayList<>();
        for (String name : row.text("产业集群").split("[、,，;；]")) {
            if (!name.isBlank()) {
                Optional<Cluster> c = catalogue.clusters().stream()
                        .filter(x -> x.code().equals(name.trim()) || x.name().equals(name.trim())).findFirst();
                if (c.isEmpty()) {
                    problems.add(message(locale, "industry.import.cluster", name.trim()));
                } else {
                    clusterCodes.add(c.get().code());
                }
            }
        }
        Boolean above = switch (row.text("规上企业")) {
            case "是" -> true;
            case "否", "" -> false;
            default -> null;
        };
        if (above == null) {
            problems.add(message(locale, "industry.import.yes-no", "规上企业"));
        }
        LocalDate listed = date(row, "上市日期", problems, locale);
        Integer year = whole(row, "年份", problems, locale);
        Integer month = whole(row, "月份", problems, locale);
        BigDecimal output = money(row, "工业总产值（万元）", problems, locale);
        BigDecimal revenue = money(row, "营业收入（万元）", problems, locale);
        BigDecimal exports = money(row, "出口额（万美元）", problems, locale);
        BigDecimal tax = money(row, "税收（万元）", problems, locale);
        Integer employees = whole(row, "从业人员（人）", problems, locale);
        if (!problems.isEmpty()) {
            return;
        }
        EnterpriseData data = new EnterpriseData(row.text("统一社会信用代码"), row.text("企业名称"), town,
                blank(row.text("园区")), row.text("行业代码").toUpperCase(Locale.ROOT), clusterCodes, above,
                blank(row.text("上市交易所")), listed);
        Optional<Enterprise> known = enterprises.findByUscc(data.uscc());
        // a town's staff may neither register a firm elsewhere nor move another town's firm into their own
        figures.checkMayWrite(known.map(Enterprise::townCode).orElse(town));
        Enterprise e;
        if (known.isEmpty()) {
            e = enterprises.register(data, false);
        } else if (differs(known.get(), data)) {
            e = enterprises.update(known.get().uscc(), data, null);
        } else {
            e = known.get();
        }
        figures.record(e.uscc(), new FigureData(year, month, output, revenue, exports, tax, employees),
                FigureSource.IMPORT, false, null);
    }

    private static boolean differs(Enterprise e, EnterpriseData d) {
        return !e.name().equals(d.name()) || !e.townCode().equals(d.townCode())
                || !java.util.Objects.equals(e.park(), d.park()) || !e.industryCode().equals(d.industryCode())
                || e.aboveScale() != Boolean.TRUE.equals(d.aboveScale())
                || !java.util.Objects.equals(e.listingExchange(), d.listingExchange())
                || !java.util.Objects.equals(e.listingDate(), d.listingDate())
                || !new java.util.HashSet<>(e.clusters()).equals(new java.util.HashSet<>(d.clusters()));
    }

    private Result failed(SheetRows rows, Map<Integer, List<String>> errors) {
        String id = errorFiles.store(rows.marked(errors), accounts.current().username());
        return new Result(rows.rows().size(), 0, errors, id);
    }

    private @Nullable String townCode(String text) {
        if (text.isBlank()) {
            return null;
        }
        for (Unit u : organisation.townLevelUnits()) {
            if (u.code().equals(text) || u.name().equals(text) || u.shortName().equals(text)) {
                return u.code();
            }
        }
        return null;
    }

    private @Nullable BigDecimal money(SheetRows.Row row, String column, List<String> problems,
            Locale locale) {
        BigDecimal wan = number(row, column, problems, locale);
        return wan == null ? null : wan.multiply(WAN).setScale(2, RoundingMode.HALF_UP);
    }

    private @Nullable Integer whole(SheetRows.Row row, String column, List<String> problems, Locale locale) {
        BigDecimal n = number(row, column, problems, locale);
        if (n == null) {
            return null;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException notWhole) {
            problems.add(message(locale, "industry.import.whole", column, n.toPlainString()));
            return null;
        }
    }

    private @Nullable BigDecimal number(SheetRows.Row row, String column, List<String> problems,
            Locale locale) {
        XlsxReader.Cell c = row.cell(column);
        if (c == null || c.blank()) {
            return null;
        }
        if (c.number() != null) {
            return c.number();
        }
        try {
            return new BigDecimal(c.text().trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(message(locale, "industry.import.number", column, c.text()));
            return null;
        }
    }

    private @Nullable LocalDate date(SheetRows.Row row, String column, List<String> problems, Locale locale) {
        XlsxReader.Cell c = row.cell(column);
        if (c == null || c.blank()) {
            return null;
        }
        if (c.date() != null) {
            return c.date();
        }
        try {
            return LocalDate.parse(c.text().trim().replace('/', '-').replace('.', '-'));
        } catch (RuntimeException e) {
            problems.add(message(locale, "industry.import.date", column, c.text()));
            return null;
        }
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static @Nullable BigDecimal wan(@Nullable BigDecimal value) {
        return value == null ? null : value.divide(WAN, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s;
    }
}
