/**
 * The industry ledger (产业台账): output brackets, industry clusters and industry plans with yearly target paths
 * and layouts, computed from the figures of the enterprise register and fed to the programme's targets.
 */
@ApplicationModule(displayName = "产业台账")
@NullMarked
package org.gongjian.industry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
