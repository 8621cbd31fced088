package org.gongjian.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly consortium reports (draft by the bank → submitted → reviewed and published by the office; the figures are
 * counted from the ledger when the draft is made and again when it is submitted) and the league table of pairings.
 */
@Service
@Transactional(readOnly = true)
public class ConsortiumReports {

    public enum ReportStatus { DRAFT, SUBMITTED, REVIEWED, PUBLISHED }

    public record Report(long id, long consortiumId, String month, ReportStatus status, int visits, int needs,
            int recommended, int approvedCount, BigDecimal approvedAmount, BigDecimal disbursedAmount,
            @Nullable BigDecimal outstandingBalance, @Nullable String note, boolean demo, int version,
            @Nullable String returnedReason, @Nullable LocalDate returnedOn) {
    }

    /** A line of the league table: a pairing's cumulative figures and its rank by credit granted. */
    public record Standing(int rank, long consortiumId, String consortium, String townCode, BigDecimal creditGranted,
            BigDecimal disbursed, @Nullable BigDecimal daysToCredit, int needsServed) {
    }

    private static final String COLUMNS = """
            id, consortium_id, report_month, status, visits, needs, recommended, approved_count, approved_amount,
            disbursed_amount, outstanding_balance, note, demo, version, returned_reason, returned_on""";

    private final JdbcClient jdbc;
    private final Pairings pairings;
    private final FinanceAccess access;
    private final AuditLog audit;
    private final Clock clock;

    ConsortiumReports(JdbcClient jdbc, Pairings pairings, FinanceAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.pairings = pairings;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    private static Report row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), ReportStatus.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getBigDecimal(11), rs.getString(12), rs.getBoolean(13), rs.getInt(14), rs.getString(15),
                rs.getObject(16, LocalDate.class));
    }

    /** Reports the caller may see: a bank its own consortium's; others every published one, the office all. */
    public List<Report> reports() {
        FinanceAccess.Scope scope = access.scope();
        String where = scope.bank() ? " where consortium_id = :c" : scope.office() ? "" : " where status = 'PUBLISHED'";
        return jdbc.sql("select " + COLUMNS + " from finance_report" + where + " order by report_month desc, consortium_id")
                .params(scope.bank() ? Map.of("c", scope.consortium()) : Map.of()).query(ConsortiumReports::row).list();
    }

    /** A page of the reports the caller may see, newest month first. */
    public org.springframework.data.domain.Page<Report> page(org.springframework.data.domain.Pageable pageable) {
        return org.gongjian.shared.Pages.of(reports(), pageable);
    }

    public Report report(long id) {
        return reports().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("finance.error.report-not-found", id));
    }

    /** The bank drafts its consortium's report of a month, the figures counted from the ledger. */
    @Transactional
    public Report draft(long consortiumId, String month, @Nullable BigDecimal outstandingBalance, @Nullable String note,
            boolean demo) {
        access.requireBank(consortiumId, "finance-report", consortiumId + "/" + month);
        YearMonth ym = month(month);
        pairings.consortium(consortiumId);
        checkContent(outstandingBalance, note);
        if (jdbc.sql("select count(*) from finance_report where consortium_id = :c and report_month = :m")
                .param("c", consortiumId).param("m", ym.toString()).query(Long.class).single() > 0) {
            throw new ConflictException("finance.error.transition", ReportStatus.DRAFT.name(), ym.toString());
        }
        jdbc.sql("""
                insert into finance_report (consortium_id, report_month, status, outstanding_balance, note, demo)
                values (:c, :m, 'DRAFT', :b, :n, :d)""").param("c", consortiumId).param("m", ym.toString())
                .param("b", outstandingBalance).param("n", note).param("d", demo).update();
        long id = jdbc.sql("select id from finance_report where consortium_id = :c and report_month = :m")
                .param("c", consortiumId).param("m", ym.toString()).query(Long.class).single();
        countFigures(id, consortiumId, ym);
        Report saved = report(id);
        audit.created("finance-report", String.valueOf(id), saved);
        return saved;
    }

    private static void checkContent(@Nullable BigDecimal outstandingBalance, @Nullable String note) {
        if (outstandingBalance != null && (outstandingBalance.signum() < 0 || outstandingBalance.scale() > 2)) {
            throw new InvalidInputException("outstandingBalance", "finance.error.amount");
        }
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "finance.error.too-long", "2000");
        }
    }

    /** The bank revises its draft (a new one, or one the office returned): balance and note; figures counted again. */
    @Transactional
    public Report revise(long id, @Nullable BigDecimal outstandingBalance, @Nullable String note, int expectedVersion) {
        Report before = report(id);
        access.requireBank(before.consortiumId(), "finance-report", String.valueOf(id));
        if (before.status() != ReportStatus.DRAFT) {
            throw new ConflictException("finance.error.transition", before.status().name(), ReportStatus.DRAFT.name());
        }
        checkContent(outstandingBalance, note);
        int n = jdbc.sql("""
                update finance_report set outstanding_balance = :b, note = :n, version = version + 1
                 where id = :id and version = :v""").param("b", outstandingBalance).param("n", note).param("id", id)
                .param("v", expectedVersion).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        countFigures(id, before.consortiumId(), YearMonth.parse(before.month()));
        Report after = report(id);
        audit.updated("finance-report", String.valueOf(id), "revised", before, after);
        return after;
    }

    /** The office returns a submitted or reviewed report to the bank with its reason; the bank revises and resubmits. */
    @Transactional
    public Report returnToBank(long id, @Nullable String reason, int expectedVersion) {
        Report before = report(id);
        access.requireOffice("finance-report", String.valueOf(id));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "finance.error.reason-required");
        }
        if (before.status() != ReportStatus.SUBMITTED && before.status() != ReportStatus.REVIEWED) {
            throw new ConflictException("finance.error.transition", before.status().name(), ReportStatus.DRAFT.name());
        }
        int n = jdbc.sql("""
                update finance_report set status = 'DRAFT', returned_reason = :r, returned_on = :d, returned_by = :w,
                    reviewed_by = null, reviewed_on = null, version = version + 1 where id = :id and version = :v""")
                .param("r", reason.trim()).param("d", LocalDate.now(clock)).param("w", access.actor().username())
                .param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        Report after = report(id);
        audit.updated("finance-report", String.valueOf(id), "returned", before, after);
        return after;
    }

    /** Moves a report on: the bank submits (figures counted again), the office reviews, then publishes. */
    @Transactional
    public Report advance(long id, ReportStatus to, int expectedVersion) {
        Report before = report(id);
        boolean ok = switch (to) {
            case SUBMITTED -> before.status() == ReportStatus.DRAFT;
            case REVIEWED -> before.status() == ReportStatus.SUBMITTED;
            case PUBLISHED -> before.status() == ReportStatus.REVIEWED;
            case DRAFT -> false;
        };
        if (!ok) {
            throw new ConflictException("finance.error.transition", before.status().name(), to.name());
        }
        if (to == ReportStatus.SUBMITTED) {
            access.requireBank(before.consortiumId(), "finance-report", String.valueOf(id));
            countFigures(id, before.consortiumId(), YearMonth.parse(before.month()));
        } else {
            access.requireOffice("finance-report", String.valueOf(id));
        }
        String who = access.actor().username();
        LocalDate today = LocalDate.now(clock);
        String set = switch (to) {
            case SUBMITTED -> "submitted_by = :w, submitted_on = :d, returned_reason = null";
            case REVIEWED -> "reviewed_by = :w, reviewed_on = :d";
            default -> "published_on = :d";
        };
        Map<String, Object> p = new HashMap<>(Map.of("s", to.name(), "id", id, "v", expectedVersion, "d", today));
        if (to != ReportStatus.PUBLISHED) {
            p.put("w", who);
        }
        int n = jdbc.sql("update finance_report set status = :s, " + set + ", version = version + 1 where id = :id and version = :v")
                .params(p).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
        Report after = report(id);
        audit.updated("finance-report", String.valueOf(id), to.name().toLowerCase(java.util.Locale.ROOT), before, after);
        return after;
    }

    /** Counts a report's figures from the ledger for its consortium and month. */
    void countFigures(long id, long consortiumId, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        String town = pairings.consortium(consortiumId).townCode();
        Map<String, Object> p = Map.of("c", consortiumId, "t", town, "f", from, "e", to, "id", id);
        jdbc.sql("""
                update finance_report set
                  visits = (select count(*) from finance_visit v join finance_subject s on s.id = v.subject_id
                             where s.town_code = :t and v.visited_on between :f and :e),
                  needs = (select count(*) from finance_need where town_code = :t and declared_on between :f and :e),
                  recommended = (select count(*) from finance_need where consortium_id = :c and pushed_on between :f and :e),
                  approved_count = (select count(*) from finance_decision d join finance_need n on n.id = d.need_id
                             where n.consortium_id = :c and d.outcome = 'APPROVED' and d.decided_on between :f and :e),
                  approved_amount = (select coalesce(sum(d.approved_amount), 0) from finance_decision d
                             join finance_need n on n.id = d.need_id
                             where n.consortium_id = :c and d.outcome = 'APPROVED' and d.decided_on between :f and :e),
                  disbursed_amount = (select coalesce(sum(b.amount), 0) from finance_disbursement b
                             join finance_decision d on d.id = b.decision_id join finance_need n on n.id = d.need_id
                             where n.consortium_id = :c and b.disbursed_on between :f and :e)
                 where id = :id""").params(p).update();
    }

    private YearMonth month(@Nullable String month) {
        if (month == null || month.isBlank()) {
            throw new InvalidInputException("month", "finance.error.month");
        }
        try {
            YearMonth ym = YearMonth.parse(month);
            if (ym.isAfter(YearMonth.now(clock))) {
                throw new InvalidInputException("month", "finance.error.month");
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "finance.error.month");
        }
    }

    /**
     * The league table of pairings up to a day: credit granted, disbursed, average days from push to credit and needs
     * served (approved), ranked by credit granted, then disbursed, then fewer days to credit.
     */
    public List<Standing> league(LocalDate on) {
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select n.consortium_id, d.approved_amount, d.disbursed, n.pushed_on, d.decided_on from finance_decision d
                  join finance_need n on n.id = d.need_id where d.outcome = 'APPROVED' and d.decided_on <= :d""")
                .param("d", on).query((rs, i) -> {
                    long c = rs.getLong(1);
                    BigDecimal[] s = sums.computeIfAbsent(c, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(rs.getBigDecimal(2));
                    s[1] = s[1].add(rs.getBigDecimal(3));
                    long[] n = counts.computeIfAbsent(c, k -> new long[2]);
                    n[0]++;
                    n[1] += ChronoUnit.DAYS.between(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
                    return null;
                }).list();
        List<Standing> rows = new ArrayList<>();
        for (Pairings.Consortium c : pairings.consortia()) {
            BigDecimal[] s = sums.getOrDefault(c.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            long[] n = counts.getOrDefault(c.id(), new long[2]);
            BigDecimal days = n[0] == 0 ? null
                    : BigDecimal.valueOf(n[1]).divide(BigDecimal.valueOf(n[0]), 1, RoundingMode.HALF_UP);
            rows.add(new Standing(0, c.id(), c.name(), c.townCode(), s[0], s[1], days, (int) n[0]));
        }
        rows.sort(Comparator.comparing(Standing::creditGranted).reversed().thenComparing(Standing::disbursed,
                Comparator.reverseOrder()).thenComparing(s -> s.daysToCredit() == null ? BigDecimal.valueOf(Long.MAX_VALUE)
                : s.daysToCredit()));
        List<Standing> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Standing s = rows.get(i);
            ranked.add(new Standing(i + 1, s.consortiumId(), s.consortium(), s.townCode(), s.creditGranted(), s.disbursed(),
                    s.daysToCredit(), s.needsServed()));
        }
        return ranked;
    }
}
