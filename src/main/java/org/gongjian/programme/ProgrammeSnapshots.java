package org.gongjian.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongjian.programme.InitiativeData.PlannedPointData;
import org.gongjian.programme.ProgrammeSnapshot.InitiativeRow;
import org.gongjian.programme.ProgrammeSnapshot.MeasurementRow;
import org.gongjian.programme.ProgrammeSnapshot.MilestoneRow;
import org.gongjian.programme.ProgrammeSnapshot.TargetRow;
import org.gongjian.shared.Decimals;
import org.gongjian.shared.NotFoundException;
import org.gongjian.shared.Qualifier;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fast bulk reads of a programme for computations over all of it: a {@link ProgrammeSnapshot} as it
 * stood on a date, in six queries whatever the programme's size, and when units last reported.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeSnapshots {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    ProgrammeSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a snapshot needs of its programme: id, code, year and period, in one statement by the code's unique key
     * (the programme's aggregate, with its slogans and categories, is three statements and their mapping).
     */
    private record Header(long id, String code, int year, LocalDate startDate, LocalDate endDate) {
    }

    private Header header(String programmeCode) {
        return jdbc.sql("select id, code, plan_year, start_date, end_date from programme where code = :code")
                .param("code", programmeCode)
                .query((rs, n) -> new Header(rs.getLong("id"), rs.getString("code"), rs.getInt("plan_year"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("error.programme.not-found", programmeCode));
    }

    /** The last day of a programme's period (the status engine's final judgement starts after it). */
    public LocalDate endDate(String programmeCode) {
        return header(programmeCode).endDate();
    }

    /** The whole programme as it stood at the end of {@code asOf}. */
    public ProgrammeSnapshot snapshot(String programmeCode, LocalDate asOf) {
        return snapshot(programmeCode, asOf, null);
    }

    /** The programme as it stood at the end of {@code asOf}, limited to one initiative when one is given. */
    public ProgrammeSnapshot snapshot(String programmeCode, LocalDate asOf, @Nullable Long initiativeId) {
        return snapshot(programmeCode, asOf, initiativeId, endOf(asOf));
    }

    /**
     * The programme on {@code asOf} as known just before {@code knownBy}: measurements dated up to
     * {@code asOf} and recorded (or superseded) before {@code knownBy}. With {@code knownBy} after the day,
     * figures for it reported later count too, as a monthly bulletin compiled after the units report needs.
     */
    public ProgrammeSnapshot snapshot(String programmeCode, LocalDate asOf, @Nullable Long initiativeId, Instant knownBy) {
        String scope = initiativeId == null ? "" : " and i.id = :initiative";
        Map<String, Object> extra = initiativeId == null ? Map.of() : Map.of("initiative", initiativeId);
        return read(header(programmeCode), asOf, knownBy, new Scope(scope, scope, scope), extra, true, false);
    }

    /**
     * As {@link #snapshot(String, LocalDate, Long, Instant)}, but with one row per target and date (the day's current
     * figure and how many valid figures the day has) instead of every figure: what the status engine judges, read
     * from the standing kept as figures are written ({@link FigureDays}). A target with a figure recorded (or
     * corrected) at or after {@code knownBy} on a day it reads is read figure by figure, as the plain snapshot does.
     */
    public ProgrammeSnapshot standing(String programmeCode, LocalDate asOf, @Nullable Long initiativeId, Instant knownBy) {
        String scope = initiativeId == null ? "" : " and i.id = :initiative";
        Map<String, Object> extra = initiativeId == null ? Map.of() : Map.of("initiative", initiativeId);
        return read(header(programmeCode), asOf, knownBy, new Scope(scope, scope, scope), extra, true, true);
    }

    /** The standing of the programme (or of one initiative when given) as it stood at the end of {@code asOf}. */
    public ProgrammeSnapshot standing(String programmeCode, LocalDate asOf, @Nullable Long initiativeId) {
        return standing(programmeCode, asOf, initiativeId, endOf(asOf));
    }

    /**
     * The standing of only these targets of the programme at the end of {@code asOf} (see {@link #standing}), with
     * their initiatives' rows and no milestones: what re-evaluating the targets just written needs.
     */
    public ProgrammeSnapshot targets(String programmeCode, LocalDate asOf, java.util.Collection<Long> targetIds) {
        String initiatives = " and i.id in (select x.initiative_id from programme_target x where x.id in (:targets))";
        return read(header(programmeCode), asOf, endOf(asOf),
                new Scope(initiatives, " and t.id in (:targets)", " and m.target_id in (:targets)"), Map.of("targets", targetIds.isEmpty() ? List.of(-1L) : List.copyOf(targetIds)), false, true);
    }

    /** The conditions that limit a snapshot: on initiatives (alias i), targets (t) and measurements (m). */
    private record Scope(String initiatives, String targets, String measurements) {
    }

    private ProgrammeSnapshot read(Header programme, LocalDate asOf, Instant end, Scope scope,
            Map<String, Object> extra, boolean withMilestones, boolean standing) {
        long id = programme.id();
        List<InitiativeRow> initiatives = initiatives(id, scope.initiatives(), extra);
        List<TargetRow> targets = targets(id, scope.targets(), extra);
        List<MeasurementRow> measurements = standing ? days(id, asOf, end, scope, extra)
                : figures(id, asOf, end, scope.measurements(), extra);
        List<MilestoneRow> milestones = !withMilestones ? List.of() : jdbc.sql("""
                select m.id, m.initiative_id, m.title, m.due_date, m.started_on, m.completed_on
                  from programme_milestone m join programme_initiative i on i.id = m.initiative_id
                 where m.programme_id = :programme""" + scope.initiatives() + " order by m.initiative_id, m.due_date, m.id")
                .params(params(id, asOf, end, extra))
                .query((rs, n) -> new MilestoneRow(rs.getLong("id"), rs.getLong("initiative_id"), rs.getString("title"),
                        rs.getObject("due_date", LocalDate.class), rs.getObject("started_on", LocalDate.class),
                        rs.getObject("completed_on", LocalDate.class)))
                .list();
        return new ProgrammeSnapshot(id, programme.code(), programme.year(), programme.startDate(), programme.endDate(),
                asOf, initiatives, targets, measurements, milestones);
    }

    /** Every valid figure dated up to {@code asOf} as known just before {@code end}, in the snapshot's order. */
    private List<MeasurementRow> figures(long id, LocalDate asOf, Instant end, String scope, Map<String, Object> extra) {
        return jdbc.sql("""
                select m.id, m.target_id, m.measured_value, m.as_of, m.recorded_at, m.source
                  from programme_measurement m
                  join programme_target t on t.id = m.target_id
                  join programme_initiative i on i.id = t.initiative_id
                 where t.programme_id = :programme and m.as_of <= :asOf and m.recorded_at < :end and m.withdrawn = false
                   and not exists (select 1 from programme_measurement s
                                    where s.supersedes_id = m.id and s.recorded_at < :end)""" + scope + """

                 order by m.target_id, m.as_of, m.recorded_at, m.id""")
                .params(params(id, asOf, end, extra))
                .query(ProgrammeSnapshots::measurement).list();
    }

    /**
     * One row per target and date up to {@code asOf} from the kept standing: the day's current figure with the day's
     * count of valid figures. The rows are the plain snapshot's figures summed up per day as long as nothing touching
     * the day was recorded at or after {@code end}; targets with such a day are read figure by figure instead.
     */
    private List<MeasurementRow> days(long id, LocalDate asOf, Instant end, Scope scope, Map<String, Object> extra) {
        List<MeasurementRow> rows = new ArrayList<>();
        java.util.Set<Long> later = new java.util.HashSet<>();
        Timestamp endsAt = Timestamp.from(end);
        jdbc.sql("""
                select d.target_id, d.as_of, d.figures, d.changed_at, m.id, m.measured_value, m.recorded_at, m.source
                  from programme_figure_day d
                  join programme_target t on t.id = d.target_id
                  join programme_initiative i on i.id = t.initiative_id
                  left join programme_measurement m on m.id = d.measurement_id
                 where t.programme_id = :programme and d.as_of <= :asOf""" + scope.targets() + """

                 order by d.target_id, d.as_of""")
                .params(params(id, asOf, end, extra))
                .query((rs, n) -> {
                    long target = rs.getLong("target_id");
                    if (!rs.getTimestamp("changed_at").before(endsAt)) {
                        later.add(target);
                    } else if (rs.getInt("figures") > 0) {
                        rows.add(new MeasurementRow(rs.getLong("id"), target,
                                Objects.requireNonNull(Decimals.normal(rs.getBigDecimal("measured_value"))),
                                rs.getObject("as_of", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                                MeasurementSource.valueOf(rs.getString("source")), rs.getInt("figures")));
                    }
                    return target;
                }).list();
        if (later.isEmpty()) {
            return rows;
        }
        Map<String, Object> withLater = new HashMap<>(extra);
        withLater.put("later", List.copyOf(later));
        List<MeasurementRow> merged = new ArrayList<>(rows.stream().filter(r -> !later.contains(r.targetId())).toList());
        merged.addAll(figures(id, asOf, end, scope.measurements() + " and m.target_id in (:later)", withLater));
        merged.sort(java.util.Comparator.comparingLong(MeasurementRow::targetId).thenComparing(MeasurementRow::asOf)
                .thenComparing(MeasurementRow::recordedAt).thenComparingLong(MeasurementRow::id));
        return merged;
    }

    /**
     * When each initiative of the programme last had a measurement recorded within {@code [from, to)}:
     * what the supervision module counts as a unit having reported in a cycle.
     */
    public Map<Long, Instant> lastMeasurementRecorded(String programmeCode, Instant from, Instant to) {
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql("""
                select t.initiative_id, max(m.recorded_at) as last_recorded
                  from programme_measurement m join programme_target t on t.id = m.target_id
                 where t.programme_id = :programme and m.recorded_at >= :from and m.recorded_at < :to
                 group by t.initiative_id""")
                .param("programme", header(programmeCode).id())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> last.put(rs.getLong("initiative_id"), rs.getTimestamp("last_recorded").toInstant()))
                .list();
        return last;
    }

    /** The first instant after a date in the city's time zone. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(CITY).toInstant();
    }

    private Map<String, Object> params(long programme, LocalDate asOf, Instant end, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(extra);
        p.put("programme", programme);
        p.put("asOf", asOf);
        p.put("end", Timestamp.from(end));
        return p;
    }

    private List<InitiativeRow> initiatives(long programme, String scope, Map<String, Object> extra) {
        Map<Long, List<Long>> coUnits = new HashMap<>();
        jdbc.sql("""
                select u.initiative_id, u.unit_id from programme_initiative_unit u
                  join programme_initiative i on i.id = u.initiative_id
                 where i.programme_id = :programme""" + scope + " order by u.initiative_id, u.position")
                .params(params(programme, LocalDate.MIN, Instant.EPOCH, extra))
                .query((rs, n) -> coUnits.computeIfAbsent(rs.getLong("initiative_id"), k -> new ArrayList<>())
                        .add(rs.getLong("unit_id")))
                .list();
        return jdbc.sql("""
                select i.id, i.number, i.title, i.category_code, i.lead_unit_id, i.start_date, i.end_date, i.status
                  from programme_initiative i where i.programme_id = :programme""" + scope + " order by i.number")
                .params(params(programme, LocalDate.MIN, Instant.EPOCH, extra))
                .query((rs, n) -> new InitiativeRow(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
                        rs.getString("category_code"), rs.getLong("lead_unit_id"),
                        List.copyOf(coUnits.getOrDefault(rs.getLong("id"), List.of())),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        InitiativeStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private List<TargetRow> targets(long programme, String scope, Map<String, Object> extra) {
        Map<Long, List<PlannedPointData>> points = new HashMap<>();
        jdbc.sql("""
                select p.target_id, p.on_date, p.planned_value from programme_target_point p
                  join programme_target t on t.id = p.target_id
                  join programme_initiative i on i.id = t.initiative_id
                 where t.programme_id = :programme""" + scope + " order by p.target_id, p.on_date")
                .params(params(programme, LocalDate.MIN, Instant.EPOCH, extra))
                .query((rs, n) -> points.computeIfAbsent(rs.getLong("target_id"), k -> new ArrayList<>())
                        .add(new PlannedPointData(rs.getObject("on_date", LocalDate.class),
                                Objects.requireNonNull(Decimals.normal(rs.getBigDecimal("planned_value"))))))
                .list();
        return jdbc.sql("""
                select t.id, t.initiative_id, t.position, t.code, t.name, t.unit, t.direction, t.baseline_value,
                       t.baseline_date, t.target_value, t.target_value_max, t.target_qualifier, t.deadline,
                       t.indicator_code, t.scope_unit_id
                  from programme_target t join programme_initiative i on i.id = t.initiative_id
                 where t.programme_id = :programme""" + scope + " order by i.number, t.position")
                .params(params(programme, LocalDate.MIN, Instant.EPOCH, extra))
                .query((rs, n) -> target(rs, points.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private static TargetRow target(ResultSet rs, List<PlannedPointData> points) throws SQLException {
        long scope = rs.getLong("scope_unit_id");
        Long scopeUnit = rs.wasNull() ? null : scope;
        return new TargetRow(rs.getLong("id"), rs.getLong("initiative_id"), rs.getInt("position"), rs.getString("code"),
                rs.getString("name"), UnitOfMeasure.valueOf(rs.getString("unit")),
                Direction.valueOf(rs.getString("direction")), Decimals.normal(rs.getBigDecimal("baseline_value")),
                rs.getObject("baseline_date", LocalDate.class),
                Objects.requireNonNull(Decimals.normal(rs.getBigDecimal("target_value"))),
                Decimals.normal(rs.getBigDecimal("target_value_max")), Qualifier.valueOf(rs.getString("target_qualifier")),
                rs.getObject("deadline", LocalDate.class), rs.getString("indicator_code"), scopeUnit, List.copyOf(points));
    }

    private static MeasurementRow measurement(ResultSet rs, int row) throws SQLException {
        BigDecimal value = rs.getBigDecimal("measured_value");
        return new MeasurementRow(rs.getLong("id"), rs.getLong("target_id"), Objects.requireNonNull(Decimals.normal(value)),
                rs.getObject("as_of", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                MeasurementSource.valueOf(rs.getString("source")));
    }
}
