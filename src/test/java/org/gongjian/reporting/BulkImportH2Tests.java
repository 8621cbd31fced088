package org.gongjian.reporting;

/** The bulk import on the embedded H2 database. */
class BulkImportH2Tests extends BulkImportContract {
}
