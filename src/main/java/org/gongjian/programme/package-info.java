/**
 * Reform programmes: their initiatives (攻坚任务) with lead and co-units, targets and measurements,
 * milestones, events (大事记) and honours (试点示范), and the indicator catalogue that ledgers feed.
 */
@ApplicationModule(displayName = "攻坚任务")
@NullMarked
package org.gongjian.programme;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
