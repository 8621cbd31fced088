package org.gongjian.volunteers;

/** What kind of body a team comes from (机关, 学校, 医院, 国企, 两新组织, 社区, 村, 其他). */
public enum TeamType { ORGAN, SCHOOL, HOSPITAL, STATE_FIRM, NEW_ORG, COMMUNITY, VILLAGE, OTHER }
