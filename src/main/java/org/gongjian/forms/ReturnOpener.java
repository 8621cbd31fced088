package org.gongjian.forms;

import java.time.LocalDate;
import java.util.List;
import org.gongjian.organisation.Organisation;
import org.gongjian.organisation.Unit;
import org.gongjian.organisation.UnitKind;
import org.springframework.stereotype.Component;

/**
 * Opens one return per assigned unit and begun period, with the published version that applies to the
 * period; idempotent (the table's unique key is the last word).
 */
@Component
class ReturnOpener {

    private final FormStore store;
    private final Organisation organisation;

    ReturnOpener(FormStore store, Organisation organisation) {
        this.store = store;
        this.organisation = organisation;
    }

    /** Opens what is missing up to a day; the number of returns opened. */
    int open(Form form, LocalDate today) {
        int opened = 0;
        for (Form.Assignment a : form.assignments()) {
            LocalDate ends = a.endsOn() == null ? LocalDate.of(9999, 12, 31) : a.endsOn();
            for (Cycle.Period p : a.cycle().begun(a.startsOn(), ends, today)) {
                var version = form.applying(p.start());
                if (version.isEmpty()) {
                    continue;
                }
                LocalDate due = p.end().plusDays(a.dueDays());
                for (String unit : units(a)) {
                    if (store.openReturn(form.id(), version.get().id(), a.id(), unit, p, due, form.demo())) {
                        opened++;
                    }
                }
            }
        }
        return opened;
    }

    List<String> units(Form.Assignment a) {
        if (!a.unitCodes().isEmpty()) {
            return a.unitCodes();
        }
        List<Unit> units = Forms.TOWN_LEVEL.equals(a.unitKind()) ? organisation.townLevelUnits()
                : organisation.all().stream().filter(u -> u.kind() == UnitKind.valueOf(a.unitKind())).toList();
        return units.stream().filter(Unit::active).map(Unit::code).sorted().toList();
    }
}
