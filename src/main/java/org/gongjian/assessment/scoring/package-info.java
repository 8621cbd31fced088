/**
 * The scoring rules in plain Java (no Spring): items scored under a scheme into components and a total,
 * ranked within a peer group with the documented tie-break; reporting cycles and their reports.
 */
@NullMarked
package org.gongjian.assessment.scoring;

import org.jspecify.annotations.NullMarked;
