/**
 * Small open value types and web plumbing that every module uses: units of measure, partial dates,
 * Chinese number formats, problem details and the locale.
 */
@ApplicationModule(displayName = "共享", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.gongjian.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
