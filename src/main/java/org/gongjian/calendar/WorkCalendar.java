package org.gongjian.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.gongjian.audit.AuditLog;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official working-day calendar (工作日), kept as data: each year's State Council holiday notice
 * gives its holidays and weekend make-up working days. Deadlines in "N个工作日" count on it; a year
 * not entered yet falls back to Monday–Friday and is flagged provisional.
 */
@Service
@Transactional(readOnly = true)
public class WorkCalendar {

    /** A day that differs from Monday–Friday. */
    public enum DayKind { HOLIDAY, MAKEUP_WORKDAY }

    /** One exceptional day of a year's notice. */
    public record CalendarDay(LocalDate date, DayKind kind, String name) {
    }

    /** A year's notice with its exceptional days. */
    public record CalendarYear(int year, String sourceDocument, Evidence evidence, List<CalendarDay> days) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AtomicReference<Loaded> cached = new AtomicReference<>();

    /** The calendar as loaded, reloaded after a few minutes so that another instance's entry is seen. */
    private record Loaded(Workdays workdays, long loadedAtNanos) {
    }

    private static final long TTL_NANOS = 300_000_000_000L;

    WorkCalendar(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The calendar as plain data for computations. */
    public Workdays workdays() {
        Loaded loaded = cached.get();
        if (loaded == null || System.nanoTime() - loaded.loadedAtNanos() > TTL_NANOS) {
            loaded = new Loaded(load(), System.nanoTime());
            cached.set(loaded);
        }
        return loaded.workdays();
    }

    public boolean isWorkingDay(LocalDate date) {
        return workdays().isWorkingDay(date);
    }

    /** The last day of "N个工作日内" counted from a date (the date itself not counted). */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        return workdays().plusWorkingDays(from, n);
    }

    /** Working days in {@code (from, to]}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workdays().workingDaysBetween(from, to);
    }

    /** Whether the date's year has no holiday notice entered, so that working days there are assumed. */
    public boolean provisional(LocalDate date) {
        return workdays().provisional(date);
    }

    public List<CalendarYear> years() {
        return jdbc.sql("select cal_year, source_document, evidence from calendar_year order by cal_year")
                .query((rs, n) -> new CalendarYear(rs.getInt("cal_year"), rs.getString("source_document"),
                        Evidence.valueOf(rs.getString("evidence")), days(rs.getInt("cal_year"))))
                .list();
    }

    /**
     * Enters (or replaces) a year's holiday notice. Every day must lie in that year; a holiday must not
     * also be a make-up working day.
     */
    @Transactional
    public CalendarYear enterYear(CalendarYear year) {
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDay day : year.days()) {
            if (day.date().getYear() != year.year()) {
                throw new InvalidInputException("days", "error.calendar.wrong-year", day.date(), year.year());
            }
            if (!seen.add(day.date())) {
                throw new InvalidInputException("days", "error.calendar.duplicate-day", day.date());
            }
        }
        if (year.sourceDocument().isBlank()) {
            throw new InvalidInputException("sourceDocument", "error.policy.source-required");
        }
        List<CalendarYear> before = years().stream().filter(y -> y.year() == year.year()).toList();
        jdbc.sql("delete from calendar_day where cal_year = :y").param("y", year.year()).update();
        jdbc.sql("delete from calendar_year where cal_year = :y").param("y", year.year()).update();
        jdbc.sql("insert into calendar_year (cal_year, source_document, evidence) values (:y, :doc, :ev)")
                .param("y", year.year()).param("doc", year.sourceDocument()).param("ev", year.evidence().name()).update();
        for (CalendarDay day : year.days()) {
            jdbc.sql("insert into calendar_day (on_date, kind, name, cal_year) values (:d, :k, :n, :y)")
                    .param("d", day.date()).param("k", day.kind().name()).param("n", day.name()).param("y", year.year())
                    .update();
        }
        if (before.isEmpty()) {
            audit.created("calendar-year", String.valueOf(year.year()), year);
        } else {
            audit.updated("calendar-year", String.valueOf(year.year()), before.get(0), year);
        }
        cached.set(null);
        return year;
    }

    private List<CalendarDay> days(int year) {
        return jdbc.sql("select on_date, kind, name from calendar_day where cal_year = :y order by on_date")
                .param("y", year)
                .query((rs, n) -> new CalendarDay(rs.getObject("on_date", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
                .list();
    }

    private Workdays load() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeup = new HashSet<>();
        jdbc.sql("select on_date, kind from calendar_day").query((rs, n) -> {
            LocalDate date = rs.getObject("on_date", LocalDate.class);
            (DayKind.valueOf(rs.getString("kind")) == DayKind.HOLIDAY ? holidays : makeup).add(date);
            return date;
        }).list();
        Set<Integer> years = new HashSet<>(jdbc.sql("select cal_year from calendar_year")
                .query(Integer.class).list());
        return new Workdays(holidays, makeup, years);
    }
}
