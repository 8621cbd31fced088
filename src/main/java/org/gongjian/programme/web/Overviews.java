package org.gongjian.programme.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.programme.Initiative;
import org.gongjian.programme.Measurement;
import org.gongjian.programme.Milestone;
import org.gongjian.programme.Programme;
import org.gongjian.programme.ProgrammeData.CategoryData;
import org.gongjian.programme.ProgrammeManagement;
import org.gongjian.programme.ProgrammeRecords;
import org.gongjian.programme.Target;
import org.gongjian.programme.TargetManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The read model of the pages: a programme's initiatives with their units, each target's latest
 * measurement and progress, and their milestones, read with one query per kind of thing (not per
 * initiative), so that a programme of hundreds of initiatives opens quickly.
 */
@Component
class Overviews {

    private final ProgrammeManagement programmes;
    private final TargetManagement targets;
    private final ProgrammeRecords records;
    private final Organisation organisation;
    private final Clock clock;
    private final int dueSoonDays;
    private final int staleAfterDays;

    Overviews(ProgrammeManagement programmes, TargetManagement targets, ProgrammeRecords records,
            Organisation organisation, Clock clock,
            @Value("${gongjian.pages.due-soon-days:14}") int dueSoonDays,
            @Value("${gongjian.pages.stale-after-days:31}") int staleAfterDays) {
        this.programmes = programmes;
        this.targets = targets;
        this.records = records;
        this.organisation = organisation;
        this.clock = clock;
        this.dueSoonDays = dueSoonDays;
        this.staleAfterDays = staleAfterDays;
    }

    /** A target with its latest valid measurement (not superseded, not after today) and the progress it means. */
    record TargetRow(Target target, int initiativeNumber, @Nullable Measurement latest, @Nullable BigDecimal progress,
            LocalDate today) {

        public boolean deadlinePassed() {
            return today.isAfter(target.deadline());
        }

        public boolean reached() {
            return progress != null && progress.compareTo(BigDecimal.ONE) >= 0;
        }

        public long daysSinceReport() {
            return latest == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(latest.asOf(), today);
        }
    }

    /** A milestone with the initiative it belongs to, and how it stands today. */
    record MilestoneRow(Milestone milestone, Initiative initiative, LocalDate today) {

        public boolean overdue() {
            return !milestone.isCompleted() && today.isAfter(milestone.dueDate());
        }

        public long daysLeft() {
            return ChronoUnit.DAYS.between(today, milestone.dueDate());
        }
    }

    /** An initiative as a row of the dashboard. */
    record InitiativeRow(Initiative initiative, String category, Unit lead, List<Unit> coUnits, List<TargetRow> targets,
            @Nullable MilestoneRow next, int openMilestones, int overdueMilestones) {
    }

    record Overview(Programme programme, List<InitiativeRow> rows, List<MilestoneRow> milestones, LocalDate today) {

        public List<TargetRow> targets() {
            return rows.stream().flatMap(r -> r.targets().stream()).toList();
        }

        /** The same overview limited to some of its rows, with their milestones. */
        Overview only(Predicate<InitiativeRow> keep) {
            List<InitiativeRow> kept = rows.stream().filter(keep).toList();
            Set<Long> ids = kept.stream().map(r -> r.initiative().id()).collect(Collectors.toSet());
            return new Overview(programme, kept, milestones.stream().filter(m -> ids.contains(m.initiative().id())).toList(),
                    today);
        }
    }

    /** What needs attention: overdue and coming milestones, and targets without a recent measurement. */
    record Attention(Overview overview, List<MilestoneRow> overdue, List<MilestoneRow> dueSoon, List<TargetRow> stale,
            int dueSoonDays, int staleAfterDays) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Overview overview(Programme programme, Predicate<Initiative> which) {
        LocalDate today = today();
        Locale locale = LocaleContextHolder.getLocale();
        List<Initiative> initiatives = programmes.initiatives(programme).stream().filter(which).toList();
        Set<Long> ids = initiatives.stream().map(Initiative::id).collect(Collectors.toSet());
        List<Target> allTargets = targets.targets(programme).stream().filter(t -> ids.contains(t.initiativeId())).toList();
        Map<Long, Measurement> latest = latest(targets.measurements(allTargets), today);
        Map<Long, List<TargetRow>> targetsByInitiative = new LinkedHashMap<>();
        Map<Long, Initiative> byId = initiatives.stream().collect(Collectors.toMap(Initiative::id, i -> i));
        for (Target t : allTargets) {
            Measurement m = latest.get(t.id());
            BigDecimal progress = m == null ? null : t.progress(m.value()).orElse(null);
            targetsByInitiative.computeIfAbsent(t.initiativeId(), k -> new ArrayList<>())
                    .add(new TargetRow(t, byId.get(t.initiativeId()).number(), m, progress, today));
        }
        List<MilestoneRow> milestones = records.milestones(programme).stream()
                .filter(m -> ids.contains(m.initiativeId()))
                .map(m -> new MilestoneRow(m, byId.get(m.initiativeId()), today)).toList();
        Map<Long, List<MilestoneRow>> milestonesByInitiative = milestones.stream()
                .collect(Collectors.groupingBy(m -> m.initiative().id()));
        Set<Long> unitIds = new HashSet<>();
        initiatives.forEach(i -> unitIds.addAll(i.responsibleUnitIds()));
        Map<Long, Unit> units = organisation.byIds(unitIds);
        List<InitiativeRow> rows = new ArrayList<>();
        for (Initiative i : initiatives) {
            List<MilestoneRow> own = milestonesByInitiative.getOrDefault(i.id(), List.of());
            List<MilestoneRow> open = own.stream().filter(m -> !m.milestone().isCompleted()).toList();
            rows.add(new InitiativeRow(i, categoryName(programme, i.categoryCode(), locale), units.get(i.leadUnitId()),
                    i.coUnitIds().stream().map(units::get).filter(java.util.Objects::nonNull).toList(),
                    targetsByInitiative.getOrDefault(i.id(), List.of()),
                    open.stream().min(Comparator.comparing(m -> m.milestone().dueDate())).orElse(null),
                    open.size(), (int) open.stream().filter(MilestoneRow::overdue).count()));
        }
        return new Overview(programme, rows, milestones, today);
    }

    Attention attention(Overview overview) {
        LocalDate today = overview.today();
        List<MilestoneRow> open = overview.milestones().stream().filter(m -> !m.milestone().isCompleted()).toList();
        List<MilestoneRow> overdue = open.stream().filter(MilestoneRow::overdue)
                .sorted(Comparator.comparing(m -> m.milestone().dueDate())).toList();
        List<MilestoneRow> dueSoon = open.stream()
                .filter(m -> !m.overdue() && !m.milestone().dueDate().isAfter(today.plusDays(dueSoonDays)))
                .sorted(Comparator.comparing(m -> m.milestone().dueDate())).toList();
        List<TargetRow> stale = overview.targets().stream()
                .filter(t -> !t.reached() && t.daysSinceReport() > staleAfterDays)
                .sorted(Comparator.comparing((TargetRow t) -> t.target().deadline())).toList();
        return new Attention(overview, overdue, dueSoon, stale, dueSoonDays, staleAfterDays);
    }

    static String categoryName(Programme programme, String code, Locale locale) {
        Optional<CategoryData> category = programme.category(code);
        if (category.isEmpty()) {
            return code;
        }
        return !"zh".equals(locale.getLanguage()) && category.get().nameEn() != null ? category.get().nameEn()
                : category.get().name();
    }

    /** Each target's latest valid measurement as of a day: not superseded, not after it; the later one on a tie. */
    static Map<Long, Measurement> latest(List<Measurement> measurements, LocalDate asOf) {
        Map<Long, Measurement> latest = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (!m.valid() || m.asOf().isAfter(asOf)) {
                continue;
            }
            latest.merge(m.targetId(), m, (a, b) -> b.asOf().isBefore(a.asOf()) ? a : b);
        }
        return latest;
    }
}
