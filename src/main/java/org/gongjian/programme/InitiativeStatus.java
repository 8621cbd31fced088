package org.gongjian.programme;

/** The stage an initiative's lead unit declares; supervision computes whether it is on track. */
public enum InitiativeStatus { NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED }
