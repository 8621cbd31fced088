/**
 * Forest GEP and carbon-sink accounting (生态/GEP台账): the engine, stored and published accounts,
 * their pages, workbooks and command line, and the indicators they feed.
 */
@ApplicationModule(displayName = "生态/GEP台账")
@NullMarked
package org.gongjian.ecology;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
