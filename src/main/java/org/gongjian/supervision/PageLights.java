package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongjian.programme.StatusLights;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The status engine's results in the terms the programme's pages ask for ({@link StatusLights}): the
 * dashboard gets one evaluation of the whole programme, an initiative page one of its initiative with
 * each target's planned path and forecast line.
 */
@Component
class PageLights implements StatusLights {

    private static final Map<Status, Light> LIGHTS = new EnumMap<>(Status.class);
    private static final List<Light> SCALE;

    static {
        for (Status s : Status.values()) {
            LIGHTS.put(s, new Light(s.name(), s.severity(), s.colour(), s.messageKey(), s.needsAttention()));
        }
        SCALE = Arrays.stream(Status.values()).sorted(Comparator.comparingInt(Status::severity).reversed())
                .map(LIGHTS::get).toList();
    }

    private final StatusEngine engine;

    PageLights(StatusEngine engine) {
        this.engine = engine;
    }

    @Override
    public Lights programme(String programmeCode, LocalDate asOf) {
        ProgrammeStatus status = engine.status(programmeCode, asOf);
        Map<Long, Light> initiatives = new HashMap<>();
        Map<Long, TargetLight> targets = new HashMap<>();
        for (InitiativeStanding i : status.initiatives()) {
            initiatives.put(i.initiativeId(), LIGHTS.get(i.status()));
            i.targets().forEach(t -> targets.put(t.targetId(), target(t, null)));
        }
        return new Lights(asOf, SCALE, initiatives, targets);
    }

    @Override
    public Lights initiative(String programmeCode, long initiativeId, LocalDate asOf) {
        StatusEngine.InitiativeCharts charts = engine.charts(programmeCode, initiativeId, asOf);
        Map<Long, TargetLight> targets = new HashMap<>();
        charts.charts().forEach(c -> targets.put(c.status().targetId(), target(c.status(), c)));
        return new Lights(asOf, SCALE, Map.of(initiativeId, LIGHTS.get(charts.standing().status())), targets);
    }

    private static TargetLight target(TargetStatus t, @Nullable TargetChart chart) {
        Forecast f = t.forecast();
        DatedPoint from = chart == null || chart.forecast().isEmpty() ? null : point(chart.forecast().get(0));
        Outlook outlook = new Outlook(f.points(), Forecast.MIN_POINTS, f.at(), f.value(), f.lower(), f.upper(),
                f.confidence(), f.probability(), from);
        List<DatedPoint> path = chart == null ? List.of() : chart.planned().stream().map(PageLights::point).toList();
        return new TargetLight(LIGHTS.get(t.status()), t.reason().messageKey(), t.progress(), t.timeProgress(),
                t.gapPoints(), path, chart != null && chart.plannedSteps(), outlook);
    }

    private static DatedPoint point(DatedValue v) {
        return new DatedPoint(v.date(), v.value());
    }
}
