package org.gongjian.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongjian.assessment.Fact;
import org.gongjian.assessment.Outcome;
import org.gongjian.assessment.internal.LedgerReportFacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's returns count in assessment's timeliness component as real ones would: each generated return
 * of the two demo forms is a REPORT fact of its unit, on time, late or missed as it was handed in, marked as demo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoReturnsTimelinessTests {

    @Autowired JdbcClient jdbc;
    @Autowired LedgerReportFacts facts;

    record DemoReturn(long id, String unit, LocalDate due, LocalDate submitted) {
    }

    @Test
    void every_demo_return_counts_for_its_unit_on_time_late_or_missed_as_it_was_handed_in() {
        List<DemoReturn> returns = jdbc.sql("""
                select r.id, r.unit_code, r.due, r.submitted_on from forms_return r join forms_form f on f.id = r.form_id
                where f.demo and f.code in ('edu-five-monthly', 'culture-pilot-report')""")
                .query((rs, n) -> new DemoReturn(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
        assertThat(returns).hasSizeGreaterThan(80);
        LocalDate from = returns.stream().map(DemoReturn::due).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = returns.stream().map(DemoReturn::due).max(LocalDate::compareTo).orElseThrow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from assessment_ledger_report where ledger = 'forms' and demo and due between :f and :t")
                .param("f", from).param("t", to).query(Integer.class).single()).isGreaterThanOrEqualTo(returns.size()));

        Map<Long, List<Fact>> byUnit = facts.facts(from, to, LocalDate.now(), true, u -> true);
        Map<String, Fact> byKey = new java.util.HashMap<>();
        byUnit.values().forEach(list -> list.forEach(f -> byKey.put(f.key(), f)));
        for (DemoReturn r : returns) {
            Fact fact = byKey.get("ledger:forms:return:" + r.id());
            assertThat(fact).as("return %d of %s", r.id(), r.unit()).isNotNull();
            assertThat(fact.demo()).isTrue();
            Outcome expected = r.submitted() == null ? Outcome.MISSED
                    : r.submitted().isAfter(r.due()) ? Outcome.LATE : Outcome.ON_TIME;
            assertThat(fact.outcome()).as("return %d due %s handed in %s", r.id(), r.due(), r.submitted()).isEqualTo(expected);
        }
        assertThat(byKey.values()).extracting(Fact::outcome).contains(Outcome.ON_TIME, Outcome.LATE);
    }
}
