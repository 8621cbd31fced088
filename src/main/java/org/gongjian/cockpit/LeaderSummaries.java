package org.gongjian.cockpit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongjian.assessment.BulletinRanking;
import org.gongjian.assessment.PeerGroup;
import org.gongjian.assessment.Rankings;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.shared.Figures;
import org.gongjian.shared.Qualifier;
import org.gongjian.supervision.InitiativeStanding;
import org.gongjian.supervision.MilestoneStatus;
import org.gongjian.supervision.NoticeManagement;
import org.gongjian.supervision.NoticeView;
import org.gongjian.supervision.ProgrammeStatus;
import org.gongjian.supervision.Status;
import org.gongjian.supervision.StatusEngine;
import org.gongjian.supervision.TargetStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes the {@link LeaderSummary} of a programme from the status engine (today and a week ago), the
 * open notices and the latest monthly league table of the towns.
 */
@Service
public class LeaderSummaries {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderSummaries.class);
    /** How many items, towns, changes and notices one screen shows. */
    static final int WORST = 5;
    static final int BOTTOM = 3;
    static final int CHANGES = 5;
    static final int NOTICES = 5;

    private final ProgrammeManagement programmes;
    private final StatusEngine engine;
    private final NoticeManagement notices;
    private final Rankings rankings;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    LeaderSummaries(ProgrammeManagement programmes, StatusEngine engine, NoticeManagement notices, Rankings rankings,
            Organisation organisation, MessageSource messages, Clock clock) {
        this.programmes = programmes;
        this.engine = engine;
        this.notices = notices;
        this.rankings = rankings;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LeaderSummary summary(String programmeCode, Locale locale) {
        Programme programme = programmes.programme(programmeCode);
        LocalDate today = LocalDate.now(clock);
        LocalDate weekAgo = today.minusDays(7);
        ProgrammeStatus now = engine.status(programmeCode, today);
        ProgrammeStatus before = engine.status(programmeCode, weekAgo);
        List<NoticeView> open = notices.open(programmeCode, null);
        Set<Long> unitIds = new HashSet<>();
        now.initiatives().forEach(i -> unitIds.addAll(i.responsibleUnitIds()));
        open.forEach(n -> unitIds.add(n.unitId()));
        Map<Long, Unit> units = organisation.byIds(unitIds);
        Map<Integer, InitiativeStanding> byNumber = new HashMap<>();
        now.initiatives().forEach(i -> byNumber.put(i.number(), i));

        // the worst items: 逾期, 滞后, 预警; within a status the furthest behind time progress first
        List<Ranked> ranked = new ArrayList<>();
        for (InitiativeStanding i : now.initiatives()) {
            String lead = name(units, i.leadUnitId(), locale);
            for (TargetStatus t : i.targets()) {
                if (t.status().needsAttention()) {
                    String unit = unitOf(t.name(), i, units, locale);
                    ranked.add(new Ranked(t.status(), t.gapPoints() == null ? -1000 : t.gapPoints(),
                            item(t.status(), i.number(), t.name(), unit, targetReason(t, locale),
                                    "/supervision/programmes/" + programmeCode + "/targets/" + t.code(), locale)));
                }
            }
            for (MilestoneStatus m : i.milestones()) {
                if (m.status().needsAttention()) {
                    String reason = m.status() == Status.OVERDUE
                            ? text("cockpit.reason.milestone-overdue", locale, m.dueDate(), m.daysOverdue())
                            : text(m.reason().messageKey(), locale);
                    ranked.add(new Ranked(m.status(), -m.daysOverdue(), item(m.status(), i.number(), m.title(), lead,
                            reason, "/programmes/" + programmeCode + "/initiatives/" + i.number(), locale)));
                }
            }
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> -r.status().severity()).thenComparingDouble(Ranked::gap));
        long late = ranked.stream().filter(r -> r.status() == Status.OVERDUE || r.status() == Status.OFF_TRACK).count();
        List<LeaderSummary.Item> worst = ranked.stream().limit(WORST).map(Ranked::item).toList();

        // what changed in the week
        Map<String, Status> was = new HashMap<>();
        before.targets().forEach(t -> was.put("t" + t.targetId(), t.status()));
        before.milestones().forEach(m -> was.put("m" + m.milestoneId(), m.status()));
        List<LeaderSummary.Change> changes = new ArrayList<>();
        long worse = 0;
        long better = 0;
        for (InitiativeStanding i : now.initiatives()) {
            for (TargetStatus t : i.targets()) {
                Status from = was.get("t" + t.targetId());
                if (from != null && from != t.status()) {
                    boolean w = t.status().severity() > from.severity();
                    worse += w ? 1 : 0;
                    better += w ? 0 : 1;
                    changes.add(new LeaderSummary.Change(t.name(), unitOf(t.name(), i, units, locale), word(from, locale),
                            word(t.status(), locale), t.status().colour(), w,
                            "/supervision/programmes/" + programmeCode + "/targets/" + t.code()));
                }
            }
            for (MilestoneStatus m : i.milestones()) {
                Status from = was.get("m" + m.milestoneId());
                if (from != null && from != m.status()) {
                    boolean w = m.status().severity() > from.severity();
                    worse += w ? 1 : 0;
                    better += w ? 0 : 1;
                    changes.add(new LeaderSummary.Change(m.title(), name(units, i.leadUnitId(), locale), word(from, locale),
                            word(m.status(), locale), m.status().colour(), w,
                            "/programmes/" + programmeCode + "/initiatives/" + i.number()));
                }
            }
        }
        changes.sort(Comparator.comparing((LeaderSummary.Change c) -> !c.worse()));

        // overdue notices, longest overdue first
        List<LeaderSummary.OverdueNotice> overdue = open.stream().filter(n -> n.overdueOn(today))
                .sorted(Comparator.comparingLong((NoticeView n) -> -n.daysOverdue(today)))
                .map(n -> new LeaderSummary.OverdueNotice(n.title(), name(units, n.unitId(), locale), n.answerDue(),
                        n.daysOverdue(today), "/supervision/notices/" + n.id()))
                .toList();

        // the towns at the bottom of the latest month's league
        String period = null;
        List<LeaderSummary.Town> bottom = new ArrayList<>();
        try {
            YearMonth month = YearMonth.from(today.isAfter(programme.endDate()) ? programme.endDate() : today);
            if (!month.isBefore(YearMonth.from(programme.startDate()))) {
                BulletinRanking ranking = rankings.bulletin(programmeCode, month);
                period = month.toString();
                ranking.groups().stream().filter(g -> g.group() == PeerGroup.TOWNS).findFirst().ifPresent(g -> {
                    List<BulletinRanking.Line> all = g.table();
                    all.subList(Math.max(0, all.size() - BOTTOM), all.size()).forEach(l -> bottom.add(new LeaderSummary.Town(
                            l.rank(), l.unit().displayName(locale), l.total().setScale(1, RoundingMode.HALF_UP).toPlainString(),
                            l.movement(), "/assessment/" + programmeCode + "/units/" + l.unit().code())));
                });
            }
        } catch (RuntimeException e) {   // no scheme or no period yet: the summary goes without the league
            LOG.debug("No league for {}: {}", programmeCode, e.getMessage());
        }
        return new LeaderSummary(programmeCode, programme.title(), today, weekAgo, late, worst, period, bottom, worse,
                better, changes.stream().limit(CHANGES).toList(), overdue.size(),
                overdue.stream().limit(NOTICES).toList());
    }

    private record Ranked(Status status, double gap, LeaderSummary.Item item) {
    }

    private LeaderSummary.Item item(Status s, int initiative, String name, String unit, String reason, String link,
            Locale locale) {
        return new LeaderSummary.Item(s.name(), s.colour(), word(s, locale), initiative, name, unit, reason, link);
    }

    /** 完成42.5%，慢于时间进度57.5个百分点：落后于计划进度，已超过红色预警线。 */
    private String targetReason(TargetStatus t, Locale locale) {
        String why = text(t.reason().messageKey(), locale);
        if (t.progress() == null) {
            return why;
        }
        String done = Figures.plain(BigDecimal.valueOf(t.progress() * 100).setScale(1, RoundingMode.HALF_UP));
        String time = Figures.plain(BigDecimal.valueOf(t.timeProgress() * 100).setScale(1, RoundingMode.HALF_UP));
        String actual = t.actual() == null ? "" : Figures.format(t.actual(), null, t.unit(), Qualifier.EXACT, locale);
        return text("cockpit.reason.target", locale, done, time, actual, why);
    }

    /** A town's own target (赤水镇农村公路提质改造) is the town's; others are the lead unit's. */
    private static String unitOf(String name, InitiativeStanding i, Map<Long, Unit> units, Locale locale) {
        for (Long id : i.responsibleUnitIds()) {
            Unit u = units.get(id);
            if (u != null && name.startsWith(u.shortName())) {
                return u.displayName(locale);
            }
        }
        return name(units, i.leadUnitId(), locale);
    }

    private static String name(Map<Long, Unit> units, long id, Locale locale) {
        Unit u = units.get(id);
        return u == null ? "" : u.displayName(locale);
    }

    private String word(Status s, Locale locale) {
        return text(s.messageKey(), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        Object[] plain = new Object[args.length];
        for (int k = 0; k < args.length; k++) {
            plain[k] = args[k] instanceof Number n ? n.toString() : args[k] == null ? "" : args[k].toString();
        }
        return messages.getMessage(key, plain, locale);
    }
}
