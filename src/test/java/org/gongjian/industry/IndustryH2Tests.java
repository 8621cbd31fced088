package org.gongjian.industry;

/** The industry ledger's rules on the embedded H2 database. */
class IndustryH2Tests extends IndustryContract {
}
