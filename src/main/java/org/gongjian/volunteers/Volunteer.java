package org.gongjian.volunteers;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A registered volunteer as shown: the ID-card number only masked. */
public record Volunteer(long id, int version, String name, String idMasked, String phone, @Nullable String skills,
        @Nullable String community, String town, @Nullable String username, boolean demo, LocalDate registeredOn) {
}
