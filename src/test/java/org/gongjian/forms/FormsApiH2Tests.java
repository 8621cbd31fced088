package org.gongjian.forms;

/** The forms API on the embedded H2 database. */
class FormsApiH2Tests extends FormsApiContract {
}
