package org.gongjian.ecology;

/** GEP conversion projects on the embedded H2 database. */
class ConversionProjectsH2Tests extends ConversionProjectsContract {
}
