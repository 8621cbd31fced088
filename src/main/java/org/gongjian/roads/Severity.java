package org.gongjian.roads;

/** How serious a defect is; the deadline to fix it (working days) is policy data per severity. */
public enum Severity { URGENT, MAJOR, GENERAL, MINOR }
