/**
 * Reports people hand on: the year-end review, the monthly bulletin, Word, PDF and HTML renderings,
 * and Excel exports, templates and imports.
 */
@ApplicationModule(displayName = "报表")
@NullMarked
package org.gongjian.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
