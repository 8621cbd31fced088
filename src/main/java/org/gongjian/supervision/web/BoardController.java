package org.gongjian.supervision.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.Figures;
import org.gongjian.shared.web.PageFormat;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeSweep;
import org.gongjian.supervision.NoticeView;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warning board (预警看板): what is late or at risk, worst first and longest overdue first, with the
 * open notices; and a target's page with its chart.
 */
@Controller
class BoardController {

    private final StatusEngine engine;
    private final ProgrammeManagement programmes;
    private final NoticeManagement notices;
    private final NoticeSweep sweep;
    private final Organisation organisation;

    BoardController(StatusEngine engine, ProgrammeManagement programmes, NoticeManagement notices, NoticeSweep sweep,
            Organisation organisation) {
        this.engine = engine;
        this.programmes = programmes;
        this.notices = notices;
        this.sweep = sweep;
        this.organisation = organisation;
    }

    /** A line of the board: a target or a milestone that needs attention. */
    record BoardRow(Status status, String badge, int severity, long daysOverdue, int initiativeNumber,
            String initiativeTitle, boolean target, String name, @Nullable String code, String leadUnit, LocalDate due,
            String planned, String actual, String progress, String timeProgress, String gap, String forecast,
            @Nullable Long noticeId) {
    }

    /** A status with its count, for the summary chips. */
    record Count(Status status, String badge, long count) {
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String board(@RequestParam(required = false) @Nullable String programme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "false") boolean all, Model model, Locale locale) {
        List<Programme> all_ = programmes.programmes(Pageable.unpaged()).getContent();
        model.addAttribute("programmes", all_);
        if (all_.isEmpty()) {
            return "supervision/board";
        }
        Programme chosen = programme == null ? all_.get(0) : programmes.programme(programme);
        LocalDate date = asOf == null ? engine.today() : asOf;
        ProgrammeStatus status = engine.status(chosen.code(), date);
        Map<Long, String> units = new HashMap<>();
        organisation.all().forEach(u -> units.put(u.id(), u.displayName(locale)));
        Map<String, Long> openBySubject = new HashMap<>();
        List<NoticeView> open = notices.open(chosen.code(), null);
        open.forEach(n -> openBySubject.put(n.subject(), n.id()));

        List<BoardRow> rows = new ArrayList<>();
        for (InitiativeStanding i : status.initiatives()) {
            String lead = units.getOrDefault(i.leadUnitId(), "");
            for (TargetStatus t : i.targets()) {
                if (all || t.status().needsAttention()) {
                    rows.add(row(i, t, lead, openBySubject.get("target:" + t.targetId()), locale));
                }
            }
            for (MilestoneStatus m : i.milestones()) {
                if (all || m.status().needsAttention()) {
                    rows.add(new BoardRow(m.status(), Badges.of(m.status()), m.status().severity(), m.daysOverdue(),
                            i.number(), i.title(), false, m.title(), null, lead, m.dueDate(), "", "", "", "", "", "",
                            openBySubject.get("milestone:" + m.milestoneId())));
                }
            }
        }
        rows.sort(Comparator.comparingInt(BoardRow::severity).reversed()
                .thenComparing(Comparator.comparingLong(BoardRow::daysOverdue).reversed())
                .thenComparing(BoardRow::due));
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        status.initiatives().forEach(i -> counts.merge(i.status(), 1L, Long::sum));
        List<Count> chips = java.util.Arrays.stream(Status.values()).sorted(Comparator.comparingInt(Status::severity).reversed())
                .map(s -> new Count(s, Badges.of(s), counts.getOrDefault(s, 0L))).toList();
        List<NoticeView> sortedOpen = open.stream()
                .sorted(Comparator.comparingInt((NoticeView n) -> n.severity().severity()).reversed()
                        .thenComparing(Comparator.comparingLong((NoticeView n) -> n.daysOverdue(engine.today())).reversed()))
                .toList();
        model.addAttribute("programme", chosen);
        model.addAttribute("asOf", date);
        // the date field defaults to the programme's last day once it has ended (its final judgement)
        model.addAttribute("asOfField", asOf == null ? engine.judgedOn(status.programmeCode()) : date);
        model.addAttribute("all", all);
        model.addAttribute("status", status);
        model.addAttribute("chips", chips);
        model.addAttribute("rows", rows);
        model.addAttribute("open", sortedOpen.stream().map(n -> NoticeRows.of(n, units, engine.today())).toList());
        return "supervision/board";
    }

    @PostMapping("/supervision/sweep")
    @PreAuthorize("hasAuthority('supervision:notice:manage')")
    String sweep(@RequestParam String programme, RedirectAttributes redirect) {
        sweep.sweepLocked(programme).ifPresentOrElse(
                r -> redirect.addFlashAttribute("swept", r),
                () -> redirect.addFlashAttribute("sweepBusy", true));
        redirect.addAttribute("programme", programme);
        return "redirect:/supervision";
    }

    @GetMapping("/supervision/programmes/{code}/targets/{target}")
    @PreAuthorize("hasAuthority('supervision:status:read')")
    String target(@PathVariable String code, @PathVariable String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model, Locale locale) {
        LocalDate date = asOf == null ? engine.today() : asOf;
        var chart = engine.chart(code, target, date);
        TargetStatus t = chart.status();
        Unit lead = organisation.unit(programmes.initiative(t.initiativeId()).leadUnitId());
        model.addAttribute("programme", programmes.programme(code));
        model.addAttribute("t", t);
        model.addAttribute("row", row(null, t, lead.displayName(locale), null, locale));
        model.addAttribute("asOf", date);
        model.addAttribute("fmt", new Formatter(t, locale));
        return "supervision/target";
    }

    private BoardRow row(@Nullable InitiativeStanding i, TargetStatus t, String lead, @Nullable Long noticeId, Locale locale) {
        Formatter f = new Formatter(t, locale);
        long overdue = t.asOf().isAfter(t.deadline()) ? ChronoUnit.DAYS.between(t.deadline(), t.asOf()) : 0;
        return new BoardRow(t.status(), Badges.of(t.status()), t.status().severity(), t.status() == Status.ACHIEVED ? 0 : overdue,
                t.initiativeNumber(), i == null ? "" : i.title(), true, t.name(), t.code(), lead, t.deadline(),
                f.value(t.planned()), f.value(t.actual()), Formatter.percent(t.progress()), Formatter.percent(t.timeProgress()),
                t.gapPoints() == null ? "" : BigDecimal.valueOf(t.gapPoints()).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(),
                t.forecast().sufficient() ? Formatter.percent(t.forecast().probability()) : "", noticeId);
    }

    /** Formats a target's figures in the reader's language. */
    record Formatter(TargetStatus t, Locale locale) {
        public String value(@Nullable BigDecimal v) {
            return v == null ? "—" : Figures.format(PageFormat.readable(v), t.unit(), locale);
        }

        static String percent(@Nullable Double fraction) {
            return fraction == null ? "—" : BigDecimal.valueOf(fraction * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + "%";
        }
    }
}
