package org.gongjian.programme;

/** The level of the body that grants an honour or names a pilot. */
public enum HonourLevel { NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY }
