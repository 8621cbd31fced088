package org.gongjian.programme;

/** 示范 (a demonstration title), 试点 (a pilot), 名单 (a list entry) or 平台 (an approved centre or base). */
public enum HonourKind { DEMONSTRATION, PILOT, LISTING, PLATFORM }
