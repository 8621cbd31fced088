package org.gongjian.volunteers;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A volunteer team (志愿服务队). */
public record Team(long id, int version, String name, TeamType type, String supervisingOrg, String town,
        @Nullable String community, TeamStatus status, @Nullable String approvedBy, boolean demo, LocalDate createdOn) {
}
