package org.gongjian.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counting working days without walking every day gives what walking them gives. */
class WorkdaysTests {

    /** The State Council's 2024 notice: the holidays (weekends inside the breaks included) and the make-up days. */
    static final Set<LocalDate> HOLIDAYS_2024 = new HashSet<>();
    static final Set<LocalDate> MAKEUP_2024 = Set.of(LocalDate.of(2024, 2, 4), LocalDate.of(2024, 2, 18),
            LocalDate.of(2024, 4, 7), LocalDate.of(2024, 4, 28), LocalDate.of(2024, 5, 11), LocalDate.of(2024, 9, 14),
            LocalDate.of(2024, 9, 29), LocalDate.of(2024, 10, 12));

    static {
        HOLIDAYS_2024.add(LocalDate.of(2024, 1, 1));
        range(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 17));
        range(LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 6));
        range(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 5));
        HOLIDAYS_2024.add(LocalDate.of(2024, 6, 10));
        range(LocalDate.of(2024, 9, 15), LocalDate.of(2024, 9, 17));
        range(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 7));
    }

    static void range(LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            HOLIDAYS_2024.add(d);
        }
    }

    final Workdays calendar = new Workdays(HOLIDAYS_2024, MAKEUP_2024, Set.of(2024));

    /** The definition: every day of {@code (from, to]} that is a working day. */
    static int walked(Workdays workdays, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            count += workdays.isWorkingDay(d) ? 1 : 0;
        }
        return count;
    }

    @Test
    void the_year_2024_has_its_251_working_days_and_a_holiday_week_none() {
        assertThat(calendar.workingDaysIn(2024)).isEqualTo(251);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 7))).isZero();
        // the make-up Sunday 09-29 before the National Day break counts, as does the make-up Saturday 10-12 after it
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 9, 30))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 10, 7), LocalDate.of(2024, 10, 13))).isEqualTo(5);
    }

    @Test
    void a_date_not_after_the_start_has_no_working_day_between() {
        LocalDate day = LocalDate.of(2024, 3, 6);
        assertThat(calendar.workingDaysBetween(day, day)).isZero();
        assertThat(calendar.workingDaysBetween(day, day.minusDays(40))).isZero();
    }

    @Test
    void counting_equals_walking_over_seeded_ranges_up_to_twelve_years_and_odd_calendars() {
        Random random = new Random(20241205);
        // a make-up day that is also listed as a holiday, and a holiday on a weekend, besides the real notice
        Set<LocalDate> holidays = new HashSet<>(HOLIDAYS_2024);
        holidays.add(LocalDate.of(2025, 1, 4));
        holidays.add(LocalDate.of(2024, 4, 28));
        Workdays odd = new Workdays(holidays, MAKEUP_2024, Set.of(2024));
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(2_000));
            LocalDate to = from.plusDays(random.nextInt(i % 10 == 0 ? 4_400 : 60) - 5);
            for (Workdays workdays : new Workdays[] {calendar, odd}) {
                assertThat(workdays.workingDaysBetween(from, to)).as("%s → %s", from, to)
                        .isEqualTo(walked(workdays, from, to));
            }
        }
    }
}
