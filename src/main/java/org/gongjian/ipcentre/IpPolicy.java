package org.gongjian.ipcentre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongjian.shared.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The centre's policy parameters as valid on a day (the latest version in force). */
@Component
class IpPolicy {

    static final String FIRM_MIN_YEARS = "firm.min-years";
    static final String FIRM_MIN_INSURED = "firm.min-insured-staff";
    static final String FIRM_MIN_INVENTIONS = "firm.min-inventions";
    static final String FIRM_MIN_UTILITY_OR_DESIGNS = "firm.min-utility-or-designs";
    static final String QUOTA_BASE = "quota.base";
    static final String QUOTA_RATE_HIGH = "quota.rate-high";
    static final String QUOTA_RATE_LOW = "quota.rate-low";
    static final String QUOTA_FACTOR_HIGH = "quota.factor-high";
    static final String QUOTA_FACTOR_MID = "quota.factor-mid";
    static final String QUOTA_FACTOR_LOW = "quota.factor-low";
    static final String CLOCK_PRE_EXAM = "clock.pre-exam-working-days";
    static final String CLOCK_CNIPA = "clock.cnipa-working-days";
    static final String CLOCK_TOTAL = "clock.total-working-days";
    static final String CLOCK_AMBER = "clock.amber-percent";
    static final String COUNTER_NOTICE_DAYS = "ecommerce.counter-notice-days";

    /** Reloaded after a few minutes, so that a new version entered in the table is seen without a restart. */
    private static final long TTL_NANOS = 300_000_000_000L;

    private final JdbcClient jdbc;
    private volatile @org.jspecify.annotations.Nullable List<PolicyParameter> cached;
    private volatile long loadedAt;

    IpPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BigDecimal value(String code, LocalDate on) {
        List<PolicyParameter> rows = cached;
        if (rows == null || System.nanoTime() - loadedAt > TTL_NANOS) {
            rows = all();
            cached = rows;
            loadedAt = System.nanoTime();
        }
        PolicyParameter found = null;
        for (PolicyParameter p : rows) {
            if (p.code().equals(code) && !p.validFrom().isAfter(on) && (p.validTo() == null || !p.validTo().isBefore(on))
                    && (found == null || p.validFrom().isAfter(found.validFrom()))) {
                found = p;
            }
        }
        if (found == null) {
            throw new IllegalStateException("No policy parameter " + code + " in force on " + on);
        }
        return found.value();
    }

    int intValue(String code, LocalDate on) {
        return value(code, on).intValue();
    }

    List<PolicyParameter> all() {
        return jdbc.sql("""
                select code, param_value, unit, source_document, evidence, valid_from, valid_to, note
                from ipcentre_policy order by code, valid_from
                """).query((rs, n) -> new PolicyParameter(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getString(4), Evidence.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getString(8)))
                .list();
    }
}
