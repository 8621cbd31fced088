package org.gongjian.programme.web;

import org.gongjian.programme.InitiativeStatus;

/**
 * The colour of a declared stage in charts; pages use the matching CSS class {@code decl-<STATUS>}
 * (app.css), always with the stage's word beside it. These are the lead unit's declared stages, not
 * the computed traffic lights (正常/预警/滞后/逾期) that supervision adds.
 */
final class StatusStyle {

    private StatusStyle() {
    }

    static String colour(InitiativeStatus status) {
        return switch (status) {
            case NOT_STARTED -> "#6b7280";
            case IN_PROGRESS -> "#00838f";
            case COMPLETED -> "#1565c0";
            case SUSPENDED -> "#b26a00";
        };
    }
}
