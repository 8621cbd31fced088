package org.gongjian.volunteers;

/** Who must approve a day's hours: nobody (up to 8 h), the team's organisation (up to 12 h), the city office. */
public enum HoursTier { AUTO, ORG, CITY }
