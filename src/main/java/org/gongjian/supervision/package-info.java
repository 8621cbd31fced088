/**
 * Supervision (督查督办): where every target should be today and will be at its deadline, status and
 * early warning, supervision notices (督办单) with escalation, the working-day calendar and the
 * versioned policy parameters that set tolerances and time limits.
 */
@ApplicationModule(displayName = "督查督办")
@NullMarked
package org.gongjian.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
