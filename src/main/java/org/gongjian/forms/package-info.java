/**
 * Data collection forms (数据填报): forms the office designs without code, the units that fill them on a
 * cycle, their returns with review and history, Excel templates, and the indicators accepted returns feed.
 */
@ApplicationModule(displayName = "数据填报")
@NullMarked
package org.gongjian.forms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
