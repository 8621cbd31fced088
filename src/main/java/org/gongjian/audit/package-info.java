/** The append-only audit trail: who changed which entity when, with its values before and after. */
@ApplicationModule(displayName = "审计")
@NullMarked
package org.gongjian.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
