package org.gongjian.supervision.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gongjian.organisation.Unit;
import org.gongjian.organisation.UnitKind;

/**
 * The units a notice may be sent to, grouped by kind in the official order: the towns and subdistricts
 * (镇街) in the order of their administrative division codes (data of each unit, e.g. 长沙街道 440783001, 三埠街道
 * 002, then 月山镇 100 … 赤水镇 112), units without one (the management committee) after them; then the city's
 * departments (市直部门). Outside
 * bodies (ministries, provincial departments), enterprises and teams are never offered: a 督办单 goes to a
 * unit of the city.
 */
final class UnitChoices {

    record Choice(String code, String name) {
    }

    record Group(String labelKey, List<Choice> units) {
    }

    private UnitChoices() {
    }

    static List<Group> of(List<Unit> all, Locale locale) {
        List<Unit> towns = all.stream().filter(Unit::active).filter(u -> u.kind().isTownLevel())
                .sorted(Comparator.comparing(Unit::divisionCode, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Unit::kind).thenComparing(Unit::code))
                .toList();
        List<Unit> departments = all.stream().filter(Unit::active)
                .filter(u -> u.kind() == UnitKind.GOVERNMENT || u.kind() == UnitKind.DEPARTMENT)
                .sorted(Comparator.comparing(Unit::kind).thenComparing(Unit::code)).toList();
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("notice.new.units.towns", choices(towns, locale)));
        groups.add(new Group("notice.new.units.departments", choices(departments, locale)));
        return groups;
    }

    private static List<Choice> choices(List<Unit> units, Locale locale) {
        return units.stream().map(u -> new Choice(u.code(), u.displayName(locale))).toList();
    }
}
