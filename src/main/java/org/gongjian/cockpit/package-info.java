/**
 * The leader's summary (领导一屏看): what is late and why, who is behind in the league, what changed
 * since last week and which supervision notices are overdue — on one screen, each line one tap from its
 * detail. It reads supervision's status engine and notices and assessment's league tables; it stores nothing.
 */
@ApplicationModule(displayName = "领导驾驶舱")
@NullMarked
package org.gongjian.cockpit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
