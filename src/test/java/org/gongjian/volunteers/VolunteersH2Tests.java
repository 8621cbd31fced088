package org.gongjian.volunteers;

/** The volunteers ledger on the embedded H2 database. */
class VolunteersH2Tests extends VolunteersContract {
}
