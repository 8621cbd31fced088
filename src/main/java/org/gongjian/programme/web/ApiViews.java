package org.gongjian.programme.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.gongjian.programme.EventData;
import org.gongjian.programme.HonourData;
import org.gongjian.programme.InitiativeData;
import org.gongjian.programme.MilestoneData;
import org.gongjian.programme.ProgrammeData;
import org.gongjian.programme.TargetData;

/** What the API answers for one entity: its id and version beside its fields. */
final class ApiViews {

    private ApiViews() {
    }

    record ProgrammeView(long id, int version, @JsonUnwrapped ProgrammeData data) {
    }

    record InitiativeView(long id, int version, String programme, @JsonUnwrapped InitiativeData data) {
    }

    record TargetView(long id, int version, String programme, int initiative, @JsonUnwrapped TargetData data) {
    }

    record MilestoneView(long id, int version, int initiative, @JsonUnwrapped MilestoneData data) {
    }

    record EventView(long id, int version, @JsonUnwrapped EventData data) {
    }

    record HonourView(long id, int version, @JsonUnwrapped HonourData data) {
    }
}
