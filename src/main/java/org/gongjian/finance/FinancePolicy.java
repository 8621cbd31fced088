package org.gongjian.finance;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's policy parameters as versioned rows of {@code finance_policy} (source document, evidence, validity):
 * working days from the push to the first bank contact and to the credit decision, and the warning margin.
 */
@Component
public class FinancePolicy {

    public static final String CONTACT_DAYS = "CONTACT_DAYS";
    public static final String DECISION_DAYS = "DECISION_DAYS";
    public static final String WARNING_DAYS = "WARNING_DAYS";

    private final JdbcClient jdbc;

    FinancePolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The value of a parameter valid on a day. */
    public int value(String key, LocalDate on) {
        return jdbc.sql("""
                select param_value from finance_policy where param_key = :k and valid_from <= :d
                   and (valid_to is null or valid_to >= :d) order by valid_from desc""")
                .param("k", key).param("d", on).query(Integer.class).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No finance policy " + key + " valid on " + on));
    }
}
