/** The league table, scorecard, appeal, report-rating and scheme pages, the JSON API and the xlsx export. */
@NullMarked
package org.gongjian.assessment.web;

import org.jspecify.annotations.NullMarked;
