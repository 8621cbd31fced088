package org.gongjian.volunteers;

/** The state of an hours-ledger entry: counted, waiting for the team's organisation or the city office, refused. */
public enum HoursStatus { EFFECTIVE, PENDING_ORG, PENDING_CITY, REJECTED }
