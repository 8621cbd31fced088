package org.gongjian.programme;

/** The programme API on the embedded H2 database. */
class ProgrammeApiH2Tests extends ProgrammeApiContract {
}
