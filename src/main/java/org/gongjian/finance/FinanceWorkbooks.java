package org.gongjian.finance;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.gongjian.enterprise.Enterprises;
import org.gongjian.enterprise.Uscc;
import org.gongjian.reporting.excel.ImportResult;
import org.gongjian.reporting.excel.SheetImports;
import org.gongjian.reporting.excel.XlsxWriter;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.LocalizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The banks' spreadsheets: needs, credit decisions and disbursements imported all or none (every row's errors, a
 * marked copy of the file, nothing written while any row is wrong), each row going through the ledger's own rules
 * and the uploader's scope; and the monthly reports exported.
 */
@Service
public class FinanceWorkbooks {

    public static final String SHEET_NEEDS = "融资需求";
    public static final String SHEET_DECISIONS = "授信";
    public static final String SHEET_DISBURSEMENTS = "放款";
    public static final List<String> NEEDS = List.of("统一社会信用代码", "需求金额（万元）", "用途", "期限（月）", "担保方式", "申报日期");
    public static final List<String> DECISIONS = List.of("需求编号", "授信结果", "授信机构统一社会信用代码", "授信金额（万元）",
            "年利率（%）", "期限（月）", "信用贷款", "不予授信原因", "授信日期");
    public static final List<String> DISBURSEMENTS = List.of("需求编号", "放款金额（万元）", "放款日期", "年利率（%）");
    public static final List<String> REPORT = List.of("月份", "银团", "状态", "走访（户）", "需求（个）", "推荐（个）", "授信（笔）",
            "授信（万元）", "放款（万元）", "贷款余额（万元）", "说明");

    private final SheetImports imports;
    private final Needs needs;
    private final Loans loans;
    private final Subjects subjects;
    private final Pairings pairings;
    private final ConsortiumReports reports;
    private final Enterprises enterprises;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    FinanceWorkbooks(SheetImports imports, Needs needs, Loans loans, Subjects subjects, Pairings pairings,
            ConsortiumReports reports, Enterprises enterprises, MessageSource messages, TransactionTemplate tx) {
        this.imports = imports;
        this.needs = needs;
        this.loans = loans;
        this.subjects = subjects;
        this.pairings = pairings;
        this.reports = reports;
        this.enterprises = enterprises;
        this.messages = messages;
        this.tx = tx;
    }

    private record Line<T>(String sheet, int row, T value) {
    }

    /** Imports a bank's workbook: the sheets 融资需求, 授信 and 放款 (any of them), all rows or none. */
    public ImportResult importWorkbook(Path file) {
        List<Line<Needs.NewNeed>> newNeeds = new ArrayList<>();
        List<Line<Map.Entry<Long, Loans.NewDecision>>> decisions = new ArrayList<>();
        List<Line<Map.Entry<Long, Loans.NewDisbursement>>> payments = new ArrayList<>();
        SheetImports.Reading reading = imports.read(file, List.of(
                new SheetImports.Sheet(SHEET_NEEDS, List.of("统一社会信用代码", "需求金额（万元）"), row -> {
                    Needs.NewNeed n = need(row);
                    if (row.ok() && n != null) {
                        newNeeds.add(new Line<>(SHEET_NEEDS, row.number(), n));
                    }
                }),
                new SheetImports.Sheet(SHEET_DECISIONS, List.of("需求编号", "授信结果"), row -> {
                    Long id = needId(row);
                    Loans.NewDecision d = decision(row);
                    if (row.ok() && id != null && d != null) {
                        decisions.add(new Line<>(SHEET_DECISIONS, row.number(), Map.entry(id, d)));
                    }
                }),
                new SheetImports.Sheet(SHEET_DISBURSEMENTS, List.of("需求编号", "放款金额（万元）"), row -> {
                    Long id = needId(row);
                    BigDecimal wan = row.decimal("放款金额（万元）", true);
                    LocalDate on = row.date("放款日期", true);
                    BigDecimal rate = row.decimal("年利率（%）", false);
                    if (row.ok() && id != null && wan != null) {
                        payments.add(new Line<>(SHEET_DISBURSEMENTS, row.number(),
                                Map.entry(id, new Loans.NewDisbursement(Money.fromWan(wan), on, rate))));
                    }
                })));
        if (!reading.ok()) {
            return reading.failed();
        }
        Integer written = tx.execute(status -> {
            int n = 0;
            for (Line<Needs.NewNeed> l : newNeeds) {
                n += apply(reading, l, () -> needs.declare(l.value(), false));
            }
            for (Line<Map.Entry<Long, Loans.NewDecision>> l : decisions) {
                n += apply(reading, l, () -> loans.decide(l.value().getKey(), l.value().getValue(),
                        needs.need(l.value().getKey()).version(), false));
            }
            for (Line<Map.Entry<Long, Loans.NewDisbursement>> l : payments) {
                n += apply(reading, l, () -> loans.disburse(l.value().getKey(), l.value().getValue(), false));
            }
            if (!reading.ok()) {
                status.setRollbackOnly();
            }
            return n;
        });
        return reading.ok() ? reading.written(written == null ? 0 : written) : reading.failed();
    }

    /** Applies one row through the ledger's rules; its refusal becomes the row's messages. */
    private int apply(SheetImports.Reading reading, Line<?> line, Supplier<?> action) {
        try {
            action.get();
            return 1;
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> reading.problem(line.sheet(), line.row(), "", imports.message(v.messageKey(), v.args())));
        } catch (LocalizedException e) {
            reading.problem(line.sheet(), line.row(), "", imports.message(e.messageKey(), e.args()));
        } catch (AccessDeniedException e) {
            reading.problem(line.sheet(), line.row(), "", imports.message("finance.error.import-scope"));
        }
        return 0;
    }

    private @Nullable Long needId(SheetImports.Row row) {
        Integer id = row.integer("需求编号", true);
        return id == null ? null : id.longValue();
    }

    private Needs.@Nullable NewNeed need(SheetImports.Row row) {
        String uscc = row.text("统一社会信用代码", true, 18);
        BigDecimal wan = row.decimal("需求金额（万元）", true);
        String purpose = row.text("用途", true, 200);
        Integer term = row.integer("期限（月）", true);
        Needs.Collateral collateral = word(row, "担保方式", Needs.Collateral.class, "finance.collateral.");
        LocalDate on = row.date("申报日期", false);
        Long subject = null;
        if (uscc != null) {
            if (!Uscc.valid(uscc)) {
                row.problem("统一社会信用代码", "finance.error.import-uscc", uscc);
            } else {
                subject = subjectOf(uscc);
                if (subject == null) {
                    row.problem("统一社会信用代码", "finance.error.import-no-subject", uscc);
                }
            }
        }
        return subject == null || wan == null ? null : new Needs.NewNeed(subject, Needs.Source.SELF_DECLARED,
                Money.fromWan(wan), purpose, term, collateral, null, on);
    }

    private @Nullable Long subjectOf(String uscc) {
        return enterprises.findByUscc(uscc).flatMap(e -> subjects.ofEnterprise(e.id())).orElse(null);
    }

    private Loans.@Nullable NewDecision decision(SheetImports.Row row) {
        Loans.Outcome outcome = word(row, "授信结果", Loans.Outcome.class, "finance.outcome.");
        String uscc = row.text("授信机构统一社会信用代码", true, 18);
        Long institution = null;
        if (uscc != null) {
            Optional<Pairings.Institution> found = pairings.institutions().stream()
                    .filter(i -> i.uscc().equals(Uscc.normalise(uscc))).findFirst();
            if (found.isEmpty()) {
                row.problem("授信机构统一社会信用代码", "finance.error.import-no-institution", uscc);
            } else {
                institution = found.get().id();
            }
        }
        BigDecimal wan = row.decimal("授信金额（万元）", outcome == Loans.Outcome.APPROVED);
        String yes = row.text("信用贷款", false, 4);
        return outcome == null ? null : new Loans.NewDecision(outcome, institution, null,
                wan == null ? null : Money.fromWan(wan), row.decimal("年利率（%）", false), row.integer("期限（月）", false),
                "是".equals(yes), row.text("不予授信原因", false, 500), row.date("授信日期", false));
    }

    /** An enum cell by its Chinese label (as the pages show it) or its code. */
    private <E extends Enum<E>> @Nullable E word(SheetImports.Row row, String column, Class<E> type, String prefix) {
        String text = row.text(column, true, 40);
        if (text == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String label = messages.getMessage(prefix + e.name(), null, e.name(), Locale.SIMPLIFIED_CHINESE);
            if (label.equals(text.trim()) || e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
            labels.add(label);
        }
        row.problem(column, "finance.error.import-word", text, String.join("、", labels));
        return null;
    }

    /** An empty workbook with the three sheets' headers, as banks fill it. */
    public byte[] template() {
        try (XlsxWriter out = new XlsxWriter()) {
            out.sheet(SHEET_NEEDS, "融资需求（金额单位：万元）", NEEDS, new int[] {22, 16, 24, 10, 14, 14});
            out.sheet(SHEET_DECISIONS, "授信结果（金额单位：万元；需求编号见台账）", DECISIONS, new int[] {10, 12, 22, 16, 12, 10, 10, 24, 14});
            out.sheet(SHEET_DISBURSEMENTS, "放款记录（金额单位：万元）", DISBURSEMENTS, new int[] {10, 16, 14, 12});
            return out.bytes();
        }
    }

    /** The monthly reports the caller may see, one row a report, amounts in 万元. */
    public byte[] exportReports() {
        Map<Long, String> names = new HashMap<>();
        pairings.consortia().forEach(c -> names.put(c.id(), c.name()));
        try (XlsxWriter out = new XlsxWriter()) {
            SXSSFSheet sheet = out.sheet("银团月报", "金融服务银团月报（" + LocalDate.now() + "导出）", REPORT,
                    new int[] {10, 28, 10, 10, 10, 10, 10, 14, 14, 14, 30});
            int r = 2;
            for (ConsortiumReports.Report report : reports.reports()) {
                List<Object> row = new ArrayList<>();
                row.add(report.month());
                row.add(names.getOrDefault(report.consortiumId(), String.valueOf(report.consortiumId())));
                row.add(messages.getMessage("finance.report.status." + report.status(), null, Locale.SIMPLIFIED_CHINESE));
                row.add(report.visits());
                row.add(report.needs());
                row.add(report.recommended());
                row.add(report.approvedCount());
                row.add(new BigDecimal(Money.wan(report.approvedAmount())));
                row.add(new BigDecimal(Money.wan(report.disbursedAmount())));
                row.add(report.outstandingBalance() == null ? null : new BigDecimal(Money.wan(report.outstandingBalance())));
                row.add(report.note());
                out.row(sheet, r++, row);
            }
            return out.bytes();
        }
    }
}
