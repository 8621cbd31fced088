package org.gongjian.enterprise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.audit.AuditLog;
import org.gongjian.organisation.Organisation;
import org.gongjian.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a large generated demo into the register at once (thousands of firms of a cluster with their yearly
 * figures): inserted in batches, every row flagged demo, one audit entry and one change event for the lot, so
 * that the first start stays fast. Firms whose credit code is already registered are left as they are.
 */
@Service
public class DemoRegister {

    static final int BATCH = 500;

    /** A firm and its yearly figures (month null), as the demo generates them. */
    public record DemoFirm(EnterpriseData data, List<FigureData> years) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Organisation organisation;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoRegister(JdbcClient jdbc, JdbcTemplate template, Organisation organisation, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.organisation = organisation;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers the firms new to the register with their figures; answers how many firms it added. */
    @Transactional
    public int load(List<DemoFirm> firms, String auditKey) {
        check(firms);
        Set<String> known = new HashSet<>(jdbc.sql("select uscc from enterprise").query(String.class).list());
        List<DemoFirm> fresh = firms.stream().filter(f -> known.add(Uscc.normalise(f.data().uscc()))).toList();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int figureRows = 0;
        for (int from = 0; from < fresh.size(); from += BATCH) {
            List<DemoFirm> batch = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
            List<Object[]> rows = new ArrayList<>();
            for (DemoFirm f : batch) {
                EnterpriseData d = f.data();
                rows.add(new Object[] {Uscc.normalise(d.uscc()), d.name().trim(), d.townCode(), d.park(), d.industryCode(),
                    Boolean.TRUE.equals(d.aboveScale()), d.listingExchange(), d.listingDate(), now, now});
            }
            template.batchUpdate("""
                    insert into enterprise (uscc, name, town_code, park, industry_code, above_scale, listing_exchange,
                        listing_date, demo, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, true, 0, ?, ?)""",
                    rows);
            Map<String, Long> ids = new HashMap<>();
            jdbc.sql("select id, uscc from enterprise where uscc in (:u)")
                    .param("u", batch.stream().map(f -> Uscc.normalise(f.data().uscc())).toList())
                    .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
            List<Object[]> clusters = new ArrayList<>();
            List<Object[]> figures = new ArrayList<>();
            for (DemoFirm f : batch) {
                long id = ids.get(Uscc.normalise(f.data().uscc()));
                for (String c : f.data().clusters() == null ? List.<String>of() : f.data().clusters()) {
                    clusters.add(new Object[] {id, c});
                }
                for (FigureData y : f.years()) {
                    figures.add(new Object[] {id, y.year(), y.outputYuan(), y.revenueYuan(), y.exportsUsd(), y.taxYuan(),
                        y.employees(), FigureSource.DEMO.name(), now});
                }
            }
            template.batchUpdate("insert into enterprise_cluster (enterprise_id, cluster) values (?, ?)", clusters);
            template.batchUpdate("""
                    insert into enterprise_figure (enterprise_id, period_year, period_month, output_yuan, revenue_yuan,
                        exports_usd, tax_yuan, employees, source, demo, version, updated_at)
                    values (?, ?, 0, ?, ?, ?, ?, ?, ?, true, 0, ?)""", figures);
            figureRows += figures.size();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("firms", fresh.size());
        counts.put("figures", figureRows);
        audit.created("enterprise-demo", auditKey, counts);
        events.publishEvent(new EnterpriseFiguresChanged(EnterpriseFigures.FIRST_YEAR));
        return fresh.size();
    }

    /** The same checks as a firm entered by hand: the credit code, a town of the city, figures that make sense. */
    private void check(List<DemoFirm> firms) {
        Set<String> towns = new HashSet<>();
        for (int i = 0; i < firms.size(); i++) {
            DemoFirm f = firms.get(i);
            if (!Uscc.valid(Uscc.normalise(f.data().uscc())) || f.data().name() == null || f.data().industryCode() == null) {
                throw new InvalidInputException("firms[" + i + "]", "enterprise.error.uscc-check", f.data().uscc());
            }
            towns.add(f.data().townCode());
            for (FigureData y : f.years()) {
                List<InvalidInputException.Violation> wrong = new ArrayList<>(EnterpriseFigures.violations(y, "firms[" + i + "]."));
                if (y.month() != null) {
                    wrong.add(new InvalidInputException.Violation("firms[" + i + "].month", "enterprise.error.figure-month"));
                }
                if (!wrong.isEmpty()) {
                    throw new InvalidInputException(wrong);
                }
            }
        }
        for (String town : towns) {
            if (town == null || organisation.findByCode(town).isEmpty()) {
                throw new InvalidInputException("townCode", "enterprise.error.town", String.valueOf(town));
            }
        }
    }
}
