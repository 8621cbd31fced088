package org.gongjian.industry;

/** Something the ledger's figures depend on changed (a bracket, a plan, a layout element). */
record IndustryChanged() {
}
