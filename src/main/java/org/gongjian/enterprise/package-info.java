/**
 * The enterprise register (企业库): one record per enterprise keyed by its unified social credit code,
 * on the ground floor so that every ledger keeps its own records beside an enterprise instead of copying it.
 */
@ApplicationModule(displayName = "企业库")
@NullMarked
package org.gongjian.enterprise;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
