package org.gongjian.programme;

import java.math.BigDecimal;
import java.util.Optional;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.shared.UnitOfMeasure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The seam between ledgers and targets: an observation becomes a LEDGER measurement of every target
 * bound to its indicator code and unit. A ledger that corrects a figure for the same date supersedes
 * its earlier measurement; the same figure delivered twice is recorded once, also when both arrive at once.
 */
@Component
class LedgerFeed {

    private static final Logger log = LoggerFactory.getLogger(LedgerFeed.class);

    private final TargetManagement targets;
    private final Organisation organisation;

    LedgerFeed(TargetManagement targets, Organisation organisation) {
        this.targets = targets;
        this.organisation = organisation;
    }

    @ApplicationModuleListener
    void on(IndicatorObserved observed) {
        Long unitId = null;
        if (observed.unitCode() != null) {
            Optional<Unit> unit = organisation.findByCode(observed.unitCode());
            if (unit.isEmpty()) {
                log.warn("Observation of {} for unknown unit {} ignored", observed.indicatorCode(), observed.unitCode());
                return;
            }
            unitId = unit.get().id();
        }
        for (Target target : targets.fedBy(observed.indicatorCode(), unitId)) {
            BigDecimal value = convert(observed.value(), observed.unitOfMeasure(), target.unit());
            if (value == null) {
                log.warn("Observation of {} in {} cannot feed target {} in {}", observed.indicatorCode(),
                        observed.unitOfMeasure(), target.code(), target.unit());
                continue;
            }
            feed(target, observed, value);
        }
    }

    /**
     * Records the figure unless the ledger's current one for the day already says it. The target's row is locked
     * first (this listener runs in a transaction of its own), so two observations of one target and day arriving
     * together are decided in turn: the second sees the first's figure and supersedes it or leaves it, instead of
     * both superseding the same row (a duplicate key) or both adding one.
     */
    private void feed(Target target, IndicatorObserved observed, BigDecimal value) {
        targets.serialised(target, () -> {
            Optional<Measurement> sameDay = targets.currentLedgerFigure(target, observed.asOf());
            if (sameDay.isPresent() && sameDay.get().value().compareTo(value) == 0) {
                return;
            }
            NewMeasurement report = new NewMeasurement(value, observed.asOf(), null,
                    sameDay.map(Measurement::id).orElse(null));
            var refused = targets.record(target, report, MeasurementSource.LEDGER, observed.source(),
                    "ledger:" + observed.source(), false, observed.knownAt());
            if (!refused.isEmpty()) {
                log.warn("Observation of {} for target {} ignored: {}", observed.indicatorCode(), target.code(),
                        refused.stream().map(v -> v.messageKey()).toList());
            }
        });
    }

    private static @Nullable BigDecimal convert(BigDecimal value, UnitOfMeasure from, UnitOfMeasure to) {
        if (from == to) {
            return value;
        }
        if (from.dimension() == UnitOfMeasure.Dimension.AREA && to.dimension() == UnitOfMeasure.Dimension.AREA) {
            return from.convert(value, to);
        }
        return null;
    }
}
