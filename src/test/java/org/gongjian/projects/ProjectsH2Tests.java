package org.gongjian.projects;

/** The key-projects ledger's rules on the embedded H2 database. */
class ProjectsH2Tests extends ProjectsContract {
}
