package org.gongjian.finance;

/** Concurrent disbursements on the embedded H2 database. */
class DisbursementRaceH2Tests extends DisbursementRaceContract {
}
