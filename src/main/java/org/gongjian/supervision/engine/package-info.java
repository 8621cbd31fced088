/**
 * The status engine's maths in plain Java (no Spring): planned paths, time progress, the linear-trend
 * forecast, the status rules and the working-day calendar. Unit-tested on known series.
 */
@NullMarked
package org.gongjian.supervision.engine;

import org.jspecify.annotations.NullMarked;
