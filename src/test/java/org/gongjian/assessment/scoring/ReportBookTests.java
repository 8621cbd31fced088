package org.gongjian.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.gongjian.assessment.scoring.ReportBook.Duty;
import org.gongjian.assessment.scoring.ReportBook.Recorded;
import org.gongjian.assessment.scoring.ReportBook.Report;
import org.gongjian.assessment.scoring.ReportBook.State;
import org.gongjian.supervision.ReportCycle;
import org.junit.jupiter.api.Test;

/** Monthly progress reports due on the 5th of the next month (重点项目每月5日前报送上月进展). */
class ReportBookTests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final ReportBook monthly = new ReportBook(ReportCycle.MONTHLY, 5, CITY);
    private final Duty chikanCredit = new Duty(7, 4, 4, "金融结对", 40, LocalDate.of(2024, 6, 6), LocalDate.of(2024, 12, 31));
    private final Duty chikanRoads = new Duty(7, 1, 1, "四好农村路", 41, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    private static Recorded at(long target, String when) {
        return new Recorded(target, LocalDateTime.parse(when).atZone(CITY).toInstant());
    }

    @Test
    void june_holds_the_reports_of_may_which_fall_due_on_june_5() {
        assertThat(monthly.cyclesDueBetween(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)))
                .containsExactly(LocalDate.of(2024, 5, 1));
        assertThat(new ReportBook(ReportCycle.QUARTERLY, 5, CITY)
                .cyclesDueBetween(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)))
                .containsExactly(LocalDate.of(2024, 4, 1));
    }

    @Test
    void a_measurement_recorded_by_the_evening_of_the_due_day_is_on_time_and_one_a_day_later_is_late() {
        List<Report> onTime = monthly.reports(List.of(chikanRoads), List.of(at(41, "2024-06-05T23:30")),
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30));
        assertThat(onTime).singleElement().satisfies(r -> {
            assertThat(r.cycle()).isEqualTo("2024-05");
            assertThat(r.state()).isEqualTo(State.ON_TIME);
            assertThat(r.windowStart()).isEqualTo(LocalDate.of(2024, 5, 6));
            assertThat(r.due()).isEqualTo(LocalDate.of(2024, 6, 5));
            assertThat(r.key()).isEqualTo("report:1:2024-05");
        });
        List<Report> late = monthly.reports(List.of(chikanRoads), List.of(at(41, "2024-06-06T08:00")),
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30));
        assertThat(late).singleElement().extracting(Report::state).isEqualTo(State.LATE);
    }

    @Test
    void a_report_not_in_by_the_end_of_the_day_asked_about_is_missed_or_still_pending_before_its_due_date() {
        List<Recorded> recordedLater = List.of(at(41, "2024-07-02T09:00"));
        assertThat(monthly.reports(List.of(chikanRoads), recordedLater, LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30)))
                .singleElement().extracting(Report::state).isEqualTo(State.MISSED);
        assertThat(monthly.reports(List.of(chikanRoads), List.of(), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 3)))
                .singleElement().extracting(Report::state).isEqualTo(State.PENDING);
    }

    @Test
    void a_target_owes_reports_only_for_the_cycles_it_runs_in_and_one_report_covers_an_initiative() {
        Duty secondRoadsTarget = new Duty(7, 1, 1, "四好农村路", 42, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        // the credit target starts on 6 June: no report for April (due 5 May)
        List<Report> may = monthly.reports(List.of(chikanCredit, chikanRoads, secondRoadsTarget),
                List.of(at(42, "2024-05-03T10:00")), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31),
                LocalDate.of(2024, 5, 31));
        assertThat(may).singleElement().satisfies(r -> {
            assertThat(r.cycle()).isEqualTo("2024-04");
            assertThat(r.targetIds()).containsExactly(41L, 42L);
            assertThat(r.state()).isEqualTo(State.ON_TIME);
        });
        List<Report> july = monthly.reports(List.of(chikanCredit, chikanRoads), List.of(), LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 7, 31), LocalDate.of(2024, 7, 31));
        assertThat(july).extracting(Report::initiativeNumber).containsExactly(1, 4);
    }
}
