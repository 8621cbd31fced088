package org.gongjian.volunteers;

/** A team applies, its supervising unit approves (or refuses) it, and it may be dissolved. */
public enum TeamStatus { APPLIED, APPROVED, REFUSED, DISSOLVED }
