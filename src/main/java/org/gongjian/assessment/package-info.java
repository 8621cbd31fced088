/**
 * Assessment and ranking (考核排名, 争先进位): versioned scoring schemes, unit scores per period computed
 * from the data as it stood at the period's end and explained item by item, league tables within peer
 * groups with movement and rank history, the office's quality ratings of progress reports, and appeals.
 */
@ApplicationModule(displayName = "考核排名")
@NullMarked
package org.gongjian.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
