package org.gongjian.shared;

/** How much of a date is known: the article says "3月" as often as "5月22日". */
public enum DatePrecision { DAY, MONTH, YEAR }
