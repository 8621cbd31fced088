package org.gongjian.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standing kept as figures are written (ADR 0037) against the figures themselves, on H2 and PostgreSQL: after
 * a seeded run of reports, corrections (some to another date) and withdrawals on a programme of the test's own,
 * each target's days are what recomputing them from the stored figures gives, and the status engine judges every
 * date the same from the kept standing as from every figure, also as known at moments between the writes.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class FigureDaysContract {

    @Autowired ProgrammeManagement programmes;
    @Autowired TargetManagement targets;
    @Autowired ProgrammeSnapshots snapshots;
    @Autowired StatusEngine engine;
    @Autowired FigureDays days;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    /** A row of {@code programme_figure_day}. */
    record Day(long targetId, LocalDate asOf, Long measurementId, Instant current, int figures, Instant changedAt) {
    }

    @Test
    void reports_corrections_and_withdrawals_keep_each_days_figure_and_count_as_the_figures_give_them() {
        String code = "figure-days-" + Long.toString(System.nanoTime(), 36);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.minusDays(120);
        asAdminDo(() -> {
            var k = programmes.programme("kaiping-2024").data();
            programmes.createProgramme(new ProgrammeData(code, today.getYear(), "日台账测试", null, null, null, null,
                    start, today.plusDays(200), List.of(), k.categories()));
            programmes.createInitiative(code, new InitiativeData(1, "日台账测试任务", k.categories().get(0).code(),
                    "chishui", false, List.of(), null, start, today.plusDays(200), InitiativeStatus.IN_PROGRESS,
                    List.of(), List.of(), List.of()));
            targets.create(code, 1, target("up", Direction.UP, start, today.plusDays(200)));
            targets.create(code, 1, target("down", Direction.DOWN, start, today.plusDays(100)));
            targets.create(code, 1, target("past", Direction.UP, start, today.minusDays(10)));
        });
        List<String> codes = List.of("up", "down", "past");
        Map<String, List<Measurement>> valid = new HashMap<>();
        codes.forEach(c -> valid.put(c, new ArrayList<>()));
        List<Instant> moments = new ArrayList<>();
        Random random = new Random(20241205);
        int corrections = 0;
        int withdrawals = 0;
        for (int step = 0; step < 120; step++) {
            String t = codes.get(random.nextInt(codes.size()));
            List<Measurement> figures = valid.get(t);
            int kind = random.nextInt(10);
            LocalDate asOf = today.minusDays(random.nextInt(8) * 7L);   // few dates, so days hold several figures
            BigDecimal value = BigDecimal.valueOf(random.nextInt(10_000), 2);
            if (kind < 6 || figures.isEmpty()) {
                figures.add(asAdmin(() -> targets.report(code, t, new NewMeasurement(value, asOf, null, null, null,
                        true, "测试"))));
            } else if (kind < 9) {
                Measurement old = figures.remove(random.nextInt(figures.size()));
                LocalDate date = random.nextBoolean() ? null : asOf;   // some corrections move the figure's date
                figures.add(asAdmin(() -> targets.correct(code, t, old.id(), new NewMeasurement(value, date, null,
                        old.id(), null, true, "更正"))));
                corrections++;
            } else {
                Measurement old = figures.remove(random.nextInt(figures.size()));
                asAdminDo(() -> targets.withdraw(code, t, old.id(), "撤回"));
                withdrawals++;
            }
            if (step % 20 == 10) {
                moments.add(Instant.now(clock));
            }
        }
        assertThat(corrections).as("the run corrects figures").isPositive();
        assertThat(withdrawals).as("the run withdraws figures").isPositive();
        List<Long> ids = codes.stream().map(c -> targets.target(programmes.programme(code), c).id()).toList();

        List<Day> kept = days(ids);
        transactions.executeWithoutResult(tx -> days.refresh(ids));
        assertThat(kept).as("kept figure by figure = recomputed from the stored figures").isEqualTo(days(ids))
                .hasSizeGreaterThan(6);
        for (String c : codes) {
            int figures = kept.stream().filter(d -> d.targetId() == ids.get(codes.indexOf(c)))
                    .mapToInt(Day::figures).sum();
            assertThat(figures).as("valid figures of %s", c).isEqualTo(valid.get(c).size());
        }

        for (int back : new int[] {0, 3, 7, 20, 40, 60}) {
            LocalDate asOf = today.minusDays(back);
            assertThat(judged(snapshots.standing(code, asOf, null)))
                    .as("status on %s from the standing", asOf).isEqualTo(judged(snapshots.snapshot(code, asOf)));
            for (Instant knownBy : moments) {   // as known between the writes: read figure by figure where needed
                assertThat(judged(snapshots.standing(code, asOf, null, knownBy)))
                        .as("status on %s as known at %s", asOf, knownBy)
                        .isEqualTo(judged(snapshots.snapshot(code, asOf, null, knownBy)));
            }
        }
        assertThat(judged(snapshots.standing(code, today, null))).extracting(TargetStatus::measurements)
                .containsExactlyElementsOf(codes.stream().map(c -> valid.get(c).size()).toList());
    }

    List<TargetStatus> judged(ProgrammeSnapshot snapshot) {
        return engine.evaluate(snapshot).targets();
    }

    List<Day> days(List<Long> ids) {
        return jdbc.sql("""
                select target_id, as_of, measurement_id, current_recorded_at, figures, changed_at
                  from programme_figure_day where target_id in (:ids) order by target_id, as_of""")
                .param("ids", ids)
                .query((rs, n) -> new Day(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    static TargetData target(String code, Direction direction, LocalDate start, LocalDate deadline) {
        return new TargetData(code, "日台账测试指标" + code, UnitOfMeasure.ITEMS, direction,
                direction == Direction.UP ? BigDecimal.ZERO : new BigDecimal("100"), start,
                direction == Direction.UP ? new BigDecimal("100") : BigDecimal.TEN, null, Qualifier.EXACT, deadline,
                false, null, null, null, List.of());
    }

    <T> T asAdmin(java.util.function.Supplier<T> work) {
        var admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void asAdminDo(Runnable work) {
        asAdmin(() -> {
            work.run();
            return null;
        });
    }
}
