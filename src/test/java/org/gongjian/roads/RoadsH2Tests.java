package org.gongjian.roads;

/** The roads ledger's rules on the embedded H2 database. */
class RoadsH2Tests extends RoadsContract {
}
