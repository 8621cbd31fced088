package org.gongjian.supervision.engine;

import org.gongjian.calendar.Workdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongjian.programme.Direction;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.programme.InitiativeStatus;
import org.gongjian.programme.MeasurementSource;
import org.gongjian.programme.ProgrammeSnapshot;
import org.gongjian.programme.ProgrammeSnapshot.InitiativeRow;
import org.gongjian.programme.ProgrammeSnapshot.MeasurementRow;
import org.gongjian.programme.ProgrammeSnapshot.MilestoneRow;
import org.gongjian.programme.ProgrammeSnapshot.TargetRow;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.ReportCycle;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusReason;
import org.gongjian.supervision.SupervisionPolicy;
import org.gongjian.supervision.TargetStatus;
import org.gongjian.supervision.TimeProgressMethod;
import org.gongjian.supervision.TrajectoryKind;
import org.gongjian.supervision.WarningKind;
import org.junit.jupiter.api.Test;

class EvaluatorTests {

    static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);
    static final InitiativeRow INITIATIVE = new InitiativeRow(1, 7, "壮大水暖卫浴产业集群", "industry", 100, List.of(101L),
            JAN_1, DEC_31, InitiativeStatus.IN_PROGRESS);
    /** National holidays of October 2024, enough for the tests here. */
    static final Workdays CALENDAR = new Workdays(
            Set.of(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 2), LocalDate.of(2024, 10, 3), LocalDate.of(2024, 10, 4),
                    LocalDate.of(2024, 10, 7)),
            Set.of(LocalDate.of(2024, 9, 29), LocalDate.of(2024, 10, 12)), Set.of(2024));

    static SupervisionPolicy policy(double yellow, double red, boolean inclusive) {
        return new SupervisionPolicy("p", JAN_1, TimeProgressMethod.MONTHS_ELAPSED, WarningKind.ABS_POINTS,
                BigDecimal.valueOf(yellow), BigDecimal.valueOf(red), inclusive, 0.8, 0.5, 3, 7, 1, 3, 5, "开改督",
                ReportCycle.MONTHLY, 5, List.of());
    }

    static TargetRow target(long id, Direction direction, double baseline, double goal, LocalDate deadline) {
        return new TargetRow(id, 1, (int) id, "t" + id, "指标" + id, UnitOfMeasure.PIECES, direction,
                BigDecimal.valueOf(baseline), JAN_1, BigDecimal.valueOf(goal), null, Qualifier.EXACT, deadline, null, null,
                List.<PlannedPointData>of());
    }

    static List<MeasurementRow> values(long targetId, Object... dateValue) {
        List<MeasurementRow> rows = new ArrayList<>();
        for (int i = 0; i < dateValue.length; i += 2) {
            rows.add(new MeasurementRow(targetId * 1000 + i, targetId, new BigDecimal(dateValue[i + 1].toString()),
                    LocalDate.parse(dateValue[i].toString()), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i),
                    MeasurementSource.MANUAL));
        }
        return rows;
    }

    static InitiativeStanding evaluate(LocalDate asOf, SupervisionPolicy policy, List<TargetRow> targets,
            List<MeasurementRow> measurements, List<MilestoneRow> milestones) {
        ProgrammeSnapshot snapshot = new ProgrammeSnapshot(1, "p", 2024, JAN_1, DEC_31, asOf, List.of(INITIATIVE), targets,
                measurements, milestones);
        return new Evaluator(policy, Map.of(), CALENDAR).evaluate(snapshot).initiatives().get(0);
    }

    static TargetStatus one(LocalDate asOf, TargetRow target, List<MeasurementRow> measurements) {
        return evaluate(asOf, policy(10, 30, true), List.of(target), measurements, List.of()).targets().get(0);
    }

    @Test
    void a_falling_target_progresses_as_the_days_fall_and_is_on_track_when_ahead() {
        TargetRow days = target(1, Direction.DOWN, 180, 7, LocalDate.of(2025, 12, 31));
        TargetStatus s = one(LocalDate.of(2024, 12, 31), days, values(1, "2024-03-31", 160, "2024-06-30", 130,
                "2024-09-30", 100, "2024-12-31", 60));
        assertThat(s.progress()).isCloseTo(120 / 173.0, within(1e-5));
        assertThat(s.planned().doubleValue()).isBetween(7.0, 180.0);
        assertThat(s.status()).isEqualTo(Status.ON_TRACK);
        assertThat(s.forecast().sufficient()).isTrue();
        assertThat(s.forecast().value().doubleValue()).isLessThan(7);
    }

    @Test
    void a_target_already_met_is_achieved_even_before_its_deadline() {
        TargetStatus s = one(LocalDate.of(2024, 6, 30), target(2, Direction.UP, 0, 16, DEC_31), values(2, "2024-06-06", 16));
        assertThat(s.status()).isEqualTo(Status.ACHIEVED);
        assertThat(s.reason()).isEqualTo(StatusReason.TARGET_MET);
        assertThat(s.progress()).isEqualTo(1.0);
        assertThat(s.forecast().sufficient()).isFalse();
    }

    @Test
    void a_falling_target_already_met_is_achieved() {
        TargetStatus s = one(LocalDate.of(2024, 6, 30), target(3, Direction.DOWN, 180, 7, DEC_31),
                values(3, "2024-02-01", 90, "2024-04-01", 30, "2024-06-01", 7));
        assertThat(s.status()).isEqualTo(Status.ACHIEVED);
        assertThat(s.progress()).isEqualTo(1.0);
    }

    @Test
    void the_gap_to_time_progress_is_computed_from_unrounded_values_as_jiangmen_published_it() {
        // 江门 1–10月: 629.0 / 647.4 = 97.16%, time progress 83.33%: 13.8 points ahead
        TargetStatus s = one(LocalDate.of(2024, 10, 31), target(4, Direction.UP, 0, 647.4, DEC_31), values(4, "2024-10-31", 629.0));
        assertThat(s.timeProgress()).isCloseTo(10 / 12.0, within(1e-6));
        assertThat(BigDecimal.valueOf(s.gapPoints()).setScale(1, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("13.8");
    }

    @Test
    void a_shortfall_exactly_at_a_tolerance_takes_the_worse_colour_when_the_policy_says_inclusive() {
        // planned on 2024-07-01 (day 182 of 365): 49.86 of 100; actual 39.86 is exactly 10 points behind
        TargetRow t = target(5, Direction.UP, 0, 100, DEC_31);
        LocalDate asOf = LocalDate.of(2024, 7, 1);
        double planned = 100 * 182 / 365.0;
        BigDecimal actual = BigDecimal.valueOf(planned - 10).setScale(6, java.math.RoundingMode.HALF_UP);
        List<MeasurementRow> m = values(5, "2024-07-01", actual);
        assertThat(evaluate(asOf, policy(10, 30, true), List.of(t), m, List.of()).targets().get(0).status())
                .isEqualTo(Status.AT_RISK);
        assertThat(evaluate(asOf, policy(10, 30, false), List.of(t), m, List.of()).targets().get(0).status())
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void thirty_points_behind_the_planned_path_is_off_track() {
        TargetStatus s = one(LocalDate.of(2024, 7, 1), target(6, Direction.UP, 0, 100, DEC_31), values(6, "2024-06-30", 15));
        assertThat(s.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(s.reason()).isEqualTo(StatusReason.BEHIND_PLAN_RED);
    }

    @Test
    void a_target_within_tolerance_but_forecast_to_miss_is_at_risk() {
        // on plan in June, but the last three months barely moved
        TargetStatus s = one(LocalDate.of(2024, 7, 1), target(7, Direction.UP, 0, 100, DEC_31),
                values(7, "2024-03-01", 44, "2024-04-01", 45, "2024-05-01", 45, "2024-06-01", 46, "2024-07-01", 46));
        assertThat(s.forecast().probability()).isLessThan(0.5);
        assertThat(s.status()).isEqualTo(Status.AT_RISK);
        assertThat(s.reason()).isEqualTo(StatusReason.FORECAST_MISS);
    }

    @Test
    void a_target_not_met_by_its_deadline_is_overdue_and_one_without_reports_has_no_data() {
        assertThat(one(LocalDate.of(2025, 1, 2), target(8, Direction.UP, 0, 5, DEC_31), values(8, "2024-12-01", 4)).status())
                .isEqualTo(Status.OVERDUE);
        TargetStatus none = one(LocalDate.of(2024, 5, 1), target(9, Direction.UP, 0, 5, DEC_31), List.of());
        assertThat(none.status()).isEqualTo(Status.NO_DATA);
        assertThat(none.actual()).isNull();
        assertThat(none.planned()).isNotNull();
    }

    @Test
    void a_correction_on_the_same_date_replaces_the_earlier_value() {
        List<MeasurementRow> m = values(10, "2024-06-30", 20, "2024-06-30", 45);
        TargetStatus s = one(LocalDate.of(2024, 7, 1), target(10, Direction.UP, 0, 100, DEC_31), m);
        assertThat(s.actual()).isEqualByComparingTo("45");
    }

    @Test
    void a_milestone_counts_working_days_so_a_holiday_week_brings_its_due_date_close() {
        MilestoneRow afterHolidays = new MilestoneRow(50, 1, "节后首个工作日完成", LocalDate.of(2024, 10, 8), null, null);
        InitiativeStanding standing = evaluate(LocalDate.of(2024, 9, 30), policy(10, 30, true), List.of(),
                List.of(), List.of(afterHolidays));
        MilestoneStatus m = standing.milestones().get(0);
        assertThat(m.workingDaysLeft()).isEqualTo(1);
        assertThat(m.status()).isEqualTo(Status.AT_RISK);
        assertThat(m.reason()).isEqualTo(StatusReason.MILESTONE_DUE_SOON);
    }

    @Test
    void a_milestone_started_before_its_date_is_pending_and_after_its_due_date_overdue() {
        MilestoneRow m = new MilestoneRow(51, 1, "印发管理办法", LocalDate.of(2024, 12, 31), LocalDate.of(2024, 8, 23), null);
        assertThat(evaluate(LocalDate.of(2024, 12, 30), policy(10, 30, true), List.of(), List.of(), List.of(m))
                .milestones().get(0).status()).isEqualTo(Status.ON_TRACK);
        MilestoneStatus late = evaluate(LocalDate.of(2025, 1, 10), policy(10, 30, true), List.of(), List.of(), List.of(m))
                .milestones().get(0);
        assertThat(late.status()).isEqualTo(Status.OVERDUE);
        assertThat(late.daysOverdue()).isEqualTo(10);
    }

    @Test
    void a_completion_recorded_after_the_date_asked_about_does_not_count_yet() {
        MilestoneRow m = new MilestoneRow(52, 1, "发布规划", LocalDate.of(2024, 4, 29), null, LocalDate.of(2024, 5, 10));
        assertThat(evaluate(LocalDate.of(2024, 5, 1), policy(10, 30, true), List.of(), List.of(), List.of(m))
                .milestones().get(0).status()).isEqualTo(Status.OVERDUE);
        MilestoneStatus done = evaluate(LocalDate.of(2024, 6, 1), policy(10, 30, true), List.of(), List.of(), List.of(m))
                .milestones().get(0);
        assertThat(done.status()).isEqualTo(Status.ACHIEVED);
        assertThat(done.completedLate()).isTrue();
    }

    @Test
    void an_initiative_takes_the_status_of_its_worst_target_or_milestone() {
        TargetRow met = target(11, Direction.UP, 0, 5, DEC_31);
        MilestoneRow overdue = new MilestoneRow(53, 1, "召开动员会", LocalDate.of(2024, 3, 1), null, null);
        InitiativeStanding standing = evaluate(LocalDate.of(2024, 6, 1), policy(10, 30, true), List.of(met),
                values(11, "2024-05-01", 5), List.of(overdue));
        assertThat(standing.targets().get(0).status()).isEqualTo(Status.ACHIEVED);
        assertThat(standing.status()).isEqualTo(Status.OVERDUE);
        assertThat(evaluate(LocalDate.of(2024, 6, 1), policy(10, 30, true), List.of(), List.of(), List.of()).status())
                .isEqualTo(Status.NO_DATA);
    }

    @Test
    void a_target_running_past_the_year_gets_a_planned_value_for_each_year_end() {
        TargetRow longRange = new TargetRow(12, 1, 0, "food.scale", "食品产业规模", UnitOfMeasure.YUAN, Direction.UP,
                BigDecimal.ZERO, LocalDate.of(2024, 7, 1), new BigDecimal("40000000000"), null, Qualifier.AT_LEAST,
                LocalDate.of(2035, 12, 31), null, null, List.of());
        TargetStatus s = one(LocalDate.of(2024, 12, 31), longRange, List.of());
        assertThat(s.yearlyPlan()).hasSize(12);
        assertThat(s.yearlyPlan().get(0).date()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(s.yearlyPlan().get(11).value()).isEqualByComparingTo("40000000000");
        assertThat(s.trajectory()).isEqualTo(TrajectoryKind.LINEAR);
    }

    @Test
    void the_office_may_put_a_target_on_its_initiatives_milestone_steps() {
        TargetRow teams = target(13, Direction.UP, 0, 100, LocalDate.of(2025, 12, 5));
        List<MilestoneRow> nodes = List.of(new MilestoneRow(60, 1, "三个月建成框架", LocalDate.of(2025, 3, 5), null, null),
                new MilestoneRow(61, 1, "半年初见成效", LocalDate.of(2025, 6, 5), null, null));
        ProgrammeSnapshot snapshot = new ProgrammeSnapshot(1, "p", 2024, JAN_1, DEC_31, LocalDate.of(2025, 4, 1),
                List.of(INITIATIVE), List.of(teams), List.of(), nodes);
        TargetStatus s = new Evaluator(policy(10, 30, true), Map.of(13L, TrajectoryKind.MILESTONE_STEPS), CALENDAR)
                .evaluate(snapshot).targets().get(0);
        assertThat(s.trajectory()).isEqualTo(TrajectoryKind.MILESTONE_STEPS);
        assertThat(s.planned()).isEqualByComparingTo("50");
    }
}
