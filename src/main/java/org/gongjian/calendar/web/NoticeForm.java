package org.gongjian.calendar.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongjian.calendar.WorkCalendar.CalendarDay;
import org.gongjian.calendar.WorkCalendar.DayKind;
import org.gongjian.shared.Evidence;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A State Council holiday notice as the office types it from the notice: one festival a line, its name
 * then its days — {@code 国庆节 2025-10-01~2025-10-08} for the days off, {@code 国庆节 2025-09-28, 2025-10-11}
 * for the weekend days worked. Dates may be written 2025-10-01, 2025/10/1 or 10-01 (in the year entered);
 * a range may use ~, 至 or 到.
 */
public class NoticeForm {

    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})[-/.年])?(\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern RANGE = Pattern.compile(DATE.pattern() + "~" + DATE.pattern());
    private static final int MAX_RANGE_DAYS = 15;

    @Nullable Integer year;
    String sourceDocument = "";
    Evidence evidence = Evidence.VERIFIED;
    String holidays = "";
    String makeupDays = "";

    public @Nullable Integer getYear() { return year; }
    public void setYear(@Nullable Integer year) { this.year = year; }
    public String getSourceDocument() { return sourceDocument; }
    public void setSourceDocument(@Nullable String s) { this.sourceDocument = s == null ? "" : s; }
    public Evidence getEvidence() { return evidence; }
    public void setEvidence(@Nullable Evidence e) { this.evidence = e == null ? Evidence.VERIFIED : e; }
    public String getHolidays() { return holidays; }
    public void setHolidays(@Nullable String s) { this.holidays = s == null ? "" : s; }
    public String getMakeupDays() { return makeupDays; }
    public void setMakeupDays(@Nullable String s) { this.makeupDays = s == null ? "" : s; }

    /** The days of the notice, and every line's errors (field, message key, arguments). */
    record Parsed(List<CalendarDay> days, List<Violation> errors) {
    }

    Parsed parse() {
        List<Violation> errors = new ArrayList<>();
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        if (year == null || year < 2000 || year > 2100) {
            errors.add(new Violation("year", "calendar.form.error.year"));
            return new Parsed(List.of(), errors);
        }
        if (sourceDocument.isBlank()) {
            errors.add(new Violation("sourceDocument", "error.policy.source-required"));
        }
        lines("holidays", holidays, DayKind.HOLIDAY, days, errors);
        lines("makeupDays", makeupDays, DayKind.MAKEUP_WORKDAY, days, errors);
        return new Parsed(List.copyOf(days.values()), errors);
    }

    private void lines(String field, String text, DayKind kind, Map<LocalDate, CalendarDay> days, List<Violation> errors) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String lineNo = String.valueOf(i + 1);
            int firstDigit = firstDigit(line);
            String name = firstDigit < 0 ? line : line.substring(0, firstDigit).replaceAll("[：:，,\\s]+$", "").trim();
            if (name.isEmpty() || firstDigit < 0) {
                errors.add(new Violation(field, "calendar.form.error.line", lineNo, line));
                continue;
            }
            String rest = line.substring(firstDigit).replaceAll("\\s*(~|～|至|到|—|–)\\s*", "~");
            for (String item : rest.split("[,，、;；\\s]+")) {
                if (item.isBlank()) {
                    continue;
                }
                List<LocalDate> dates = dates(item.trim());
                if (dates == null) {
                    errors.add(new Violation(field, "calendar.form.error.date", lineNo, item.trim()));
                    continue;
                }
                for (LocalDate d : dates) {
                    if (d.getYear() != year) {
                        errors.add(new Violation(field, "error.calendar.wrong-year", d.toString(), String.valueOf(year)));
                    } else if (kind == DayKind.MAKEUP_WORKDAY && d.getDayOfWeek() != DayOfWeek.SATURDAY
                            && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        errors.add(new Violation(field, "calendar.form.error.makeup-weekday", d.toString()));
                    } else if (days.containsKey(d)) {
                        errors.add(new Violation(field, "error.calendar.duplicate-day", d.toString()));
                    } else {
                        days.put(d, new CalendarDay(d, kind, name));
                    }
                }
            }
        }
    }

    private @Nullable List<LocalDate> dates(String item) {
        try {
            Matcher range = RANGE.matcher(item);
            if (range.matches()) {
                LocalDate from = date(range.group(1), range.group(2), range.group(3));
                LocalDate to = date(range.group(4), range.group(5), range.group(6));
                long n = ChronoUnit.DAYS.between(from, to);
                if (n < 0 || n >= MAX_RANGE_DAYS) {
                    return null;
                }
                List<LocalDate> all = new ArrayList<>();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    all.add(d);
                }
                return all;
            }
            Matcher single = DATE.matcher(item);
            if (single.matches()) {
                return List.of(date(single.group(1), single.group(2), single.group(3)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private LocalDate date(@Nullable String y, String m, String d) {
        return LocalDate.of(y == null ? year : Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                return i;
            }
        }
        return -1;
    }

    /** The lines of a stored year: consecutive days off of one festival as a range, worked days listed. */
    static NoticeForm of(int year, String sourceDocument, Evidence evidence, List<CalendarDay> days) {
        NoticeForm form = new NoticeForm();
        form.year = year;
        form.sourceDocument = sourceDocument;
        form.evidence = evidence;
        form.holidays = text(days, DayKind.HOLIDAY, true);
        form.makeupDays = text(days, DayKind.MAKEUP_WORKDAY, false);
        return form;
    }

    private static String text(List<CalendarDay> days, DayKind kind, boolean ranges) {
        Map<String, List<LocalDate>> byName = new LinkedHashMap<>();
        days.stream().filter(d -> d.kind() == kind).sorted(java.util.Comparator.comparing(CalendarDay::date))
                .forEach(d -> byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d.date()));
        StringBuilder out = new StringBuilder();
        byName.forEach((name, dates) -> {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                int j = i;
                while (ranges && j + 1 < dates.size() && dates.get(j + 1).equals(dates.get(j).plusDays(1))) {
                    j++;
                }
                items.add(j > i ? dates.get(i) + "~" + dates.get(j) : dates.get(i).toString());
                i = j;
            }
            out.append(name).append(' ').append(String.join(", ", items)).append('\n');
        });
        return out.toString();
    }
}
