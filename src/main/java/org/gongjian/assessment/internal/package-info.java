/** Storage and collection behind the assessment services: runs, ratings, notice facts, appeals, the demo. */
@NullMarked
package org.gongjian.assessment.internal;

import org.jspecify.annotations.NullMarked;
