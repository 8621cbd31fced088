package org.gongjian.finance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.calendar.WorkCalendar;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.gongjian.shared.LedgerItemCleared;
import org.gongjian.shared.LedgerItemOverdue;
import org.gongjian.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Financing needs from declaration to the bank: screened on the five criteria into the recommendation list, pushed
 * to the consortium paired with the subject's town, first contacted by a bank, withdrawn with a reason. Two SLA
 * clocks run on working days from the push (first contact, credit decision); an overdue clock is reported once.
 */
@Service
@Transactional(readOnly = true)
public class Needs {

    public static final String LEDGER = "finance";

    public enum Source { VISIT, SELF_DECLARED, YUEXINRONG, ZHONGXIAORONG, EVENT }

    public enum Collateral { CREDIT, MORTGAGE, GUARANTEE, RECEIVABLES, IP_PLEDGE, OTHER }

    /** The five criteria: compliant continuing operation, fixed premises, a real need, good credit, lawful use. */
    public record Criteria(boolean operating, boolean premises, boolean realNeed, boolean credit, boolean lawfulUse) {

        /** The criteria not met, as message keys' suffixes. */
        public List<String> unmet() {
            List<String> unmet = new ArrayList<>();
            if (!operating) { unmet.add("operating"); }
            if (!premises) { unmet.add("premises"); }
            if (!realNeed) { unmet.add("real-need"); }
            if (!credit) { unmet.add("credit"); }
            if (!lawfulUse) { unmet.add("lawful-use"); }
            return unmet;
        }
    }

    /** An SLA clock's state on a day: running, in its warning margin, overdue, or stopped (on time or late). */
    public enum ClockState { RUNNING, WARNING, OVERDUE, MET, MET_LATE }

    public record SlaClock(LocalDate due, @Nullable LocalDate done, ClockState state) {
    }

    public record Need(long id, long subjectId, String townCode, Source source, BigDecimal amount, String purpose,
            int termMonths, Collateral collateral, Criteria criteria, NeedStatus status, @Nullable Long consortiumId,
            LocalDate declaredOn, @Nullable LocalDate recommendedOn, @Nullable LocalDate pushedOn,
            @Nullable LocalDate contactedOn, @Nullable LocalDate decidedOn, @Nullable LocalDate withdrawnOn,
            @Nullable String withdrawReason, @Nullable LocalDate contactDue, @Nullable LocalDate decisionDue,
            @Nullable LocalDate contactOverdueOn, @Nullable LocalDate decisionOverdueOn, boolean demo, int version) {

        public String key(String clock) {
            return "need-" + id + "-" + clock;
        }
    }

    public record NewNeed(@Nullable Long subjectId, @Nullable Source source, @Nullable BigDecimal amount,
            @Nullable String purpose, @Nullable Integer termMonths, @Nullable Collateral collateral,
            @Nullable Criteria criteria, @Nullable LocalDate declaredOn) {
    }

    /** A need moved: the figures are stale. */
    public record NeedsChanged() {
    }

    static final String COLUMNS = """
            id, subject_id, town_code, source, amount, purpose, term_months, collateral, crit_operating, crit_premises,
            crit_real_need, crit_credit, crit_lawful_use, status, consortium_id, declared_on, recommended_on, pushed_on,
            contacted_on, decided_on, withdrawn_on, withdraw_reason, contact_due, decision_due, contact_overdue_on,
            decision_overdue_on, demo, version""";

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final Pairings pairings;
    private final FinancePolicy policy;
    private final WorkCalendar calendar;
    private final FinanceAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Needs(JdbcClient jdbc, Subjects subjects, Pairings pairings, FinancePolicy policy, WorkCalendar calendar,
            FinanceAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.pairings = pairings;
        this.policy = policy;
        this.calendar = calendar;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static Need row(ResultSet rs, int n) throws SQLException {
        return new Need(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("town_code"),
                Source.valueOf(rs.getString("source")), rs.getBigDecimal("amount"), rs.getString("purpose"),
                rs.getInt("term_months"), Collateral.valueOf(rs.getString("collateral")),
                new Criteria(rs.getBoolean("crit_operating"), rs.getBoolean("crit_premises"), rs.getBoolean("crit_real_need"),
                        rs.getBoolean("crit_credit"), rs.getBoolean("crit_lawful_use")),
                NeedStatus.valueOf(rs.getString("status")), (Long) rs.getObject("consortium_id"),
                rs.getObject("declared_on", LocalDate.class), rs.getObject("recommended_on", LocalDate.class),
                rs.getObject("pushed_on", LocalDate.class), rs.getObject("contacted_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class), rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("withdraw_reason"), rs.getObject("contact_due", LocalDate.class),
                rs.getObject("decision_due", LocalDate.class), rs.getObject("contact_overdue_on", LocalDate.class),
                rs.getObject("decision_overdue_on", LocalDate.class), rs.getBoolean("demo"), rs.getInt("version"));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The needs the caller may see (bank staff: those pushed to their consortium), newest first. */
    public Page<Need> list(@Nullable NeedStatus status, @Nullable String townCode, Pageable pageable) {
        FinanceAccess.Scope scope = access.scope();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (scope.bank()) {
            where.append(" and consortium_id = :c and status in (:bank)");
            params.put("c", scope.consortium());
            params.put("bank", NeedStatus.AT_BANK.stream().map(Enum::name).toList());
        }
        if (status != null) {
            where.append(" and status = :s");
            params.put("s", status.name());
        }
        if (townCode != null && !townCode.isBlank()) {
            where.append(" and town_code = :t");
            params.put("t", townCode);
        }
        long total = jdbc.sql("select count(*) from finance_need" + where).params(params).query(Long.class).single();
        String page = pageable.isPaged() ? " offset " + pageable.getOffset() + " rows fetch next " + pageable.getPageSize()
                + " rows only" : "";
        List<Need> rows = jdbc.sql("select " + COLUMNS + " from finance_need" + where + " order by declared_on desc, id desc"
                + page).params(params).query(Needs::row).list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A need the caller may see; another consortium's need is not found for a bank user. */
    public Need need(long id) {
        Need need = jdbc.sql("select " + COLUMNS + " from finance_need where id = :id").param("id", id).query(Needs::row)
                .optional().orElseThrow(() -> new NotFoundException("finance.error.need-not-found", id));
        FinanceAccess.Scope scope = access.scope();
        if (scope.bank() && (!NeedStatus.AT_BANK.contains(need.status()) || need.consortiumId() == null
                || !need.consortiumId().equals(scope.consortium()))) {
            throw new NotFoundException("finance.error.need-not-found", id);
        }
        return need;
    }

    /** Declares a need of a subject of one's town (申报清单). */
    @Transactional
    public Need declare(NewNeed data, boolean demo) {
        List<Violation> v = new ArrayList<>();
        if (data.subjectId() == null) {
            v.add(new Violation("subjectId", "finance.error.required"));
        }
        if (data.amount() == null || data.amount().signum() <= 0 || data.amount().scale() > 2
                || data.amount().compareTo(new BigDecimal("1000000000000")) >= 0) {
            v.add(new Violation("amount", "finance.error.amount"));
        }
        if (data.purpose() == null || data.purpose().isBlank() || data.purpose().length() > 200) {
            v.add(new Violation("purpose", "finance.error.required"));
        }
        if (data.termMonths() == null || data.termMonths() < 1 || data.termMonths() > 360) {
            v.add(new Violation("termMonths", "finance.error.term"));
        }
        if (data.collateral() == null) {
            v.add(new Violation("collateral", "finance.error.required"));
        }
        if (data.source() == null) {
            v.add(new Violation("source", "finance.error.required"));
        }
        LocalDate on = data.declaredOn() == null ? today() : data.declaredOn();
        if (on.isAfter(today())) {
            v.add(new Violation("declaredOn", "finance.error.future-date"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Subjects.Subject subject = subjects.subject(data.subjectId());
        access.requireTown(subject.townCode(), "finance-need", String.valueOf(subject.id()));
        Criteria c = data.criteria() == null ? new Criteria(false, false, false, false, false) : data.criteria();
        jdbc.sql("""
                insert into finance_need (subject_id, town_code, source, amount, purpose, term_months, collateral,
                    crit_operating, crit_premises, crit_real_need, crit_credit, crit_lawful_use, status, declared_on, demo,
                    created_by)
                values (:s, :t, :src, :a, :p, :term, :col, :c1, :c2, :c3, :c4, :c5, 'DECLARED', :on, :demo, :by)""")
                .param("s", subject.id()).param("t", subject.townCode()).param("src", data.source().name())
                .param("a", data.amount()).param("p", data.purpose().trim()).param("term", data.termMonths())
                .param("col", data.collateral().name()).param("c1", c.operating()).param("c2", c.premises())
                .param("c3", c.realNeed()).param("c4", c.credit()).param("c5", c.lawfulUse()).param("on", on)
                .param("demo", demo).param("by", access.actor().username()).update();
        long id = jdbc.sql("select max(id) from finance_need where subject_id = :s").param("s", subject.id())
                .query(Long.class).single();
        Need created = need(id);
        audit.created("finance-need", String.valueOf(id), created);
        events.publishEvent(new NeedsChanged());
        return created;
    }

    /**
     * Screens a declared need on the five criteria: all met puts it on the recommendation list (推荐清单), any unmet
     * marks it not eligible (it may be screened again when the subject's situation changes).
     */
    @Transactional
    public Need screen(long id, Criteria criteria, int expectedVersion) {
        Need before = need(id);
        access.requireTown(before.townCode(), "finance-need", String.valueOf(id));
        if (before.status() != NeedStatus.DECLARED && before.status() != NeedStatus.NOT_ELIGIBLE) {
            throw new ConflictException("finance.error.transition", before.status().name(), "RECOMMENDED");
        }
        boolean eligible = criteria.unmet().isEmpty();
        update(id, expectedVersion, """
                crit_operating = :c1, crit_premises = :c2, crit_real_need = :c3, crit_credit = :c4, crit_lawful_use = :c5,
                status = :st, recommended_on = :on""", Map.of("c1", criteria.operating(), "c2", criteria.premises(),
                "c3", criteria.realNeed(), "c4", criteria.credit(), "c5", criteria.lawfulUse(),
                "st", (eligible ? NeedStatus.RECOMMENDED : NeedStatus.NOT_ELIGIBLE).name()), eligible ? today() : null);
        Need after = need(id);
        audit.updated("finance-need", String.valueOf(id), eligible ? "recommended" : "not eligible", before, after);
        return after;
    }

    /**
     * Pushes a recommended need to the consortium paired with its town today; the SLA clocks start (first contact and
     * credit decision, in working days of the one calendar).
     */
    @Transactional
    public Need push(long id, int expectedVersion) {
        Need before = need(id);
        access.requireTown(before.townCode(), "finance-need", String.valueOf(id));
        if (before.status() != NeedStatus.RECOMMENDED) {
            throw new ConflictException("finance.error.transition", before.status().name(), "PUSHED");
        }
        LocalDate today = today();
        Pairings.Consortium consortium = pairings.pairedWith(before.townCode(), today)
                .orElseThrow(() -> new InvalidInputException("consortiumId", "finance.error.no-pairing", before.townCode()));
        Map<String, Object> p = new HashMap<>();
        p.put("st", NeedStatus.PUSHED.name());
        p.put("c", consortium.id());
        p.put("cd", calendar.plusWorkingDays(today, policy.value(FinancePolicy.CONTACT_DAYS, today)));
        p.put("dd", calendar.plusWorkingDays(today, policy.value(FinancePolicy.DECISION_DAYS, today)));
        update(id, expectedVersion, "status = :st, consortium_id = :c, pushed_on = :on, contact_due = :cd, decision_due = :dd",
                p, today);
        Need after = need(id);
        audit.updated("finance-need", String.valueOf(id), "pushed to " + consortium.name(), before, after);
        events.publishEvent(new NeedsChanged());
        return after;
    }

    /** A bank of the consortium records its first contact with the subject; the contact clock stops. */
    @Transactional
    public Need contact(long id, @Nullable LocalDate on, int expectedVersion) {
        Need before = need(id);
        access.requireBank(before.consortiumId(), "finance-need", String.valueOf(id));
        if (before.status() != NeedStatus.PUSHED) {
            throw new ConflictException("finance.error.transition", before.status().name(), "CONTACTED");
        }
        LocalDate day = checkDay(on, before.pushedOn(), "contactedOn");
        update(id, expectedVersion, "status = :st, contacted_on = :on", Map.of("st", NeedStatus.CONTACTED.name()), day);
        clearIfReported(before, "contact", day, "银行已对接");
        Need after = need(id);
        audit.updated("finance-need", String.valueOf(id), "contacted", before, after);
        return after;
    }

    /** Withdraws a need with its reason (the subject no longer needs the loan, financed elsewhere…); clocks stop. */
    @Transactional
    public Need withdraw(long id, @Nullable String reason, int expectedVersion) {
        Need before = need(id);
        access.requireTown(before.townCode(), "finance-need", String.valueOf(id));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "finance.error.reason-required");
        }
        if (!before.status().withdrawable() || jdbc.sql("""
                select count(*) from finance_disbursement d join finance_decision c on c.id = d.decision_id
                 where c.need_id = :id""").param("id", id).query(Long.class).single() > 0) {
            throw new ConflictException("finance.error.transition", before.status().name(), "WITHDRAWN");
        }
        LocalDate today = today();
        update(id, expectedVersion, "status = :st, withdrawn_on = :on, withdraw_reason = :r",
                Map.of("st", NeedStatus.WITHDRAWN.name(), "r", reason.trim()), today);
        clearIfReported(before, "contact", today, "需求已撤回");
        clearIfReported(before, "decision", today, "需求已撤回");
        Need after = need(id);
        audit.updated("finance-need", String.valueOf(id), "withdrawn", before, after);
        events.publishEvent(new NeedsChanged());
        return after;
    }

    LocalDate checkDay(@Nullable LocalDate on, @Nullable LocalDate notBefore, String field) {
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today())) {
            throw new InvalidInputException(field, "finance.error.future-date");
        }
        if (notBefore != null && day.isBefore(notBefore)) {
            throw new InvalidInputException(field, "finance.error.before-push", notBefore);
        }
        return day;
    }

    /** Sets columns of a need under its version (optimistic locking). */
    void update(long id, int expectedVersion, String set, Map<String, ?> params, @Nullable LocalDate on) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("id", id);
        p.put("v", expectedVersion);
        p.put("on", on);
        int n = jdbc.sql("update finance_need set " + set + ", version = version + 1 where id = :id and version = :v")
                .params(p).update();
        if (n == 0) {
            throw new ConflictException("error.stale-version");
        }
    }

    /** Publishes that an overdue clock is cleared, when it had been reported overdue. */
    void clearIfReported(Need need, String clockName, LocalDate on, String reason) {
        LocalDate reported = "contact".equals(clockName) ? need.contactOverdueOn() : need.decisionOverdueOn();
        if (reported != null) {
            events.publishEvent(new LedgerItemCleared(LEDGER, need.key(clockName), on, reason));
        }
    }

    /** The two SLA clocks of a pushed need on a day (none before the push). */
    public List<SlaClock> clocks(Need need, LocalDate today) {
        if (need.pushedOn() == null || need.contactDue() == null || need.decisionDue() == null) {
            return List.of();
        }
        int warning = policy.value(FinancePolicy.WARNING_DAYS, need.pushedOn());
        LocalDate stopped = need.withdrawnOn();
        return List.of(clock(need.contactDue(), need.contactedOn() != null ? need.contactedOn() : stopped, today, warning),
                clock(need.decisionDue(), need.decidedOn() != null ? need.decidedOn() : stopped, today, warning));
    }

    SlaClock clock(LocalDate due, @Nullable LocalDate done, LocalDate today, int warningDays) {
        if (done != null) {
            return new SlaClock(due, done, done.isAfter(due) ? ClockState.MET_LATE : ClockState.MET);
        }
        if (today.isAfter(due)) {
            return new SlaClock(due, null, ClockState.OVERDUE);
        }
        return new SlaClock(due, null, calendar.workingDaysBetween(today, due) <= warningDays ? ClockState.WARNING
                : ClockState.RUNNING);
    }

    /** Reports every clock that ran out before today, once each; returns how many were reported. */
    @Transactional
    public int sweep(LocalDate today) {
        int reported = 0;
        List<Need> late = jdbc.sql("select " + COLUMNS + " " + """
                 from finance_need where status in ('PUSHED', 'CONTACTED')
                   and ((status = 'PUSHED' and contact_due < :d and contact_overdue_on is null)
                     or (decision_due < :d and decision_overdue_on is null))""")
                .param("d", today).query(Needs::row).list();
        for (Need need : late) {
            String subject = subjectName(need.subjectId());
            if (need.status() == NeedStatus.PUSHED && need.contactDue().isBefore(today) && need.contactOverdueOn() == null) {
                jdbc.sql("update finance_need set contact_overdue_on = :d where id = :id and contact_overdue_on is null")
                        .param("d", today).param("id", need.id()).update();
                events.publishEvent(new LedgerItemOverdue(LEDGER, need.key("contact"), need.townCode(),
                        "融资需求推送后银行逾期未对接：" + subject, need.contactDue(), "/finance/needs/" + need.id()));
                reported++;
            }
            if (need.decisionDue().isBefore(today) && need.decisionOverdueOn() == null) {
                jdbc.sql("update finance_need set decision_overdue_on = :d where id = :id and decision_overdue_on is null")
                        .param("d", today).param("id", need.id()).update();
                events.publishEvent(new LedgerItemOverdue(LEDGER, need.key("decision"), need.townCode(),
                        "融资需求推送后逾期未作授信决定：" + subject, need.decisionDue(), "/finance/needs/" + need.id()));
                reported++;
            }
        }
        return reported;
    }

    private String subjectName(long subjectId) {
        return subjects.names(List.of(subjectId)).getOrDefault(subjectId, "#" + subjectId);
    }
}
