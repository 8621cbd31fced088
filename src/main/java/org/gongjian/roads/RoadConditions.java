package org.gongjian.roads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.audit.AuditLog;
import org.gongjian.roads.RoadRegister.Segment;
import org.gongjian.shared.InvalidInputException;
import org.gongjian.shared.InvalidInputException.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly technical condition per unit (usually 1 km) of a segment: PCI, RQI, RDI give PQI; SCI, PQI, BCI,
 * TCI give MQI, each with the weights valid in the assessment year (policy data, JTG 5210); the grade
 * follows from MQI by the grade floors. 优良中等路率 is the share of assessed length graded 优, 良 or 中.
 */
@Service
@Transactional(readOnly = true)
public class RoadConditions {

    public enum Method { AUTO_DETECTION, MANUAL }

    public record Indices(BigDecimal pci, BigDecimal rqi, @Nullable BigDecimal rdi, BigDecimal sci, BigDecimal bci,
            BigDecimal tci) {
    }

    public record Result(BigDecimal pqi, BigDecimal mqi, Grade grade) {
    }

    public record Assessment(long id, int year, long segmentId, BigDecimal fromKm, BigDecimal toKm, Indices indices,
            BigDecimal pqi, BigDecimal mqi, Grade grade, Method method, boolean demo) {

        public BigDecimal lengthKm() {
            return toKm.subtract(fromKm);
        }
    }

    public record NewAssessment(@Nullable Integer year, @Nullable Long segmentId, @Nullable BigDecimal fromKm,
            @Nullable BigDecimal toKm, @Nullable BigDecimal pci, @Nullable BigDecimal rqi, @Nullable BigDecimal rdi,
            @Nullable BigDecimal sci, @Nullable BigDecimal bci, @Nullable BigDecimal tci, @Nullable Method method) {
    }

    private final JdbcClient jdbc;
    private final RoadPolicies policies;
    private final RoadRegister register;
    private final RoadAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoadConditions(JdbcClient jdbc, RoadPolicies policies, RoadRegister register, RoadAccess access, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.register = register;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** PQI, MQI and grade of the indices with the weights and floors valid on a day. */
    public Result evaluate(Indices i, LocalDate on) {
        Map<String, BigDecimal> pw = policies.values(RoadPolicies.Kind.PQI_WEIGHT, on);
        Map<String, BigDecimal> mw = policies.values(RoadPolicies.Kind.MQI_WEIGHT, on);
        BigDecimal pqi = weighted(pw, Map.of("PCI", i.pci(), "RQI", i.rqi(), "RDI", i.rdi() == null ? BigDecimal.ZERO : i.rdi()));
        BigDecimal mqi = weighted(mw, Map.of("SCI", i.sci(), "PQI", pqi, "BCI", i.bci(), "TCI", i.tci()));
        return new Result(pqi, mqi, grade(mqi, on));
    }

    /** The grade of an MQI: the highest grade whose floor it reaches (89.99 is 良, 90 is 优). */
    public Grade grade(BigDecimal mqi, LocalDate on) {
        Map<String, BigDecimal> floors = policies.values(RoadPolicies.Kind.GRADE_FLOOR, on);
        for (Grade g : new Grade[] {Grade.EXCELLENT, Grade.GOOD, Grade.FAIR, Grade.POOR}) {
            BigDecimal floor = floors.get(g.name());
            if (floor != null && mqi.compareTo(floor) >= 0) {
                return g;
            }
        }
        return Grade.BAD;
    }

    private static BigDecimal weighted(Map<String, BigDecimal> weights, Map<String, BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
            BigDecimal w = weights.get(v.getKey());
            if (w == null) {
                throw new InvalidInputException("year", "roads.error.no-weights", v.getKey());
            }
            sum = sum.add(w.multiply(v.getValue()));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /** Every problem of an assessment row, not writing it. */
    List<Violation> violations(NewAssessment a) {
        List<Violation> v = new ArrayList<>();
        if (a.year() == null || a.year() < 2000 || a.year() > LocalDate.now(clock).getYear()) {
            v.add(new Violation("year", "roads.error.year"));
        }
        Segment s = null;
        if (a.segmentId() == null) {
            v.add(new Violation("segmentId", "roads.error.required"));
        } else {
            try {
                s = register.segment(a.segmentId());
            } catch (org.gongjian.shared.NotFoundException e) {
                v.add(new Violation("segmentId", "roads.error.segment-not-found", a.segmentId()));
            }
        }
        if (a.fromKm() == null || a.toKm() == null || a.toKm().compareTo(a.fromKm()) <= 0) {
            v.add(new Violation("fromKm", "roads.error.stake-order", a.fromKm(), a.toKm()));
        } else if (s != null && (a.fromKm().compareTo(s.startKm()) < 0 || a.toKm().compareTo(s.endKm()) > 0)) {
            v.add(new Violation("fromKm", "roads.error.assignment-range", s.stakes()));
        }
        index(v, "pci", a.pci(), true);
        index(v, "rqi", a.rqi(), true);
        index(v, "rdi", a.rdi(), false);
        index(v, "sci", a.sci(), true);
        index(v, "bci", a.bci(), true);
        index(v, "tci", a.tci(), true);
        return v;
    }

    private static void index(List<Violation> v, String field, @Nullable BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                v.add(new Violation(field, "roads.error.required"));
            }
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            v.add(new Violation(field, "roads.error.index", field.toUpperCase(java.util.Locale.ROOT)));
        }
    }

    /** Records (or replaces) assessment rows, all or none. */
    @Transactional
    public List<Assessment> record(List<NewAssessment> rows, boolean demo) {
        access.requireOffice("roads-assessment", "batch");
        List<Violation> all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (Violation v : violations(rows.get(i))) {
                all.add(new Violation("rows[" + i + "]." + v.field(), v.messageKey(), v.args()));
            }
        }
        if (!all.isEmpty()) {
            throw new InvalidInputException(all);
        }
        List<Assessment> saved = new ArrayList<>();
        for (NewAssessment a : rows) {
            Indices ind = new Indices(a.pci(), a.rqi(), a.rdi(), a.sci(), a.bci(), a.tci());
            Result r = evaluate(ind, LocalDate.of(a.year(), 12, 31));
            jdbc.sql("delete from roads_assessment where assess_year = :y and segment_id = :s and from_km = :f")
                    .param("y", a.year()).param("s", a.segmentId()).param("f", RoadRegister.km(a.fromKm())).update();
            jdbc.sql("""
                    insert into roads_assessment (assess_year, segment_id, from_km, to_km, pci, rqi, rdi, pqi, sci, bci, tci,
                        mqi, grade, method, demo, created_at, created_by)
                    values (:y, :s, :f, :t, :pci, :rqi, :rdi, :pqi, :sci, :bci, :tci, :mqi, :g, :m, :d, :at, :by)""")
                    .param("y", a.year()).param("s", a.segmentId()).param("f", RoadRegister.km(a.fromKm()))
                    .param("t", RoadRegister.km(a.toKm())).param("pci", a.pci()).param("rqi", a.rqi()).param("rdi", a.rdi())
                    .param("pqi", r.pqi()).param("sci", a.sci()).param("bci", a.bci()).param("tci", a.tci())
                    .param("mqi", r.mqi()).param("g", r.grade().name())
                    .param("m", (a.method() == null ? Method.AUTO_DETECTION : a.method()).name()).param("d", demo)
                    .param("at", Timestamp.from(Instant.now(clock))).param("by", access.actor().username()).update();
        }
        audit.created("roads-assessment", "batch", Map.of("rows", rows.size()));
        events.publishEvent(new RoadRegister.RegisterChanged("assessment"));
        saved.addAll(assessments(rows.isEmpty() ? 0 : rows.get(0).year()));
        return saved;
    }

    public List<Assessment> assessments(int year) {
        return jdbc.sql("select * from roads_assessment where assess_year = :y order by segment_id, from_km").param("y", year)
                .query((rs, n) -> new Assessment(rs.getLong("id"), rs.getInt("assess_year"), rs.getLong("segment_id"),
                        RoadRegister.km(rs.getBigDecimal("from_km")), RoadRegister.km(rs.getBigDecimal("to_km")),
                        new Indices(rs.getBigDecimal("pci"), rs.getBigDecimal("rqi"), rs.getBigDecimal("rdi"),
                                rs.getBigDecimal("sci"), rs.getBigDecimal("bci"), rs.getBigDecimal("tci")),
                        rs.getBigDecimal("pqi"), rs.getBigDecimal("mqi"), Grade.valueOf(rs.getString("grade")),
                        Method.valueOf(rs.getString("method")), rs.getBoolean("demo")))
                .list();
    }

    /** The latest assessed year, if any. */
    public @Nullable Integer latestYear() {
        return jdbc.sql("select max(assess_year) from roads_assessment").query(Integer.class).optional().orElse(null);
    }

    /** 优良中等路率 in percent by length, by town ("" city-wide), of a year's assessments. */
    public Map<String, BigDecimal> goodFairRate(int year) {
        Map<Long, String> towns = new LinkedHashMap<>();
        register.segments().forEach(s -> towns.put(s.id(), s.townCode()));
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Assessment a : assessments(year)) {
            String town = towns.get(a.segmentId());
            for (String key : new String[] {"", town}) {
                BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(a.lengthKm());
                if (a.grade().goodOrFair()) {
                    s[1] = s[1].add(a.lengthKm());
                }
            }
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        sums.forEach((k, s) -> rates.put(k, RoadChiefs.Coverage.percent(s[1], s[0])));
        return rates;
    }

    /** The grade of each segment by its units' length-weighted MQI in a year (for the map). */
    public Map<Long, Grade> segmentGrades(int year) {
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Assessment a : assessments(year)) {
            BigDecimal[] s = sums.computeIfAbsent(a.segmentId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(a.lengthKm());
            s[1] = s[1].add(a.mqi().multiply(a.lengthKm()));
        }
        Map<Long, Grade> grades = new LinkedHashMap<>();
        LocalDate on = LocalDate.of(year, 12, 31);
        sums.forEach((id, s) -> grades.put(id, grade(s[1].divide(s[0], 2, RoundingMode.HALF_UP), on)));
        return grades;
    }
}
