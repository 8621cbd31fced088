package org.gongjian.supervision.web;

import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.Status;

/** Bootstrap classes for the status colours: 绿 正常, 黄 预警, 红 滞后/逾期, 蓝 已完成, grey 无数据. */
final class Badges {

    private Badges() {
    }

    static String of(Status status) {
        return switch (status) {
            case ON_TRACK -> "text-bg-success";
            case AT_RISK -> "text-bg-warning";
            case OFF_TRACK, OVERDUE -> "text-bg-danger";
            case ACHIEVED -> "text-bg-primary";
            case NO_DATA -> "text-bg-secondary";
        };
    }

    static String of(NoticeLevel level) {
        return switch (level) {
            case REMINDER -> "text-bg-info";
            case CHASE -> "text-bg-warning";
            case SUPERVISE -> "text-bg-danger";
            case BULLETIN -> "text-bg-dark";
        };
    }
}
