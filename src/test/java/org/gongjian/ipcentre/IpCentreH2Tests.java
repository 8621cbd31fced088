package org.gongjian.ipcentre;

/** The IP centre's ledger on the embedded H2 database. */
class IpCentreH2Tests extends IpCentreContract {
}
