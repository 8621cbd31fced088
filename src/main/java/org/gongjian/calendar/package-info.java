/**
 * The official working-day calendar (工作日历), kept as data from each year's State Council holiday notice:
 * supervision's clocks, the ledgers' timers and assessment's appeal windows all count on it.
 */
@ApplicationModule(displayName = "工作日历")
@NullMarked
package org.gongjian.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
