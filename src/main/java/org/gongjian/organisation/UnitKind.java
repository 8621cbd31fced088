package org.gongjian.organisation;

/** What kind of body a unit is; towns and subdistricts are ranked together, departments apart. */
public enum UnitKind {
    /** 党委政府: the city's Party committee and government. */
    GOVERNMENT,
    /** 市直部门. */
    DEPARTMENT,
    /** 镇. */
    TOWN,
    /** 街道. */
    SUBDISTRICT,
    /** 管委会 (e.g. 翠山湖新区管委会). */
    MANAGEMENT_COMMITTEE,
    /** 金融服务银团. */
    FINANCIAL_CONSORTIUM,
    /** 志愿服务队. */
    VOLUNTEER_TEAM,
    /** 企业. */
    ENTERPRISE,
    /** Bodies outside the city: ministries, provincial departments. */
    EXTERNAL_BODY;

    /** Towns, subdistricts and the management committee: the 16 town-level units. */
    public boolean isTownLevel() {
        return this == TOWN || this == SUBDISTRICT || this == MANAGEMENT_COMMITTEE;
    }
}
