/**
 * The rural roads ledger (四好农村路 + 路长制): the road register, road chiefs by level, patrols from a phone,
 * defects closed in a loop, yearly condition grades and demonstration roads, and the indicators they feed.
 */
@ApplicationModule(displayName = "农村公路台账")
@NullMarked
package org.gongjian.roads;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
