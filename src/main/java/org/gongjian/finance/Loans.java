package org.gongjian.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.ConflictException;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit decisions (授信: approved amount, rate, term, or a decline reason) by a member bank of the consortium a need
 * was pushed to, and disbursements (放款). The sum disbursed never exceeds the approved amount: each disbursement adds
 * to the decision's running sum by one conditional update, which the database serialises on the decision's row, so
 * of two concurrent requests that together overdraw exactly one is refused and nothing of it is written.
 */
@Service
@Transactional(readOnly = true)
public class Loans {

    public enum Outcome { APPROVED, DECLINED }

    public record Decision(long id, long needId, long institutionId, Outcome outcome, @Nullable String product,
            BigDecimal approvedAmount, @Nullable BigDecimal ratePct, @Nullable Integer termMonths, boolean creditLoan,
            @Nullable String declineReason, LocalDate decidedOn, BigDecimal disbursed, boolean demo) {

        public BigDecimal remaining() {
            return approvedAmount.subtract(disbursed);
        }
    }

    public record NewDecision(@Nullable Outcome outcome, @Nullable Long institutionId, @Nullable String product,
            @Nullable BigDecimal approvedAmount, @Nullable BigDecimal ratePct, @Nullable Integer termMonths,
            @Nullable Boolean creditLoan, @Nullable String declineReason, @Nullable LocalDate decidedOn) {
    }

    public record Disbursement(long id, long decisionId, BigDecimal amount, LocalDate disbursedOn,
            @Nullable BigDecimal ratePct, boolean demo) {
    }

    public record NewDisbursement(@Nullable BigDecimal amount, @Nullable LocalDate disbursedOn, @Nullable BigDecimal ratePct) {
    }

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final String DECISION = """
            select id, need_id, institution_id, outcome, product, approved_amount, rate_pct, term_months, credit_loan,
                   decline_reason, decided_on, disbursed, demo from finance_decision""";

    private final JdbcClient jdbc;
    private final Needs needs;
    private final Pairings pairings;
    private final FinanceAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Loans(JdbcClient jdbc, Needs needs, Pairings pairings, FinanceAccess access, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.needs = needs;
        this.pairings = pairings;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /** The decision on a need the caller may see, if one was made. */
    public java.util.Optional<Decision> decision(long needId) {
        needs.need(needId);
        return jdbc.sql(DECISION + " where need_id = :n").param("n", needId).query((rs, i) -> new Decision(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), Outcome.valueOf(rs.getString(4)), rs.getString(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), (Integer) rs.getObject(8), rs.getBoolean(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), rs.getBigDecimal(12), rs.getBoolean(13))).optional();
    }

    public List<Disbursement> disbursements(long needId) {
        return decision(needId).map(d -> jdbc.sql("""
                select id, decision_id, amount, disbursed_on, rate_pct, demo from finance_disbursement
                 where decision_id = :d order by disbursed_on, id""").param("d", d.id())
                .query((rs, i) -> new Disbursement(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getBoolean(6))).list())
                .orElse(List.of());
    }

    /** A member bank of the consortium decides: approved (amount, rate, term) or declined (with the reason). */
    @Transactional
    public Decision decide(long needId, NewDecision data, int expectedVersion, boolean demo) {
        Needs.Need need = needs.need(needId);
        access.requireBank(need.consortiumId(), "finance-need", String.valueOf(needId));
        if (!need.status().awaitingBank()) {
            throw new ConflictException("finance.error.transition", need.status().name(), String.valueOf(data.outcome()));
        }
        List<Violation> v = new ArrayList<>();
        if (data.outcome() == null) {
            v.add(new Violation("outcome", "finance.error.required"));
        }
        if (data.institutionId() == null || !pairings.member(need.consortiumId(), data.institutionId())) {
            v.add(new Violation("institutionId", "finance.error.not-a-member"));
        }
        if (data.outcome() == Outcome.APPROVED) {
            if (!validAmount(data.approvedAmount())) {
                v.add(new Violation("approvedAmount", "finance.error.amount"));
            }
            if (data.ratePct() == null || data.ratePct().signum() < 0 || data.ratePct().compareTo(BigDecimal.valueOf(36)) > 0) {
                v.add(new Violation("ratePct", "finance.error.rate"));
            }
            if (data.termMonths() == null || data.termMonths() < 1 || data.termMonths() > 360) {
                v.add(new Violation("termMonths", "finance.error.term"));
            }
        } else if (data.outcome() == Outcome.DECLINED
                && (data.declineReason() == null || data.declineReason().isBlank() || data.declineReason().length() > 500)) {
            v.add(new Violation("declineReason", "finance.error.reason-required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        LocalDate on = needs.checkDay(data.decidedOn(), need.pushedOn(), "decidedOn");
        boolean approved = data.outcome() == Outcome.APPROVED;
        jdbc.sql("""
                insert into finance_decision (need_id, institution_id, outcome, product, approved_amount, rate_pct,
                    term_months, credit_loan, decline_reason, decided_on, demo, decided_by)
                values (:n, :i, :o, :p, :a, :r, :t, :c, :reason, :on, :demo, :by)""")
                .param("n", needId).param("i", data.institutionId()).param("o", data.outcome().name())
                .param("p", data.product()).param("a", approved ? data.approvedAmount() : BigDecimal.ZERO)
                .param("r", approved ? data.ratePct() : null).param("t", approved ? data.termMonths() : null)
                .param("c", approved && Boolean.TRUE.equals(data.creditLoan()))
                .param("reason", approved ? null : data.declineReason().trim()).param("on", on).param("demo", demo)
                .param("by", access.actor().username()).update();
        Map<String, Object> p = new HashMap<>();
        p.put("st", (approved ? NeedStatus.APPROVED : NeedStatus.DECLINED).name());
        needs.update(needId, expectedVersion, "status = :st, decided_on = :on, contacted_on = coalesce(contacted_on, :on)",
                p, on);
        needs.clearIfReported(need, "contact", on, "银行已对接");
        needs.clearIfReported(need, "decision", on, approved ? "已授信" : "银行已作出不予授信决定");
        Decision decision = decision(needId).orElseThrow();
        audit.created("finance-decision", String.valueOf(decision.id()), decision);
        events.publishEvent(new Needs.NeedsChanged());
        return decision;
    }

    /**
     * Records a disbursement against an approved need. The decision's running sum grows only if it stays within the
     * approved amount; otherwise the request is refused with the amount still available, and nothing is written.
     */
    @Transactional
    public Disbursement disburse(long needId, NewDisbursement data, boolean demo) {
        Needs.Need need = needs.need(needId);
        access.requireBank(need.consortiumId(), "finance-need", String.valueOf(needId));
        if (need.status() != NeedStatus.APPROVED && need.status() != NeedStatus.DISBURSED) {
            throw new ConflictException("finance.error.not-approved", need.status().name());
        }
        if (!validAmount(data.amount())) {
            throw new InvalidInputException("amount", "finance.error.amount");
        }
        Decision decision = decision(needId).orElseThrow();
        LocalDate on = needs.checkDay(data.disbursedOn(), decision.decidedOn(), "disbursedOn");
        int grown = jdbc.sql("""
                update finance_decision set disbursed = disbursed + :a
                 where id = :id and outcome = 'APPROVED' and disbursed + :a <= approved_amount""")
                .param("a", data.amount()).param("id", decision.id()).update();
        if (grown == 0) {
            BigDecimal left = jdbc.sql("select approved_amount - disbursed from finance_decision where id = :id")
                    .param("id", decision.id()).query(BigDecimal.class).single();
            throw new InvalidInputException("amount", "finance.error.over-approved", Money.wan(data.amount()), Money.wan(left));
        }
        jdbc.sql("""
                insert into finance_disbursement (decision_id, amount, disbursed_on, rate_pct, demo, recorded_by)
                values (:d, :a, :on, :r, :demo, :by)""")
                .param("d", decision.id()).param("a", data.amount()).param("on", on).param("r", data.ratePct())
                .param("demo", demo).param("by", access.actor().username()).update();
        jdbc.sql("update finance_need set status = 'DISBURSED', version = version + 1 where id = :id and status = 'APPROVED'")
                .param("id", needId).update();
        Disbursement saved = disbursements(needId).stream().reduce((a, b) -> b).orElseThrow();
        audit.created("finance-disbursement", String.valueOf(saved.id()), saved);
        events.publishEvent(new Needs.NeedsChanged());
        return saved;
    }

    private static boolean validAmount(@Nullable BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.scale() <= 2 && amount.compareTo(MAX_AMOUNT) < 0;
    }
}
