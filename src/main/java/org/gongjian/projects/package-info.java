/**
 * The key-projects ledger (重点项目): projects by their national code, annual plans, monthly progress reports
 * reviewed by the office, milestones, coordination problems, and the investment figures they feed to targets.
 */
@ApplicationModule(displayName = "重点项目台账")
@NullMarked
package org.gongjian.projects;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
