package org.gongjian.supervision.web;

import java.time.LocalDate;
import java.util.Map;
import org.gongjian.supervision.NoticeView;

/** A notice as a line of a table: with its unit's name, badges and days overdue. */
record NoticeRows(NoticeView notice, String unit, String severityBadge, String levelBadge, long daysOverdue) {

    static NoticeRows of(NoticeView n, Map<Long, String> units, LocalDate today) {
        return new NoticeRows(n, units.getOrDefault(n.unitId(), String.valueOf(n.unitId())), Badges.of(n.severity()),
                Badges.of(n.level()), n.daysOverdue(today));
    }
}
