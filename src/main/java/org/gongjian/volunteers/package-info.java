/**
 * The volunteers ledger (百队千长万人行): real-name volunteers, teams and captains, activities, QR and GPS
 * check-ins, the append-only hours ledger, stars and service-record certificates, and the indicators it feeds.
 */
@ApplicationModule(displayName = "志愿服务台账")
@NullMarked
package org.gongjian.volunteers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
