package org.gongjian.ipcentre;

/** A patent agency; only agencies on the precision-service list (精准服务保障名单) may file through the centre. */
public record Agency(long id, String agencyCode, String name, boolean onPrecisionList, boolean demo, int version) {
}
