/**
 * The IP rapid-protection centre's ledger (知识产权快速维权中心台账): registered firms beside the enterprise
 * register, design pre-examination cases on working-day clocks, protection cases, and the indicators they feed.
 */
@ApplicationModule(displayName = "知识产权快速维权中心台账")
@NullMarked
package org.gongjian.ipcentre;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
