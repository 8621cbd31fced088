package org.gongjian.reporting.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongjian.organisation.Unit;
import org.gongjian.reporting.Document.Section;
import org.gongjian.reporting.Document.Table;
import org.gongjian.reporting.review.Words;
import org.gongjian.shared.PartialDate;
import org.gongjian.supervision.NoticeAction;
import org.gongjian.supervision.NoticeState;
import org.gongjian.supervision.NoticeView;
import org.gongjian.supervision.NoticeView.HistoryEntry;

/**
 * The bulletin's 督办情况: supervision notices raised, answered and closed (销号) in the month, how many
 * still waited for the unit or the office at the month's end, and a table of the month's notices with the
 * state each had at the month's end (read from its history, so that a past month stays as it was).
 */
final class NoticeSection {

    private final LocalDate start;
    private final LocalDate end;
    private final ZoneId zone;
    private final Map<Long, Unit> units;
    private final Words words;

    /** The month up to {@code end}: its last day, or today while it runs. */
    NoticeSection(YearMonth month, LocalDate end, ZoneId zone, Map<Long, Unit> units, Words words) {
        this.start = month.atDay(1);
        this.end = end;
        this.zone = zone;
        this.units = units;
        this.words = words;
    }

    Section section(List<NoticeView> notices) {
        int raised = 0;
        int answered = 0;
        int closed = 0;
        int awaitingUnit = 0;
        int awaitingOffice = 0;
        List<List<String>> rows = new ArrayList<>();
        for (NoticeView n : notices) {
            Optional<NoticeState> atEnd = stateAtEnd(n);
            if (atEnd.isEmpty()) {
                continue;   // raised after the month
            }
            boolean raisedNow = inMonth(n.raisedOn());
            Optional<LocalDate> answeredOn = n.answers().stream().map(a -> day(a.answeredAt())).filter(this::inMonth)
                    .findFirst();
            boolean closedNow = n.history().stream()
                    .anyMatch(h -> (h.action() == NoticeAction.CLOSED || h.action() == NoticeAction.RESOLVED) && inMonth(day(h.at())));
            raised += raisedNow ? 1 : 0;
            answered += answeredOn.isPresent() ? 1 : 0;
            closed += closedNow ? 1 : 0;
            awaitingUnit += NoticeState.AWAITING_UNIT.contains(atEnd.get()) ? 1 : 0;
            awaitingOffice += atEnd.get() == NoticeState.ANSWERED ? 1 : 0;
            if (raisedNow || answeredOn.isPresent() || closedNow) {
                Unit unit = units.get(n.unitId());
                rows.add(List.of(n.number() == null ? "—" : n.number(), unit == null ? "" : unit.displayName(words.locale()),
                        n.title(), date(n.raisedOn()), date(n.originalDue()), answeredOn.map(this::date).orElse("—"),
                        words.get(atEnd.get().messageKey())));
            }
        }
        List<String> lines = List.of(words.get("bulletin.notices.count", raised, answered, closed, awaitingUnit,
                awaitingOffice));
        if (rows.isEmpty()) {
            return Section.text("", words.get("bulletin.notices"), lines);
        }
        Table table = new Table(words.get("bulletin.table.notices"),
                List.of(words.get("bulletin.table.notices.header").split("\\|")), rows);
        return new Section("", words.get("bulletin.notices"), lines, List.of(), List.of(table), List.of(), List.of());
    }

    /** The state after the last transition on or before the month's end; empty if raised later. */
    private Optional<NoticeState> stateAtEnd(NoticeView n) {
        Instant limit = end.plusDays(1).atStartOfDay(zone).toInstant();
        return n.history().stream().filter(h -> h.at().isBefore(limit)).reduce((a, b) -> b).map(HistoryEntry::toState)
                .or(() -> n.raisedOn().isAfter(end) || !n.raisedAt().isBefore(limit) ? Optional.empty()
                        : Optional.of(NoticeState.ISSUED));
    }

    private boolean inMonth(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private String date(LocalDate day) {
        return words.date(PartialDate.ofDay(day), false);
    }
}
