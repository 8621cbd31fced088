package org.gongjian.ecology;

/** The GEP API on the embedded H2 database. */
class GepApiH2Tests extends GepApiContract {
}
