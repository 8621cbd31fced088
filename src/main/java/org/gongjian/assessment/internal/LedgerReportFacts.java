package org.gongjian.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.gongjian.assessment.Credit;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.FactKind;
import org.gongjian.assessment.LedgerReportDue;
import org.gongjian.assessment.Outcome;
import org.gongjian.organisation.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What ledgers tell assessment about the reports units owe them ({@link LedgerReportDue}): the latest word
 * per item is kept, and an item due within a period is a REPORT item of the unit's timeliness component,
 * on time, late (handed in after its due date, by the period's end) or missed.
 */
@Component
public class LedgerReportFacts {

    private final JdbcClient jdbc;
    private final Organisation organisation;

    LedgerReportFacts(JdbcClient jdbc, Organisation organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    @ApplicationModuleListener
    void on(LedgerReportDue event) {
        record(event);
    }

    /** Keeps the latest word about an item; the first hand-in date is kept once known. */
    public void record(LedgerReportDue e) {
        int updated = jdbc.sql("""
                update assessment_ledger_report set unit_code = :unit, label = :label, reference = :ref, due = :due,
                  done = coalesce(done, :done), demo = :demo
                where ledger = :ledger and item_key = :key""")
                .param("unit", e.unitCode()).param("label", e.label()).param("ref", e.reference()).param("due", e.due())
                .param("done", e.done()).param("demo", e.demo()).param("ledger", e.ledger()).param("key", e.itemKey())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into assessment_ledger_report (ledger, item_key, unit_code, label, reference, due, done, demo)
                    values (:ledger, :key, :unit, :label, :ref, :due, :done, :demo)""")
                    .param("unit", e.unitCode()).param("label", e.label()).param("ref", e.reference()).param("due", e.due())
                    .param("done", e.done()).param("demo", e.demo()).param("ledger", e.ledger()).param("key", e.itemKey())
                    .update();
        }
    }

    /** The REPORT items due within {@code [from, to]}, by unit id, as they stood at {@code asOf}. */
    public Map<Long, List<Fact>> facts(LocalDate from, LocalDate to, LocalDate asOf, boolean over, LongPredicate ranked) {
        record Row(String ledger, String key, String unit, String label, String reference, LocalDate due,
                LocalDate done, boolean demo) {
        }
        List<Row> rows = jdbc.sql("""
                select ledger, item_key, unit_code, label, reference, due, done, demo from assessment_ledger_report
                where due between :from and :to order by due, ledger, item_key""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getBoolean(8)))
                .list();
        Map<String, Long> ids = new HashMap<>();
        organisation.all().forEach(u -> ids.put(u.code(), u.id()));
        Map<Long, List<Fact>> facts = new HashMap<>();
        for (Row r : rows) {
            Long unit = ids.get(r.unit());
            if (unit == null || !ranked.test(unit)) {
                continue;
            }
            LocalDate done = r.done() != null && !r.done().isAfter(asOf) ? r.done() : null;
            Outcome outcome;
            if (done != null) {
                outcome = done.isAfter(r.due()) ? Outcome.LATE : Outcome.ON_TIME;
            } else if (over || r.due().isBefore(asOf)) {
                outcome = Outcome.MISSED;
            } else {
                continue; // not due yet in a running period
            }
            facts.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Fact("ledger:" + r.ledger() + ":" + r.key(),
                    FactKind.REPORT, Credit.OWN, r.label(), null, outcome, null, null, r.due(), done, r.reference(), r.demo()));
        }
        return facts;
    }
}
