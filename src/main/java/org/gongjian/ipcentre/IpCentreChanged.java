package org.gongjian.ipcentre;

import java.time.LocalDate;

/** Something in the centre's ledger changed on a day; its figures are recomputed for that day. */
public record IpCentreChanged(LocalDate on) {
}
