/** Units (departments, towns, committees, consortia, teams, outside bodies), user accounts and roles. */
@ApplicationModule(displayName = "组织")
@NullMarked
package org.gongjian.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
