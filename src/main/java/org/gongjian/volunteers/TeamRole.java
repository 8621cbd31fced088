package org.gongjian.volunteers;

/** A captain (队长) or vice-captain (副队长) of a team, for a term. */
public enum TeamRole { CAPTAIN, VICE_CAPTAIN }
