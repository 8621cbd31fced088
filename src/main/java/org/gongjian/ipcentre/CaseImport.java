package org.gongjian.ipcentre;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.organisation.Actor;
import org.gongjian.reporting.excel.ErrorFiles;
import org.gongjian.reporting.excel.ErrorWorkbook;
import org.gongjian.reporting.excel.ImportSettings;
import org.gongjian.reporting.excel.XlsxReader;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports design cases from the centre's spreadsheet, all or none: each row is a case taken through the
 * ledger's own steps up to the last date it gives (so quota, agency list and date order apply); when any
 * row is wrong nothing is kept, every row's errors are reported and the file is given back with an 错误说明
 * column (the reporting module's error workbook).
 *
 * <p>Columns of the first sheet, after a header row: 统一社会信用代码, 代理机构代码, 产品名称, 洛迦诺分类, 提交日期,
 * 受理日期, 预审合格日期, 递交国家局日期, 申请号, 授权日期, 专利号.
 */
@Service
public class CaseImport {

    /** The header the centre's sheet has (and the export template writes). */
    public static final List<String> HEADER = List.of("统一社会信用代码", "代理机构代码", "产品名称", "洛迦诺分类", "提交日期",
            "受理日期", "预审合格日期", "递交国家局日期", "申请号", "授权日期", "专利号");

    /**
     * The outcome: rows read, cases imported (0 when any row failed), each failing row's messages, and the id of the
     * error workbook (the uploaded file with an 错误说明 column, for its uploader only) when rows failed.
     */
    public record Result(int rows, int imported, List<RowError> errors, @Nullable String errorFileId) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public record RowError(int row, List<String> messages) {
    }

    private final Firms firms;
    private final DesignCases designs;
    private final Access access;
    private final JdbcClient jdbc;
    private final ImportSettings settings;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final ErrorFiles errorFiles;

    CaseImport(Firms firms, DesignCases designs, Access access, JdbcClient jdbc, ImportSettings settings,
            MessageSource messages, PlatformTransactionManager transactions, ErrorFiles errorFiles) {
        this.errorFiles = errorFiles;
        this.firms = firms;
        this.designs = designs;
        this.access = access;
        this.jdbc = jdbc;
        this.settings = settings;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
    }

    public Result run(Path file) {
        Actor actor = access.requireWrite("ipcentre-import", null);
        List<List<XlsxReader.@Nullable Cell>> rows = new ArrayList<>();
        String[] firstSheet = {""};
        List<Integer> numbers = new ArrayList<>();
        XlsxReader.read(file, settings.limits(), new XlsxReader.RowHandler() {
            private int sheet;

            @Override
            public void startSheet(String name) {
                sheet++;
                if (sheet == 1) {
                    firstSheet[0] = name;
                }
            }

            @Override
            public void row(int rowNumber, List<XlsxReader.@Nullable Cell> cells) {
                if (sheet == 1 && rowNumber > 1 && cells.stream().anyMatch(c -> c != null && !c.blank())) {
                    rows.add(cells);
                    numbers.add(rowNumber);
                }
            }
        });
        Locale locale = LocaleContextHolder.getLocale();
        List<RowError> errors = new ArrayList<>();
        int[] imported = {0};
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < rows.size(); i++) {
                List<String> problems = new ArrayList<>();
                try {
                    importRow(rows.get(i), problems, locale);
                } catch (LocalizedException e) {
                    problems.addAll(messages(e, locale));
                } catch (RuntimeException e) {
                    problems.add(String.valueOf(e.getMessage()));
                }
                if (problems.isEmpty()) {
                    imported[0]++;
                } else {
                    errors.add(new RowError(numbers.get(i), problems));
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        if (errors.isEmpty()) {
            return new Result(rows.size(), imported[0], errors, null);
        }
        Map<Integer, String> marks = new HashMap<>();
        errors.forEach(e -> marks.put(e.row(), String.join("；", e.messages())));
        byte[] marked = ErrorWorkbook.write(file, settings.limits(), Map.of(firstSheet[0], marks),
                Map.of(firstSheet[0], new int[] {1, HEADER.size()}));
        return new Result(rows.size(), 0, errors, errorFiles.store(marked, actor.username()));
    }

    /** The error workbook of a refused import, for the person who uploaded it. */
    public byte[] errorFile(String id) {
        Actor actor = access.requireWrite("ipcentre-import", id);
        return errorFiles.load(id, actor.username());
    }

    private void importRow(List<XlsxReader.@Nullable Cell> cells, List<String> problems, Locale locale) {
        String uscc = text(cells, 0);
        String agencyCode = text(cells, 1);
        Firm firm = uscc == null ? null : firms.byUscc(uscc).orElse(null);
        if (firm == null) {
            problems.add(messages.getMessage("ipcentre.import.unknown-firm", new Object[] {String.valueOf(uscc)}, locale));
        }
        Long agencyId = agencyCode == null ? null : jdbc.sql("select id from ipcentre_agency where agency_code = :c")
                .param("c", agencyCode).query(Long.class).optional().orElse(null);
        if (agencyId == null) {
            problems.add(messages.getMessage("ipcentre.import.unknown-agency", new Object[] {String.valueOf(agencyCode)},
                    locale));
        }
        LocalDate submitted = date(cells, 4, problems, locale);
        if (submitted == null) {
            problems.add(messages.getMessage("ipcentre.import.submitted-required", null, locale));
        }
        LocalDate accepted = date(cells, 5, problems, locale);
        LocalDate passed = date(cells, 6, problems, locale);
        LocalDate filed = date(cells, 7, problems, locale);
        LocalDate granted = date(cells, 9, problems, locale);
        if (!problems.isEmpty()) {
            return;
        }
        DesignCase c = designs.create(new DesignCases.Draft(firm.id(), agencyId, text(cells, 2), text(cells, 3)), submitted,
                false);
        c = designs.move(c.id(), new DesignCases.Step(DesignStatus.SUBMITTED, submitted, "Excel导入", null, null), null);
        if (accepted != null) {
            c = designs.move(c.id(), new DesignCases.Step(DesignStatus.ACCEPTED, accepted, null, null, null), null);
            c = designs.move(c.id(), new DesignCases.Step(DesignStatus.IN_EXAM, accepted, null, null, null), null);
        }
        if (passed != null) {
            c = designs.move(c.id(), new DesignCases.Step(DesignStatus.PASSED, passed, null, null, null), null);
        }
        if (filed != null) {
            c = designs.move(c.id(), new DesignCases.Step(DesignStatus.FILED_AT_CNIPA, filed, null, text(cells, 8), null),
                    null);
        }
        if (granted != null) {
            designs.move(c.id(), new DesignCases.Step(DesignStatus.GRANTED, granted, null, null, text(cells, 10)), null);
        }
    }

    private static @Nullable String text(List<XlsxReader.@Nullable Cell> cells, int i) {
        XlsxReader.Cell c = i < cells.size() ? cells.get(i) : null;
        return c == null || c.blank() ? null : c.text().trim();
    }

    private @Nullable LocalDate date(List<XlsxReader.@Nullable Cell> cells, int i, List<String> problems, Locale locale) {
        XlsxReader.Cell c = i < cells.size() ? cells.get(i) : null;
        if (c == null || c.blank()) {
            return null;
        }
        LocalDate d = c.date();
        if (d == null) {
            try {
                d = LocalDate.parse(c.text().trim().replace('/', '-').replace('.', '-'));
            } catch (RuntimeException e) {
                problems.add(messages.getMessage("ipcentre.import.date", new Object[] {HEADER.get(i), c.text()}, locale));
            }
        }
        return d;
    }

    private List<String> messages(LocalizedException e, Locale locale) {
        if (e instanceof org.gongjian.shared.InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList();
        }
        return List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
    }
}
