package org.gongjian.programme;

/** The standing kept as figures are written, on the embedded H2 database. */
class FigureDaysH2Tests extends FigureDaysContract {
}
