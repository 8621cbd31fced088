package org.gongjian.programme;

/** Where the pursuit of an honour stands: 谋划, 已申报, 获批建设, 已获评/入选, 未入选. */
public enum HonourStatus { PLANNED, APPLIED, APPROVED, AWARDED, NOT_SELECTED }
