/**
 * The bank–town pairing ledger (金融机构结对支持镇村经济发展): institutions, consortia paired with the towns, financing
 * subjects, visits, needs from declaration to loan, outreach events, monthly consortium reports, and the figures they feed.
 */
@ApplicationModule(displayName = "金融结对台账")
@NullMarked
package org.gongjian.finance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
