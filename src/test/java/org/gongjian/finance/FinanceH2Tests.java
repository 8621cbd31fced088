package org.gongjian.finance;

/** The pairing ledger's rules on the embedded H2 database. */
class FinanceH2Tests extends FinanceContract {
}
